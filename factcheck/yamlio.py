"""Reading YAML with line numbers, and writing files atomically.

Every mapping read through :func:`read_yaml` is a :class:`LineDict`: a dict that also knows
the line it starts on and the line of each key, and every sequence a :class:`LineList` that
knows the line of each item, so that a problem found later names the line the user wrote.
YAML is loaded safely, with libyaml's C parser when present.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import Problem

try:  # libyaml's parser is several times faster; construction stays safe either way
    _BaseLoader: Any = yaml.CSafeLoader
    _Dumper: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _BaseLoader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper


class LineDict(dict[str, Any]):
    """A mapping from YAML with ``line`` (where it starts) and ``key_lines`` (line of each key)."""

    line: int = 0
    key_lines: dict[str, int]
    duplicates: list[tuple[str, int]]

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence from YAML with ``line`` (where it starts) and ``item_lines`` (of each item)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        """The line of item ``index``, or of the sequence when there is no such item."""
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
#: Keys that make flatten_mapping rewrite a mapping (``<<: *anchor``, ``=``).
_FLATTEN = frozenset(("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"))


class _LineLoader(_BaseLoader):
    # The resolver and constructor below give exactly what PyYAML's safe loader gives (same
    # tags, same values, same errors); they only take shorter paths through the common cases,
    # because PyYAML's general machinery was a third of reading a claims file.

    def resolve(
        self,
        kind: Any,
        value: Any,
        implicit: Any,
        _scalar: Any = yaml.ScalarNode,
        _resolvers: Any = _BaseLoader.yaml_implicit_resolvers.get,
    ) -> Any:
        if kind is _scalar:
            if implicit[0]:
                # Only the regexes registered for the first character can match (the safe
                # resolver has no wildcard and no path resolvers); most scalars start with a
                # letter or a Chinese character that has none.
                for tag, regexp in _resolvers(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return super().resolve(kind, value, implicit)

    def construct_document(self, node: Any) -> Any:
        # The top node may be referred to from inside itself (PyYAML builds it first and
        # fills it later); any other node that contains itself is refused, as PyYAML does.
        try:
            return self._construct(node, top=True)
        finally:
            self.constructed_objects: dict[Any, Any] = {}
            self.recursive_objects: dict[Any, None] = {}
            self.state_generators: list[Any] = []
            self.deep_construct = False

    def _construct(self, node: Any, top: bool = False) -> Any:
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            return node.value
        constructed = self.constructed_objects
        if node in constructed:
            return constructed[node]
        fill: Any
        if tag == _MAP and type(node) is yaml.MappingNode:
            data: Any = LineDict()
            fill = self._fill_mapping
        elif tag == _SEQ and type(node) is yaml.SequenceNode:
            data = LineList()
            fill = self._fill_sequence
        else:  # other scalars (numbers, dates, null), explicit tags, errors: PyYAML's way
            return self.construct_object(node, deep=True)
        if node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "found unconstructable recursive node", node.start_mark
            )
        if top:
            constructed[node] = data
        else:
            self.recursive_objects[node] = None
        fill(node, data)
        if not top:
            del self.recursive_objects[node]
            constructed[node] = data
        return data

    def _fill_mapping(self, node: Any, mapping: LineDict) -> None:
        mapping.line = node.start_mark.line + 1
        key_lines: dict[str, int] = {}
        duplicates: list[tuple[str, int]] = []
        mapping.key_lines = key_lines
        mapping.duplicates = duplicates
        construct = self._construct
        for key_node, value_node in node.value:
            if key_node.tag in _FLATTEN:
                self.flatten_mapping(node)  # merges and '=': then read the result afresh
                mapping.clear()
                self._fill_mapping(node, mapping)
                return
            plain = key_node.tag == _STR and type(key_node) is yaml.ScalarNode
            key = key_node.value if plain else construct(key_node)
            # Every claim repeats the same few keys: one string object each, not one per claim.
            key = sys.intern(key) if type(key) is str else str(key)
            line = key_node.start_mark.line + 1
            if key in mapping:
                duplicates.append((key, line))
            mapping[key] = construct(value_node)
            key_lines[key] = line

    def _fill_sequence(self, node: Any, data: LineList) -> None:
        data.line = node.start_mark.line + 1
        data.item_lines = [item.start_mark.line + 1 for item in node.value]
        construct = self._construct
        data.extend([construct(item) for item in node.value])

    def construct_mapping(self, node: Any, deep: bool = False) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        mapping.duplicates = []
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            key = str(key)
            if key in mapping:
                mapping.duplicates.append((key, key_node.start_mark.line + 1))
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping


def _construct_line_dict(loader: _LineLoader, node: Any) -> Any:
    data = LineDict()
    yield data
    built = loader.construct_mapping(node, deep=True)
    data.update(built)
    data.line = built.line
    data.key_lines = built.key_lines
    data.duplicates = built.duplicates


def _construct_line_list(loader: _LineLoader, node: Any) -> Any:
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_sequence(node, deep=True))


def _construct_timestamp(loader: _LineLoader, node: Any) -> Any:
    # 2024-02-30 looks like a date but is none: keep the text, so that the field it stands
    # in (a period, a publication date) reports it with its line instead of a traceback.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_line_list)


class _LineDumper(_Dumper):
    """Writes what the loader read: a LineDict as a mapping, a LineList as a sequence."""


_LineDumper.add_representer(LineDict, _LineDumper.represent_dict)
_LineDumper.add_representer(LineList, _LineDumper.represent_list)


class YamlFileError(Exception):
    """A file that is not readable YAML; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def read_text(path: Path) -> str:
    """Read a UTF-8 text file; problems become :class:`YamlFileError` with the line."""
    return decode_text(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The bytes of a file; a file that cannot be read becomes :class:`YamlFileError`."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise YamlFileError(Problem(f"无法读取文件：{exc.strerror or exc}", str(path))) from None


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 text (a byte-order mark dropped) of ``raw`` read from ``path``; bytes that are not
    UTF-8 become :class:`YamlFileError` with the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            Problem(
                f"文件不是 UTF-8 编码：第 {exc.start + 1} 字节为 0x{raw[exc.start]:02x}，"
                "应为 UTF-8 文本（请另存为 UTF-8）",
                str(path),
                line,
                code="FC003",
            )
        ) from None


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text read from ``path``; syntax errors become :class:`YamlFileError`."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # safe: _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or "格式错误"
        context = f"（{exc.context}）" if exc.context else ""
        lines = text.splitlines()
        if mark and 0 <= mark.line < len(lines) and lines[mark.line].strip():
            what += f"，见于「{lines[mark.line].strip()}」"
        raise YamlFileError(
            Problem(
                f"YAML 语法错误：{what}{context}；应为合法的 YAML", path, line, col, code="FC003"
            )
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (controls …)
        # libyaml counts the position in bytes of UTF-8, the pure-Python reader in characters.
        if exc.encoding == "unicode":
            line = text.count("\n", 0, exc.position) + 1
        else:
            line = text.encode()[: exc.position].count(b"\n") + 1
        raise YamlFileError(
            Problem(
                f"YAML 不允许的字符 U+{exc.character:04X}（{exc.reason}）；应删去或换成可见字符",
                path,
                line,
                code="FC003",
            )
        ) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(f"YAML 无法读取：{exc}", path, 1, code="FC003")) from None


def read_yaml(path: Path) -> Any:
    """Read a YAML file with line numbers (see :class:`LineDict`)."""
    return parse_yaml(read_text(path), str(path))


def dump_yaml(data: Any) -> str:
    """YAML text for plain data, block style, Chinese kept as it is."""
    return str(
        yaml.dump(
            data,
            Dumper=_LineDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=200,
        )
    )


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never half.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed
    over the target (``os.replace`` is atomic on one file system).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
