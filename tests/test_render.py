"""The renderers on a hand-built report: every format says the same thing, correctly shaped."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from factcheck.findings import ClaimRef, Coverage, FigureValue, Finding, Fix, Report
from factcheck.render import FORMATS, RenderOptions, render
from factcheck.render.charts import chart_groups, clean_svg, timeline_svg
from factcheck.render.sarif import artifact_uri

DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
HEAD = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<code>FC\d{3}) (?P<sev>error|warning|info) "
)
SCRIPT = "<script>alert(1)</script>"


def sample_report() -> Report:
    share = ClaimRef("share", "brief", "占全区GDP的45%", "45%", "drafts/brief.md", 3, 32)
    gdp = ClaimRef(
        "gdp",
        "jimo",
        f"全区GDP{SCRIPT}",
        "1035亿元",
        "claims/jimo.yaml",
        12,
        None,
        source="003.txt",
        source_line=49,
    )
    growth = ClaimRef("yoy", "brief", "同比增长30%", "30%", "drafts/brief.md", 9, 31)
    target = ClaimRef("target", "plan", "力争突破700家", "突破700家")
    findings = (
        Finding(
            code="FC201",
            name="share-mismatch",
            severity="error",
            message="占比不符：声明为 [44.5, 45.5]%，算得 [39.74, 39.87]%",
            claims=(share, gdp),
            evidence=(("stated", "[44.5, 45.5]%"), ("computed", "[39.74, 39.87]%")),
            fix=Fix("brief#share", 39.74, 39.87, "%", "「45%」应在 [39.74, 39.87]% 之内"),
            metric="海洋生产总值",
            subject="即墨区",
        ),
        Finding(
            code="FC202",
            name="growth-mismatch",
            severity="warning",
            message="同比增速不符：声明为 [29.5, 30.5]%，算得 ≤10.05%",
            claims=(growth,),
            fix=Fix("brief#yoy", math.nan, None, "%", "「30%」应在 ≤10.05% 之内"),
            metric="货物吞吐量",
            subject="青岛国际陆港",
        ),
        Finding(
            code="FC301",
            name="target-vs-result",
            severity="info",
            message="目标与实际：无法判定",
            claims=(target,),
        ),
    )
    figures = (
        FigureValue(
            "即墨区",
            "海洋生产总值",
            "share",
            "2024H1",
            42.35,
            42.45,
            "%",
            False,
            ("jimo#s1",),
            document="jimo",
            value="42.4%",
        ),
        FigureValue(
            "即墨区",
            "海洋生产总值",
            "share",
            "2025H1",
            44.5,
            45.5,
            "%",
            False,
            ("brief#share",),
            document="brief",
            value="45%",
        ),
        FigureValue(
            "即墨区",
            "海洋生产总值",
            "share",
            "2025H1",
            39.74,
            39.87,
            "%",
            True,
            ("brief#gdp", "jimo#gdp"),
            chain=("占比",),
        ),
        FigureValue(
            "即墨区",
            "海洋生产总值",
            "level",
            "2025H1",
            411.5,
            412.5,
            "亿元",
            False,
            ("brief#level",),
            document="brief",
            value="412亿元",
        ),
        FigureValue(
            "青岛国际陆港",
            "货物吞吐量",
            "yoy",
            "2024",
            29.5,
            30.5,
            "%",
            False,
            ("brief#yoy",),
            document="brief",
            value="30%",
        ),
        FigureValue(
            "青岛国际陆港",
            "货物吞吐量",
            "level",
            "2023",
            1000.0,
            None,
            "万吨",
            False,
            ("rev#t",),
            document="rev",
            value="突破1000万吨",
        ),
        FigureValue(
            "即墨区",
            "地区生产总值",
            "level",
            "2025H1",
            1034.5,
            1035.5,
            "亿元",
            False,
            ("brief#gdp",),
        ),
    )
    coverage = Coverage(
        claims=10,
        checked=8,
        unchecked=("brief#x",),
        undecidable=("brief#z：占比无法核对，缺少整体",),
        relations=12,
    )
    return Report(findings, coverage, figures)


OPTIONS = RenderOptions(inputs=("drafts/brief.md",), suppressed=2, baselined=1)


def test_text_lines_follow_linter_convention() -> None:
    out = render(sample_report(), "text", OPTIONS)
    heads = [line for line in out.splitlines() if HEAD.match(line)]
    assert (
        heads[0]
        == "drafts/brief.md:3:32: FC201 error 占比不符：声明为 [44.5, 45.5]%，算得 [39.74, 39.87]%"
    )
    assert [HEAD.match(h)["code"] for h in heads] == ["FC201", "FC202", "FC301"]  # type: ignore[index]
    assert heads[2].startswith("plan:1:1: FC301 info")  # a claim without a file still gets a place
    assert "  声明值 [44.5, 45.5]%  计算值 [39.74, 39.87]%" in out
    assert "  建议：「45%」应在 [39.74, 39.87]% 之内" in out
    assert "原文 003.txt:49" in out
    summary = out.splitlines()[-1]
    assert summary.startswith("共 1 个错误、1 个警告、1 个提示（10 条声明，8 条参与核对，12 组关系")
    assert "已抑制 2 个" in summary
    assert "基线已接受 1 个" in summary
    assert "\x1b[" not in out


def test_text_colour_only_when_asked() -> None:
    plain = render(sample_report(), "text", OPTIONS)
    coloured = render(
        sample_report(),
        "text",
        RenderOptions(color=True, suppressed=2, baselined=1, inputs=OPTIONS.inputs),
    )
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_text_without_findings_says_so() -> None:
    out = render(Report((), Coverage(claims=3, checked=3, relations=2)), "text")
    assert out == "未发现问题（3 条声明，3 条参与核对，2 组关系）\n"


def test_text_counts_draft_figures_set_aside_with_a_reason() -> None:
    # A draft's figure the run could not take (an unknown metric, a share over 100%) is
    # listed with its reason, before the summary; a claim that simply met no other figure is
    # a bare key and is neither listed nor counted here.
    unchecked = ("d#l3-1：指标「蓝莓种植面积」未登记，无法核对（d.md:3）", "d#l4-1")
    cov = Coverage(claims=3, checked=1, relations=2, unchecked=unchecked)
    out = render(Report((), cov), "text")
    assert out == (
        "未核对 d#l3-1：指标「蓝莓种植面积」未登记，无法核对（d.md:3）\n"
        "未发现问题（3 条声明，1 条参与核对，2 组关系，1 条因指标未登记等原因未核对）\n"
    )


def test_json_keeps_the_contract() -> None:
    data = json.loads(render(sample_report(), "json", OPTIONS))
    assert data["summary"] == {
        "errors": 1, "warnings": 1, "infos": 1, "claims": 10,
        "checked": 8, "relations": 12, "suppressed": 2, "baselined": 1,
    }  # fmt: skip
    first = data["findings"][0]
    assert {"code", "severity", "message", "claims"} <= set(first)
    assert first["claims"][1] == {
        "id": "gdp", "document": "jimo", "quote": f"全区GDP{SCRIPT}", "file": "claims/jimo.yaml",
        "line": 12,
        "column": None, "value": "1035亿元", "source": "003.txt", "source_line": 49,
    }  # fmt: skip
    assert first["evidence"] == {"stated": "[44.5, 45.5]%", "computed": "[39.74, 39.87]%"}
    assert first["location"] == "drafts/brief.md:3:32"
    assert data["findings"][1]["fix"]["low"] is None  # NaN is not JSON
    assert re.fullmatch(r"[0-9a-f]{16}", first["fingerprint"])


def test_sarif_is_valid_against_the_official_schema() -> None:
    log = json.loads(render(sample_report(), "sarif", OPTIONS))
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(
        log
    )
    run = log["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["FC201", "FC202", "FC301"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drafts/brief.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 32}
    related = results[0]["relatedLocations"]
    assert related[1]["physicalLocation"]["region"] == {"startLine": 12}
    assert "locations" not in results[2]  # a claim with no file has no physical location


def test_sarif_uris_are_encoded_and_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("草稿/第 1 稿.md") == (
        "%E8%8D%89%E7%A8%BF/%E7%AC%AC%201%20%E7%A8%BF.md",
        True,
    )
    assert artifact_uri(str(tmp_path / "a.md")) == ("a.md", True)
    outside = artifact_uri("/elsewhere/b.md")
    assert outside == ("file:///elsewhere/b.md", False)


@pytest.mark.parametrize(("fail_on", "failures"), [("error", 1), ("warning", 2)])
def test_junit_marks_failures_by_fail_on(fail_on: str, failures: int) -> None:
    xml = render(sample_report(), "junit", RenderOptions(fail_on=fail_on))
    root = ET.fromstring(xml)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    # three findings, one undecidable relation, one case for every relation that held
    assert len(cases) == 5 == int(suite.get("tests", "0")) == int(root.get("tests", "0"))
    assert int(suite.get("failures", "0")) == failures == len(suite.findall("testcase/failure"))
    assert int(suite.get("skipped", "0")) == 1
    assert cases[0].get("classname") == "factcheck.FC201"
    assert cases[0].get("file") == "drafts/brief.md"
    assert cases[0].get("line") == "3"
    assert cases[-1].get("name") == "其余 9 组关系核对一致"


def test_html_is_self_contained_and_escaped() -> None:
    page = render(sample_report(), "html", OPTIONS)
    assert SCRIPT not in page
    assert "全区GDP&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in page
    assert not re.search(r"https?://", page)
    for value in re.findall(r"""\b(?:src|href)\s*=\s*["']([^"']*)["']""", page):
        assert value.startswith(("#", "data:"))
    assert page.count('<article class="finding') == 3
    # one chart per metric, subject and measure holding a figure involved in a finding
    groups = [key for key, _ in chart_groups(sample_report())]
    assert groups == [
        ("海洋生产总值", "即墨区", "share", "%"),
        ("货物吞吐量", "青岛国际陆港", "yoy", "%"),
    ]
    assert page.count('<figure class="chart"') == page.count("<svg") == 2
    assert "即墨区 · 海洋生产总值（占比，%）" in page


def test_chart_svg_is_bare_and_escapes_text() -> None:
    figures = [
        FigureValue(
            "<b>区</b>",
            "指标",
            "level",
            "2023",
            1.0,
            2.0,
            "亿元",
            False,
            ("a#1",),
            document="a",
            value="1.5亿元",
        ),
        FigureValue(
            "<b>区</b>",
            "指标",
            "level",
            "2024",
            3.0,
            None,
            "亿元",
            False,
            ("a#2",),
            document="a",
            value="突破3亿元",
        ),
    ]
    svg = timeline_svg(("指标", "<b>区</b>", "level", "亿元"), figures, {"a#2"})
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert "<b>" not in svg
    assert not re.search(r"https?://|<metadata|<!DOCTYPE|<\?xml", svg)
    assert "#c62828" in svg  # the figure involved in a finding is drawn red


def test_clean_svg_drops_prolog_and_namespaces() -> None:
    raw = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata><g/></svg>'
    assert clean_svg(raw) == "<svg><g/></svg>"


def test_every_format_renders_an_empty_report() -> None:
    for fmt in FORMATS:
        assert render(Report(()), fmt)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="未知格式"):
        render(Report(()), "yaml")
