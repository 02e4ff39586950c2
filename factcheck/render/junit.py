"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, GitHub actions).

One test case per relation checked (``check(..., relations=True)`` lists them): a case fails
when the finding the relation produced is at or above ``fail_on``, and passes otherwise (a
warning below ``fail_on`` is carried in ``<system-out>``). Findings that belong to no
relation (an unused suppression, say) get a case of their own, and each relation that could
not be decided is a skipped case: undecidable is not the same as consistent. A report made
without the relation list falls back to one case per finding and one passing case for the
rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factcheck.findings import SEVERITY_RANK, Finding, RelationCheck, Report
from factcheck.render import (
    RenderOptions,
    claim_line,
    evidence_label,
    location,
    sorted_findings,
    summary_sentence,
)

# XML 1.0 cannot carry most control characters, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def _details(finding: Finding) -> str:
    lines = [finding.message]
    if finding.evidence:
        lines.append("  ".join(f"{evidence_label(k)} {v}" for k, v in finding.evidence))
    lines.extend("= " + claim_line(ref) for ref in finding.claims)
    if finding.fix is not None:
        lines.append("建议：" + finding.fix.text)
    return _clean("\n".join(lines))


def finding_case(finding: Finding, fail_on: str) -> tuple[ET.Element, bool]:
    """The test case of one finding, and whether it failed."""
    loc = finding.location
    case = ET.Element(
        "testcase",
        {
            "classname": f"factcheck.{finding.code}",
            "name": _clean(f"{location(loc)} {finding.name or finding.code}"),
            "time": "0",
        },
    )
    if loc is not None and loc.file:
        case.set("file", loc.file)
        if loc.line:
            case.set("line", str(loc.line))
    failed = SEVERITY_RANK[finding.severity] >= SEVERITY_RANK.get(fail_on, 3)
    if failed:
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _clean(finding.message), "type": f"{finding.code} {finding.severity}"},
        )
        failure.text = _details(finding)
    else:
        out = ET.SubElement(case, "system-out")
        out.text = f"{finding.severity}: {_details(finding)}"
    return case, failed


def _finding_of(relation: RelationCheck, findings: list[Finding], taken: set[int]) -> int | None:
    """The finding a relation produced: its claims are among the relation's."""
    if relation.outcome == "pass":
        return None
    claims = set(relation.claims)
    for i, finding in enumerate(findings):
        if i not in taken and {c.key for c in finding.claims} <= claims:
            return i
    return None  # suppressed or baselined: the relation is reported as passing


def _passing_case(relation: RelationCheck) -> ET.Element:
    case = ET.Element(
        "testcase",
        {"classname": f"factcheck.{relation.code}", "name": _clean(relation.title), "time": "0"},
    )
    ET.SubElement(case, "system-out").text = _clean("、".join(relation.claims))
    return case


def render(report: Report, options: RenderOptions) -> str:
    """The report as a JUnit XML document."""
    cases: list[ET.Element] = []
    failures = 0
    findings = sorted_findings(report)
    matched: set[int] = set()
    for relation in report.relations:
        index = _finding_of(relation, findings, matched)
        if index is None:
            cases.append(_passing_case(relation))
            continue
        matched.add(index)
        case, failed = finding_case(findings[index], options.fail_on)
        cases.append(case)
        failures += failed
    for i, finding in enumerate(findings):
        if i in matched:
            continue
        case, failed = finding_case(finding, options.fail_on)
        cases.append(case)
        failures += failed
    for text in report.coverage.undecidable:
        case = ET.Element(
            "testcase", {"classname": "factcheck.undecidable", "name": _clean(text), "time": "0"}
        )
        ET.SubElement(case, "skipped", {"message": "缺少数字，无法判定（不等于一致）"})
        cases.append(case)
    if not report.relations:
        others = max(report.coverage.relations - len(report.findings), 0)
        summary_case = ET.Element(
            "testcase",
            {
                "classname": "factcheck.relations",
                "name": f"其余 {others} 组关系核对一致",
                "time": "0",
            },
        )
        ET.SubElement(summary_case, "system-out").text = summary_sentence(report, options)
        cases.append(summary_case)

    counts = {
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(len(report.coverage.undecidable)),
        "time": "0",
    }
    suites = ET.Element("testsuites", {"name": "factcheck", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "factcheck", **counts})
    props = ET.SubElement(suite, "properties")
    for key, value in report.summary().items():
        ET.SubElement(props, "property", {"name": key, "value": str(value)})
    suite.extend(cases)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


__all__ = ["finding_case", "render"]
