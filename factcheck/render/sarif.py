"""SARIF 2.1.0, the format GitHub code scanning and most code-review tools read.

Each finding is a ``result`` whose primary location is the claim it points at: the line of
the draft for a draft check, the claim's line in its YAML file for a corpus check. The other
claims involved are ``relatedLocations``. URIs are relative to the working folder under the
``%SRCROOT%`` base, as code scanning expects when the tool runs at the repository root.
Every documented code is listed as a ``rule`` with its Chinese explanation.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck._version import __version__
from factcheck.baseline import fingerprint
from factcheck.explain import CodeDoc, code_docs
from factcheck.findings import ClaimRef, Finding, Report
from factcheck.render import RenderOptions, claim_line, evidence_label, sorted_findings

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> tuple[str, bool]:
    """A URI for ``path`` and whether it is relative to the working folder."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.resolve().as_uri(), False
    return quote(p.as_posix(), safe="/"), True


def physical_location(ref: ClaimRef) -> dict[str, Any] | None:
    """The SARIF ``physicalLocation`` of a claim, ``None`` when it names no file."""
    if not ref.file:
        return None
    uri, relative = artifact_uri(ref.file)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = SRCROOT
    out: dict[str, Any] = {"artifactLocation": artifact}
    if ref.line:
        region: dict[str, Any] = {"startLine": ref.line}
        if ref.column:
            region["startColumn"] = ref.column
        out["region"] = region
    return out


def rule_descriptor(doc: CodeDoc) -> dict[str, Any]:
    """A SARIF ``reportingDescriptor`` for a code."""
    help_text = "\n\n".join(part for part in (doc.what, doc.why, doc.example) if part) or doc.title
    rule: dict[str, Any] = {
        "id": doc.code,
        "shortDescription": {"text": doc.title or doc.code},
        "fullDescription": {"text": doc.what or doc.title or doc.code},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": _LEVELS.get(doc.severity, "warning")},
    }
    if doc.name:
        rule["name"] = doc.name
    return rule


def _rules(findings: list[Finding]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    docs = dict(code_docs())
    for f in findings:
        docs.setdefault(
            f.code, CodeDoc(f.code, f.name, f.severity, f.name or f.code, "", "", "", "")
        )
    ordered = sorted(docs.values(), key=lambda d: d.code)
    return [rule_descriptor(d) for d in ordered], {d.code: i for i, d in enumerate(ordered)}


def _message(finding: Finding) -> str:
    lines = [finding.message]
    if finding.evidence:
        lines.append("  ".join(f"{evidence_label(k)} {v}" for k, v in finding.evidence))
    if finding.fix is not None:
        lines.append("建议：" + finding.fix.text)
    return "\n".join(lines)


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def result(finding: Finding, rule_index: int) -> dict[str, Any]:
    """A SARIF ``result`` for a finding."""
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": _message(finding)},
        "partialFingerprints": {"factcheckFingerprint/v1": fingerprint(finding)},
    }
    primary = physical_location(finding.location) if finding.location else None
    if primary is not None:
        out["locations"] = [{"physicalLocation": primary}]
    related = []
    for i, ref in enumerate(finding.claims):
        loc = physical_location(ref)
        if loc is not None:
            related.append({"id": i, "physicalLocation": loc, "message": {"text": claim_line(ref)}})
    if related:
        out["relatedLocations"] = related
    props: dict[str, Any] = {"evidence": dict(finding.evidence)}
    if finding.metric:
        props["metric"] = finding.metric
    if finding.subject:
        props["subject"] = finding.subject
    if finding.fix is not None:
        props["fix"] = {
            "claim": finding.fix.claim,
            "low": _finite(finding.fix.low),
            "high": _finite(finding.fix.high),
            "unit": finding.fix.unit,
        }
    out["properties"] = props
    return out


def sarif_log(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The SARIF log as plain data."""
    findings = sorted_findings(report)
    rules, index = _rules(findings)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "language": "zh-CN",
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": True}],
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "language": "zh-CN",
        "results": [result(f, index[f.code]) for f in findings],
        "properties": {
            "summary": {
                **report.summary(),
                "suppressed": options.suppressed,
                "baselined": options.baselined,
            }
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, options: RenderOptions) -> str:
    """The SARIF log as JSON text."""
    return (
        json.dumps(sarif_log(report, options), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    )


__all__ = ["artifact_uri", "physical_location", "render", "result", "rule_descriptor", "sarif_log"]
