"""JSON output: the Contract of design §6, plus the rest of each finding for tools.

Shape (keys marked * are the Contract; the others may grow but are not removed lightly)::

    {"findings": [{"code"*, "severity"*, "message"*, "claims"*: [{"id"*, "document"*,
                   "quote"*, "file"*, "line"*, "column", "value", "source", "source_line"}],
                   "name", "location", "evidence", "fix", "metric", "subject", "rule",
                   "chain", "fingerprint"}],
     "summary"*: {"errors"*, "warnings"*, "infos"*, "claims"*, "checked", "relations",
                  "suppressed", "baselined"},
     "coverage": {"unchecked", "undecidable"},
     "tool": {"name", "version"}}
"""

from __future__ import annotations

import json
import math
from typing import Any

from factcheck._version import __version__
from factcheck.baseline import fingerprint
from factcheck.findings import ClaimRef, Finding, Report
from factcheck.render import RenderOptions, location, sorted_findings


def claim_data(ref: ClaimRef) -> dict[str, Any]:
    """A claim as the Contract cites it."""
    return {
        "id": ref.id,
        "document": ref.document,
        "quote": ref.quote,
        "file": ref.file,
        "line": ref.line,
        "column": ref.column,
        "value": ref.value,
        "source": ref.source,
        "source_line": ref.source_line,
    }


def finding_data(finding: Finding) -> dict[str, Any]:
    """A finding as plain data."""
    fix = finding.fix
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "claims": [claim_data(ref) for ref in finding.claims],
        "name": finding.name,
        "location": location(finding.location),
        "evidence": dict(finding.evidence),
        "fix": None
        if fix is None
        else {
            "claim": fix.claim,
            "low": _finite(fix.low),
            "high": _finite(fix.high),
            "unit": fix.unit,
            "text": fix.text,
        },
        "metric": finding.metric,
        "subject": finding.subject,
        "rule": finding.rule,
        "chain": list(finding.chain),
        "fingerprint": fingerprint(finding),
    }


def _finite(x: float | None) -> float | None:
    # JSON has no NaN or infinity: an open or unknown bound is null.
    return x if x is not None and math.isfinite(x) else None


def report_data(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The whole report as plain data (see the module docstring)."""
    cov = report.coverage
    summary: dict[str, int] = {
        **report.summary(),
        "checked": cov.checked,
        "relations": cov.relations,
        "suppressed": options.suppressed,
        "baselined": options.baselined,
    }
    return {
        "findings": [finding_data(f) for f in sorted_findings(report)],
        "summary": summary,
        "coverage": {"unchecked": list(cov.unchecked), "undecidable": list(cov.undecidable)},
        "tool": {"name": "factcheck", "version": __version__},
    }


def render(report: Report, options: RenderOptions) -> str:
    """The report as indented JSON (UTF-8, Chinese kept readable)."""
    return (
        json.dumps(report_data(report, options), ensure_ascii=False, indent=2, allow_nan=False)
        + "\n"
    )


__all__ = ["claim_data", "finding_data", "render", "report_data"]
