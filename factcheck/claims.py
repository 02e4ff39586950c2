"""The claim model: a numeric statement read from a document, with its provenance.

A :class:`Claim` is a value: frozen, comparable, hashable. It keeps the figure as printed
(``value``) and the fields that say what the figure is about (subject, metric, period,
measure, status, scope …). :mod:`factcheck.corpus` reads and writes them as YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

MEASURES = (
    "level",
    "yoy",
    "share",
    "pp",
    "change",
    "cagr",
    "multiple",
    "contribution",
    "rate",
    "average",
)
STATUSES = ("actual", "preliminary", "estimate", "target", "capacity", "cumulative")
BASES = ("real", "nominal")

Measure = Literal[
    "level", "yoy", "share", "pp", "change", "cagr", "multiple", "contribution", "rate", "average"
]
Status = Literal["actual", "preliminary", "estimate", "target", "capacity", "cumulative"]

#: Measures that compare the claim with another figure named by ``against``.
COMPARATIVE_MEASURES = ("pp", "change", "multiple", "contribution")

#: Chinese names for measures and statuses, for messages.
MEASURE_NAMES = {
    "level": "数值",
    "yoy": "同比增速",
    "share": "占比",
    "pp": "百分点差",
    "change": "增减量",
    "cagr": "年均增速",
    "multiple": "倍数",
    "contribution": "拉动",
    "rate": "比率",
    "average": "年均值",
}
STATUS_NAMES = {
    "actual": "实际",
    "preliminary": "初步核算",
    "estimate": "预计",
    "target": "目标",
    "capacity": "产能",
    "cumulative": "累计",
}


@dataclass(frozen=True)
class Selector:
    """Names another figure relative to a claim: fields left ``None`` are the claim's own.

    Used for ``of`` (the denominator of a share) and ``against`` (what a 百分点 difference,
    change or multiple is measured against).
    """

    metric: str | None = None
    subject: str | None = None
    period: str | None = None
    scope: str | None = None
    measure: str | None = None
    status: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Selector:
        known = {f.name for f in fields(cls)}
        return cls(**{k: None if v is None else str(v) for k, v in data.items() if k in known})

    def to_mapping(self) -> dict[str, str]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


@dataclass(frozen=True)
class Claim:
    """One figure a document states.

    Attributes:
        id: unique within its document.
        document: the id of the document it was read from.
        metric: the metric's canonical name (after the registry resolved aliases).
        value: the figure as printed (``345亿元``, ``3.4万余辆``); read by ``parse_quantity``.
        period: the canonical period text (``2024H1``, ``2016..2020`` …).
        quote: the clause the figure comes from.
        subject: who the figure is about; ``None`` before the document's region is applied.
        measure, of, against, base, status, basis, scope, part_of: see ``claims/README.md``.
        line, column: where the quote stands in the source text (1-based).
        file: the claims file it was loaded from; ``file_line`` its line there.
        start, end: character offsets of the figure in the source text (extraction).
        confidence: how sure the extractor is (0–1); ``None`` for curated claims.
        ignore: accepted finding codes with the reason (``{"FC201": "口径不同"}``).
        extra: keys of the YAML record factcheck does not interpret, kept for round-trips.
    """

    id: str
    document: str
    metric: str
    value: str
    period: str
    quote: str
    subject: str | None = None
    measure: str = "level"
    of: Selector | None = None
    against: Selector | None = None
    base: str | None = None
    status: str = "actual"
    basis: str | None = None
    scope: str | None = None
    part_of: str | None = None
    line: int | None = None
    column: int | None = None
    file: str | None = field(default=None, compare=False)
    file_line: int | None = field(default=None, compare=False)
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)
    confidence: float | None = field(default=None, compare=False)
    ignore: tuple[tuple[str, str], ...] = ()
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @property
    def key(self) -> str:
        """``document#id``: unique in a corpus."""
        return f"{self.document}#{self.id}"

    def with_(self, **changes: Any) -> Claim:
        """A copy with some fields changed."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Document:
    """A source document: a report, a feature, a draft.

    Attributes:
        id: unique in the corpus.
        title, publisher: as the document prints them.
        published: ISO date, month or year (``2024-09``).
        region: the region 全区/我区/本区 stands for in this text.
        source: the file the claims were read from.
        file: the claims file.
        extra: other keys of the ``document`` block, kept for round-trips.
    """

    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    region: str | None = None
    source: str | None = None
    file: str | None = field(default=None, compare=False)
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)


ClaimField = Literal[
    "id",
    "metric",
    "value",
    "period",
    "quote",
    "subject",
    "measure",
    "of",
    "against",
    "base",
    "status",
    "basis",
    "scope",
    "part_of",
    "line",
    "column",
    "ignore",
]

#: The order fields are written in, so a dumped file reads like a curated one.
FIELD_ORDER: tuple[str, ...] = (
    "id",
    "subject",
    "metric",
    "measure",
    "of",
    "against",
    "base",
    "period",
    "value",
    "status",
    "basis",
    "scope",
    "part_of",
    "quote",
    "line",
    "column",
    "confidence",
    "ignore",
)
