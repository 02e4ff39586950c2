"""Findings: what a check found, as data. Renderers (:mod:`factcheck.render`) print them.

A :class:`Finding` has a stable code (``FC201``), a severity, a Chinese message that shows
the arithmetic, every claim involved with its document, quote, file and line, and where one
exists the minimal fix: the single figure whose change would restore consistency and the
range it would have to lie in. A :class:`Report` holds the findings of a run and its
coverage: how many claims took part in a check, and which relations could not be decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class ClaimRef:
    """A claim as a finding cites it.

    Attributes:
        id: the claim's id within its document.
        document: the document's id.
        quote: the clause the figure comes from.
        value: the figure as printed.
        file: the file to point at (the claims YAML, or the draft the claim was read from).
        line: the line in ``file``.
        column: the column in ``file`` (1-based), when known.
        source: the source text the document was read from, when known.
        source_line: the line of the quote in the source text.
    """

    id: str
    document: str
    quote: str = ""
    value: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    source: str | None = None
    source_line: int | None = None

    @property
    def key(self) -> str:
        return f"{self.document}#{self.id}"


@dataclass(frozen=True)
class Fix:
    """The smallest change that would restore consistency.

    Attributes:
        claim: the key (``document#id``) of the figure to change.
        low, high: the range the figure would have to lie in, in ``unit`` (``None``: open).
        unit: the unit the range is printed in.
        text: the suggestion in words.
    """

    claim: str
    low: float | None
    high: float | None
    unit: str
    text: str


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at.

    Attributes:
        code: stable code, e.g. ``FC201`` (see ``factcheck explain``).
        name: kebab-case name of the check, e.g. ``share-mismatch``.
        severity: ``error`` (inconsistent under every reading), ``warning`` (consistent only
            under the lenient reading, a revision, or a real-terms growth) or ``info``.
        message: Chinese, with the arithmetic: stated interval, computed interval, tolerance.
        claims: every claim involved; the first is where the finding points.
        evidence: named figures the message was built from, for renderers and charts.
        fix: the minimal fix, where one exists.
        rule: the id of the rule set entry that produced it, for rule findings.
        metric: the metric the finding is about (charts group by it).
        subject: the subject the finding is about.
        chain: how derived figures were obtained, one line a step (``factcheck explain``).
    """

    code: str
    name: str
    severity: Severity
    message: str
    claims: tuple[ClaimRef, ...]
    evidence: tuple[tuple[str, str], ...] = ()
    fix: Fix | None = None
    rule: str | None = None
    metric: str | None = None
    subject: str | None = None
    chain: tuple[str, ...] = ()

    @property
    def location(self) -> ClaimRef | None:
        """The claim the finding points at."""
        return self.claims[0] if self.claims else None

    def sort_key(self) -> tuple[object, ...]:
        loc = self.location
        return (
            -SEVERITY_RANK[self.severity],
            (loc.file or "") if loc else "",
            (loc.line or 0) if loc else 0,
            self.code,
            self.message,
        )


@dataclass(frozen=True)
class Coverage:
    """How much of the corpus the checks reached.

    Attributes:
        claims: claims in the run.
        checked: claims that took part in at least one check.
        unchecked: keys of claims that took part in none.
        undecidable: relations that could not be decided, each described in Chinese
            (an operand is missing: undecidable is not the same as consistent).
        relations: relations evaluated.
    """

    claims: int = 0
    checked: int = 0
    unchecked: tuple[str, ...] = ()
    undecidable: tuple[str, ...] = ()
    relations: int = 0


@dataclass(frozen=True)
class FigureValue:
    """A stated or derived figure of one metric, for tables and charts (``factcheck show``).

    Attributes:
        subject, metric, measure, period, scope, status: what the figure is.
        low, high: the interval on the strict reading, in ``unit`` (``None``: open).
        unit: the unit it is printed in (亿元, %, 个百分点 …).
        derived: ``False`` for a stated figure, ``True`` for one the engine derived.
        claims: the claims it was stated in or derived from.
        chain: for a derived figure, how it was obtained.
        document: the document that states it (stated figures only).
        value: the figure as printed (stated figures only).
    """

    subject: str
    metric: str
    measure: str
    period: str
    low: float | None
    high: float | None
    unit: str
    derived: bool
    claims: tuple[str, ...] = ()
    chain: tuple[str, ...] = ()
    scope: str | None = None
    status: str = "actual"
    document: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class RelationCheck:
    """One relation the engine evaluated (listed when ``check(..., relations=True)``).

    Attributes:
        code, name: the code a failure of it is reported with.
        title: what was checked, in Chinese.
        claims: keys (``document#id``) of the claims it involved.
        outcome: ``pass``, or the severity of the finding it produced.
    """

    code: str
    name: str
    title: str
    claims: tuple[str, ...]
    outcome: str = "pass"


@dataclass(frozen=True)
class Report:
    """The result of a run: findings, coverage, every figure stated or derived, and (on
    request) every relation evaluated."""

    findings: tuple[Finding, ...]
    coverage: Coverage = field(default_factory=Coverage)
    figures: tuple[FigureValue, ...] = ()
    relations: tuple[RelationCheck, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def infos(self) -> int:
        return self.count("info")

    def summary(self) -> dict[str, int]:
        """The Contract summary: ``errors``, ``warnings``, ``infos``, ``claims``."""
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "claims": self.coverage.claims,
        }
