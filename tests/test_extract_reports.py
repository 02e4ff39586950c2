"""Constructs of county reports read with the shipped registry, then checked as drafts.

The texts were written for these tests, in the words such reports use; 松岭县 is not in the
registry, so each draft speaks of a place the corpus knows nothing about, and every finding
comes from the draft's own arithmetic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.claims import Selector
from factcheck.cli import main
from factcheck.extract import extract
from factcheck.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "rules")


def fields(text: str, date: str = "2024-02") -> list[dict[str, Any]]:
    return [
        {"value": c.value, "metric": c.metric, "measure": c.measure, "period": c.period}
        | ({"scope": c.scope} if c.scope else {})
        for c in extract(text, date, "松岭县", registry=REGISTRY)
    ]


def test_the_past_year_is_a_year_and_its_growth_a_yearly_rate() -> None:
    # 过去一年 in a report of February 2024 is 2023; 增长6.2% is that year's growth, not a
    # change over a span of years.
    assert fields("过去一年，全县地区生产总值完成356.8亿元，增长6.2%。") == [
        {"value": "356.8亿元", "metric": "地区生产总值", "measure": "level", "period": "2023"},
        {"value": "6.2%", "metric": "地区生产总值", "measure": "yoy", "period": "2023"},
    ]


def test_from_a_to_b_without_a_year_moves_from_the_period_before() -> None:
    # 五年来 is 2019..2023: 由A增加到B moves from 2018 (the year before the span) to 2023.
    # Both read as 2023, the two figures disagreed with each other (an FC101 error).
    got = fields("五年来，规上工业企业由186家增加到312家，年均增长10.9%。")
    assert got == [
        {"value": "186家", "metric": "规上工业企业数量", "measure": "level", "period": "2018"}
        | {"scope": "规上"},
        {"value": "312家", "metric": "规上工业企业数量", "measure": "level", "period": "2023"}
        | {"scope": "规上"},
        # The rate is of the same 规上 firms: it keeps their scope, so it meets their levels.
        {"value": "10.9%", "metric": "规上工业企业数量", "measure": "cagr"}
        | {"period": "2019..2023", "scope": "规上"},
    ]
    this_year = fields("今年，全县森林覆盖率由35.1%提高到35.6%。", date="2024-09")
    assert [f["period"] for f in this_year] == ["2023", "2024"]


def test_urban_and_rural_respectively() -> None:
    # 城乡居民…分别 is 城镇 then 农村, for the levels and for their growth.
    got = fields("城乡居民人均可支配收入分别达到45230元和23150元，分别增长5.1%和7.2%。")
    assert [(f["value"], f["metric"]) for f in got] == [
        ("45230元", "城镇居民人均可支配收入"),
        ("23150元", "农村居民人均可支配收入"),
        ("5.1%", "城镇居民人均可支配收入"),
        ("7.2%", "农村居民人均可支配收入"),
    ]
    # 年均 before or after 分别: average rates over the span, one each.
    for text in (
        "五年来，城乡居民人均可支配收入年均分别增长5.6%、7.2%。",
        "五年来，城乡居民人均可支配收入年均增长分别为5.6%和7.2%。",
    ):
        got = fields(text, date="2025-01")
        assert [(f["metric"], f["measure"], f["period"]) for f in got] == [
            ("城镇居民人均可支配收入", "cagr", "2020..2024"),
            ("农村居民人均可支配收入", "cagr", "2020..2024"),
        ]
    # Without 分别, 城乡居民 is every resident.
    (whole,) = fields("全年城乡居民人均可支配收入增长6%。")
    assert whole["metric"] == "居民人均可支配收入"


def test_the_level_a_change_reached() -> None:
    got = fields("五年来，高新技术企业数量是2018年的3倍，达到156家。")
    assert [(f["value"], f["metric"], f["measure"]) for f in got] == [
        ("3倍", "高新技术企业数量", "multiple"),
        ("156家", "高新技术企业数量", "level"),
    ]
    # A count after a growth of an amount is not that amount's level.
    got = fields("规上工业增加值增长8%，达到20家。")
    assert got[1]["metric"] != "规上工业增加值"


WORK_REPORT = """# 2024年松岭县人民政府工作报告

过去一年，全县地区生产总值完成356.8亿元，增长6.2%；城乡居民人均可支配收入分别达到45230元和23150元，分别增长5.1%和7.2%。

五年来，规上工业企业由186家增加到312家，年均增长{cagr}。森林覆盖率由32.1%提高到35.6%，提高{points}。
"""


def draft_codes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    date: str,
    region: str | None = None,
) -> list[str]:
    """``factcheck check`` on ``text`` as a draft published on ``date`` (about ``region``,
    where its title does not say): its findings as ``"FC401 error"``, sorted."""
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    where = ["--region", region] if region else []
    main(["check", str(draft), "--date", date, *where, "-f", "json", "--exit-zero"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return sorted(f"{f['code']} {f['severity']}" for f in findings)


def check_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str], **figures: str) -> list[str]:
    return draft_codes(tmp_path, capsys, WORK_REPORT.format(**figures), "2024-02")


def test_a_consistent_work_report_raises_nothing_and_a_wrong_figure_is_caught(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand checks: (312 ÷ 186)^(1/5) = 1.6774^0.2 = 1.1090, so 10.9 %; 35.6 − 32.1 = 3.5.
    assert check_codes(tmp_path, capsys, cagr="10.9%", points="3.5个百分点") == []
    # 12 % a year would take 186 to 186 × 1.12^5 = 327.8, not 312.
    assert check_codes(tmp_path, capsys, cagr="12%", points="3.5个百分点") == ["FC204 error"]
    assert check_codes(tmp_path, capsys, cagr="10.9%", points="4.5个百分点") == ["FC203 error"]


def test_a_multiple_of_the_same_part_of_last_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (_level, multiple) = extract(
        "前三季度，跨境电商进出口额126.8亿元，是上年同期的1.8倍。",
        "2024-10",
        "黄岛区",
        registry=REGISTRY,
    )
    assert multiple.measure == "multiple"
    assert multiple.against is not None
    assert multiple.against.period == "2023Q1-Q3"
    # Hand check: 126.8 ÷ 70.4 = 1.801 (1.8 prints [1.75, 1.85]); 126.8 ÷ 60.4 = 2.10.
    draft = tmp_path / "trade.md"
    text = "2023年前三季度，黄岛区跨境电商进出口额{}亿元。\n\n" + (
        "今年前三季度，黄岛区跨境电商进出口额126.8亿元，是上年同期的1.8倍。\n"
    )
    codes = []
    for before in ("70.4", "60.4"):
        draft.write_text(text.format(before), encoding="utf-8")
        main(["check", str(draft), "--date", "2024-10", "-f", "json", "--exit-zero"])
        codes.append([f["code"] for f in json.loads(capsys.readouterr().out)["findings"]])
    assert codes == [[], ["FC205"]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全区海洋生产总值超过三百亿元。", "超过三百亿元"),
        ("全区海洋生产总值近三百亿元。", "近三百亿元"),
        ("全区海洋生产总值三百亿元以上。", "三百亿元以上"),
        ("全区海洋生产总值约三百亿元。", "约三百亿元"),
        ("全区海洋生产总值三百多亿元。", "三百多亿元"),
        ("全区新增规上工业企业二十余家。", "二十余家"),
    ],
)
def test_a_figure_in_chinese_numerals_keeps_its_qualifier(text: str, value: str) -> None:
    (claim,) = extract(text, "2024-09", "即墨区", registry=REGISTRY)
    assert claim.value == value


def test_at_least_three_hundred_is_no_contradiction_of_345(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The 2024 reform feature has 345亿元 for 2024H1 (jimo-2024-reform#marine-output-2024h1).
    # Read without its 超过, 三百亿元 was 300 — [250, 350] at best — and disagreed with it.
    draft = tmp_path / "marine.md"
    draft.write_text("2024年上半年，全区海洋生产总值超过三百亿元。\n", encoding="utf-8")
    main(["check", str(draft), "--date", "2024-09", "--region", "即墨区", "-f", "json"])
    assert json.loads(capsys.readouterr().out)["findings"] == []


COUNTY_BULLETIN = """青山县2024年国民经济和社会发展统计公报

初步核算，全年全县生产总值320.5亿元，按不变价格计算，比上年增长5.8%。其中，第一产业增加值\
40.1亿元，增长3.5%；第二产业增加值{va2}亿元，增长6.2%；第三产业增加值160.1亿元，增长5.9%。三次\
产业结构为12.5:37.5:50.0。按常住人口计算，全年人均地区生产总值{per_capita}元。

年末全县常住人口48.6万人，其中城镇常住人口{urban}万人，常住人口城镇化率56.2%。

全年粮食总产量35.6万吨，比上年增长1.2%。其中，夏粮{summer}万吨，秋粮20.4万吨。

全年进出口总额45.6亿元，比上年增长8.5%。其中，出口{exports}亿元，增长10.2%；进口13.5亿元，增长4.6%。

全年一般公共预算收入25.6亿元，增长4.2%，其中税收收入{tax}亿元，占一般公共预算收入的71.5%。

全县20家规上企业参加省级工业博览会。
"""
CONSISTENT = {
    "va2": "120.3",
    "per_capita": "65946",
    "urban": "27.3",
    "summer": "15.2",
    "exports": "32.1",
    "tax": "18.3",
}


@pytest.mark.parametrize(
    ("moved", "expected"),
    [
        # Hand checks of the consistent text: 40.1 + 120.3 + 160.1 = 320.5; 40.1 / 320.5 =
        # 12.51 %, 120.3 / 320.5 = 37.54 %, 160.1 / 320.5 = 49.95 %; 27.3 / 48.6 = 56.17 %;
        # 15.2 + 20.4 = 35.6; 32.1 + 13.5 = 45.6; 18.3 / 25.6 = 71.48 %; 320.5亿 / 48.6万 =
        # 65947 元 (the 5 % band of the per-capita rules is [62650, 69244]).
        ({}, []),
        # 40.1 + 130.3 + 160.1 = 330.5 ≠ 320.5, and 130.3 / 320.5 = 40.66 % ≠ 37.5 %.
        ({"va2": "130.3"}, ["FC201 error", "FC401 error"]),
        ({"per_capita": "75946"}, ["FC401 warning"]),
        # 29.3 / 48.6 = 60.29 % ≠ 56.2 %.
        ({"urban": "29.3"}, ["FC401 error"]),
        # 18.2 + 20.4 = 38.6 > 35.6.
        ({"summer": "18.2"}, ["FC401 error"]),
        # 34.1 + 13.5 = 47.6 ≠ 45.6. For 2023, derived from the growth rates, 45.6 / 1.085
        # = 42.0 against 34.1 / 1.102 + 13.5 / 1.046 = 30.9 + 12.9 = 43.9 fails too, but
        # names the same three figures and their rates: an echo, not a second finding.
        ({"exports": "34.1"}, ["FC401 error"]),
        # 19.3 / 25.6 = 75.39 % ≠ 71.5 %.
        ({"tax": "19.3"}, ["FC201 error"]),
    ],
    ids=lambda v: ",".join(v) or "consistent" if isinstance(v, dict) else None,
)
def test_a_county_bulletin_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], moved: dict[str, str], expected: list[str]
) -> None:
    text = COUNTY_BULLETIN.format(**(CONSISTENT | moved))
    assert draft_codes(tmp_path, capsys, text, "2025-03") == expected


def test_the_words_naming_the_subject_name_no_metric() -> None:
    # 开发区 here is the park (named in full the sentence before), not the registry's
    # 开发区数量: the 45 are the park's firms of one kind.
    (claim,) = extract(
        "走进松岭县经济开发区的华宇新材料有限公司。目前，开发区已集聚新材料企业45家。",
        "2024-07",
        "松岭县",
        registry=REGISTRY,
    )
    assert (claim.subject, claim.metric, claim.scope) == ("松岭县经济开发区", "企业数量", "新材料")


def test_a_part_of_a_figure_stated_only_as_a_rate_has_no_whole() -> None:
    # The 其中 opens in the investment's clause, which states only its growth; the 社零 after
    # the ； was made a part of the budget revenue before it, and 128.6亿元 > 25.6亿元 was an
    # FC207 error.
    claims = extract(
        "过去一年，一般公共预算收入25.6亿元，增长4.2%；固定资产投资增长5.2%，其中工业投资增长"
        "12.3%；社会消费品零售总额128.6亿元，增长5.5%。",
        "2025-02",
        "松岭县",
        registry=REGISTRY,
    )
    assert [(c.value, c.part_of) for c in claims if c.measure == "level"] == [
        ("25.6亿元", None),
        ("128.6亿元", None),
    ]
    # A rate just before 其中 still leads to its own metric's level.
    revenue, _rate, tax, _share = extract(
        "全年一般公共预算收入25.6亿元，增长4.2%，其中税收收入18.3亿元，占一般公共预算收入的71.5%。",
        "2025-03",
        "松岭县",
        registry=REGISTRY,
    )
    assert tax.part_of == revenue.id


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("全区地区生产总值增长5.8%，比全国平均水平高0.6个百分点。", "全国"),
        ("全区地区生产总值增长5.8%，比全省高0.6个百分点。", "山东省"),
        ("全区规上工业增加值增长7.1%，增速比青岛市高1.2个百分点。", "青岛市"),
    ],
)
def test_points_above_a_place_named_after_bi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, subject: str
) -> None:
    # 比全国…高0.6个百分点 was read as against the year before: with last year's 6.1 % in the
    # same draft, 5.8 − 6.1 = −0.3 against the 0.6 printed was a false FC203 error.
    (_rate, points) = extract(sentence, "2025-02", "即墨区", registry=REGISTRY)
    assert points.measure == "pp"
    assert points.against is not None
    assert points.against.subject == subject
    assert points.against.period is None
    draft = tmp_path / "points.md"
    draft.write_text(
        f"2023年，全区地区生产总值增长6.1%。\n\n2024年，{sentence}\n", encoding="utf-8"
    )
    main(["check", str(draft), "--date", "2025-02", "--region", "即墨区", "-f", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


HALF_YEAR = """松岭县2024年1—6月经济运行简况

一、地区生产总值。上半年，全县实现地区生产总值156.3亿元，同比增长5.9%，增速比一季度加快0.4个百分点。\
分产业看，第一产业增加值18.2亿元，增长3.6%；第二产业增加值{va2}亿元，增长6.8%；第三产业增加值75.6亿元，\
增长5.6%。

二、消费。1—6月，全县社会消费品零售总额62.8亿元，同比增长5.2%。按经营地分，城镇消费品零售额48.9亿元，\
增长4.9%；乡村消费品零售额{rural}亿元，增长6.3%。
"""


@pytest.mark.parametrize(
    ("va2", "rural", "expected"),
    [
        # Hand checks: 18.2 + 62.5 + 75.6 = 156.3; 48.9 + 13.9 = 62.8.
        ("62.5", "13.9", []),
        # 18.2 + 64.5 + 75.6 = 158.3 ≠ 156.3.
        ("64.5", "13.9", ["FC401 error"]),
        # 48.9 + 15.9 = 64.8 ≠ 62.8. For 2023H1, derived from the growth rates,
        # 48.9 / 1.049 + 15.9 / 1.063 = 46.6 + 15.0 = 61.6 ≠ 62.8 / 1.052 = 59.7 fails too,
        # through the same three figures and their rates: an echo of the first, left out.
        ("62.5", "15.9", ["FC401 error"]),
    ],
)
def test_a_half_year_release_with_numbered_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], va2: str, rural: str, expected: list[str]
) -> None:
    # Before, the title (…简况) was joined to the first section, and each section's title run
    # into its paragraph hid the 上半年/1—6月 that opens it: the industries and the retail by
    # location were read as whole-year targets and met no rule.
    text = HALF_YEAR.format(va2=va2, rural=rural)
    assert draft_codes(tmp_path, capsys, text, "2024-07") == expected


COMPARED = """松岭县2024年上半年经济运行简况

上半年，全县实现地区生产总值156.3亿元，同比增长5.8%，增速比一季度加快{q1}个百分点，\
比上年同期回落0.4个百分点。一季度，全县地区生产总值同比增长5.2%。

1—6月，全县规模以上工业增加值同比增长7.1%，比1—5月提高{m5}个百分点。1—5月，规模以上工业增加值\
增长6.8%。
"""


def test_points_against_another_part_of_the_year() -> None:
    # 比一季度, 比1—5月, 比上年同期: what a rate of 2024H1 is compared with. All three were read
    # as against 2023, the whole year before.
    claims = extract(COMPARED.format(q1="0.6", m5="0.3"), "2024-07", "松岭县", registry=REGISTRY)
    points = [(c.quote, c.against.period, c.scope) for c in claims if c.measure == "pp"]
    assert points == [
        ("增速比一季度加快0.6个百分点", "2024Q1", None),
        ("比上年同期回落0.4个百分点", "2023H1", None),
        # The words 比1—5月 are not a name: the rate keeps the 规上 scope of the figure before.
        ("比1—5月提高0.3个百分点", "2024-01..2024-05", "规上"),
    ]
    balance = extract("6月末，全县人民币存款余额612.4亿元，比年初增加45.2亿元。", "2024-07",
                      "松岭县", registry=REGISTRY)[-1]  # fmt: skip
    assert (balance.measure, balance.against.period) == ("change", "2023")  # the end of 2023


@pytest.mark.parametrize(
    ("q1", "m5", "expected"),
    [
        # Hand checks: 5.8 − 5.2 = 0.6; 7.1 − 6.8 = 0.3.
        ("0.6", "0.3", []),
        # 5.8 − 5.2 = 0.6, not 0.9 (0.85–0.95 against 0.5–0.7 from the printed rates).
        ("0.9", "0.3", ["FC203 error"]),
        # 7.1 − 6.8 = 0.3, not 0.8.
        ("0.6", "0.8", ["FC203 error"]),
    ],
)
def test_points_against_another_part_of_the_year_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], q1: str, m5: str, expected: list[str]
) -> None:
    text = COMPARED.format(q1=q1, m5=m5)
    assert draft_codes(tmp_path, capsys, text, "2024-07") == expected


@pytest.mark.parametrize(
    ("said", "period"),
    [
        ("6月末", "2024-06"),
        ("截至6月末", "2024-06"),
        ("截至6月底", "2024-06"),
        ("截至6月30日", "2024-06"),
        ("截至12月末", "2024"),  # the year's stock, as 年末 is
    ],
)
def test_a_balance_at_a_months_end_is_that_months_however_it_is_said(
    said: str, period: str
) -> None:
    # 截至6月末 was the date 2024-06-30 and 6月末 the month 2024-06: the same balance printed
    # both ways were two figures that never met.
    (claim,) = extract(f"{said}，全县人民币贷款余额498.7亿元。", "2025-01", "松岭县",
                       registry=REGISTRY)  # fmt: skip
    assert (claim.metric, claim.period) == ("贷款余额", period)


def test_the_same_balance_said_two_ways_must_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "loans.md"
    codes = []
    for later in ("498.7", "489.7"):
        draft.write_text(
            "松岭县2024年上半年金融运行情况\n\n6月末，全县人民币贷款余额498.7亿元。\n\n"
            f"截至6月末，全县人民币贷款余额{later}亿元，比年初增加30.1亿元。\n",
            encoding="utf-8",
        )
        main(["check", str(draft), "--date", "2024-07", "-f", "json", "--exit-zero"])
        codes.append([f["code"] for f in json.loads(capsys.readouterr().out)["findings"]])
    # Hand check: 498.7 − 30.1 = 468.6 and 498.7 agree; 489.7 does not agree with 498.7, and
    # the start of the year derived from each (468.6 against 459.6) disagrees too.
    assert codes == [[], ["FC101", "FC111"]]


INCOMES = """松岭县2024年国民经济和社会发展统计公报

全年全县城镇居民人均可支配收入23456元，比上年增长4.6%；农村居民人均可支配收入12031元，增长6.7%。\
城乡居民人均可支配收入比值为{ratio}，比上年缩小{change}。
"""


def test_a_ratio_printed_as_a_bare_number_and_its_change() -> None:
    claims = extract(INCOMES.format(ratio="1.95", change="0.04"), "2025-03", "松岭县",
                     registry=REGISTRY)  # fmt: skip
    ratio = [(c.metric, c.measure, c.value) for c in claims if c.metric == "城乡居民收入比"]
    assert ratio == [("城乡居民收入比", "level", "1.95"), ("城乡居民收入比", "change", "缩小0.04")]
    # A bare number is read for a metric counted in bare numbers only.
    assert extract("地块容积率与建筑密度之比为1.2。", "2025-03", "松岭县", registry=REGISTRY) == []


@pytest.mark.parametrize(
    ("ratio", "change", "expected"),
    [
        # Hand checks: 23456 / 12031 = 1.9496 (1.95); a year before, 23456 / 1.046 = 22424.5
        # and 12031 / 1.067 = 11275.5, so 1.9888, and 1.95 + 0.04 = 1.99.
        ("1.95", "0.04", []),
        # 1.85 is not 23456 / 12031. A year before, 1.85 + 0.04 = 1.89 is not 1.9888 either,
        # but that finding names the same figures and more (the change and the growth rates):
        # an echo, left out.
        ("1.85", "0.04", ["FC401 error"]),
        # 1.95 + 0.14 = 2.09 for the year before, against 1.9888.
        ("1.95", "0.14", ["FC401 error"]),
    ],
)
def test_the_ratio_of_urban_to_rural_incomes_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ratio: str, change: str, expected: list[str]
) -> None:
    text = INCOMES.format(ratio=ratio, change=change)
    assert draft_codes(tmp_path, capsys, text, "2025-03") == expected


BUDGET = """松岭县2024年财政预算执行情况和2025年财政预算草案的报告

2024年，全县一般公共预算收入完成28.6亿元，为预算的101.2%，比上年增长5.3%。其中，税收收入21.5亿元，\
增长4.8%，占一般公共预算收入的比重为75.2%；非税收入{non_tax}亿元，增长6.9%。

全县一般公共预算支出完成52.3亿元，为调整预算的96.5%，增长3.1%。
"""


def test_a_completion_rate_is_the_figure_before_it_against_its_target() -> None:
    claims = extract(BUDGET.format(non_tax="7.1"), "2025-01", "松岭县", registry=REGISTRY)
    budget = ("一般公共预算收入", "一般公共预算支出")
    got = [(c.metric, c.measure, c.value, c.of) for c in claims if c.metric in budget]
    target, adjusted = Selector(status="target"), Selector(status="target", scope="调整预算")
    assert got == [
        ("一般公共预算收入", "level", "28.6亿元", None),
        ("一般公共预算收入", "share", "101.2%", target),
        # The growth after it is of the revenue: it was of a metric named 为预算的.
        ("一般公共预算收入", "yoy", "5.3%", None),
        ("一般公共预算支出", "level", "52.3亿元", None),
        ("一般公共预算支出", "share", "96.5%", adjusted),
        ("一般公共预算支出", "yoy", "3.1%", None),
    ]
    q3_text = "前三季度，全县完成一般公共预算收入18.6亿元，同比增长3.9%，完成年度预算的78.2%。"
    (q3,) = [
        c for c in extract(q3_text, "2024-10", "松岭县", registry=REGISTRY) if c.measure == "share"
    ]
    assert (q3.metric, q3.period, q3.of) == (
        "一般公共预算收入",
        "2024Q1-Q3",
        Selector(period="2024", status="target"),
    )


@pytest.mark.parametrize(
    ("non_tax", "expected"),
    [
        # Hand check: 21.5 + 7.1 = 28.6. 非税收入 was read as 税收 (the word inside it): the
        # consistent report gave two FC101 and three FC110 errors.
        ("7.1", []),
        # 21.5 + 8.1 = 29.6 ≠ 28.6. For 2023, from the growth rates, 21.5 / 1.048 + 8.1 /
        # 1.069 = 20.52 + 7.58 = 28.09 ≠ 28.6 / 1.053 = 27.16: an echo through the rates.
        ("8.1", ["FC401 error"]),
    ],
)
def test_a_budget_report_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], non_tax: str, expected: list[str]
) -> None:
    text = BUDGET.format(non_tax=non_tax)
    assert draft_codes(tmp_path, capsys, text, "2025-01") == expected


TRADE = """# 前三季度松岭县外贸进出口稳中有升

据海关统计，今年前三季度，松岭县货物贸易进出口总值326.5亿元，同比增长8.2%。其中，出口{exports}亿元，\
增长10.5%；进口108.2亿元，增长3.8%。

从贸易方式看，一般贸易进出口245.6亿元，增长9.7%，占全县外贸总值的75.2%。加工贸易进出口52.4亿元，下降2.3%。

从主体看，民营企业进出口239.8亿元，增长12.6%，占73.4%。全县有进出口实绩的企业达到1286家。
"""


def test_a_breakdown_names_its_parts_and_keeps_the_period_of_the_text() -> None:
    # After 从贸易方式看 the figures are parts of the total, each its own scope; the paragraphs
    # name no time, and the text was written in October: they are of the first nine months.
    claims = extract(TRADE.format(exports="218.3"), "2024-10", registry=REGISTRY)
    levels = [(c.value, c.scope, c.period) for c in claims if c.metric == "进出口总额"
              and c.measure == "level"]  # fmt: skip
    assert levels == [
        ("326.5亿元", None, "2024Q1-Q3"),
        ("245.6亿元", "一般贸易", "2024Q1-Q3"),
        ("52.4亿元", "加工贸易", "2024Q1-Q3"),
        ("239.8亿元", "民营企业", "2024Q1-Q3"),
    ]
    # A stock in the same text is as of now, the year's.
    (firms,) = [c for c in claims if c.value == "1286家"]
    assert firms.period == "2024"


def test_the_kinds_trade_is_divided_into_are_parts_without_a_breakdown_head() -> None:
    # No 从贸易方式看 here: before, 一般贸易进出口 was read as the total a second time, and the
    # two totals (1256.8 and 925.6) were one figure that disagreed.
    text = (
        "前三季度，全县进出口总值1256.8亿元。一般贸易进出口925.6亿元，占全县外贸总值的73.6%。"
        "加工贸易出口98.4亿元。机电产品出口312.5亿元。"
    )
    claims = extract(text, "2024-10", "松岭县", registry=REGISTRY)
    levels = [(c.metric, c.value, c.scope) for c in claims if c.measure == "level"]
    assert levels == [
        ("进出口总额", "1256.8亿元", None),
        ("进出口总额", "925.6亿元", "一般贸易"),
        ("出口总额", "98.4亿元", "加工贸易"),
        ("出口总额", "312.5亿元", "机电产品"),
    ]


@pytest.mark.parametrize(
    ("exports", "expected"),
    [
        # Hand check: 218.3 + 108.2 = 326.5. Before, with the region given, the three parts
        # were one 进出口总额 of 2024 printed three ways: 57 false errors.
        ("218.3", []),
        # 228.3 + 108.2 = 336.5 ≠ 326.5. For 2023Q1-Q3 from the growth rates, 228.3 / 1.105
        # + 108.2 / 1.038 = 206.6 + 104.2 = 310.8 ≠ 326.5 / 1.082 = 301.8: an echo.
        ("228.3", ["FC401 error"]),
    ],
)
def test_a_trade_feature_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], exports: str, expected: list[str]
) -> None:
    text = TRADE.format(exports=exports)
    assert draft_codes(tmp_path, capsys, text, "2024-10") == expected


# ------------------------------------------------ a bulletin's industry paragraph, broken down

INDUSTRY = """# 青溪县2024年国民经济和社会发展统计公报

全年规模以上工业增加值比上年增长7.4%。分经济类型看，国有控股企业增加值增长3.2%；股份制企业\
增长7.9%。分行业看，制造业增长8.1%，其中汽车制造业增长12.1%，电气机械和器材制造业增长9.6%。

全年规模以上工业企业实现营业收入1562.3亿元，比上年增长5.1%；利润总额86.7亿元，增长8.9%。\
营业收入利润率为{margin}。
"""


def test_a_breakdown_by_kind_divides_the_figure_before_it() -> None:
    # Each rate after 分…看 is of a part of 规上工业增加值, not the whole: read as the whole,
    # the five would be five different growth rates of one figure. The registry knows
    # 制造业增加值 (in the whole's 规上 scope); the other kinds are scopes of the whole.
    claims = extract(INDUSTRY.format(margin="5.55%"), "2025-03", registry=REGISTRY)
    rates = [(c.value, c.metric, c.scope) for c in claims if c.measure == "yoy"][:6]
    assert rates == [
        ("7.4%", "规上工业增加值", "规上"),
        ("3.2%", "规上工业增加值", "国有控股企业"),
        ("7.9%", "规上工业增加值", "股份制企业"),
        ("8.1%", "制造业增加值", "规上"),
        ("12.1%", "规上工业增加值", "汽车制造业"),
        ("9.6%", "规上工业增加值", "电气机械和器材制造业"),
    ]
    # 营业收入利润率 follows a sentence on 规上工业: the registry's name has that head.
    (margin,) = [c for c in claims if c.value == "5.55%"]
    assert margin.metric == "规上工业营业收入利润率"


@pytest.mark.parametrize(
    ("margin", "expected"),
    [
        # Hand check: 86.7 ÷ 1562.3 = 5.549 %, within 5.55 % as printed.
        ("5.55%", []),
        # 6.55 % is a point above what the two figures give: [86.65 ÷ 1562.35, 86.75 ÷
        # 1562.25] = [5.546, 5.553] %.
        ("6.55%", ["FC401 error"]),
    ],
)
def test_an_industry_paragraph_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], margin: str, expected: list[str]
) -> None:
    # 营业收入 is read with the 规上 scope (the sentence says 规模以上), 利润总额 without: the
    # same firms, so the rule meets both.
    text = INDUSTRY.format(margin=margin)
    assert draft_codes(tmp_path, capsys, text, "2025-03") == expected


TRANSPORT = """# 青溪县2024年国民经济和社会发展统计公报

全年货物运输总量1.25亿吨，比上年增长6.2%。其中，公路货运量0.98亿吨，增长5.5%；水路货运量\
0.27亿吨，增长8.9%。
"""


def test_parts_of_a_total_told_apart_by_the_words_before_their_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 公路货运量 and 水路货运量 are both 货运量: without 公路 and 水路 they were one figure
    # printed twice (0.98 and 0.27亿吨, 5.5 % and 8.9 %), three false errors. Hand check of
    # the text: 0.98 + 0.27 = 1.25; 0.98 ÷ 1.055 + 0.27 ÷ 1.089 = 0.9289 + 0.2479 = 1.1768,
    # and 1.25 ÷ 1.1768 = 1.062, the 6.2 % printed.
    claims = extract(TRANSPORT, "2025-03", registry=REGISTRY)
    assert [(c.value, c.metric, c.scope) for c in claims] == [
        ("1.25亿吨", "货运量", None),
        ("6.2%", "货运量", None),
        ("0.98亿吨", "货运量", "公路"),
        ("5.5%", "货运量", "公路"),
        ("0.27亿吨", "货运量", "水路"),
        ("8.9%", "货运量", "水路"),
    ]
    assert draft_codes(tmp_path, capsys, TRANSPORT, "2025-03") == []
    # Transport modes do not overlap (rules/logistics.yaml, freight-by-mode): 公路 printed
    # 1.18 gives 1.18 + 0.27 = 1.45 > 1.25, one error (the same excess in 2023, through the
    # growth rates, is its echo).
    moved = TRANSPORT.replace("0.98亿吨", "1.18亿吨")
    assert draft_codes(tmp_path, capsys, moved, "2025-03") == ["FC401 error"]


def test_a_part_as_a_share_of_its_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 一般贸易 is 75.2 % of 外贸总值 (an alias of 进出口总额, the part's own metric) and 民营企业
    # 73.4 % with no denominator named: both are shares of the whole, the metric without a
    # scope. Hand check: [245.55 ÷ 326.55, 245.65 ÷ 326.45] = [75.19, 75.25] %;
    # [239.75 ÷ 326.55, 239.85 ÷ 326.45] = [73.42, 73.47] %.
    claims = extract(TRADE.format(exports="218.3"), "2024-10", registry=REGISTRY)
    shares = [(c.value, c.scope, c.of) for c in claims if c.measure == "share"]
    whole = Selector(metric="进出口总额", scope="")
    assert shares == [("75.2%", "一般贸易", whole), ("73.4%", "民营企业", whole)]
    wrong = TRADE.format(exports="218.3").replace("75.2%", "78.2%")
    assert draft_codes(tmp_path, capsys, wrong, "2024-10") == ["FC201 error"]


# ------------------------------------------------ the level a growth is from, named in passing

PORT = """# 青溪县2024年1—10月经济运行情况

2024年，全县完成货物吞吐量3.26亿吨，比上年的3.08亿吨增长{growth}。
1—10月，全县进出口总值1356.7亿元，比上年同期的1249.5亿元增长8.6%。
2023年，全县新能源汽车产量达到18.64万辆，较2022年的13.10万辆增长42.3%。
"""


def test_the_level_a_growth_is_from_is_the_same_figure_a_period_earlier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 比上年的3.08亿吨 was a metric of its own named 比上年的量, and the growth after it was
    # that metric's. Hand checks: 3.26 / 3.08 = 1.0584 (5.8 %); with the rounding of both,
    # [3.255 / 3.085, 3.265 / 3.075] = [1.0551, 1.0618]. 1356.7 / 1249.5 = 1.0858 (8.6 %).
    # 18.64 / 13.10 = 1.4229 (42.3 %).
    claims = extract(PORT.format(growth="5.8%"), "2025-01", "青溪县", registry=REGISTRY)
    assert [(c.metric, c.measure, c.period, c.value) for c in claims] == [
        ("货物吞吐量", "level", "2024", "3.26亿吨"),
        ("货物吞吐量", "level", "2023", "3.08亿吨"),
        ("货物吞吐量", "yoy", "2024", "5.8%"),
        ("进出口总额", "level", "2024-01..2024-10", "1356.7亿元"),
        ("进出口总额", "level", "2023-01..2023-10", "1249.5亿元"),
        ("进出口总额", "yoy", "2024-01..2024-10", "8.6%"),
        ("新能源汽车产量", "level", "2023", "18.64万辆"),
        ("新能源汽车产量", "level", "2022", "13.10万辆"),
        ("新能源汽车产量", "yoy", "2023", "42.3%"),
    ]
    assert draft_codes(tmp_path, capsys, PORT.format(growth="5.8%"), "2025-01") == []
    # 3.26 / 3.08 is at most 6.18 %: 8.8 % is an error of the growth against its two levels.
    moved = PORT.format(growth="8.8%")
    assert draft_codes(tmp_path, capsys, moved, "2025-01") == ["FC202 error"]


def test_trade_with_a_partner_is_a_part_of_the_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 对共建“一带一路”国家进出口548.2亿元 was read as the region's whole trade: against the
    # 1356.7亿元 total, five false errors. Hand check: 548.2 / 1356.7 = 40.41 % (40.4 %).
    text = (
        "# 青岛市2024年1—10月外贸进出口情况\n\n1—10月，全市进出口总值1356.7亿元，增长8.6%。"
        "对共建“一带一路”国家进出口548.2亿元，增长14.3%，占全市进出口总值的40.4%。"
        "对东盟出口126.5亿元；与上年相比，出口增长10.2%。\n"
    )
    claims = extract(text, "2024-11", "青岛市", registry=REGISTRY)
    parts = [(c.metric, c.measure, c.value, c.scope) for c in claims if c.scope]
    assert parts == [
        ("进出口总额", "level", "548.2亿元", "共建一带一路国家"),
        ("进出口总额", "yoy", "14.3%", "共建一带一路国家"),
        ("进出口总额", "share", "40.4%", "共建一带一路国家"),
        ("出口总额", "level", "126.5亿元", "东盟"),
    ]
    assert draft_codes(tmp_path, capsys, text, "2024-11") == []
    moved = text.replace("40.4%", "45.4%")
    assert draft_codes(tmp_path, capsys, moved, "2024-11") == ["FC201 error"]


# ------------------------------------------------ a census bulletin

CENSUS = """# 澄江市第七次全国人口普查主要数据公报

全市常住人口为3286514人，与2010年第六次全国人口普查的2947832人相比，十年共增加{added}人，\
增长{growth}。

全市常住人口中，男性人口为1672418人，占50.89%；女性人口为1614096人，占49.11%。

全市常住人口中，0—14岁人口为514387人，占15.65%；15—59岁人口为{middle}人，占65.32%；60岁及以上\
人口为625225人，占19.02%。

全市常住人口中，居住在城镇的人口为2349857人，占71.50%；居住在乡村的人口为936657人，占28.50%。\
与2010年第六次全国人口普查相比，城镇人口增加511055人，乡村人口减少{fewer}人。
"""
CENSUS_TRUE = {"added": "338682", "growth": "11.49%", "middle": "2146902", "fewer": "172373"}


def test_a_census_bulletin_reads_its_parts_and_the_census_years() -> None:
    claims = extract(CENSUS.format(**CENSUS_TRUE), "2021-05", "澄江市", registry=REGISTRY)
    got = [(c.metric, c.measure, c.period, c.value, c.scope) for c in claims]
    # The census is of 2020 (its title says 第七次), the one before of 2010; the parts after
    # 全市常住人口中 are scopes of it, or metrics of their own where the registry has them.
    assert got[:6] == [
        ("常住人口", "level", "2020", "3286514人", None),
        ("常住人口", "level", "2010", "2947832人", None),
        ("常住人口", "change", "2020", "338682人", None),
        ("常住人口", "multiple", "2020", "增长11.49%", None),
        ("常住人口", "level", "2020", "1672418人", "男性"),
        ("常住人口", "share", "2020", "50.89%", "男性"),
    ]
    assert ("常住人口", "level", "2020", "514387人", "0-14岁") in got
    assert ("城镇常住人口", "level", "2020", "2349857人", None) in got
    assert ("乡村常住人口", "level", "2020", "936657人", None) in got
    assert ("乡村常住人口", "change", "2020", "减少172373人", None) in got
    assert [c.against for c in claims if c.measure == "change"] == [Selector(period="2010")] * 3


@pytest.mark.parametrize(
    ("moved", "expected"),
    [
        # Hand checks: 3286514 − 2947832 = 338682; 3286514 / 2947832 = 1.11489 (11.49 %);
        # 1672418 + 1614096 = 3286514, 1672418 / 3286514 = 50.887 %; 514387 + 2146902 +
        # 625225 = 3286514, 2146902 / 3286514 = 65.325 %; 2349857 + 936657 = 3286514;
        # 2010: urban 2349857 − 511055 = 1838802, rural 936657 + 172373 = 1109030, and
        # 1838802 + 1109030 = 2947832.
        ({}, []),
        # 3286514 − 2947832 = 338682, not 358682.
        ({"added": "358682"}, ["FC206 error"]),
        # 1.1149 times, not 1.1249 (read as 0.1249 times before: a false error).
        ({"growth": "12.49%"}, ["FC205 error"]),
        # 514387 + 2246902 + 625225 = 3386514 ≠ 3286514, and 2246902 / 3286514 = 68.37 %.
        ({"middle": "2246902"}, ["FC201 error", "FC401 error"]),
        # 2010: 1838802 + (936657 + 192373) = 2967832 ≠ 2947832.
        ({"fewer": "192373"}, ["FC401 error"]),
    ],
    ids=lambda v: ",".join(v) or "consistent" if isinstance(v, dict) else None,
)
def test_a_census_bulletin_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], moved: dict[str, str], expected: list[str]
) -> None:
    text = CENSUS.format(**(CENSUS_TRUE | moved))
    assert draft_codes(tmp_path, capsys, text, "2021-05") == expected


# ------------------------------------------------ an education bulletin's kinds of school

EDUCATION = """# 澄江市2023年教育事业发展统计公报

全市各级各类学历教育在校生62.85万人，专任教师43907人。学前三年毛入园率为93.6%，比上年的92.4%\
提高{points}个百分点。

小学招生41826人，比上年的43399人减少1573人；小学在校生241326人，专任教师14386人。全市特殊教育学校\
在校生2815人，专任教师462人。
"""


def test_school_figures_are_of_the_kind_of_school_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 特殊教育学校在校生2815人 and the 462 teachers after it were the city's 在校学生人数 and
    # 专任教师人数: against 62.85万 and 43907, two false errors.
    claims = extract(EDUCATION.format(points="1.2"), "2024-03", "澄江市", registry=REGISTRY)
    schools = [(c.metric, c.value, c.scope) for c in claims if c.metric in
               ("在校学生人数", "专任教师人数")]  # fmt: skip
    assert schools == [
        ("在校学生人数", "62.85万人", None),
        ("专任教师人数", "43907人", None),
        ("在校学生人数", "241326人", "小学"),
        ("专任教师人数", "14386人", "小学"),  # the teachers of the 小学 just named
        ("在校学生人数", "2815人", "特殊教育学校"),
        ("专任教师人数", "462人", "特殊教育学校"),
    ]
    # 比上年的92.4% is the same rate a year before, and 比上年的43399人 the same count: the
    # rate is unregistered, and keeps its own name for the reviewer.
    earlier = [(c.metric, c.period, c.value) for c in claims if c.period == "2022"]
    assert earlier == [("学前三年毛入园率", "2022", "92.4%"), ("小学招生人数", "2022", "43399人")]
    assert draft_codes(tmp_path, capsys, EDUCATION.format(points="1.2"), "2024-03") == []


# ------------------------------------------------ a whole printed inside a share

FEATURE = """# 白鹭县：新能源汽车产业“加速跑”

2023年，全县新能源汽车产量达到18.64万辆，比2022年的13.10万辆增长42.3%，占全市新能源汽车\
产量31.52万辆的比重为{share}，稳居全市首位。
"""


def test_a_whole_inside_a_share_is_the_place_after_zhan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 31.52万辆 was the county's own 2023 output (its city is not registered, and 全市 was
    # dropped): two false errors, FC101 against 18.64万辆 and FC202 against 42.3%.
    # Hand check: 18.64 / 31.52 = 59.14 %; with the rounding of both,
    # [18.635 / 31.525, 18.645 / 31.515] = [59.11 %, 59.16 %].
    claims = extract(FEATURE.format(share="59.1%"), "2024-03", "白鹭县", registry=REGISTRY)
    read = [(c.subject, c.measure, c.value, c.of) for c in claims if c.period == "2023"]
    assert read == [
        ("白鹭县", "level", "18.64万辆", None),
        ("白鹭县", "yoy", "42.3%", None),
        ("白鹭县所在市", "level", "31.52万辆", None),
        ("白鹭县", "share", "59.1%", Selector(subject="白鹭县所在市")),
    ]
    assert draft_codes(tmp_path, capsys, FEATURE.format(share="59.1%"), "2024-03") == []
    moved = FEATURE.format(share="69.1%")
    assert draft_codes(tmp_path, capsys, moved, "2024-03") == ["FC201 error"]


def test_a_whole_inside_a_share_in_a_registered_district_is_its_city() -> None:
    text = "2023年，全区新能源汽车产量达到18.64万辆，占全市新能源汽车产量31.52万辆的比重为59.1%。"
    claims = extract(text, "2024-03", "即墨区", registry=REGISTRY)
    assert [(c.subject, c.value, c.of) for c in claims] == [
        ("即墨区", "18.64万辆", None),
        ("青岛市", "31.52万辆", None),
        ("即墨区", "59.1%", Selector(subject="青岛市")),
    ]


# ------------------------------------------------ a rate a year before, named after 由 or 比

RATES = """# 松岭县2023年国民经济和社会发展统计公报

2023年，全县第三产业增加值占地区生产总值的比重由上年的51.6%提高到52.3%。数字经济核心产业增加值\
占地区生产总值的比重为8.6%，比上年的7.9%提高{points}个百分点。全县地区生产总值增速由上年的3.1%\
提高到5.6%。城镇调查失业率由上年的5.6%回落至5.2%。
"""


def test_a_rate_a_year_before_is_of_the_year_before_the_one_spoken_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 由上年的51.6% was read in the year before publication (2023, with 52.3%): an
    # FC101 error of one share against itself; 比上年的7.9% was a metric named 比上年的;
    # 增速由上年的3.1% a level of a metric named 地区生产总值增速由上年的; 回落至 not a move.
    claims = extract(RATES.format(points="0.7"), "2024-03", "松岭县", registry=REGISTRY)
    gdp = Selector(metric="地区生产总值")
    assert [(c.metric, c.measure, c.period, c.value, c.of) for c in claims] == [
        ("第三产业增加值", "share", "2022", "51.6%", gdp),
        ("第三产业增加值", "share", "2023", "52.3%", gdp),
        ("数字经济核心产业增加值", "share", "2023", "8.6%", gdp),
        ("数字经济核心产业增加值", "share", "2022", "7.9%", gdp),
        ("数字经济核心产业增加值", "pp", "2023", "0.7个百分点", gdp),
        ("地区生产总值", "yoy", "2022", "3.1%", None),
        ("地区生产总值", "yoy", "2023", "5.6%", None),
        ("城镇调查失业率", "level", "2022", "5.6%", None),
        ("城镇调查失业率", "level", "2023", "5.2%", None),
    ]
    assert draft_codes(tmp_path, capsys, RATES.format(points="0.7"), "2024-03") == []
    # 8.6 − 7.9 = 0.7 (within rounding [0.6, 0.8]); 1.7 is no reading of it.
    moved = RATES.format(points="1.7")
    assert draft_codes(tmp_path, capsys, moved, "2024-03") == ["FC203 error"]


# ------------------------------------------------ an agricultural report

FARMING = """# 丰禾县2024年农业农村经济运行情况

全年粮食总产量61.71万吨，比上年增长2.6%，比2019年增长10.6%。分季节看，夏粮播种面积68.42万亩，\
总产量30.22万吨，夏粮产量占全年粮食总产量的49.0%；秋粮播种面积65.17万亩，总产量31.49万吨。\
全年新建高标准农田5.2万亩，累计建成高标准农田86.4万亩。

全县农村居民人均可支配收入21,846元，比上年增加{added}元，增长6.9%。从收入来源看，工资性收入9,215元，\
占农村居民人均可支配收入的42.2%；经营净收入7,684元；财产净收入512元。

全年肉类总产量6.83万吨。其中，猪肉产量3.86万吨，占肉类总产量的56.5%；牛肉产量5170吨。

全年农林牧渔业总产值98.64亿元。上半年全县完成农林牧渔业总产值38.27亿元，占全年的{half}。
"""


def test_an_agricultural_report_reads_its_parts_as_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 21,846元 was 846元 and 1,409元 409元 (digits grouped by a comma); 比2019年增长
    # 10.6% a second yearly growth; 秋粮…总产量31.49万吨 the year's 粮食总产量; 新建5.2万亩 the
    # stock of 86.4万亩; 财产净收入512元 and 牛肉产量5170吨 the wholes they are parts of: 25
    # false errors. Hand checks: 30.22 + 31.49 = 61.71; 30.22 / 61.71 = 48.97 % (49.0 %);
    # 1409 / (21846 − 1409) = 6.89 % (6.9 %); 9215 / 21846 = 42.18 %; 3.86 / 6.83 = 56.52 %;
    # 38.27 / 98.64 = 38.80 %.
    text = FARMING.format(added="1,409", half="38.8%")
    claims = extract(text, "2025-03", "丰禾县", registry=REGISTRY)
    read = {c.value: (c.metric, c.measure, c.scope) for c in claims}
    assert read["21,846元"] == ("农村居民人均可支配收入", "level", None)
    assert read["1,409元"] == ("农村居民人均可支配收入", "change", None)
    assert read["增长10.6%"] == ("粮食总产量", "multiple", None)
    assert read["30.22万吨"] == ("夏粮产量", "level", None)
    assert read["31.49万吨"] == ("秋粮产量", "level", None)
    assert read["5.2万亩"] == ("高标准农田面积", "change", None)
    assert read["7,684元"] == ("农村居民人均可支配收入", "level", "经营净收入")
    assert read["512元"] == ("农村居民人均可支配收入", "level", "财产净收入")
    assert read["5170吨"][0] == "牛肉产量"  # not in the registry: left to the reviewer
    half = next(c for c in claims if c.value == "38.8%")
    assert (half.period, half.of) == ("2024H1", Selector(period="2024"))
    assert draft_codes(tmp_path, capsys, text, "2025-03") == []
    # 38.27 / 98.64 is 38.80 %: 36.8 % is an error; 1,909元 gives 1909 / 19937 = 9.6 %.
    wrong_half = FARMING.format(added="1,409", half="36.8%")
    assert draft_codes(tmp_path, capsys, wrong_half, "2025-03") == ["FC201 error"]
    moved = draft_codes(tmp_path, capsys, FARMING.format(added="1,909", half="38.8%"), "2025-03")
    assert moved
    assert all(code.endswith("error") for code in moved)


# ------------------------------------------------ a budget report

BUDGET_EXECUTION = """# 关于云川市2024年预算执行情况的报告

全市一般公共预算收入191.37亿元，完成年初预算186亿元的102.9%，比上年决算数180.52亿元增长{growth}。\
其中，税收收入140.26亿元，占一般公共预算收入的比重为73.3%。全市一般公共预算收入191.37亿元，加上\
上级补助收入126.84亿元、调入资金35.62亿元，收入总计353.83亿元。
"""


def test_a_budget_printed_before_its_completion_rate_is_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the region was 关于云川市; 186亿元 and 比上年决算数180.52亿元 were metrics of their
    # own, and 收入总计353.83亿元 the revenue itself (13 false errors in the full report).
    # Hand checks: 191.37 / 186 = 102.89 % (102.9 %); 191.37 / 180.52 − 1 = 6.01 %;
    # 140.26 / 191.37 = 73.29 %; 191.37 + 126.84 + 35.62 = 353.83.
    text = BUDGET_EXECUTION.format(growth="6.0%")
    claims = extract(text, "2025-01", "云川市", registry=REGISTRY)
    read = [(c.metric, c.measure, c.period, c.status, c.value) for c in claims[:5]]
    assert read == [
        ("一般公共预算收入", "level", "2024", "actual", "191.37亿元"),
        ("一般公共预算收入", "level", "2024", "target", "186亿元"),
        ("一般公共预算收入", "share", "2024", "actual", "102.9%"),
        ("一般公共预算收入", "level", "2023", "actual", "180.52亿元"),
        ("一般公共预算收入", "yoy", "2024", "actual", "6.0%"),
    ]
    assert claims[2].of == Selector(status="target")
    total = next(c for c in claims if c.value == "353.83亿元")
    assert total.metric != "一般公共预算收入"
    codes = draft_codes(tmp_path, capsys, text, "2025-01")
    assert codes == ["FC301 info"] * 2  # each printing of 191.37 against the 186 budgeted: met
    moved = draft_codes(tmp_path, capsys, BUDGET_EXECUTION.format(growth="9.0%"), "2025-01")
    assert "FC202 error" in moved


# ------------------------------------------------ 上年 in a bulletin published the year after

AIR = """# 2024年鹤川市生态环境状况公报

2024年，全市环境空气质量优良天数为309天，优良天数比例为84.4%，比上年提高{points}个百分点。全市细颗粒物\
（PM2.5）年均浓度为34微克/立方米，比上年的38微克/立方米下降10.5%。上年全市优良天数为296天，优良天数\
比例为81.1%。
"""


def test_shang_nian_is_the_year_before_the_one_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 上年 was the year before publication (2024), so 296天 and 81.1% were 2024's, two
    # false FC101 errors. Hand checks: 84.4 − 81.1 = 3.3; 309 / 366 = 84.43 %;
    # 296 / 365 = 81.10 %; 34 / 38 − 1 = −10.53 %.
    claims = extract(AIR.format(points="3.3"), "2025-03", "鹤川市", registry=REGISTRY)
    periods = {c.value: c.period for c in claims}
    assert periods["296天"] == periods["81.1%"] == periods["38微克/立方米"] == "2023"
    assert periods["309天"] == periods["34微克/立方米"] == "2024"
    assert draft_codes(tmp_path, capsys, AIR.format(points="3.3"), "2025-03") == []
    assert draft_codes(tmp_path, capsys, AIR.format(points="4.3"), "2025-03") == ["FC203 error"]


def test_a_figure_named_as_the_target_is_the_plans_and_its_span_frames_nothing_else() -> None:
    text = (
        "2021—2022年单位地区生产总值能耗累计下降6.3%，完成“十四五”下降14%目标的45.0%；"
        "森林覆盖率达到35.6%。"
    )
    got = [
        (c.value, c.period, c.status)
        for c in extract(text, "2023-09", "松岭县", registry=REGISTRY)
        if c.metric in ("单位地区生产总值能耗", "森林覆盖率")
    ]
    # The 14% is the five-year plan's target (it was read as a second actual over
    # 2021..2022, an FC101 error against the 6.3%); the 35.6% stays the 2022 result.
    assert got == [
        ("下降6.3%", "2021..2022", "actual"),
        ("下降14%", "2021..2025", "target"),
        ("35.6%", "2022", "actual"),
    ]


def test_a_pollutant_the_registry_does_not_know_is_not_the_one_before_it() -> None:
    text = (
        "# 2024年松岭县生态环境状况公报\n\n"
        "全县可吸入颗粒物（PM10）年均浓度为58微克/立方米；"
        "臭氧日最大8小时平均第90百分位浓度为158微克/立方米。"
    )
    got = extract(text, "2025-06-05", "松岭县", registry=REGISTRY)
    pm10 = [(c.value, c.period) for c in got if c.metric == "PM10平均浓度"]
    # 公报 names the year under it: published in June 2025, the text is of 2024.
    assert pm10 == [("58微克/立方米", "2024")]


def test_a_list_of_years_that_fenbie_pairs_with_a_list_of_figures() -> None:
    text = (
        "2021年、2022年、2023年，全市地区生产总值分别达到520.3亿元、561.2亿元和602.8亿元。"
        "全市规模以上工业增加值2022年、2023年分别为120亿元和130亿元，分别增长5%和8.3%。"
    )
    got = extract(text, "2024-03-01", "临川市", registry=REGISTRY)
    rows = [(c.metric, c.measure, c.period, c.value) for c in got]
    # Each figure takes the year in the same place of the list before 分别, and the one
    # metric named before the years.
    assert rows == [
        ("地区生产总值", "level", "2021", "520.3亿元"),
        ("地区生产总值", "level", "2022", "561.2亿元"),
        ("地区生产总值", "level", "2023", "602.8亿元"),
        ("规上工业增加值", "level", "2022", "120亿元"),
        ("规上工业增加值", "level", "2023", "130亿元"),
        ("规上工业增加值", "yoy", "2022", "5%"),
        ("规上工业增加值", "yoy", "2023", "8.3%"),
    ]


def test_a_list_of_years_shorter_than_its_figures_pairs_nothing() -> None:
    # Two years, three figures: which figure is of which year is not said.
    text = "2022年、2023年，全市地区生产总值分别达到561.2亿元、602.8亿元和650.1亿元。"
    got = extract(text, "2024-03-01", "临川市", registry=REGISTRY)
    assert got
    assert {c.period for c in got} == {"2023"}


def test_the_place_before_a_listed_name_is_not_part_of_the_metric() -> None:
    text = "2023年，全市GDP、一般公共预算收入分别增长5.2%和3.1%。"
    got = extract(text, "2024-03-01", "临川市", registry=REGISTRY)
    assert [(c.metric, c.value) for c in got] == [
        ("地区生产总值", "5.2%"),
        ("一般公共预算收入", "3.1%"),
    ]


def test_the_city_named_after_quannian_is_the_subject_of_its_whole_sentence() -> None:
    # A district's report quoting the city's bulletin: 全市 is 青岛市 (即墨区's city), and
    # the growth rate two clauses on is the same city's, not the district's.
    text = "全年全市实现地区生产总值3542.6亿元，按不变价格计算，比上年增长5.8%。"
    got = extract(text, "2024-03-01", "即墨区", registry=REGISTRY)
    assert [(c.subject, c.measure, c.value) for c in got] == [
        ("青岛市", "level", "3542.6亿元"),
        ("青岛市", "yoy", "5.8%"),
    ]


def test_the_city_named_after_nianmo_is_the_subject_of_the_change_after_it() -> None:
    text = "2023年末全市常住人口1037.15万人，比上年末增加2.94万人。"
    got = extract(text, "2024-03-01", "即墨区", registry=REGISTRY)
    assert [(c.subject, c.measure, c.period, c.value) for c in got] == [
        ("青岛市", "level", "2023", "1037.15万人"),
        ("青岛市", "change", "2023", "2.94万人"),
    ]


def test_a_level_said_to_have_held_is_the_figure_just_named() -> None:
    text = "全区粮食播种面积稳定在60万亩以上，粮食总产量达到25.6万吨，连续5年稳定在25万吨以上。"
    got = extract(text, "2024-01-20", "即墨区", registry=REGISTRY)
    # 连续5年稳定在 names no metric: it was read as a metric of its own (连续5年稳定在量).
    assert [(c.metric, c.value) for c in got] == [
        ("粮食播种面积", "60万亩以上"),
        ("粮食总产量", "25.6万吨"),
        ("粮食总产量", "25万吨以上"),
    ]


def test_a_level_as_a_percentage_of_an_earlier_year_is_a_multiple_of_that_year() -> None:
    text = (
        "2023年全区旅游总收入210亿元，恢复到2019年的105%。"
        "今年上半年全区接待游客850万人次，恢复到2019年同期的95.3%。"
    )
    got = extract(text, "2024-07-15", "即墨区", registry=REGISTRY)
    rows = [
        (c.metric, c.measure, c.period, c.value, c.against.period if c.against else None)
        for c in got
    ]
    # 105% of 2019's is 1.05 times it; 同期 of a half year is the same half of 2019. They were
    # levels of an unknown metric.
    assert rows == [
        ("旅游总收入", "level", "2023", "210亿元", None),
        ("旅游总收入", "multiple", "2023", "105%", "2019"),
        ("接待游客人次", "level", "2024H1", "850万人次", None),
        ("接待游客人次", "multiple", "2024H1", "95.3%", "2019H1"),
    ]


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        # 210.3 ÷ 200.1 = 1.0510: 105.1% holds.
        ("105.1%", []),
        # 125.0% of 200.1 would be 250.1亿元, not 210.3: even 210.35 ÷ 200.05 = 1.0515.
        ("125.0%", ["FC205 error"]),
    ],
)
def test_a_percentage_of_an_earlier_year_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], percent: str, expected: list[str]
) -> None:
    text = (
        "# 即墨区2023年旅游发展情况\n\n"
        f"2019年全区旅游总收入200.1亿元。2023年全区旅游总收入210.3亿元，恢复到2019年的{percent}。\n"
    )
    assert draft_codes(tmp_path, capsys, text, "2024-01-20") == expected


def test_a_whole_named_by_the_last_word_of_an_earlier_metric_is_that_metric() -> None:
    text = "全年完成固定资产投资同比增长4.5%，其中工业投资增长12.3%，占全部投资的比重为28.6%。"
    got = extract(text, "2024-01-20", "即墨区", registry=REGISTRY)
    (share,) = [c for c in got if c.measure == "share"]
    # 全部投资 is no metric of the registry; 固定资产投资, printed first, ends with 投资.
    assert (share.metric, share.of) == ("工业投资", Selector(metric="固定资产投资"))


BUDGET_REPORT = """# 关于松岭县2023年预算执行情况和2024年预算草案的报告

全县一般公共预算收入完成48.36亿元，比上年增长6.5%。其中，税收收入36.82亿元，增长8.1%，占一般\
公共预算收入的{tax_share}；非税收入11.54亿元，增长1.6%。

全县一般公共预算支出完成86.25亿元，增长3.2%。其中，教育支出15.63亿元，增长4.5%；社会保障和就业\
支出12.48亿元，增长6.8%；卫生健康支出8.92亿元，下降2.1%。

2024年全县一般公共预算收入预期{planned}，增长5%。
"""


def test_the_functional_heads_of_spending_are_registry_metrics() -> None:
    text = BUDGET_REPORT.format(tax_share="76.1%", planned="50.78亿元")
    got = extract(text, "2024-01-20", "松岭县", registry=REGISTRY)
    heads = {c.metric for c in got if c.part_of and c.metric.endswith("支出")}
    assert heads == {"教育支出", "社会保障和就业支出", "卫生健康支出"}
    assert not any(dict(c.extra).get("unresolved_metric") for c in got)


def test_a_budget_with_its_plan_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand checks: 36.82 + 11.54 = 48.36; 36.82 ÷ 48.36 = 76.14 %; 48.36 × 1.05 = 50.78.
    consistent = BUDGET_REPORT.format(tax_share="76.1%", planned="50.78亿元")
    assert draft_codes(tmp_path, capsys, consistent, "2024-01-20") == []
    # 78.1 % of 48.36 would be 37.77亿元 of tax.
    wrong_share = BUDGET_REPORT.format(tax_share="78.1%", planned="50.78亿元")
    assert draft_codes(tmp_path, capsys, wrong_share, "2024-01-20") == ["FC201 error"]
    # 52.78 is 9.1 % above 48.36, not 5 %: the plan's two figures disagree (a warning, as a
    # plan may count its growth on another base).
    wrong_plan = BUDGET_REPORT.format(tax_share="76.1%", planned="52.78亿元")
    assert draft_codes(tmp_path, capsys, wrong_plan, "2024-01-20") == ["FC202 warning"]


FOREIGN_TRADE = """# 前三季度我市外贸进出口稳中有进

今年前三季度，我市货物贸易进出口总值1256.8亿元，同比增长8.3%。其中，出口{exports}，增长10.6%；\
进口420.3亿元，增长4.0%。有进出口实绩的外贸企业达到3126家，比去年同期增加215家。

9月当月，全市进出口148.6亿元，同比增长11.2%，环比增长3.5%。9月份，全市城镇调查失业率为5.1%，\
环比下降0.2个百分点。
"""


def test_a_month_on_month_rate_is_no_year_on_year_rate() -> None:
    text = FOREIGN_TRADE.format(exports="836.5亿元")
    got = [
        (c.metric, c.measure, c.period, c.value, c.against.period if c.against else None)
        for c in extract(text, "2024-10-20", "青岛市", registry=REGISTRY)
        if c.period.startswith("2024-09")
    ]
    assert got == [
        ("进出口总额", "level", "2024-09", "148.6亿元", None),
        ("进出口总额", "yoy", "2024-09", "11.2%", None),
        # 环比增长3.5% is left out: official 环比 rates are seasonally adjusted. Read as a
        # second 同比 it contradicted the 11.2% with four false errors.
        ("城镇调查失业率", "level", "2024-09", "5.1%", None),
        # A difference 环比 is from the month before.
        ("城镇调查失业率", "pp", "2024-09", "下降0.2个百分点", "2024-08"),
    ]


def test_firms_counted_with_a_relative_clause_are_a_kind_of_firm() -> None:
    text = FOREIGN_TRADE.format(exports="836.5亿元")
    (firms,) = [
        c for c in extract(text, "2024-10-20", "青岛市", registry=REGISTRY) if c.value == "3126家"
    ]
    # Not every firm of the city: the 外贸 ones (有进出口实绩的 says which).
    assert (firms.metric, firms.scope) == ("企业数量", "外贸")


def test_a_trade_release_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand check: 836.5 + 420.3 = 1256.8.
    consistent = FOREIGN_TRADE.format(exports="836.5亿元")
    assert draft_codes(tmp_path, capsys, consistent, "2024-10-20", "松岭市") == []
    wrong = FOREIGN_TRADE.format(exports="846.5亿元")
    assert draft_codes(tmp_path, capsys, wrong, "2024-10-20", "松岭市") == ["FC401 error"]


FIVE_YEARS = """# 2024年松岭县政府工作报告

## 一、过去五年工作回顾

过去五年，全县地区生产总值从2018年的350亿元增加到2023年的512亿元。三次产业结构由2018年的\
6.5:42.1:51.4调整为2023年的{structure}。

高新技术企业由2018年的152家增加到2023年的485家，是2018年的{multiple}。规上工业企业达到612家，\
净增58家。

## 三、2024年主要预期目标

全县地区生产总值增长6%左右；城镇新增就业1.2万人以上。
"""


def test_a_five_year_review_reads_each_figure_in_the_year_printed_before_it() -> None:
    text = FIVE_YEARS.format(structure="5.2:40.3:54.5", multiple="3.2倍")
    got = [
        (c.metric, c.measure, c.period, c.value, c.status)
        for c in extract(text, "2024-02", "松岭县", registry=REGISTRY)
    ]
    assert got == [
        # 从…的 as 由…的; the year after 增加到 is the second figure's.
        ("地区生产总值", "level", "2018", "350亿元", "actual"),
        ("地区生产总值", "level", "2023", "512亿元", "actual"),
        # The structure it was changed to is read too, each in its own year.
        ("第一产业增加值", "share", "2018", "6.5%", "actual"),
        ("第二产业增加值", "share", "2018", "42.1%", "actual"),
        ("第三产业增加值", "share", "2018", "51.4%", "actual"),
        ("第一产业增加值", "share", "2023", "5.2%", "actual"),
        ("第二产业增加值", "share", "2023", "40.3%", "actual"),
        ("第三产业增加值", "share", "2023", "54.5%", "actual"),
        ("高新技术企业数量", "level", "2018", "152家", "actual"),
        ("高新技术企业数量", "level", "2023", "485家", "actual"),
        ("高新技术企业数量", "multiple", "2023", "3.2倍", "actual"),
        # 净增 names no metric: it is what the count just printed grew by.
        ("规上工业企业数量", "level", "2023", "612家", "actual"),
        ("规上工业企业数量", "change", "2023", "58家", "actual"),
        # A heading of 预期目标 for 2024: targets of that year, not results of 2023.
        ("地区生产总值", "yoy", "2024", "6%左右", "target"),
        ("城镇新增就业", "level", "2024", "1.2万人以上", "target"),
    ]
    (grew,) = [
        c for c in extract(text, "2024-02", "松岭县", registry=REGISTRY) if c.measure == "change"
    ]
    assert grew.scope == "规上"  # the 612家's, so the change meets that level


def test_a_five_year_review_checked_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand checks: 6.5 + 42.1 + 51.4 = 5.2 + 40.3 + 54.5 = 100; 485 ÷ 152 = 3.19.
    consistent = FIVE_YEARS.format(structure="5.2:40.3:54.5", multiple="3.2倍")
    assert draft_codes(tmp_path, capsys, consistent, "2024-02") == []
    # 3.5倍 of 152 would be 532家. Before, 485家 and 3.2倍 had no metric, so this went unseen.
    assert draft_codes(
        tmp_path, capsys, FIVE_YEARS.format(structure="5.2:40.3:54.5", multiple="3.5倍"), "2024-02"
    ) == ["FC205 error"]
    # 5.2 + 40.3 + 55.5 = 101: the structure breaks its sum, and its shares of 512亿元 add up
    # to [515.8, 518.4]亿元, more than the GDP they are shares of.
    assert draft_codes(
        tmp_path, capsys, FIVE_YEARS.format(structure="5.2:40.3:55.5", multiple="3.2倍"), "2024-02"
    ) == ["FC401 error", "FC401 error"]


INDUSTRY_SHARES = (
    "# 2023年松岭县国民经济和社会发展统计公报\n\n"
    "全年规模以上工业增加值182.6亿元，比上年增长8.4%。其中，高新技术产业增加值112.3亿元，"
    "增长10.2%，占规模以上工业增加值的{high_tech}；装备制造业增加值68.4亿元，增长9.1%，"
    "占规上工业的比重为{equipment}。\n"
)


def test_a_whole_named_without_the_noun_its_part_shares_is_the_paragraphs_level() -> None:
    text = INDUSTRY_SHARES.format(high_tech="61.5%", equipment="37.5%")
    got = {(c.metric, c.measure): c for c in extract(text, "2024-03", "松岭县", registry=REGISTRY)}
    # 规上工业 is no metric; the 规上工业增加值 of the sentence before is, and 装备制造业增加值
    # shares its 增加值.
    equipment = got["装备制造业增加值", "share"]
    assert equipment.of == Selector(metric="规上工业增加值")
    # The 规上 after 占 is the whole's: the share is of the part's figure, which has no scope.
    assert equipment.scope is None
    assert got["高新技术产业增加值", "share"].scope is None
    assert got["高新技术产业增加值", "level"].scope is None


def test_shares_of_the_above_scale_industry_are_checked_against_their_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hand checks: 112.3 ÷ 182.6 = 61.50 %, 68.4 ÷ 182.6 = 37.46 %.
    consistent = INDUSTRY_SHARES.format(high_tech="61.5%", equipment="37.5%")
    assert draft_codes(tmp_path, capsys, consistent, "2024-03") == []
    # 71.5 % would need 130.6亿元, 47.5 % 86.7亿元: before, the shares took a 规上 scope their
    # parts did not have, met no part, and neither was checked.
    wrong = INDUSTRY_SHARES.format(high_tech="71.5%", equipment="47.5%")
    assert draft_codes(tmp_path, capsys, wrong, "2024-03") == ["FC201 error", "FC201 error"]


BULLETIN_BODY = (
    "初步核算，全年全市实现地区生产总值1234.5亿元，按不变价格计算，比上年增长5.6%。"
    "其中，第一产业增加值98.7亿元，增长3.1%。\n\n"
    "年末全市常住人口123.4万人，比上年末增加0.8万人。预计全年完成投资100亿元。"
    "力争全年新增就业1.5万人。\n"
)


@pytest.mark.parametrize(
    ("published", "result_year", "estimate_year"),
    [
        # A bulletin of March 2025 that names no year looks back on 2024; what it expects
        # (预计) is of the year still running.
        ("2025-03-20", "2024", "2025"),
        # In August an unnamed 全年 may be 2025's own figure printed early: the guess stands.
        ("2025-08-20", "2025", "2025"),
        # January and February look back already: 预计全年 is the year just over, not final.
        ("2025-02-10", "2024", "2024"),
    ],
)
def test_a_whole_year_result_with_no_year_named_is_of_a_year_already_over(
    published: str, result_year: str, estimate_year: str
) -> None:
    got = extract(BULLETIN_BODY, published, "青岛市", registry=REGISTRY)
    by_status: dict[str, set[str]] = {}
    for c in got:
        by_status.setdefault(c.status, set()).add(c.period)
    assert by_status["preliminary"] == by_status["actual"] == {result_year}
    # 比上年末 moves with it: the change is over the year before that.
    (change,) = [c for c in got if c.measure == "change"]
    assert change.against is not None
    assert int(change.against.period) == int(result_year) - 1
    assert by_status["estimate"] == {estimate_year}
    # 力争 aims at the year the text is written in, whenever it is printed.
    assert by_status["target"] == {"2025"}


def test_whole_year_in_a_plan_reference_does_not_frame_what_follows() -> None:
    text = "上半年，全区城镇新增就业6820人，完成全年目标的56.8%。居民消费价格同比上涨0.3%。"
    got = extract(text, "2024-07-15", "即墨区", registry=REGISTRY)
    cpi = [c for c in got if c.value == "0.3%"]
    # 全年目标 is the year's plan, not a time frame: nothing is moved to 2023.
    assert cpi
    assert all(c.period.startswith("2024") for c in cpi)


def test_the_held_out_bulletin_without_its_title_is_still_of_2024() -> None:
    source = ROOT / "tests/data/holdout/texts/yunchuan-2024-bulletin.txt"
    annotated = ROOT / "tests/data/holdout/claims/yunchuan-2024-bulletin.yaml"
    title, _publisher, _date, *rest = source.read_text(encoding="utf-8").split("\n")
    assert title.endswith("2024年国民经济和社会发展统计公报")
    # Its first paragraph opens with 2024年，… : that goes too, so that no line names the year.
    body = "\n".join(rest).replace("2024年，面对", "面对", 1)
    assert "2024年" not in body.split("\n\n")[1]
    got = extract(body, "2025-03-20", "云川市", registry=REGISTRY)
    periods = {c["period"] for c in yaml.safe_load(annotated.read_text("utf-8"))["claims"]}
    assert periods == {"2024"}
    assert len(got) > 100
    # Every figure was read as 2025's, a year not over when the bulletin came out.
    assert {c.period for c in got} == {"2024"}


FIVE_YEAR_REVIEW = """# 2024年松岭县人民政府工作报告

## 一、过去五年工作回顾

五年来，全县经济实力稳步提升。五年累计完成固定资产投资1856亿元；累计实现一般公共预算收入\
212.6亿元；累计新建改扩建中小学幼儿园48所，新增学位2.6万个。

## 二、2023年工作回顾

2023年，全县完成固定资产投资426.3亿元，增长6.5%；一般公共预算收入45.8亿元，增长5.1%；\
新建改扩建中小学幼儿园{schools}所，新增学位{places}个。上半年完成固定资产投资{h1}亿元。

年末全县人民币存款余额612.4亿元，比6月末减少{deposits}亿元。
"""


@pytest.mark.parametrize(
    ("schools", "places", "h1", "deposits", "expected"),
    [
        # The year within its five, the half year within its year: 12 ≤ 48, 5600 ≤ 2.6万,
        # 208.4 ≤ 426.3. A balance that fell in the second half is no contradiction.
        ("12", "5600", "208.4", "8.6", []),
        # 52 schools in 2023 alone, 48 in the five years that include it.
        ("52", "5600", "208.4", "8.6", ["FC210 error"]),
        # 448.4亿元 in the first half, 426.3亿元 in the whole year.
        ("12", "5600", "448.4", "8.6", ["FC210 error"]),
        # 2.6万 is [2.55万, 2.65万]: 26000 places in 2023 alone fit within it (equal is allowed).
        ("12", "26000", "208.4", "8.6", []),
    ],
)
def test_a_year_within_its_five_and_a_half_within_its_year_checked_as_a_draft(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    schools: str,
    places: str,
    h1: str,
    deposits: str,
    expected: list[str],
) -> None:
    text = FIVE_YEAR_REVIEW.format(schools=schools, places=places, h1=h1, deposits=deposits)
    assert draft_codes(tmp_path, capsys, text, "2024-02") == expected


ANNUAL_AVERAGES = """# 2021年松岭县人民政府工作报告

## 一、“十三五”工作回顾

十三五期间，全县固定资产投资年均完成320亿元；累计新增城镇就业6.1万人，年均新增{jobs}万人。

## 二、2020年工作回顾

2020年，全县完成固定资产投资{fai}亿元，新增城镇就业1.5万人。
"""


@pytest.mark.parametrize(
    ("jobs", "fai", "expected"),
    [
        # 年均 is each year's mean: 320 × 5 = 1600 ≥ 410 (a year within its five), and
        # 1.22 × 5 = 6.1 (the five years' total). Read as totals, 410 > 320 was an error.
        ("1.22", "410", []),
        # 1.52 × 5 = 7.6 is not 6.1.
        ("1.52", "410", ["FC101 error"]),
        # 1632 in 2020 alone is more than the five years can hold even with 320 read as
        # rounded to the ten: 5 × [315, 325] = [1575, 1625]. (1612 would only be a warning.)
        ("1.22", "1632", ["FC210 error"]),
        ("1.22", "1612", ["FC210 warning"]),
    ],
)
def test_an_annual_average_over_a_plan_is_checked_as_the_plans_total(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
    fai: str,
    expected: list[str],
) -> None:
    text = ANNUAL_AVERAGES.format(jobs=jobs, fai=fai)
    assert draft_codes(tmp_path, capsys, text, "2021-02") == expected


TOWNSHIP_TABLE = """# 2023年松岭县国民经济和社会发展统计公报

表1 2023年分乡镇主要经济指标

| 地区 | 地区生产总值（亿元） | 比上年增长（%） | 占全县比重（%） |
|---|---|---|---|
| 城关镇 | 182.3 | 6.1 | 35.6 |
| 东湖镇 | 126.5 | 5.4 | 24.7 |
| 西山乡 | {xishan} | 4.9 | {share} |
| 南岭镇 | 107.6 | 6.6 | 21.0 |
| 松岭经济开发区 | 210.4 | 7.2 | 41.1 |
| 全县 | 512.2 | 5.9 | 100.0 |

全年全县地区生产总值512.2亿元，比上年增长5.9%。
"""


@pytest.mark.parametrize(
    ("xishan", "share", "expected"),
    [
        # Hand checks: 182.3 + 126.5 + 95.8 + 107.6 = 512.2; 95.8 / 512.2 = 18.7 %. The zone
        # (210.4) lies across the towns and is not added.
        ("95.8", "18.7", []),
        # 105.8 with its share moved to match (105.8 / 512.2 = 20.66 %): each row agrees with
        # the total, but the towns add up to 522.2 > 512.2. Before, nothing was found.
        ("105.8", "20.7", ["FC211 error"]),
    ],
)
def test_a_table_by_township_adds_up_to_at_most_the_county(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], xishan: str, share: str, expected: list[str]
) -> None:
    text = TOWNSHIP_TABLE.format(xishan=xishan, share=share)
    assert draft_codes(tmp_path, capsys, text, "2024-03") == expected


# ------------------------------------------------ the same figure at another time, spans


def test_a_clause_that_names_only_a_time_restates_the_figure_before() -> None:
    # Before: 6月末为598.7亿元 was a metric called 6月末额 and 2022年为60.15万吨 one called
    # 未知指标量, both unresolved; each is the sentence's figure at the time the clause names.
    got = fields(
        "年末全县人民币存款余额612.4亿元，比年初增加52.3亿元；6月末为598.7亿元。"
        "全年粮食总产量61.71万吨，比上年增长2.6%；2022年为60.15万吨。"
    )
    assert got[2] == {"value": "598.7亿元", "metric": "存款余额", "measure": "level"} | {
        "period": "2023-06"
    }
    assert got[5] == {"value": "60.15万吨", "metric": "粮食总产量", "measure": "level"} | {
        "period": "2022"
    }
    # A clause that names a metric of its own is not the figure before.
    other = fields("年末存款余额612.4亿元，6月末贷款余额为598.7亿元。")
    assert other[1]["metric"] == "贷款余额"


TIMES = """# 松岭县2023年国民经济和社会发展统计公报

全年粮食总产量61.71万吨，比上年增长{growth}；2022年为60.15万吨。
"""


def test_a_year_restated_in_its_own_clause_is_checked_against_the_growth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 61.71 / 60.15 = 1.02594: 2.6 %. 6.6 % is no reading of it (61.705 / 60.155 at most
    # 2.58 % … 61.715 / 60.145 at least 2.61 %: the yoy fails by four points).
    assert draft_codes(tmp_path, capsys, TIMES.format(growth="2.6%"), "2024-03") == []
    assert draft_codes(tmp_path, capsys, TIMES.format(growth="6.6%"), "2024-03") == ["FC202 error"]


def test_n_years_cumulative_is_the_span_ending_in_the_year_reported() -> None:
    # A report of February 2024 looks back on 2023: 三年累计 is 2021..2023, 五年累计
    # 2019..2023, 十四五以来 2021..2023 (not the whole plan to 2025), and the span is the
    # figure's period, not part of its metric's name. Before: 三年累计 and 五年累计 were
    # read as 2023 and named 三年累计新增城镇就业人数; 十四五以来 was 2021..2025.
    got = fields(
        "三年累计新增城镇就业4.5万人。五年累计完成固定资产投资1856亿元。"
        "十四五以来累计实现一般公共预算收入132.6亿元。"
    )
    assert [(f["value"], f["metric"], f["period"]) for f in got] == [
        ("4.5万人", "城镇新增就业", "2021..2023"),
        ("1856亿元", "固定资产投资", "2019..2023"),
        ("132.6亿元", "一般公共预算收入", "2021..2023"),
    ]


GRAIN_YIELD = """# 松岭县2023年国民经济和社会发展统计公报

全年粮食播种面积133.59万亩，总产量61.71万吨，平均亩产{yield_}公斤。
"""


def test_an_average_yield_after_grain_figures_is_the_grain_yield(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 平均亩产 was read as 农作物亩产, a metric no rule relates, so a wrong yield
    # passed. As 粮食单产 the shipped grain-yield rule checks it: 61.71万吨 / 133.59万亩 =
    # 6.171e8 kg / 1.3359e6 亩 = 461.94 公斤/亩, and the printed figures allow
    # [61.705 / 133.595, 61.715 / 133.585] = [461.89, 461.99].
    claims = extract(GRAIN_YIELD.format(yield_="461.9"), "2024-03", "松岭县", registry=REGISTRY)
    assert [(c.metric, c.measure) for c in claims][2] == ("粮食单产", "rate")
    assert draft_codes(tmp_path, capsys, GRAIN_YIELD.format(yield_="461.9"), "2024-03") == []
    # 416.9 is no reading of it: the rule fails, and says so in the yield's own unit (the
    # sides were printed in the 吨/亩 of 万吨 ÷ 万亩: [0.46188, 0.46199]吨/亩).
    draft = tmp_path / "draft.md"
    draft.write_text(GRAIN_YIELD.format(yield_="416.9"), encoding="utf-8")
    main(["check", str(draft), "--date", "2024-03", "-f", "json", "--exit-zero"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["severity"]) for f in findings] == [("FC401", "error")]
    assert "左边 [461.88, 461.99]公斤/亩，右边 [416.85, 416.95]公斤/亩" in findings[0]["message"]


CITY_REVIEW = """# 2024年临川市人民政府工作报告

2023年，全市一般公共预算收入186.4亿元，增长6.1%，其中税收收入132.5亿元，占一般公共预算收入的\
{tax_share}；规模以上工业增加值增长7.2%；社会消费品零售总额1268.7亿元，增长7.5%；城乡居民人均可支配\
收入分别达到48620元和23150元。

三次产业结构由上年的8.9:38.6:52.5调整为8.6:{secondary}:52.5。全年进出口总额812.6亿元，其中出口\
531.2亿元，进口281.4亿元。
"""


def test_a_structure_from_last_year_and_a_list_closed_by_a_semicolon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 由上年的8.9:38.6:52.5 was read as 2023's (six shares of one year, two sums to
    # 100% that fail: 15 errors), and 社会消费品零售总额 and both incomes, past the semicolon
    # that closed 其中's list, as parts of the budget revenue (1268.7亿元 > 186.4亿元: an error).
    text = CITY_REVIEW.format(tax_share="71.1%", secondary="38.9")
    claims = extract(text, "2024-02", "临川市", registry=REGISTRY)
    shares = [(c.period, c.value) for c in claims if c.metric.endswith("产业增加值")]
    assert shares == [
        ("2022", "8.9%"),
        ("2022", "38.6%"),
        ("2022", "52.5%"),
        ("2023", "8.6%"),
        ("2023", "38.9%"),
        ("2023", "52.5%"),
    ]
    parts = {c.metric: c.part_of for c in claims if c.part_of}
    ids = {c.metric: c.id for c in claims if c.measure == "level"}
    # 出口 and 进口 are parts of 进出口 (531.2 + 281.4 = 812.6); the semicolon's list is over.
    assert parts == {
        "税收收入": ids["一般公共预算收入"],
        "出口总额": ids["进出口总额"],
        "进口总额": ids["进出口总额"],
    }
    assert draft_codes(tmp_path, capsys, text, "2024-02") == []
    # 132.5 / 186.4 = 71.08 %: 61.1 % is an error. 8.6 + 39.9 + 52.5 = 101.0 ≠ 100.
    wrong_share = CITY_REVIEW.format(tax_share="61.1%", secondary="38.9")
    assert draft_codes(tmp_path, capsys, wrong_share, "2024-02") == ["FC201 error"]
    wrong_sum = CITY_REVIEW.format(tax_share="71.1%", secondary="39.9")
    assert draft_codes(tmp_path, capsys, wrong_sum, "2024-02") == ["FC401 error"]


def test_a_planned_capacity_and_output_are_of_the_product_named_once() -> None:
    # Before: 新能源汽车产能将达到50万辆 was a metric called 新能源汽车产能将数量 (将 kept, 产能
    # not read as the capacity of an output), and 产量力争突破30万辆 one called 产量力争数量.
    got = extract(
        "到2025年，全市新能源汽车产能将达到50万辆，产量力争突破30万辆。全市汽车产能有望达到120万辆。",
        "2024-10",
        "松岭县",
        registry=REGISTRY,
    )
    assert [(c.value, c.metric, c.status, c.period) for c in got] == [
        ("50万辆", "新能源汽车产量", "capacity", "2025"),
        ("突破30万辆", "新能源汽车产量", "target", "2025"),
        # The year is the paragraph's last named (claims/README.md), 2025.
        ("120万辆", "整车产量", "capacity", "2025"),
    ]


NEV_FEATURE = """# 临川市新能源汽车产业跑出“加速度”

今年前三季度，全市新能源汽车产量达到18.6万辆，同比增长42.3%，占全市汽车产量的比重达到{share}，\
较上年同期提高{points}个百分点。前三季度全市汽车产量48.3万辆，同比增长8.1%。
"""


def test_a_news_feature_checks_a_rise_in_a_share_printed_only_this_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Last year's share is printed nowhere; both outputs' growth gives last year's levels
    # and so the share, [29.12, 29.39] % (worked out in test_engine_derived): 38.5 − 9.2
    # = 29.3 holds, 38.5 − 12.2 = 26.3 does not.
    text = NEV_FEATURE.format(share="38.5%", points="9.2")
    claims = extract(text, "2024-10", "临川市", registry=REGISTRY)
    # 汽车产量 names 整车产量 itself: not 新能源 carried over from the sentence before.
    assert [(c.metric, c.value) for c in claims if c.measure == "level"] == [
        ("新能源汽车产量", "18.6万辆"),
        ("整车产量", "48.3万辆"),
    ]

    def codes(share: str, points: str) -> list[str]:
        text = NEV_FEATURE.format(share=share, points=points)
        return draft_codes(tmp_path, capsys, text, "2024-10", "青岛市")

    assert codes("38.5%", "9.2") == []
    assert codes("38.5%", "12.2") == ["FC110 error"]
    # A share above 100% is no longer set aside as unreadable: 18.6 ÷ 48.3 is 38.5 %.
    assert "FC201 error" in codes("115.5%", "9.2")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The same additive metric: a district's part of the city's cannot pass it.
        ("全区规模以上工业增加值占全市的比重为113.3%。", ["FC212 error"]),
        # Another metric: a ratio printed as a share may pass 100% (trade dependency).
        ("全区进出口总额占地区生产总值的比重为126.3%。", ["FC212 warning"]),
        ("全区规模以上工业增加值占全市的比重为13.3%。", []),
        # Of a target it may pass 100%.
        ("全区一般公共预算收入完成年度预算的113.3%。", []),
    ],
)
def test_a_share_above_the_whole_in_a_draft_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, expected: list[str]
) -> None:
    text = f"# 2024年即墨区经济运行情况\n\n2023年，{sentence}\n"
    assert draft_codes(tmp_path, capsys, text, "2024-02", "即墨区") == expected
