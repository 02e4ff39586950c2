"""Measure the extractor against the curated corpus: ``python -m factcheck.evaluate``.

For every curated document whose ``source`` names a text in the seeds folder, the text is
extracted with the document's ``published`` date and ``region``, and the extracted claims are
compared with the curated ones.

Matching. A curated claim's figure is located in the source: on its ``line``, its ``quote`` is
found (whitespace ignored) and, inside the quote, the number its ``value`` starts with (``3.4``
of ``3.4万余辆``, ``七`` of ``七个``); without a quote, the number is looked up in the line.
An extracted claim *matches* a curated one when its figure (``start``..``end``) overlaps that
located number (so a figure wrapped over two lines, 突/破1000万吨, matches on either). Pairs
are made one to one, in reading order; among several candidates the one that agrees on most
fields wins.

Several documents may share one source (seed 002 holds three). Each then owns the lines from
its first curated claim up to the next document's first claim — the first from line 1, the
last to the end of the text — so that extractions from a neighbour, or from the site's
furniture after the last item, count against precision where they stand.

Scores, per document and overall:

- **recall** — matched curated claims / curated claims;
- **precision** — matched extracted claims / extracted claims in the document's lines;
- **full-field accuracy** — matched pairs whose subject, metric, period, measure, status and
  value are all right / matched pairs. Names are compared after the registry resolves
  aliases (a name the registry does not know is also tried with 数量 added or removed, on
  both sides alike); periods as canonical periods; values as the intervals they print
  (``四个`` and ``4个`` agree, and counters 个/项/家 … are interchangeable, the registry
  choosing among them); a subject left out is the document's region.
- **throughput** — characters of the distinct seed texts / seconds spent extracting each of
  them once (after one warm-up call that builds the registry's word index).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.claims import Claim, Document
from factcheck.extract import extract, load_default_registry
from factcheck.extract_patterns import Lexicon, RegistryLike, fold
from factcheck.periods import PeriodError, parse_period
from factcheck.quantity import normalise, parse_quantity

#: The fields full-field accuracy requires to be right.
FIELDS = ("subject", "metric", "period", "measure", "status", "value")
#: Counters that count the same things in different words (个/项/家 …).
_COUNTERS = frozenset("个项条家处类张所座套只件种艘批基户")
_PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = _PROJECT_ROOT / ".." / "shared" / "seeds"


@dataclass
class DocumentScore:
    """The comparison for one curated document."""

    document: str
    curated: int = 0
    extracted: int = 0
    matched: int = 0
    exact: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Claim] = field(default_factory=list)
    extras: list[Claim] = field(default_factory=list)
    wrong: list[tuple[Claim, Claim, tuple[str, ...]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.matched if self.matched else 1.0

    def add(self, other: DocumentScore) -> None:
        self.curated += other.curated
        self.extracted += other.extracted
        self.matched += other.matched
        self.exact += other.exact
        for name in FIELDS:
            self.field_right[name] += other.field_right[name]


@dataclass
class Evaluation:
    """Scores per document, overall, and throughput."""

    documents: list[DocumentScore]
    total: DocumentScore
    characters: int
    seconds: float
    skipped: list[str] = field(default_factory=list)

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else float("inf")

    def as_dict(self) -> dict[str, Any]:
        def score(s: DocumentScore) -> dict[str, Any]:
            return {
                "document": s.document,
                "curated": s.curated,
                "extracted": s.extracted,
                "matched": s.matched,
                "recall": round(s.recall, 4),
                "precision": round(s.precision, 4),
                "accuracy": round(s.accuracy, 4),
                "fields": {
                    k: round(v / s.matched, 4) if s.matched else 1.0
                    for k, v in s.field_right.items()
                },
            }

        return {
            "documents": [score(s) for s in self.documents],
            "total": score(self.total),
            "characters": self.characters,
            "seconds": round(self.seconds, 4),
            "chars_per_second": round(self.chars_per_second),
            "skipped": self.skipped,
        }


# --------------------------------------------------------------------------- loading


def load_curated(claims_dir: Path) -> list[tuple[Document, list[Claim]]]:
    """The curated documents and claims, read leniently (the corpus need not lint)."""
    import yaml

    out = []
    for path in sorted(Path(claims_dir).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        head = data.get("document") or {}
        published = head.get("published")
        document = Document(
            id=str(head.get("id", path.stem)),
            title=head.get("title"),
            publisher=head.get("publisher"),
            published=None if published is None else str(published),
            region=head.get("region"),
            source=head.get("source"),
            file=str(path),
        )
        claims = [
            _curated_claim(document, raw)
            for raw in data.get("claims") or []
            if isinstance(raw, dict)
        ]
        out.append((document, claims))
    return out


def _curated_claim(document: Document, raw: dict[str, Any]) -> Claim:
    def text(key: str, default: str | None = None) -> str | None:
        value = raw.get(key, default)
        if isinstance(value, dt.date):
            return value.isoformat()
        return None if value is None else str(value)

    return Claim(
        id=str(raw.get("id")),
        document=document.id,
        metric=text("metric", "") or "",
        value=text("value", "") or "",
        period=text("period", "") or "",
        quote=text("quote", "") or "",
        subject=text("subject"),
        measure=text("measure", "level") or "level",
        status=text("status", "actual") or "actual",
        scope=text("scope"),
        line=int(raw["line"]) if raw.get("line") is not None else None,
    )


# --------------------------------------------------------------------------- scoring


def evaluate(
    claims_dir: Path | str = "claims",
    seeds_dir: Path | str = DEFAULT_SEEDS,
    *,
    registry: RegistryLike | None = None,
) -> Evaluation:
    """Run the extractor on the seeds and compare with the curated claims (module docstring)."""
    reg = registry if registry is not None else load_default_registry()
    names = _Names(Lexicon.from_registry(reg), reg)
    curated = [(d, c) for d, c in load_curated(Path(claims_dir)) if d.source]
    seeds = Path(seeds_dir)
    scores: list[DocumentScore] = []
    skipped: list[str] = []
    texts: dict[str, str] = {}
    seconds = 0.0
    owned = _line_ranges(curated)
    extract(
        "全区生产总值1278.4亿元。", "2024", "即墨区", registry=reg
    )  # load the registry before timing
    for document, claims in curated:
        path = seeds / str(document.source)
        if not path.is_file():
            skipped.append(document.id)
            continue
        text = texts.get(str(path))
        if text is None:
            text = texts[str(path)] = path.read_text(encoding="utf-8")
            timed_start = time.perf_counter()
            extract(text, document.published, document.region, document=document.id, registry=reg)
            seconds += time.perf_counter() - timed_start
        extracted = extract(
            text, document.published, document.region, document=document.id, registry=reg
        )
        first, last = owned[document.id]
        extracted = [c for c in extracted if c.line is not None and first <= c.line <= last]
        scores.append(_score(document, claims, extracted, text, names))
    total = DocumentScore("overall")
    for s in scores:
        total.add(s)
    return Evaluation(scores, total, sum(len(t) for t in texts.values()), seconds, skipped)


def _line_ranges(curated: Sequence[tuple[Document, list[Claim]]]) -> dict[str, tuple[int, int]]:
    by_source: dict[str, list[tuple[int, str]]] = {}
    for document, claims in curated:
        first = min((c.line for c in claims if c.line), default=1)
        by_source.setdefault(str(document.source), []).append((first, document.id))
    ranges = {}
    for docs in by_source.values():
        docs.sort()
        for i, (_first, doc_id) in enumerate(docs):
            start = 1 if i == 0 else docs[i][0]
            end = docs[i + 1][0] - 1 if i + 1 < len(docs) else 10**9
            ranges[doc_id] = (start, end)
    return ranges


def _score(
    document: Document, curated: list[Claim], extracted: list[Claim], text: str, names: _Names
) -> DocumentScore:
    score = DocumentScore(document.id, curated=len(curated), extracted=len(extracted))
    lines = text.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    free = list(extracted)
    for claim in sorted(
        curated, key=lambda c: (c.line or 0, _locate(c, lines, line_starts) or (0, 0))
    ):
        where = _locate(claim, lines, line_starts)
        candidates = [
            e
            for e in free
            if where is not None
            and e.start is not None
            and e.end is not None
            and e.start < where[1]
            and where[0] < e.end
        ]
        if not candidates:
            score.misses.append(claim)
            continue
        best = max(
            candidates, key=lambda e: sum(_agree(e, claim, f, document, names) for f in FIELDS)
        )
        free.remove(best)
        score.matched += 1
        wrong = tuple(f for f in FIELDS if not _agree(best, claim, f, document, names))
        for f in FIELDS:
            if f not in wrong:
                score.field_right[f] += 1
        if wrong:
            score.wrong.append((claim, best, wrong))
        else:
            score.exact += 1
    score.extras = free
    return score


_KEY = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")


def _locate(claim: Claim, lines: list[str], line_starts: list[int]) -> tuple[int, int] | None:
    """Source offsets of the number a curated claim's value starts with, on its line."""
    if not claim.line or claim.line > len(lines):
        return None
    line = lines[claim.line - 1]
    folded_line, where = normalise(line)
    folded_quote = normalise(claim.quote)[0]
    key = _KEY.search(normalise(claim.value)[0])
    if key is None:
        return None
    number = key.group(0)
    base = folded_line.find(folded_quote) if folded_quote else -1
    region_start = max(base, 0)
    region_end = base + len(folded_quote) if base >= 0 else len(folded_line)
    at = _find_number(folded_line, number, region_start, region_end)
    if at is None:
        at = _find_number(folded_line, number, 0, len(folded_line))
    if at is None:
        return None
    offset = line_starts[claim.line - 1]
    return offset + where[at], offset + where[at + len(number) - 1] + 1


def _find_number(text: str, number: str, start: int, end: int) -> int | None:
    pos = text.find(number, start, end)
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else ""
        after = text[pos + len(number)] if pos + len(number) < len(text) else ""
        if not (before.isdigit() or before == ".") and not (after.isdigit() or after == "."):
            return pos
        pos = text.find(number, pos + 1, end)
    return None


@dataclass(frozen=True)
class _Names:
    lex: Lexicon
    registry: RegistryLike | None

    def metric(self, name: str) -> str:
        for candidate in (name, re.sub(r"(?:数量|数)$", "", name), name + "数量"):
            found = self.lex.resolve_metric(candidate)
            if found:
                return found
        return fold(name)

    def subject(self, name: str | None, region: str | None) -> str | None:
        name = name or region
        if name is None or self.registry is None:
            return name
        entry = self.registry.subjects.resolve(name)
        return str(getattr(entry, "name", name)) if entry is not None else name


def _agree(extracted: Claim, curated: Claim, name: str, document: Document, names: _Names) -> bool:
    if name == "subject":
        return names.subject(extracted.subject, document.region) == names.subject(
            curated.subject, document.region
        )
    if name == "metric":
        return names.metric(extracted.metric) == names.metric(curated.metric)
    if name == "period":
        return _same_period(extracted.period, curated.period)
    if name == "value":
        return same_value(extracted.value, curated.value)
    return bool(getattr(extracted, name) == getattr(curated, name))


def _same_period(a: str, b: str) -> bool:
    try:
        return parse_period(a) == parse_period(b)
    except PeriodError:
        return a == b


def same_value(a: str, b: str) -> bool:
    """Whether two printed values state the same interval (counters 个/项/家 … interchangeable)."""
    try:
        fa, fb = parse_quantity(a), parse_quantity(b)
    except ValueError:
        return normalise(a)[0] == normalise(b)[0]
    lo_a, hi_a, unit_a = fa.in_base_units()
    lo_b, hi_b, unit_b = fb.in_base_units()
    if (lo_a, hi_a, fa.low_open, fa.high_open) != (lo_b, hi_b, fb.low_open, fb.high_open):
        return False
    return bool(unit_a == unit_b or {str(unit_a), str(unit_b)} <= _COUNTERS)


# --------------------------------------------------------------------------- report


def render(evaluation: Evaluation) -> str:
    """The evaluation as a text table (Chinese headings, as the CLI prints it)."""
    heads = ("文档", "人工", "抽取", "匹配", "召回率", "精确率", "全字段")
    widths = (30, 6, 6, 6, 8, 8, 8)
    rows = [
        "".join(_pad(h, w, left=i == 0) for i, (h, w) in enumerate(zip(heads, widths, strict=True)))
    ]
    for s in [*evaluation.documents, evaluation.total]:
        cells = (
            s.document,
            s.curated,
            s.extracted,
            s.matched,
            f"{s.recall:.1%}",
            f"{s.precision:.1%}",
            f"{s.accuracy:.1%}",
        )
        rows.append(
            "".join(
                _pad(str(c), w, left=i == 0)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
        )
    total = evaluation.total
    fields = "  ".join(
        f"{k} {v / total.matched:.1%}" for k, v in total.field_right.items() if total.matched
    )
    rows.append(f"各字段正确率：{fields}")
    speed = f"{evaluation.chars_per_second:,.0f}"
    rows.append(f"速度：{evaluation.characters} 字 / {evaluation.seconds:.3f} 秒 = {speed} 字/秒")
    if evaluation.skipped:
        rows.append("未找到原文、未评估的文档：" + "、".join(evaluation.skipped))
    return "\n".join(rows)


def _pad(text: str, width: int, *, left: bool = False) -> str:
    # CJK characters take two columns in a terminal.
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    space = " " * max(width - shown, 1)
    return text + space if left else space + text


def render_details(evaluation: Evaluation) -> str:
    """Every miss, extra and wrong field, for whoever tunes the extractor."""
    out = []
    for s in evaluation.documents:
        out.append(f"== {s.document}")
        out += [f"  漏  L{c.line} {c.value} {c.metric} | {c.quote}" for c in s.misses]
        out += [f"  多  L{c.line}:{c.column} {c.value} {c.metric} | {c.quote}" for c in s.extras]
        for cur, ext, wrong in s.wrong:
            diff = " ".join(f"{f}: {getattr(ext, f)!s} ≠ {getattr(cur, f)!s}" for f in wrong)
            out.append(f"  错  L{cur.line} {cur.value} [{diff}] | {cur.quote}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the scores; exit 0, or 2 when the claims or seeds are missing."""
    parser = argparse.ArgumentParser(
        prog="python -m factcheck.evaluate", description="抽取质量评估"
    )
    parser.add_argument("--claims", default="claims", help="人工标注的声明目录（默认 claims）")
    parser.add_argument(
        "--seeds", default=str(DEFAULT_SEEDS), help="原文目录（默认 ../shared/seeds）"
    )
    parser.add_argument("--rules", default=None, help="登记表目录（默认 rules）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--details", action="store_true", help="列出每条漏抽、多抽与字段错误")
    args = parser.parse_args(argv)
    result = run(args.claims, args.seeds, args.rules)
    if isinstance(result, str):
        print(result, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(result))
        if args.details:
            print(render_details(result))
    return 0


def run(claims: str | Path, seeds: str | Path, rules: str | Path | None = None) -> Evaluation | str:
    """Evaluate, or return the Chinese message saying which folder is missing."""
    if not Path(claims).is_dir():
        return f"找不到声明目录：{claims}"
    if not Path(seeds).is_dir():
        return f"找不到原文目录：{seeds}"
    registry = load_default_registry(rules) if rules else None
    return evaluate(claims, seeds, registry=registry)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
