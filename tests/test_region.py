"""Which region a draft speaks of when the editor did not say (:mod:`factcheck.region`).

The texts here were written for these tests; the places other than the registry's (某市,
松岭县, 南山区) are not in ``rules/subjects.yaml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.region import (
    RegionGuess,
    draft_region,
    title_of,
    title_publication,
    unnamed_region,
)
from factcheck.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "rules")


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("# 2023年某市国民经济和社会发展统计公报", "某市"),
        ("某省某市2023年国民经济和社会发展统计公报", "某市"),
        ("松岭县人民政府工作报告", "松岭县"),
        ("深圳市南山区2023年统计公报", "南山区"),
        ("广西壮族自治区2023年国民经济和社会发展统计公报", "广西壮族自治区"),
        ("中华人民共和国2023年国民经济和社会发展统计公报", "全国"),
        # Registered regions, by name or alias; the deepest of several.
        ("青岛市即墨区2023年政府工作报告", "即墨区"),
        ("即墨：以改革“冲击钻”为高质量发展注入新动能", "即墨区"),
        ("青岛即墨：产业进阶，培优新质生产力", "即墨区"),
        ("胶州市2023年统计公报", "胶州市"),
        # A news title may name the period first, and its topic right after the place.
        ("前三季度松岭县外贸进出口稳中有升", "松岭县"),
        ("上半年松岭县工业经济稳步回升", "松岭县"),
        ("1—8月松岭县工业经济运行情况", "松岭县"),  # the dash folded, as the extractor reads it
        # Any topic before a title's closing word: 公报, 简况, 情况, 报告, 规划, 纲要.
        ("2023年澄江市教育事业发展统计公报", "澄江市"),
        ("澄江市卫生健康事业发展统计公报", "澄江市"),
        ("澄江市第七次全国人口普查主要数据公报", "澄江市"),
    ],
)
def test_the_title_names_the_region(title: str, region: str) -> None:
    assert draft_region(f"{title}\n\n全年地区生产总值增长5%。\n", REGISTRY) == RegionGuess(
        region, "标题"
    )


@pytest.mark.parametrize(
    "title",
    [
        "2024年政府工作报告",
        "关于2023年国民经济和社会发展计划执行情况的报告",
        "2023年上半年全市经济运行情况",  # a period and a relative word, no place
        "建设高质量发展示范区",  # 示范区 ends like a place but is none
        "前三季度全市外贸进出口稳中有升",  # a period, then a relative word
        "推动城市南北协调发展",  # 市南 (an alias of 市南区) inside 城市南北 is no mention
        "城市更新工作报告",  # 城市 ends in 市 and is no place
        "社区治理情况的报告",
    ],
)
def test_a_title_without_a_place_names_none(title: str) -> None:
    assert draft_region(f"{title}\n\n全年地区生产总值增长5%。\n", REGISTRY) is None


def test_the_body_names_the_region_its_relative_words_speak_of() -> None:
    # A feature with a headline that names no place: it says 全区, names 即墨区 often and
    # 青岛市 (a city, not the level 全区 speaks of) and 城阳区 (once) less.
    body = (
        "产业链链长制见实效\n\n"
        "即墨区坚持工业强区。今年以来，即墨区新签约项目48个，全区规上工业增加值增长8%。\n"
        "在青岛市率先推行链长制，即墨区与城阳区共建产业园。即墨区的经验被青岛市推广。\n"
    )
    assert draft_region(body, REGISTRY) == RegionGuess("即墨区", "正文")


def test_the_body_must_name_one_region_clearly() -> None:
    named_twice = (
        "产业链见实效\n\n即墨区新签约项目48个，全区规上工业增加值增长8%，即墨区排名第一。\n"
    )
    assert draft_region(named_twice, REGISTRY) is None
    tied = "产业链见实效\n\n" + "即墨区、城阳区各新签约项目48个，全区规上工业增加值增长8%。" * 3
    assert draft_region(tied, REGISTRY) is None
    no_relative_word = "产业链见实效\n\n" + "即墨区新签约项目48个。" * 4
    assert draft_region(no_relative_word, REGISTRY) is None


def test_title_is_the_first_line_that_reads_like_one() -> None:
    assert title_of("\n\n2024-03-01\n## 某县2023年统计公报 \n正文") == "某县2023年统计公报"
    assert title_of("\n\n") is None


# --------------------------------------------------------------------------- the check command

BULLETIN = """# 2023年某市国民经济和社会发展统计公报

经初步核算，全年全市地区生产总值1234.5亿元，按不变价格计算，比上年增长5.2%。其中，第一产业增加值56.7亿元，增长3.1%；第二产业增加值{second}亿元，增长6.0%；第三产业增加值721.1亿元，增长4.9%。三次产业结构为4.6:37.0:58.4。

全年货物进出口总额356.2亿元，比上年增长8.1%。其中，出口额230.4亿元，增长10.2%；进口额125.8亿元，增长4.5%。
"""


def check_json(
    capsys: pytest.CaptureFixture[str], draft: Path, *more: str
) -> tuple[dict[str, object], str]:
    main(["check", str(draft), "--date", "2024-03", "-f", "json", "--exit-zero", *more])
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_a_city_bulletin_is_checked_without_region(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand check: 56.7 + 456.7 + 721.1 = 1234.5; 456.7 / 1234.5 = 37.0 %; 4.6 + 37.0 + 58.4
    # = 100; 230.4 + 125.8 = 356.2. With 465.7 the sum is 1243.5 and the share 37.7 %.
    draft = tmp_path / "bulletin.md"
    draft.write_text(BULLETIN.format(second="456.7"), encoding="utf-8")
    report, err = check_json(capsys, draft)
    assert "按标题把“全区”“全市”等读作 某市" in err
    assert report["findings"] == []
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["checked"] >= 10  # the sum, the shares, the structure, 进出口

    draft.write_text(BULLETIN.format(second="465.7"), encoding="utf-8")
    report, _ = check_json(capsys, draft)
    findings = report["findings"]
    assert isinstance(findings, list)
    errors = {(f["code"], "某市" in f["message"]) for f in findings if f["severity"] == "error"}
    assert errors == {("FC201", True), ("FC401", True)}


def test_the_given_region_wins_over_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "bulletin.md"
    draft.write_text(BULLETIN.format(second="456.7"), encoding="utf-8")
    report, err = check_json(capsys, draft, "--region", "松岭县")
    assert "读作" not in err
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["checked"] >= 10


NEWS = """# 前三季度我市外贸进出口稳中有进

本报讯 记者从市商务局获悉，前三季度，我市货物贸易进出口总值1256.8亿元，同比增长8.3%。\
其中，出口{exports}亿元，增长10.6%；进口420.3亿元，增长4.0%。一般贸易进出口925.6亿元，\
占全市外贸总值的{share}%。
"""


def test_a_draft_that_names_no_place_is_checked_against_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand checks: 836.5 + 420.3 = 1256.8; 925.6 / 1256.8 = 73.65 %. Before, none of these
    # figures had a subject, and the draft was not checked at all.
    draft = tmp_path / "brief.md"
    draft.write_text(NEWS.format(exports="836.5", share="73.6"), encoding="utf-8")
    report, err = check_json(capsys, draft)
    assert "记为「本稿（brief）所述市」，只在本稿之内核对" in err
    assert "--region" in err
    assert report["findings"] == []
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["checked"] >= 6  # 进出口 = 出口 + 进口, and the share

    # 846.5 + 420.3 = 1266.8 ≠ 1256.8; 75.6 % is not 925.6 / 1256.8.
    draft.write_text(NEWS.format(exports="846.5", share="75.6"), encoding="utf-8")
    report, _ = check_json(capsys, draft)
    findings = report["findings"]
    assert isinstance(findings, list)
    assert sorted(f["code"] for f in findings if f["severity"] == "error") == ["FC201", "FC401"]


DISTRICT = """# 上半年经济运行情况

上半年，全区实现地区生产总值356.2亿元，同比增长6.1%，高于全市{points}个百分点。\
全市地区生产总值同比增长4.9%。
"""


def test_a_district_draft_that_names_no_place_keeps_its_city_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 全区 and 全市 are two places: 6.1 % and 4.9 % are no one figure printed twice, and their
    # difference is 1.2 points, not 2.2.
    draft = tmp_path / "brief.md"
    draft.write_text(DISTRICT.format(points="1.2"), encoding="utf-8")
    report, err = check_json(capsys, draft)
    assert "「本稿（brief）所述区」" in err
    assert report["findings"] == []
    draft.write_text(DISTRICT.format(points="2.2"), encoding="utf-8")
    report, _ = check_json(capsys, draft)
    findings = report["findings"]
    assert isinstance(findings, list)
    assert [(f["code"], f["severity"]) for f in findings] == [("FC203", "error")]
    assert "本稿（brief）所述区 地区生产总值" in findings[0]["message"]


def test_two_drafts_that_name_no_place_are_not_taken_for_one_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two cities' releases, each consistent in itself: 1256.8亿元 and 980.2亿元 are the totals
    # of two places, not one figure that disagrees.
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text(NEWS.format(exports="836.5", share="73.6"), encoding="utf-8")
    second.write_text(
        "# 前三季度外贸情况\n\n前三季度，全市货物贸易进出口总值980.2亿元。\n", "utf-8"
    )
    report, _ = check_json(capsys, first, str(second))
    assert report["findings"] == []


def test_a_stand_in_place_is_a_district_county_or_city_as_the_draft_speaks() -> None:
    assert unnamed_region("a", "全区地区生产总值增长5.2%，高于全市0.4个百分点") == "本稿（a）所述区"
    assert unnamed_region("b", "全县粮食总产量12.3万吨") == "本稿（b）所述县"
    assert unnamed_region("c", "全市进出口总值1256.8亿元") == "本稿（c）所述市"
    assert unnamed_region("d", "进出口总值1256.8亿元") == "本稿（d）所述市"


@pytest.mark.parametrize(
    ("title", "published"),
    [
        ("2023年某市国民经济和社会发展统计公报", "2024-03"),
        ("松岭县2024年政府工作报告", "2024-02"),
        ("2024年某区政府工作报告", "2024-02"),
        ("关于2023年预算执行情况和2024年预算草案的报告", "2024-02"),
        ("关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", "2024-02"),
        ("即墨：以改革“冲击钻”为高质量发展注入新动能", None),
        ("2024年上半年全区经济运行情况", None),
        (None, None),
    ],
)
def test_a_reports_kind_and_year_say_when_it_came_out(
    title: str | None, published: str | None
) -> None:
    assert title_publication(title) == published


WORK_REPORT = """2024年某区政府工作报告

过去一年，全区地区生产总值达到1285.6亿元，增长6.2%。

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
"""


def test_a_work_report_checked_without_a_date_is_read_as_of_the_year_its_title_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read as of today, 过去一年 and 今年 would be one year (the year before today and this
    # one, or both today's): the 2024 target of 6%左右 would be "met" by 2023's 6.2%. As of
    # 2024-02, the 6.2% is 2023's and the target 2024's: nothing to compare yet.
    draft = tmp_path / "report.md"
    draft.write_text(WORK_REPORT, encoding="utf-8")
    main(["check", str(draft), "-f", "json", "--exit-zero"])
    captured = capsys.readouterr()
    assert "未指定发布日期，按标题「2024年某区政府工作报告」推定为 2024-02" in captured.err
    assert json.loads(captured.out)["findings"] == []

    # A date given wins, and is not remarked on: as of 2024-12, 过去一年 is 2024 too.
    main(["check", str(draft), "-f", "json", "--exit-zero", "--date", "2024-12"])
    captured = capsys.readouterr()
    assert "未指定发布日期" not in captured.err
    codes = [f["code"] for f in json.loads(captured.out)["findings"]]
    assert codes == ["FC301"]
