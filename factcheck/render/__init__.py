"""Renderers: the same :class:`~factcheck.findings.Report` as text, JSON, SARIF, JUnit or HTML.

Each format lives in its own module and is a pure function ``render(report, options) -> str``;
:func:`render` picks one by name. Renderers never decide anything about the findings (which
to show, exit codes): the caller hands them the report it wants printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.findings import ClaimRef, Finding, Report

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "junit", "html")

#: Chinese labels of the evidence keys the engine writes (anything else is shown as it is).
EVIDENCE_LABELS: dict[str, str] = {
    "stated": "声明值",
    "computed": "计算值",
    "computed_lenient": "计算值（宽松读法）",
    "derived": "推算值",
    "a": "一处",
    "b": "另一处",
    "lhs": "左边",
    "rhs": "右边",
    "left": "左边",
    "right": "右边",
    "tolerance": "容差",
    "verdict": "结论",
    "instances": "不符处数",
    "target": "目标",
    "actual": "实际",
}


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer needs besides the report.

    Attributes:
        color: colour the text output (only on a terminal; the caller decides).
        fail_on: the lowest severity that fails the run (JUnit marks those as failures).
        inputs: what was checked (paths), for report headers.
        suppressed: findings accepted by inline or claim suppressions.
        baselined: findings accepted by the baseline.
        title: the report's title.
    """

    color: bool = False
    fail_on: str = "error"
    inputs: tuple[str, ...] = ()
    suppressed: int = 0
    baselined: int = 0
    title: str = "factcheck 核查报告"


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in format ``fmt`` (one of :data:`FORMATS`).

    Raises:
        ValueError: an unknown format.
    """
    renderers = _renderers()
    if fmt not in renderers:
        raise ValueError(f"未知格式 {fmt!r}；可用：{', '.join(FORMATS)}")
    return renderers[fmt](report, options or RenderOptions())


def _renderers() -> dict[str, Callable[[Report, RenderOptions], str]]:
    # Imported here so that `factcheck check` in text mode never pays for jinja2/matplotlib.
    from factcheck.render import html, junit, sarif, text
    from factcheck.render import json as json_format

    return {
        "text": text.render,
        "json": json_format.render,
        "sarif": sarif.render,
        "junit": junit.render,
        "html": html.render,
    }


def location(ref: ClaimRef | None) -> str:
    """``path:line:col`` of a claim.

    Always three parts, so that every finding line parses the same way: a claim that names no
    file is placed at its document id, an unknown line or column is 1.
    """
    if ref is None:
        return "<无位置>:1:1"
    return f"{ref.file or ref.document}:{ref.line or 1}:{ref.column or 1}"


def evidence_label(key: str) -> str:
    """The Chinese label of an evidence key."""
    return EVIDENCE_LABELS.get(key, key)


def summary_sentence(report: Report, options: RenderOptions) -> str:
    """The summary line, in Chinese: counts, coverage, and what was accepted."""
    cov = report.coverage
    if report.findings:
        head = f"共 {report.errors} 个错误、{report.warnings} 个警告、{report.infos} 个提示"
    else:
        head = "未发现问题"
    parts = [f"{cov.claims} 条声明，{cov.checked} 条参与核对，{cov.relations} 组关系"]
    # A draft's figures set aside with a reason (an unknown metric, a misread figure) read
    # "key：reason"; the corpus's unchecked claims are bare keys and too many to count here.
    aside = sum("：" in u for u in cov.unchecked)
    if aside:
        parts.append(f"{aside} 条因指标未登记等原因未核对")
    if cov.undecidable:
        parts.append(f"{len(cov.undecidable)} 组因缺少数字无法判定")
    accepted = []
    if options.suppressed:
        accepted.append(f"已抑制 {options.suppressed} 个")
    if options.baselined:
        accepted.append(f"基线已接受 {options.baselined} 个")
    tail = f"；{'，'.join(accepted)}" if accepted else ""
    return f"{head}（{'，'.join(parts)}）{tail}"


def claim_line(ref: ClaimRef) -> str:
    """One claim as a finding cites it: document, figure, quote and where."""
    quote = f"「{ref.quote}」" if ref.quote else f"「{ref.value}」"
    where = location(ref) if ref.file else ref.document
    source = ""
    if ref.source and ref.source_line and ref.source != ref.file:
        source = f"，原文 {ref.source}:{ref.source_line}"
    return f"{ref.document}#{ref.id} {quote}（{where}{source}）"


def sorted_findings(report: Report) -> list[Finding]:
    """Findings in the order every renderer prints them."""
    return sorted(report.findings, key=Finding.sort_key)


__all__ = [
    "EVIDENCE_LABELS",
    "FORMATS",
    "RenderOptions",
    "claim_line",
    "evidence_label",
    "location",
    "render",
    "sorted_findings",
    "summary_sentence",
]
