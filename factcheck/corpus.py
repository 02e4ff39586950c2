"""The claims corpus: reading ``claims/*.yaml`` into a validated table, and writing it back.

:func:`load_corpus` reads every claims file, gathers every problem before it raises (one bad
file does not hide the problems of the others), resolves names through the registries and
validates the claims table with the pandera schema of :mod:`factcheck.schema`. Unchanged files
are not parsed again: their rows come from a cache keyed by the file's content, the registry
and the code that reads it (see :func:`_code_digest`), so a stale entry can never be used.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import pickle
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from factcheck._version import __version__
from factcheck.claims import COMPARATIVE_MEASURES, FIELD_ORDER, Claim, Document, Selector
from factcheck.collector import collector_paused
from factcheck.errors import InputErrors, Problem
from factcheck.figures import figure_row
from factcheck.periods import PeriodError, parse_period
from factcheck.registry import Registry, load_registry
from factcheck.schema import COLUMNS, validate_table
from factcheck.yamlio import (
    LineDict,
    LineList,
    YamlFileError,
    decode_text,
    dump_yaml,
    parse_yaml,
    read_bytes,
    write_atomic,
)

REQUIRED_CLAIM_FIELDS = ("id", "metric", "value", "period", "quote")
_CLAIM_KEYS = {f.name for f in fields(Claim)} - {
    "document",
    "file",
    "file_line",
    "start",
    "end",
    "extra",
}
_DOCUMENT_KEYS = {f.name for f in fields(Document)} - {"file", "extra"}
CACHE_DIR = ".factcheck-cache"


@dataclass(frozen=True)
class Corpus:
    """Documents and their claims, with the validated claims table.

    Attributes:
        documents: document id → :class:`Document`.
        table: one row per claim (columns: :data:`factcheck.schema.COLUMNS`).
        registry: the metrics and subjects the names were resolved against.
    """

    documents: Mapping[str, Document]
    table: pd.DataFrame = field(repr=False)
    registry: Registry = field(repr=False)

    @cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim as a :class:`Claim` value, in table order."""
        return tuple(claim_from_row(row) for row in self.table.itertuples(index=False))

    def claim(self, key: str) -> Claim:
        """The claim ``document#id``."""
        for c in self.claims:
            if c.key == key:
                return c
        raise KeyError(key)

    def __len__(self) -> int:
        return len(self.table)


# --------------------------------------------------------------------------- loading


def claim_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """The claims files under the given files and folders, in a stable order."""
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    out: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.yaml") if q.is_file()))
            out.extend(sorted(q for q in p.rglob("*.yml") if q.is_file()))
        else:
            out.append(p)
    return out


def default_rules_dir(paths: str | Path | Iterable[str | Path]) -> Path:
    """``rules/`` beside the claims folder, else ``./rules``."""
    first = Path(paths) if isinstance(paths, str | Path) else Path(next(iter(paths), "."))
    base = first if first.is_dir() else first.parent
    for candidate in (base.parent / "rules", base / "rules", Path("rules")):
        if (candidate / "metrics.yaml").exists():
            return candidate
    return Path("rules")


def load_corpus(
    path: str | Path | Iterable[str | Path] = "claims",
    rules: str | Path | Registry | None = None,
    *,
    cache: bool | str | Path = False,
) -> Corpus:
    """Read every claims file under ``path`` and validate the claims.

    Args:
        path: a claims folder (read recursively), a file, or several of them.
        rules: the rules folder holding ``metrics.yaml`` and ``subjects.yaml``, or a
            loaded :class:`Registry`; default ``rules/`` beside the claims folder.
        cache: ``True`` (or a folder) keeps the parsed rows of each file in
            ``.factcheck-cache/`` so that an unchanged file is not parsed again.

    Raises:
        InputErrors: every problem found, each with file, line, the offending value and
            what was expected.
    """
    registry = (
        rules if isinstance(rules, Registry) else load_registry(rules or default_rules_dir(path))
    )
    with collector_paused():
        return _load(path, registry, cache)


def _load(path: Any, registry: Registry, cache: bool | str | Path) -> Corpus:
    files = claim_files(path)
    problems: list[Problem] = []
    if not files:
        problems.append(Problem(f"在 {path} 下找不到声明文件（*.yaml）", str(path), code="FC005"))
    cache_dir = _cache_dir(cache, path)
    documents: dict[str, Document] = {}
    frames: list[pd.DataFrame] = []
    fresh: list[tuple[Path, str | None, Document, pd.DataFrame, bool]] = []
    for file in files:
        loaded = _load_file(file, registry, cache_dir)
        problems.extend(loaded.problems)
        doc, frame = loaded.document, loaded.frame
        if doc is None or frame is None:
            continue
        if doc.id in documents:
            other = documents[doc.id]
            problems.append(
                Problem(
                    f"文档 id「{doc.id}」重复：{other.file} 中已有；每个文档的 id 在语料中应唯一",
                    str(file),
                    _doc_line(doc),
                    code="FC006",
                )
            )
            continue
        documents[doc.id] = doc
        if not loaded.from_cache:
            fresh.append((file, loaded.key, doc, frame, not loaded.problems))
        if len(frame):  # an empty frame has no dtypes to give the table
            frames.append(frame)
    table = pd.concat(frames, ignore_index=True) if frames else _empty_table()
    problems.extend(_validate_fresh(table, frames, fresh, registry))
    # part_of can only name a claim of its own document, that is of its own file: it is checked
    # when the file is parsed, and only in files without other problems (a claim dropped for a
    # missing field would make every part_of naming it look dangling). A file from the cache
    # had no problem of any kind, so a warm load has nothing to check.
    troubled = {p.path for p in problems}
    for file, _key, _doc, frame, _clean in fresh:
        if str(file) not in troubled:
            problems.extend(_check_references(frame))
    if cache_dir is not None:
        invalid = {p.path for p in problems}
        written: list[str] = []
        for file, key, doc, frame, clean in fresh:
            if key is None or not clean or str(file) in invalid:
                continue
            if _cache_put(cache_dir, key, doc, frame):
                written.append(key)
        _cache_prune(cache_dir, written)
    if problems:
        raise InputErrors(sorted(problems, key=lambda p: (p.path or "", p.line or 0)))
    return Corpus(documents, table, registry)


def _validate_fresh(
    table: pd.DataFrame,
    frames: list[pd.DataFrame],
    fresh: list[tuple[Path, str | None, Document, pd.DataFrame, bool]],
    registry: Registry,
) -> list[Problem]:
    """Validate the rows that did not come from the cache, in one pass of the schema.

    ``table`` is the concatenation of ``frames``; ``fresh`` names the frames just parsed.

    One pass over the whole table costs about as much as one pass over a single file:
    pandera's cost is mostly per call, not per row.
    """
    fresh_ids = {id(item[3]) for item in fresh}
    is_fresh = [id(f) in fresh_ids for f in frames]
    if not any(is_fresh):
        return []
    if all(is_fresh):
        return validate_table(table, registry)
    mask = np.repeat(is_fresh, [len(f) for f in frames])
    return validate_table(table[mask], registry)


def _doc_line(doc: Document) -> int | None:
    return dict(doc.extra).get("__line__")


def _cache_dir(cache: bool | str | Path, path: Any) -> Path | None:
    if cache is False:
        return None
    if cache is True:
        first = Path(path) if isinstance(path, str | Path) else Path(".")
        base = first if first.is_dir() else first.parent
        return base.parent / CACHE_DIR
    return Path(cache)


@dataclass(frozen=True)
class _Loaded:
    """What reading one claims file gave: its document and rows (not yet validated when
    freshly parsed), the problems found so far, and its cache key."""

    document: Document | None
    frame: pd.DataFrame | None
    problems: list[Problem]
    key: str | None = None
    from_cache: bool = False


def _load_file(file: Path, registry: Registry, cache_dir: Path | None) -> _Loaded:
    try:
        raw = read_bytes(file)
    except YamlFileError as exc:
        return _Loaded(None, None, [exc.problem])
    key = None
    if cache_dir is not None:
        key = _cache_key(file, raw, registry)
        cached = _cache_get(cache_dir, key)
        if cached is not None:
            return _Loaded(*cached, [], key, from_cache=True)
    try:
        text = decode_text(raw, file)
        data = parse_yaml(text, str(file))
    except YamlFileError as exc:
        return _Loaded(None, None, [exc.problem], key)
    doc, records, problems = _read_records(data, str(file), text)
    if doc is None:
        return _Loaded(None, None, problems, key)
    rows = [figure_row(r, doc, registry) for r in records]
    frame = pd.DataFrame(rows, columns=list(COLUMNS)) if rows else _empty_table()
    return _Loaded(doc, frame, problems, key)


# --------------------------------------------------------------------------- the cache
#
# One entry per claims file, named by a hash of everything its rows depend on: the file's
# path and bytes, the registry, factcheck's own code and the libraries that shape the table.
# An entry is written only for a file without problems, to a temporary file renamed into
# place; it starts with a header (format, key, payload length) so that a truncated, foreign
# or damaged entry is recognised and the file parsed again.
#
# The name starts with a hash of the path alone (the file's "slot"): when a file is parsed
# again because its content, the registry or factcheck changed, the entry just written
# replaces the others of its slot, so the cache holds one entry per file rather than one per
# version of every file ever loaded (a million claims take 300 MB a version).

_CACHE_FORMAT = b"factcheck-corpus-cache 2\n"


@cache
def _code_digest() -> str:
    """A hash of the code the cached rows come from: this module and every factcheck module it
    imports, directly or not, the package's data files, and the versions of the libraries that
    shape the table. Any change to them invalidates every entry; a change elsewhere in
    factcheck (the engine, extraction) does not."""
    import sys

    import pandera
    import pint
    import yaml

    digest = hashlib.sha256(_CACHE_FORMAT)
    versions = (pd, np, yaml, pint, pandera)
    for name in (__version__, sys.version, *(v.__version__ for v in versions)):
        digest.update(f"{name}\0".encode())
    package = Path(__file__).parent
    sources = [*sorted(package.glob("*.txt")), *_imported_sources(package, "corpus")]
    for source in sources:
        digest.update(f"{source.name}\0".encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+factcheck\.(\w+)|^\s*from\s+factcheck\s+import\s+(\w+)", re.M
)


def _imported_sources(package: Path, start: str) -> list[Path]:
    """The source files of factcheck module ``start`` and of those it imports, at any depth
    (imports inside functions included), in a stable order."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        source = package / f"{name}.py"
        if name in seen or not source.is_file():
            continue
        seen.add(name)
        for match in _IMPORT.finditer(source.read_text(encoding="utf-8")):
            todo.append(match.group(1) or match.group(2))
    return [package / f"{name}.py" for name in sorted(seen)]


# Read the sources now, when they are the code this process runs: a file edited later must not
# lend its hash to rows made by the code loaded before.
_code_digest()


def _cache_key(file: Path, raw: bytes, registry: Registry) -> str:
    head = f"{_code_digest()}\0{registry.digest}\0{file}\0".encode()
    slot = hashlib.sha256(str(file).encode()).hexdigest()[:_SLOT]
    return f"{slot}-{hashlib.sha256(head + raw).hexdigest()}"


_SLOT = 16
_ENTRY = re.compile(rf"^(?:([0-9a-f]{{{_SLOT}}})-)?[0-9a-f]{{64}}\.pickle$")


def _cache_prune(cache_dir: Path, written: list[str]) -> None:
    """Remove the entries the ones just ``written`` replace: those of the same slot, and
    entries named the way factcheck named them before slots (no version reads them).

    Only names factcheck writes are touched; another process may have removed one first.
    Entries of files no longer loaded stay until their slot is written again.
    """
    if not written:
        return
    current = {key.partition("-")[0]: f"{key}.pickle" for key in written}
    try:
        names = [entry.name for entry in os.scandir(cache_dir)]
    except OSError:
        return
    for name in names:
        match = _ENTRY.match(name)
        if match is None:
            continue
        slot = match.group(1)
        if slot is None or (slot in current and name != current[slot]):
            # One that cannot be removed stays: it is never read under another file's key.
            with contextlib.suppress(OSError):
                (cache_dir / name).unlink(missing_ok=True)


def _cache_get(cache_dir: Path, key: str) -> tuple[Document, pd.DataFrame] | None:
    entry = cache_dir / f"{key}.pickle"
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    header = _CACHE_FORMAT + key.encode() + b"\n"
    payload = memoryview(blob)[len(header) + 8 :]
    if not blob.startswith(header):
        return None
    if int.from_bytes(blob[len(header) : len(header) + 8], "little") != len(payload):
        return None  # cut short
    try:
        doc, frame = pickle.loads(payload)  # our own entry, named by the content hash
    except Exception:  # a damaged entry is parsed again, never trusted
        return None
    if not isinstance(doc, Document) or not isinstance(frame, pd.DataFrame):
        return None
    if tuple(frame.columns) != COLUMNS:
        return None
    return doc, frame


def _cache_put(cache_dir: Path, key: str, doc: Document, frame: pd.DataFrame) -> bool:
    """Write one entry; False where the folder cannot be written (a read-only checkout
    works without the cache)."""
    payload = pickle.dumps((doc, frame), protocol=pickle.HIGHEST_PROTOCOL)
    header = _CACHE_FORMAT + key.encode() + b"\n" + len(payload).to_bytes(8, "little")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(cache_dir / f"{key}.pickle", header + payload)
    except OSError:
        return False
    return True


def write_atomic_bytes(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_records(
    data: Any, path: str, text: str
) -> tuple[Document | None, list[dict[str, Any]], list[Problem]]:
    problems: list[Problem] = []
    if data is None:
        return (
            None,
            [],
            [Problem("文件为空；应包含 document 和 claims 两部分", path, 1, code="FC005")],
        )
    if not isinstance(data, dict):
        return (
            None,
            [],
            [
                Problem(
                    f"文件顶层应为映射（document、claims），实际为{_yaml_kind(data)}",
                    path,
                    1,
                    code="FC005",
                )
            ],
        )
    for key, line in getattr(data, "duplicates", []):
        problems.append(Problem(f"键「{key}」重复；每个键只能出现一次", path, line, code="FC005"))
    doc_data = data.get("document")
    if not isinstance(doc_data, dict):
        line = data.line_of("document") if isinstance(data, LineDict) else 1
        return (
            None,
            [],
            [
                *problems,
                Problem(
                    "缺少 document 部分（含 id、title、published、region）",
                    path,
                    line,
                    code="FC006",
                ),
            ],
        )
    for key, line in getattr(doc_data, "duplicates", []):
        problems.append(
            Problem(f"document 中键「{key}」重复；每个键只能出现一次", path, line, code="FC006")
        )
    doc_id = doc_data.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        line = _line_of(doc_data, "id") if "id" in doc_data else _line_of(data, "document")
        problems.append(
            Problem(
                "document 缺少 id；应为语料中唯一的文档标识，如 jimo-2024-reform",
                path,
                line,
                code="FC006",
            )
        )
        return None, [], problems
    extra = {k: v for k, v in doc_data.items() if k not in _DOCUMENT_KEYS}
    extra["__line__"] = _line_of(doc_data, "id")
    published = doc_data.get("published")
    if published is not None:
        try:
            parse_period(published)
        except PeriodError as exc:
            problems.append(
                Problem(
                    f"document.published {published!r} 无法识别：{exc}",
                    path,
                    _line_of(doc_data, "published"),
                    code="FC006",
                )
            )
    doc = Document(
        id=str(doc_id),
        title=_opt_str(doc_data.get("title")),
        publisher=_opt_str(doc_data.get("publisher")),
        published=_opt_str(published),
        region=_opt_str(doc_data.get("region")),
        source=_opt_str(doc_data.get("source")),
        file=path,
        extra=tuple(extra.items()),
    )
    claims = data.get("claims")
    if claims is None:
        claims = []
        # claim: or Claims: instead of claims: would otherwise drop every claim of the file
        # without a word.
        others = [str(k) for k in data if k not in ("document", "claims")]
        if "claims" not in data and others:
            problems.append(
                Problem(
                    f"缺少 claims 部分；见到顶层键「{others[0]}」，应为 claims（声明的列表）",
                    path,
                    _line_of(data, others[0]),
                    code="FC005",
                )
            )
    if not isinstance(claims, list):
        problems.append(
            Problem(
                "claims 应为声明的列表（每项以 - 开头）",
                path,
                _line_of(data, "claims"),
                code="FC005",
            )
        )
        return doc, [], problems
    records: list[dict[str, Any]] = []
    for index, item in enumerate(claims):
        item_line = (
            claims.line_of(index) if isinstance(claims, LineList) else _line_of(data, "claims")
        )
        record, item_problems = _read_claim(item, path, item_line)
        problems.extend(item_problems)
        if record is not None:
            records.append(record)
    return doc, records, problems


def _line_of(mapping: Any, key: str) -> int:
    """The line of ``key`` in a mapping read from YAML (1 for a mapping built otherwise)."""
    return mapping.line_of(key) if isinstance(mapping, LineDict) else 1


def _yaml_kind(value: Any) -> str:
    """What a YAML value is, in words: 列表, 文本, 数字 …"""
    if isinstance(value, list):
        return "列表（以 - 开头的项）"
    if isinstance(value, str):
        return f"文本「{value[:20]}」"
    if isinstance(value, bool | int | float):
        return f"数字或布尔值 {value!r}"
    return type(value).__name__


def _selector_shaped(value: Any) -> bool:
    """A selector mapping, or one name standing for it (of: 地区生产总值, against: 2022)."""
    return isinstance(value, dict) or (isinstance(value, str | int) and not isinstance(value, bool))


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_claim(item: Any, path: str, line: int) -> tuple[dict[str, Any] | None, list[Problem]]:
    if not isinstance(item, LineDict):
        return None, [
            Problem(
                f"声明应为映射（id、metric、value、period …），实际为 {item!r}",
                path,
                line,
                code="FC005",
            )
        ]
    problems = [
        Problem(f"声明中键「{k}」重复；每个键只能出现一次", path, line, code="FC005")
        for k, line in item.duplicates
    ]
    cid = item.get("id")
    label = f"声明「{cid}」" if cid is not None and str(cid).strip() else "声明"
    required = "、".join(REQUIRED_CLAIM_FIELDS)
    for name in REQUIRED_CLAIM_FIELDS:
        value = item.get(name)
        if value is None:
            message, line = f"{label}缺少 {name}；每条声明都应有 {required}", item.line
        elif isinstance(value, str) and not value.strip():
            message = f"{label}的 {name} 为空；每条声明都应有非空的 {required}"
            line = item.line_of(name)
        else:
            continue
        problems.append(Problem(message, path, line, code="FC005"))
    for name in ("of", "against"):
        # One name stands for a selector of that one field (of: 地区生产总值, against: '2022').
        if name in item and not _selector_shaped(item[name]):
            problems.append(
                Problem(
                    f"{label}的 {name} 应为选择器映射，如 {{metric: 地区生产总值}}，"
                    f"或一个指标、地区或时期的名字，实际为 {item[name]!r}",
                    path,
                    item.line_of(name),
                    code="FC005",
                )
            )
    if "ignore" in item and not isinstance(item["ignore"], dict):
        problems.append(
            Problem(
                f"{label}的 ignore 应为「代码: 理由」映射，如 {{FC201: 口径不同}}",
                path,
                item.line_of("ignore"),
                code="FC005",
            )
        )
    if problems:
        return None, problems
    record = dict(item)
    record["__line__"] = item.line
    record["__key_lines__"] = item.key_lines
    record["__file__"] = path
    return record, []


def _check_references(frame: pd.DataFrame) -> list[Problem]:
    """Every ``part_of`` of one file's claims names a claim of the same file."""
    part_of = frame["part_of"]
    dangling = part_of.notna() & ~part_of.isin(set(frame["id"]))
    return [
        Problem(
            f"声明「{row['id']}」的 part_of「{row['part_of']}」不存在；"
            "应为同一文档中另一条声明的 id",
            str(row["file"]),
            int(row["line_part_of"]),
            code="FC007",
        )
        for row in frame.loc[dangling, ["id", "part_of", "file", "line_part_of"]].to_dict("records")
    ]


def _empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})


def claim_record(claim: Claim, file: str | None = None) -> dict[str, Any]:
    """The YAML-like record of a claim, as the loader would have read it."""
    record: dict[str, Any] = {}
    for name in _CLAIM_KEYS:
        value = getattr(claim, name)
        if value is None or value == () or (name == "quote" and value == ""):
            continue
        if isinstance(value, Selector):
            value = value.to_mapping()
        if name == "ignore":
            value = dict(value)
        record[name] = value
    record.update(dict(claim.extra))
    line = claim.file_line or claim.line or 1
    record["__line__"] = line
    record["__key_lines__"] = {}
    record["__file__"] = file or claim.file or claim.document
    return record


def extend_corpus(
    corpus: Corpus, document: Document, claims: Iterable[Claim], *, draft: bool = False
) -> Corpus:
    """The corpus with one more document (a draft) and its claims, validated like the rest.

    Args:
        draft: the claims were read from a draft by the extractor. A share above 100% is then
            kept: in a claims file it is a mistake of the file (FC010), in a draft a figure
            the check reports (FC212, or FC201 against its part and whole).

    Raises:
        InputErrors: the document's id is taken, or a claim does not validate.
    """
    if document.id in corpus.documents:
        raise InputErrors(
            [
                Problem(
                    f"文档 id「{document.id}」已在语料中；草稿应使用不同的 id",
                    document.file,
                    code="FC006",
                )
            ]
        )
    records = [claim_record(c, document.file) for c in claims]
    rows = [figure_row(r, document, corpus.registry) for r in records]
    frame = pd.DataFrame(rows, columns=list(COLUMNS)) if rows else _empty_table()
    allow = frozenset({"share_in_range"}) if draft else frozenset()
    problems = validate_table(frame, corpus.registry, allow=allow)
    if problems:
        raise InputErrors(problems)
    parts = [t for t in (corpus.table, frame) if len(t)]  # empty frames have no dtypes
    table = pd.concat(parts, ignore_index=True) if parts else _empty_table()
    return Corpus({**corpus.documents, document.id: document}, table, corpus.registry)


# --------------------------------------------------------------------------- claims from rows


def claim_from_row(row: Any) -> Claim:
    """Rebuild the :class:`Claim` value a table row was made from.

    Optional fields missing from the table are ``NaN`` or ``None`` depending on the column's
    dtype after concatenation; both become ``None`` here.
    """
    return Claim(
        id=row.id,
        document=row.document,
        metric=row.metric,
        value=row.value,
        period=row.period,
        quote=_missing(row.quote) or "",
        subject=_missing(row.subject),
        measure=row.measure,
        of=_selector(row.of),
        against=_selector(row.against),
        base=_missing(row.base),
        status=row.status,
        basis=_missing(row.basis),
        scope=_missing(row.scope),
        part_of=_missing(row.part_of),
        line=None if _missing(row.line) is None else int(row.line),
        column=None if _missing(row.column) is None else int(row.column),
        file=row.file,
        file_line=int(row.file_line),
        ignore=tuple(sorted((_missing(row.ignore) or {}).items())),
        extra=tuple((_missing(row.extra) or {}).items()),
    )


def _missing(value: Any) -> Any:
    """``None`` for a missing table cell (``None``, ``NaN``, ``pd.NA``), else the value."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _selector(value: Any) -> Selector | None:
    value = _missing(value)
    if not value:
        return None
    return Selector.from_mapping(value)


# --------------------------------------------------------------------------- writing


def document_data(document: Document, claims: Iterable[Claim]) -> dict[str, Any]:
    """The YAML structure of one claims file (the Contract format of ``claims/README.md``)."""
    doc: dict[str, Any] = {}
    for name in ("id", "title", "publisher", "published", "region", "source"):
        value = getattr(document, name)
        if value is not None:
            doc[name] = value
    doc.update({k: v for k, v in document.extra if not k.startswith("__")})
    items = []
    for c in claims:
        record: dict[str, Any] = {}
        for name in FIELD_ORDER:
            value = getattr(c, name, None)
            if value is None or value == () or (name == "measure" and value == "level"):
                continue
            if name == "quote" and value == "":
                continue  # a claim read without a quote is written without one
            if name == "status" and value == "actual":
                continue
            if isinstance(value, Selector):
                value = value.to_mapping()
            if name == "ignore":
                value = dict(value)
            record[name] = value
        record.update({k: v for k, v in c.extra if not k.startswith("__")})
        items.append(record)
    return {"document": doc, "claims": items}


def dump_document(
    document: Document, claims: Iterable[Claim], path: str | Path | None = None
) -> str:
    """YAML text of a claims file; written atomically to ``path`` when given."""
    text = dump_yaml(document_data(document, claims))
    if path is not None:
        write_atomic(Path(path), text)
    return text


def dump(corpus: Corpus, folder: str | Path) -> list[Path]:
    """Write every document of a corpus into ``folder``, one file each, atomically."""
    out: list[Path] = []
    by_doc: dict[str, list[Claim]] = {d: [] for d in corpus.documents}
    for c in corpus.claims:
        by_doc[c.document].append(c)
    for doc_id, doc in corpus.documents.items():
        target = Path(folder) / f"{doc_id}.yaml"
        dump_document(doc, by_doc[doc_id], target)
        out.append(target)
    return out


__all__ = [
    "COMPARATIVE_MEASURES",
    "Corpus",
    "claim_files",
    "dump",
    "dump_document",
    "extend_corpus",
    "load_corpus",
]
