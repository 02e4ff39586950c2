"""A self-contained HTML report: summary, findings with quotes and arithmetic, timeline charts.

The file needs no network: styles are inline, charts are inline SVG, there is no script, and a
Content-Security-Policy forbids every request. Every string that comes from a document or a
claim is escaped by jinja2's autoescape, so a quote containing ``<script>`` shows as text.
"""

from __future__ import annotations

from typing import Any

import jinja2

from factcheck._version import __version__
from factcheck.baseline import fingerprint
from factcheck.findings import SEVERITY_NAMES, Finding, Report
from factcheck.render import (
    RenderOptions,
    evidence_label,
    location,
    sorted_findings,
    summary_sentence,
)
from factcheck.render.charts import Chart, charts


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _chart_links(finding: Finding, drawn: list[Chart]) -> list[tuple[int, str]]:
    same_metric = [(n, c) for n, c in enumerate(drawn, start=1) if c.metric == finding.metric]
    # The finding's own subject first; a finding across subjects (district vs city) links all.
    own = [(n, c.title) for n, c in same_metric if c.subject == finding.subject]
    return own or [(n, c.title) for n, c in same_metric]


def finding_view(finding: Finding, drawn: list[Chart]) -> dict[str, Any]:
    """What the template shows of one finding."""
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity,
        "severity_name": SEVERITY_NAMES.get(finding.severity, finding.severity),
        "message": finding.message,
        "location": location(finding.location),
        "fingerprint": fingerprint(finding),
        "evidence": [(evidence_label(k), v) for k, v in finding.evidence],
        "claims": [
            {
                "key": ref.key,
                "quote": ref.quote,
                "value": ref.value,
                "where": location(ref)
                + (
                    f"；原文 {ref.source}:{ref.source_line}"
                    if ref.source and ref.source_line and ref.source != ref.file
                    else ""
                ),
            }
            for ref in finding.claims
        ],
        "fix": finding.fix.text if finding.fix else "",
        "chain": list(finding.chain),
        "charts": _chart_links(finding, drawn),
    }


def render(report: Report, options: RenderOptions) -> str:
    """The report as one HTML page."""
    drawn = charts(report)
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=options.title,
        version=__version__,
        inputs=list(options.inputs),
        summary=report.summary(),
        coverage=report.coverage,
        summary_line=summary_sentence(report, options),
        suppressed=options.suppressed,
        baselined=options.baselined,
        findings=[finding_view(f, drawn) for f in sorted_findings(report)],
        charts=drawn,
    )


__all__ = ["finding_view", "render"]
