"""How a rule is evaluated, by example: comparisons, arithmetic, selectors, sums and caps.

Each test writes one small rule set and a handful of claims, the way a user adds a rule; every
interval in a comment is worked out by hand from the printed figures (a plain figure is ± half
its last digit; the lenient reading of a figure ending in zeros is ± half its last non-zero
digit, see factcheck.quantity). Only FC401 findings are looked at: the built-in relations may
have their own say about the same claims.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_engine_properties import _moved, outcome
from test_rules import DOC, REGISTRY, _check, _claim, _rule_findings, _rules

from factcheck import RuleSet, check, load_rules
from factcheck.claims import Document
from factcheck.expr import BinOp, Ref, parse
from factcheck.testing import ClaimSet, corpus_of, reprints, rule_claim_sets


def _rule(expr: str, severity: str = "error", where: str = "") -> str:
    """A rule set of one rule, ``r``."""
    text = f"rules:\n  - id: r\n    title: 测试规则\n    severity: {severity}\n"
    if where:
        text += f"    where: {where}\n"
    return text + f"    expr: {expr}\n"


THREE_INDUSTRIES = _rule("第一产业增加值 + 第二产业增加值 + 第三产业增加值 == 地区生产总值")


def _three_industries(tmp_path: Path) -> RuleSet:
    """The three-industry identity as the only rule set, written to ``tmp_path``."""
    return load_rules(_rules(tmp_path, THREE_INDUSTRIES), REGISTRY)


def _qingdao_parts(period: str = "2023") -> list:
    """青岛市's three industries: 312 + 1851 + 2413 → [4574.5, 4577.5] (亿元)."""
    return [
        _claim("p1", "青岛市", "第一产业增加值", "312亿元", period),
        _claim("p2", "青岛市", "第二产业增加值", "1851亿元", period),
        _claim("p3", "青岛市", "第三产业增加值", "2413亿元", period),
    ]


PLAN = Document(id="plan-2023", title="青岛市2023年政府工作报告", published="2023-01")
YEARBOOK = Document(id="yearbook-2023", title="青岛统计年鉴2023", published="2023-10")


def _in(document: Document, claim):
    """The claim as another document prints it."""
    return dataclasses.replace(claim, document=document.id)


def _only(report):
    """The one FC401 finding of a report."""
    (finding,) = _rule_findings(report)
    return finding


def _ids(finding) -> list[str]:
    return [c.id for c in finding.claims]


def _rule_undecidable(report) -> list[str]:
    return [u for u in report.coverage.undecidable if u.startswith("规则「r」")]


# --------------------------------------------------------------------------- comparisons


def test_greater_or_equal_holds_when_the_intervals_can_meet(tmp_path):
    rule = _rule("第二产业增加值 >= 工业增加值")
    # 1851 → [1850.5, 1851.5]; 1851.3 → [1851.25, 1851.35]. 第二产业 can be 1851.3 or more:
    # lhs.hi 1851.5 ≥ rhs.lo 1851.25, nothing to say (though lhs.lo 1850.5 < rhs.hi 1851.35).
    claims = [
        _claim("second", "青岛市", "第二产业增加值", "1851亿元"),
        _claim("ind", "青岛市", "工业增加值", "1851.3亿元"),
    ]
    assert _rule_findings(_check(tmp_path, rule, claims)) == []


def test_greater_or_equal_failing_only_strictly_is_a_warning(tmp_path):
    rule = _rule("第二产业增加值 >= 工业增加值")
    # 1850 → strict [1849.5, 1850.5]: below 1851.25. Lenient (last non-zero digit, the 5 of
    # the tens) [1845, 1855]: 1855 ≥ 1851.25 holds. Only the strict reading fails: a warning.
    claims = [
        _claim("second", "青岛市", "第二产业增加值", "1850亿元"),
        _claim("ind", "青岛市", "工业增加值", "1851.3亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert (finding.code, finding.severity, finding.rule) == ("FC401", "warning", "r")
    assert _ids(finding) == ["second", "ind"]
    assert "仅在宽松读法下成立" in finding.message


def test_strictly_less_is_checked_as_less(tmp_path):
    rule = _rule("税收收入 < 一般公共预算收入")
    # 税收 512 → [511.5, 512.5]; 预算收入 487 → [486.5, 487.5]: 511.5 < 487.5 is false under
    # both readings (no trailing zeros): an error.
    claims = [
        _claim("tax", "青岛市", "税收收入", "512亿元"),
        _claim("rev", "青岛市", "一般公共预算收入", "487亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert (finding.code, finding.severity) == ("FC401", "error")
    assert _ids(finding) == ["tax", "rev"]
    # The other way round, 487 < 512: nothing to say.
    swapped = [
        _claim("tax", "青岛市", "税收收入", "487亿元"),
        _claim("rev", "青岛市", "一般公共预算收入", "512亿元"),
    ]
    assert _rule_findings(_check(tmp_path, rule, swapped)) == []


# --------------------------------------------------------------------------- arithmetic

TRADE = [
    # 6123 = 3512 + 2611 亿元; each printed to the 亿元, so ± 0.5.
    ("total", "进出口总额", "6123亿元"),
    ("exports", "出口总额", "3512亿元"),
    ("imports", "进口总额", "2611亿元"),
]


def _trade(**values: str) -> list:
    return [_claim(cid, "青岛市", metric, values.get(cid, v)) for cid, metric, v in TRADE]


def test_a_difference_widens_by_both_operands_roundings(tmp_path):
    rule = _rule("进出口总额 - 出口总额 == 进口总额")
    # [6122.5, 6123.5] − [3511.5, 3512.5] = [6122.5 − 3512.5, 6123.5 − 3511.5] = [2610, 2612];
    # 进口 printed 2612 → [2611.5, 2612.5] meets it at [2611.5, 2612]: consistent.
    assert _rule_findings(_check(tmp_path, rule, _trade(imports="2612亿元"))) == []
    # 进口 printed 2614 → [2613.5, 2614.5], above 2612 under both readings: an error.
    finding = _only(_check(tmp_path, rule, _trade(imports="2614亿元")))
    assert finding.severity == "error"
    assert _ids(finding) == ["total", "exports", "imports"]
    assert "左边 [2,610, 2,612]亿元" in finding.message


def test_subtraction_is_left_associative(tmp_path):
    assert parse("进出口总额 - 出口总额 - 进口总额 == 0").left == BinOp(
        "-",
        BinOp("-", Ref("进出口总额", (), 0), Ref("出口总额", (), 8)),
        Ref("进口总额", (), 15),
    )
    # (6123 − 3512) − 2611 = 0: [6122.5 − 3512.5 − 2611.5, 6123.5 − 3511.5 − 2610.5] = [−1.5, 1.5]
    # contains 0. Read right to left it would be 6123 − (3512 − 2611) = 5222: an error.
    rule = _rule("进出口总额 - 出口总额 - 进口总额 == 0")
    assert _rule_findings(_check(tmp_path, rule, _trade())) == []


def test_multiplication_binds_tighter_than_subtraction(tmp_path):
    rule = _rule("出口总额 * 2 - 进出口总额 == 出口总额 - 进口总额")
    # 顺差 two ways: 2 × [3511.5, 3512.5] − [6122.5, 6123.5] = [7023 − 6123.5, 7025 − 6122.5]
    # = [899.5, 902.5]; [3511.5, 3512.5] − [2610.5, 2611.5] = [900, 902]: they meet.
    # Read as 出口 × (2 − 进出口) the left side would be about −21.5 million: an error.
    assert _rule_findings(_check(tmp_path, rule, _trade())) == []


def test_unary_minus_negates(tmp_path):
    rule = _rule("-出口总额 + 进出口总额 == 进口总额")
    # −[3511.5, 3512.5] + [6122.5, 6123.5] = [2610, 2612] meets 2611 → [2610.5, 2611.5].
    assert _rule_findings(_check(tmp_path, rule, _trade())) == []
    # Without the minus it would be 3512 + 6123 = 9635 against 2611. With 进口 2711
    # ([2710.5, 2711.5]) the identity is broken: [2610, 2612] is below it under both readings.
    finding = _only(_check(tmp_path, rule, _trade(imports="2711亿元")))
    assert finding.severity == "error"
    assert _ids(finding) == ["exports", "total", "imports"]


def test_a_negative_factor_turns_an_interval_round(tmp_path):
    rule = _rule("进出口总额 + 出口总额 * -1 == 进口总额")
    # [3511.5, 3512.5] × −1 = [−3512.5, −3511.5] (the bounds change places); plus
    # [6122.5, 6123.5] → [2610, 2612], which meets 2612 → [2611.5, 2612.5].
    assert _rule_findings(_check(tmp_path, rule, _trade(imports="2612亿元"))) == []


def test_a_ratio_is_bounded_by_the_divisors_rounding(tmp_path):
    rule = _rule("新能源汽车产量 / 整车产量 <= 100%")
    # 3.4万辆 → [3.35, 3.45]; 12.3万辆 → [12.25, 12.35]: the ratio is [3.35 / 12.35, 3.45 / 12.25]
    # = [0.271, 0.282], at most 1: nothing to say (12.3 / 3.4 would be 3.6, over 100%).
    claims = [
        _claim("nev", "即墨区", "新能源汽车产量", "3.4万辆"),
        _claim("all", "即墨区", "整车产量", "12.3万辆"),
    ]
    assert _rule_findings(_check(tmp_path, rule, claims)) == []


def test_a_divisor_printed_as_an_upper_bound_still_proves_a_ratio_too_high(tmp_path):
    rule = _rule("新能源汽车产量 / 整车产量 <= 100%")
    # 12万辆 → [11.5, 12.5]; 不到10万辆 → [0, 10]: the ratio is at least 11.5 / 10 = 1.15 and
    # has no upper bound; 1.15 > 100% under both readings: an error.
    claims = [
        _claim("nev", "即墨区", "新能源汽车产量", "12万辆"),
        _claim("all", "即墨区", "整车产量", "不到10万辆"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["nev", "all"]
    # A ratio of two figures in 万辆 is a percentage, as is the 100% it is compared with.
    assert "左边 ≥115%，右边 100%" in finding.message


def test_each_side_of_a_rule_is_printed_in_its_own_unit(tmp_path):
    rule = _rule("新能源汽车产量 <= 整车产量 * 50%")
    # 12万辆 → [11.5, 12.5]; half of 不到10万辆 → [0, 10] × 0.5 = [0, 5]: an error, both sides
    # in 万辆 (the 50% scales a figure, it does not make the side a percentage).
    claims = [
        _claim("nev", "即墨区", "新能源汽车产量", "12万辆"),
        _claim("all", "即墨区", "整车产量", "不到10万辆"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert "左边 [11.5, 12.5]万辆，右边 [0, 5]万辆" in finding.message


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    exports=st.integers(1001, 4999).filter(lambda n: n % 10),
    imports=st.integers(1001, 4999).filter(lambda n: n % 10),
    off=st.integers(-3, 3),
)
def test_a_difference_holds_exactly_when_it_is_within_rounding(
    tmp_path_factory, exports, imports, off
):
    # 进出口 printed t = x + m + off. Figures with no trailing zero read the same strictly and
    # leniently: 进出口 − 出口 is [t − x − 1, t − x + 1] and 进口 is [m − 0.5, m + 0.5]; they
    # meet when |t − x − m| = |off| ≤ 1.5, that is when off is −1, 0 or 1.
    total = exports + imports + off
    assume(total % 10)
    claims = _trade(total=f"{total}亿元", exports=f"{exports}亿元", imports=f"{imports}亿元")
    report = _check(
        tmp_path_factory.mktemp("r"), _rule("进出口总额 - 出口总额 == 进口总额"), claims
    )
    findings = _rule_findings(report)
    if abs(off) <= 1:
        assert findings == []
    else:
        (finding,) = findings
        assert finding.severity == "error"
        assert _ids(finding) == ["total", "exports", "imports"]


# --------------------------------------------------------------------------- percentages


def test_a_rate_printed_in_percent_is_a_fraction_in_rules(tmp_path):
    rule = _rule("城镇化率 - 户籍人口城镇化率 <= 16.5%")
    # 77.9% → [0.7785, 0.7795]; 62.1% → [0.6205, 0.6215]: the gap is [0.157, 0.159] ≤ 0.165.
    claims = [
        _claim("res", "青岛市", "城镇化率", "77.9%"),
        _claim("hukou", "青岛市", "户籍人口城镇化率", "62.1%"),
    ]
    assert _rule_findings(_check(tmp_path, rule, claims)) == []
    # 55.2% → [0.5515, 0.5525]: the gap is [0.226, 0.228] > 0.165 under both readings.
    claims[1] = _claim("hukou", "青岛市", "户籍人口城镇化率", "55.2%")
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["res", "hukou"]


# --------------------------------------------------------------------------- coverage


def test_claims_of_a_rule_that_cannot_be_decided_are_not_counted_as_checked(tmp_path):
    rule = _rule("税收收入 <= 一般公共预算收入")
    report = _check(tmp_path, rule, [_claim("tax", "青岛市", "税收收入", "512亿元")])
    assert _rule_findings(report) == []
    assert _rule_undecidable(report) == ["规则「r」对 青岛市 2023 无法核对：缺少部分数字"]
    # Nothing but this rule could use the claim, and the rule could not be decided.
    assert report.coverage.checked == 0


# --------------------------------------------------------------------------- sum()

#: 青岛蓝谷 has three subjects below it in rules/subjects.yaml, in this order.
PARKS = ["青岛蓝谷高新技术产业开发区", "即墨综合保税区", "崂山实验室"]
PARK_SUM = "sum(工业总产值[subject=children]) == 工业总产值"


def test_a_sum_over_every_child_is_compared_whole(tmp_path):
    claims = [
        _claim("hi-tech", PARKS[0], "工业总产值", "123亿元"),
        _claim("bonded", PARKS[1], "工业总产值", "81亿元"),
        _claim("lab", PARKS[2], "工业总产值", "13亿元"),
        _claim("blue", "青岛蓝谷", "工业总产值", "217亿元"),
    ]
    # [122.5, 123.5] + [80.5, 81.5] + [12.5, 13.5] = [215.5, 218.5] meets 217 → [216.5, 217.5].
    report = _check(tmp_path, _rule(PARK_SUM), claims)
    assert _rule_findings(report) == []
    assert _rule_undecidable(report) == []
    # 青岛蓝谷 printed 227 → [226.5, 227.5]: above [215.5, 218.5] under both readings, an
    # error that names the three parks (in registry order) and the whole.
    claims[3] = _claim("blue", "青岛蓝谷", "工业总产值", "227亿元")
    finding = _only(_check(tmp_path, _rule(PARK_SUM), claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["hi-tech", "bonded", "lab", "blue"]
    assert finding.subject == "青岛蓝谷"
    assert "左边 [215.5, 218.5]亿元" in finding.message


def test_a_partial_sum_cannot_break_an_equality(tmp_path):
    # One park of three is stated: the sum is at least 122.5 and has no upper bound, so it
    # meets 217 → [216.5, 217.5]; checked (not undecidable), and nothing to say.
    claims = [
        _claim("hi-tech", PARKS[0], "工业总产值", "123亿元"),
        _claim("blue", "青岛蓝谷", "工业总产值", "217亿元"),
    ]
    report = _check(tmp_path, _rule(PARK_SUM), claims)
    assert _rule_findings(report) == []
    assert _rule_undecidable(report) == []


def test_selectors_inside_sum_apply_to_the_children(tmp_path):
    rule = _rule("sum(工业增加值[subject=children, scope=规上]) <= 工业增加值")
    # Two of the three parks' 规上 figures: [122.5, 123.5] + [80.5, 81.5] is at least 203
    # (the third can only add) against the whole of 青岛蓝谷, 195 → [194.5, 195.5]:
    # 203 > 195.5 under both readings, an error.
    claims = [
        _claim("hi-tech", PARKS[0], "工业增加值", "123亿元", scope="规上"),
        _claim("bonded", PARKS[1], "工业增加值", "81亿元", scope="规上"),
        _claim("blue", "青岛蓝谷", "工业增加值", "195亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["hi-tech", "bonded", "blue"]


MODES = "sum(货运量[scope=铁路|公路|水路|航空|管道]) <= 货运量"


def test_a_sum_over_the_scopes_a_rule_lists(tmp_path):
    # 公路 [0.975, 0.985] + 水路 [0.265, 0.275]亿吨 (铁路, 航空, 管道 not printed: the sum is
    # at least 1.24) meets the whole 1.25 → [1.245, 1.255]: nothing to say.
    claims = [
        _claim("road", "即墨区", "货运量", "0.98亿吨", scope="公路"),
        _claim("water", "即墨区", "货运量", "0.27亿吨", scope="水路"),
        _claim("all", "即墨区", "货运量", "1.25亿吨"),
    ]
    assert _rule_findings(_check(tmp_path, _rule(MODES), claims)) == []
    # 公路 printed 1.18 → [1.175, 1.185]: with 水路 at least 1.44 > 1.255, an error that
    # names the parts in the order the rule lists their scopes, then the whole.
    claims[0] = _claim("road", "即墨区", "货运量", "1.18亿吨", scope="公路")
    finding = _only(_check(tmp_path, _rule(MODES), claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["road", "water", "all"]
    assert "左边 ≥1.44亿吨" in finding.message


def test_scopes_a_rule_does_not_list_are_not_added(tmp_path):
    # 国有控股 and 股份制 firms overlap (a state-held joint-stock company is both): their
    # figures may add up to more than the whole, and a rule over transport modes ignores them.
    claims = [
        _claim("road", "即墨区", "货运量", "0.98亿吨", scope="公路"),
        _claim("state", "即墨区", "货运量", "0.90亿吨", scope="国有控股"),
        _claim("all", "即墨区", "货运量", "1.25亿吨"),
    ]
    assert _rule_findings(_check(tmp_path, _rule(MODES), claims)) == []


def test_a_failure_only_repeated_through_derived_figures_is_reported_once(tmp_path):
    # 2024: 公路 1.18 + 水路 0.27 ≥ 1.44 > 货运量 [1.245, 1.255]. With growth rates the 2023
    # levels are derived (1.18 / 1.055 + 0.27 / 1.089 ≥ 1.36 > 1.25 / 1.062 ≈ 1.18) and fail
    # too, through the same three figures and the rates: one finding, the 2024 one.
    rates = [
        _claim("road-g", "即墨区", "货运量", "5.5%", "2024", measure="yoy", scope="公路"),
        _claim("water-g", "即墨区", "货运量", "8.9%", "2024", measure="yoy", scope="水路"),
        _claim("all-g", "即墨区", "货运量", "6.2%", "2024", measure="yoy"),
    ]
    levels = [
        _claim("road", "即墨区", "货运量", "1.18亿吨", "2024", scope="公路"),
        _claim("water", "即墨区", "货运量", "0.27亿吨", "2024", scope="水路"),
        _claim("all", "即墨区", "货运量", "1.25亿吨", "2024"),
    ]
    finding = _only(_check(tmp_path, _rule(MODES), levels + rates))
    assert "即墨区 2024" in finding.message
    assert _ids(finding) == ["road", "water", "all"]
    # With 公路 right (0.98) and 水路's rate printed as -40%, only 2023 fails:
    # 0.98 / 1.055 + 0.27 / 0.6 ≥ 0.92 + 0.44 = 1.36 > 1.25 / 1.062 ≈ 1.18. Kept: it names
    # a rate the 2024 figures do not.
    levels[0] = _claim("road", "即墨区", "货运量", "0.98亿吨", "2024", scope="公路")
    rates[1] = _claim("water-g", "即墨区", "货运量", "-40%", "2024", measure="yoy", scope="水路")
    finding = _only(_check(tmp_path, _rule(MODES), levels + rates))
    assert "即墨区 2023" in finding.message
    assert "water-g" in _ids(finding)


# --------------------------------------------------------------------------- selectors


def test_a_fixed_period_selector_names_that_period(tmp_path):
    rule = _rule("地区生产总值 >= 地区生产总值[period=2020]")
    # Anchored at 2023: [4175.5, 4176.5] against 2020's [4230.5, 4231.5]: 4176.5 < 4230.5
    # under both readings, an error. Anchored at 2020 the rule compares 2020 with itself.
    claims = [
        _claim("y20", "青岛市", "地区生产总值", "4231亿元", "2020"),
        _claim("y23", "青岛市", "地区生产总值", "4176亿元", "2023"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["y23", "y20"]
    assert "青岛市 2023" in finding.message


def test_a_subject_selector_names_that_subject(tmp_path):
    rule = _rule("地区生产总值 <= 地区生产总值[subject=青岛市]")
    # At 即墨区: [1233.5, 1234.5] against 青岛市's [1122.5, 1123.5]: 1233.5 > 1123.5, an error.
    # At 青岛市 the rule compares the city with itself.
    claims = [
        _claim("jimo", "即墨区", "地区生产总值", "1234亿元"),
        _claim("city", "青岛市", "地区生产总值", "1123亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert finding.subject == "即墨区"
    assert _ids(finding) == ["jimo", "city"]


def test_a_scope_selector_names_the_scoped_figure(tmp_path):
    rule = _rule("工业增加值[scope=规上] <= 工业增加值")
    # 规上 [3011.5, 3012.5] against all industry [2510.5, 2511.5]: an error.
    claims = [
        _claim("above", "青岛市", "工业增加值", "3012亿元", scope="规上"),
        _claim("all", "青岛市", "工业增加值", "2511亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["above", "all"]


def test_where_scope_restricts_the_rule_to_scoped_figures(tmp_path):
    rule = _rule("高新技术产业产值 <= 工业总产值", where="{scope: 规上}")
    claims = [
        # 规上: [1233.5, 1234.5] > [1102.5, 1103.5]: an error.
        _claim("hs-above", "青岛市", "高新技术产业产值", "1234亿元", scope="规上"),
        _claim("ts-above", "青岛市", "工业总产值", "1103亿元", scope="规上"),
        # All industry: 517 ≤ 3129, but the rule is not about these.
        _claim("hs-all", "青岛市", "高新技术产业产值", "517亿元"),
        _claim("ts-all", "青岛市", "工业总产值", "3129亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["hs-above", "ts-above"]


def test_a_figure_named_only_through_a_selector_does_not_anchor_the_rule(tmp_path):
    rule = _rule("新能源汽车产量 <= 整车产量[subject=即墨区]")
    # The plant's 12.3万辆 → [12.25, 12.35] against the district's 15.6万辆 → [15.55, 15.65]:
    # it holds. 即墨区 states only 整车产量, named through a selector: the rule is not
    # evaluated there, so there is no "即墨区 无法核对" for its missing 新能源汽车产量.
    claims = [
        _claim("nev", "奇瑞汽车青岛基地", "新能源汽车产量", "12.3万辆"),
        _claim("all", "即墨区", "整车产量", "15.6万辆"),
    ]
    report = _check(tmp_path, rule, claims)
    assert _rule_findings(report) == []
    assert _rule_undecidable(report) == []


def test_a_sum_can_be_taken_below_a_named_subject(tmp_path):
    rule = _rule("sum(工业总产值[subject=青岛蓝谷]) <= 工业总产值[subject=即墨区]")
    # Below 青岛蓝谷: [122.5, 123.5] + [80.5, 81.5] + [12.5, 13.5] = [215.5, 218.5], above
    # 即墨区's 201 → [200.5, 201.5] under both readings: an error. Every name is pinned, so
    # each of the four subjects that anchor the rule reads the same figures: one finding.
    claims = [
        _claim("hi-tech", PARKS[0], "工业总产值", "123亿元"),
        _claim("bonded", PARKS[1], "工业总产值", "81亿元"),
        _claim("lab", PARKS[2], "工业总产值", "13亿元"),
        _claim("jimo", "即墨区", "工业总产值", "201亿元"),
    ]
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert _ids(finding) == ["hi-tech", "bonded", "lab", "jimo"]
    assert "左边 [215.5, 218.5]亿元" in finding.message


TARGET_RULE = _rule(
    "地区生产总值 >= 地区生产总值[period=-1y, status=actual]",
    severity="info",
    where="{status: target}",
)


def test_where_status_anchors_a_rule_on_targets(tmp_path):
    # The 2024 target 4500 (strict [4499.5, 4500.5], lenient [4450, 4550]) is below 2023's
    # actual 4576 ([4575.5, 4576.5]) under both readings; the rule caps itself at info.
    claims = [
        _claim("actual", "青岛市", "地区生产总值", "4576亿元", "2023"),
        _claim("target", "青岛市", "地区生产总值", "4500亿元", "2024", status="target"),
    ]
    report = _check(tmp_path, TARGET_RULE, claims)
    finding = _only(report)
    assert (finding.severity, finding.rule) == ("info", "r")
    assert _ids(finding) == ["target", "actual"]
    assert "青岛市 2024" in finding.message
    # The actual figure does not anchor the rule: no "2023 无法核对" for a missing 2022.
    assert _rule_undecidable(report) == []


# --------------------------------------------------------------------------- severity caps


def test_a_rule_reads_the_final_figure_not_the_estimate_it_revised(tmp_path):
    estimate = _in(
        PLAN, _claim("gdp-est", "青岛市", "地区生产总值", "4590亿元", "2022", status="estimate")
    )
    final = [
        *_qingdao_parts("2022"),
        _claim("gdp", "青岛市", "地区生产总值", "4576亿元", "2022"),
    ]
    rules = _three_industries(tmp_path)
    # Parts [4574.5, 4577.5] hold against the bulletin's final 4576 → [4575.5, 4576.5]. The
    # plan's estimate 4590 would break the identity, but the final figure revised it: the
    # revision is the agreement check's to report (FC102), not the rule's.
    for sets in (
        [ClaimSet(PLAN, (estimate,), {}), ClaimSet(DOC, tuple(final), {})],
        [ClaimSet(DOC, tuple(final), {}), ClaimSet(PLAN, (estimate,), {})],
    ):
        report = check(corpus_of(sets, REGISTRY), rules)
        assert _rule_findings(report) == []
        assert {f.code for f in report.findings} == {"FC102"}


@pytest.mark.parametrize("plan_first", [True, False])
def test_a_final_figure_breaking_an_identity_is_an_error_whatever_the_document_order(
    tmp_path, plan_first
):
    # The bulletin's own identity is broken: 312 + 1851 + 2413 → [4574.5, 4577.5] against its
    # final 4590 → [4589.5, 4590.5] (lenient [4585, 4595]): an error. A plan gave an estimate
    # 4576 that agrees with the parts; the rule reads the final figure all the same.
    estimate = _in(
        PLAN, _claim("gdp-est", "青岛市", "地区生产总值", "4576亿元", "2022", status="estimate")
    )
    final = [
        *_qingdao_parts("2022"),
        _claim("gdp", "青岛市", "地区生产总值", "4590亿元", "2022"),
    ]
    rules = _three_industries(tmp_path)
    sets = [ClaimSet(PLAN, (estimate,), {}), ClaimSet(DOC, tuple(final), {})]
    corpus = corpus_of(sets if plan_first else sets[::-1], REGISTRY)
    finding = _only(check(corpus, rules))
    assert finding.severity == "error"
    assert _ids(finding) == ["p1", "p2", "p3", "gdp"]


def test_each_of_two_final_figures_of_a_key_is_checked_whatever_the_order(tmp_path):
    # The 2022 bulletin prints GDP 4590 → [4589.5, 4590.5] (lenient [4585, 4595]) and parts
    # 312 + 1851 + 2413 → [4574.5, 4577.5] that miss it: its own identity is broken, an error.
    # The 2023 yearbook restates 2022 GDP as 4576 → [4575.5, 4576.5], which the parts meet:
    # nothing to say about it. The two GDP figures disagree: FC101, an error too.
    restated = _in(YEARBOOK, _claim("gdp-2022", "青岛市", "地区生产总值", "4576亿元", "2022"))
    bulletin = Document(id=DOC.id, title=DOC.title, published="2023-03")
    final = [
        *_qingdao_parts("2022"),
        _claim("gdp", "青岛市", "地区生产总值", "4590亿元", "2022"),
    ]
    rules = _three_industries(tmp_path)
    sets = [ClaimSet(bulletin, tuple(final), {}), ClaimSet(YEARBOOK, (restated,), {})]
    for ordered in (sets, sets[::-1]):
        report = check(corpus_of(ordered, REGISTRY), rules)
        finding = _only(report)
        assert finding.severity == "error"
        assert _ids(finding) == ["p1", "p2", "p3", "gdp"]
        assert sorted((f.code, f.severity) for f in report.findings) == [
            ("FC101", "error"),
            ("FC401", "error"),
        ]


def test_a_part_restated_wrongly_elsewhere_is_the_agreement_checks_to_report(tmp_path):
    # The bulletin's own figures hold: 312 + 1851 + 2413 → [4574.5, 4577.5] meet 4576. A
    # yearbook restates 第二产业 as 1951 → [1950.5, 1951.5] and nothing else. Mixing it with the
    # bulletin's other figures is not a choice of its own (the bulletin alone gives every
    # figure the rule names), so the rule says nothing; FC101 reports 1951 against 1851.
    restated = _in(YEARBOOK, _claim("second-2022", "青岛市", "第二产业增加值", "1951亿元", "2022"))
    final = [
        *_qingdao_parts("2022"),
        _claim("gdp", "青岛市", "地区生产总值", "4576亿元", "2022"),
    ]
    rules = _three_industries(tmp_path)
    sets = [ClaimSet(DOC, tuple(final), {}), ClaimSet(YEARBOOK, (restated,), {})]
    report = check(corpus_of(sets, REGISTRY), rules)
    assert [(f.code, f.severity, sorted(c.id for c in f.claims)) for f in report.findings] == [
        ("FC101", "error", ["p2", "second-2022"])
    ]


def test_a_sum_reads_a_child_printed_twice_as_the_hull_of_both(tmp_path):
    rule = _rule("sum(工业总产值[subject=青岛蓝谷]) <= 工业总产值[subject=即墨区]")
    # One park's output is printed twice, 123 and 81 (two documents disagree: FC101). The sum
    # reads it as [80.5, 123.5]: with the others, [80.5 + 80.5 + 12.5, 123.5 + 81.5 + 13.5]
    # = [173.5, 218.5], which 即墨区's 201 → [200.5, 201.5] can hold: nothing to say.
    other = Document(id="parks-2023", title="青岛蓝谷2023年工作总结", published="2024-01")
    again = _in(other, _claim("hi-tech-again", PARKS[0], "工业总产值", "81亿元"))
    claims = [
        _claim("hi-tech", PARKS[0], "工业总产值", "123亿元"),
        _claim("bonded", PARKS[1], "工业总产值", "81亿元"),
        _claim("lab", PARKS[2], "工业总产值", "13亿元"),
        _claim("jimo", "即墨区", "工业总产值", "201亿元"),
    ]
    rules = load_rules(_rules(tmp_path, rule), REGISTRY)
    sets = [ClaimSet(DOC, tuple(claims), {}), ClaimSet(other, (again,), {})]
    report = check(corpus_of(sets, REGISTRY), rules)
    assert _rule_findings(report) == []
    assert [f.code for f in report.findings] == ["FC101"]


def test_a_figure_derived_from_a_real_growth_rate_takes_part_in_warnings_only(tmp_path):
    # GDP 2023 is not printed: it is derived from 2022's 4576 → [4575.5, 4576.5] and a real
    # growth of 5.9% → [5.85%, 5.95%], widened by the deflator band (−3 to +8 points) to a
    # nominal [2.85%, 13.95%]: [4575.5 × 1.0285, 4576.5 × 1.1395] = [4705.9, 5214.9]. The parts,
    # 312 + 1851 + 2413 → [4574.5, 4577.5], miss it under every reading, but a level derived
    # from a real growth rate is an approximation: a warning, saying why.
    claims = [
        _claim("gdp-2022", "青岛市", "地区生产总值", "4576亿元", "2022"),
        _claim("gdp-yoy", "青岛市", "地区生产总值", "5.9%", "2023", measure="yoy"),
        *_qingdao_parts(),
    ]
    finding = _only(
        _check(
            tmp_path,
            THREE_INDUSTRIES,
            claims,
        )
    )
    assert finding.severity == "warning"
    assert "[4,706, 5,215]亿元" in finding.message
    assert "即使按宽松读法也不成立" in finding.message
    assert "按可比价增速推算" in finding.message
    assert _ids(finding) == ["p1", "p2", "p3", "gdp-2022", "gdp-yoy"]


def test_a_rule_of_warning_severity_says_it_caps_an_error(tmp_path):
    # 312 + 1851 + 2413 → [4574.5, 4577.5] against 4590 → [4589.5, 4590.5] (lenient
    # [4585, 4595]): broken under every reading, reported as the rule's own severity.
    claims = [
        *_qingdao_parts(),
        _claim("gdp", "青岛市", "地区生产总值", "4590亿元"),
    ]
    rule = _rule("第一产业增加值 + 第二产业增加值 + 第三产业增加值 == 地区生产总值", "warning")
    finding = _only(_check(tmp_path, rule, claims))
    assert finding.severity == "warning"
    assert finding.message.endswith("即使按宽松读法也不成立；本规则的级别所限，只作警告")


def test_both_sides_are_printed_in_one_unit_when_they_measure_the_same_thing(tmp_path):
    # 进出口 5.72亿元 → [5.715, 5.725]; 出口 39,265万元 + 进口 2.545亿元 → [3.92645, 3.92655] +
    # [2.5445, 2.5455] = [6.47095, 6.47205]亿元: an error, both sides in the left side's 亿元.
    claims = [
        _claim("trade", "青岛市", "进出口总额", "5.72亿元"),
        _claim("exports", "青岛市", "出口总额", "39,265万元"),
        _claim("imports", "青岛市", "进口总额", "2.545亿元"),
    ]
    finding = _only(_check(tmp_path, _rule("进出口总额 == 出口总额 + 进口总额"), claims))
    assert finding.severity == "error"
    # The right side is narrower (0.0011) than four digits show: one place more, the lower
    # end widened outward by the engine's hair to 6.4709.
    assert "左边 [5.715, 5.725]亿元，右边 [6.4709, 6.4721]亿元" in finding.message


def test_sides_in_wan_yuan_that_run_to_nine_digits_print_in_yi_yuan(tmp_path):
    # 进出口 96,130,000万元 → [96,129,999.5, 96,130,000.5]万元 = [9,613.0, 9,613.0]亿元;
    # 出口 35,234,000万元 + 进口 400万元 → [35,234,399, 35,234,401]万元 = 3,523亿元: an error.
    # In the left side's 万元 the sides would read 96,130,000万元 and 35,234,400万元.
    claims = [
        _claim("trade", "青岛市", "进出口总额", "96130000万元"),
        _claim("exports", "青岛市", "出口总额", "35234000万元"),
        _claim("imports", "青岛市", "进口总额", "400万元"),
    ]
    finding = _only(_check(tmp_path, _rule("进出口总额 == 出口总额 + 进口总额"), claims))
    assert finding.severity == "error"
    assert "左边 9,613亿元，右边 3,523亿元" in finding.message, finding.message


def _marine(share: str) -> list:
    """青岛市's 海洋生产总值, 1200亿元, and its share of GDP as printed."""
    return [
        _claim("marine", "青岛市", "海洋生产总值", "1200亿元"),
        _claim(
            "marine-share",
            "青岛市",
            "海洋生产总值",
            share,
            measure="share",
            of={"metric": "地区生产总值"},
        ),
    ]


def test_a_contradiction_through_a_share_is_the_share_checks_not_the_rules(tmp_path):
    # GDP is printed, 4576 → [4575.5, 4576.5], and the parts 312 + 1851 + 2413 → [4574.5,
    # 4577.5] meet it. A printed GDP is never derived again, so the rule reads only it. A
    # share implies another GDP, 1200 / 35.0% → [1199.5 / 0.3505, 1200.5 /
    # 0.3495] = [3422, 3435]: that contradiction is the share check's (FC201: 1200 / 4576 is
    # at most 1250 / 4575.5 = 27.3% even leniently, against 35.0% → [34.5%, 35.5%]), not the
    # rule's.
    claims = [
        *_qingdao_parts(),
        _claim("gdp", "青岛市", "地区生产总值", "4576亿元"),
        *_marine("35.0%"),
    ]
    report = _check(tmp_path, THREE_INDUSTRIES, claims)
    assert _rule_findings(report) == []
    assert [(f.code, f.severity) for f in report.findings] == [("FC201", "error")]


THREE_INDUSTRIES_RULES = load_rules(Path(__file__).resolve().parents[1] / "rules", REGISTRY)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_yearbook_restating_a_bulletin_is_checked_the_same_whichever_comes_first(data):
    # A bulletin whose figures satisfy 三次产业之和 = GDP, printed with rounding, and a yearbook
    # that prints them again rounding its own way, one of them at three times its value.
    rule = next(r for r in THREE_INDUSTRIES_RULES if r.id == "gdp-three-industries")
    bulletin = data.draw(rule_claim_sets(rule, REGISTRY, document="bulletin"))
    yearbook = data.draw(reprints(bulletin, document="yearbook", qualifiers=("plain",)))
    victim = data.draw(st.sampled_from([c.id for c in yearbook.claims]))
    yearbook = _moved(yearbook, victim, Decimal(3))

    forward = check(corpus_of([bulletin, yearbook], REGISTRY), THREE_INDUSTRIES_RULES)
    backward = check(corpus_of([yearbook, bulletin], REGISTRY), THREE_INDUSTRIES_RULES)

    assert outcome(forward) == outcome(backward)
    findings = _rule_findings(forward)
    # The bulletin's identity and the yearbook's are checked, not the 14 mixtures of the two.
    assert len(findings) <= 2
    # The bulletin is consistent as printed: nothing made of its figures alone is an error.
    for finding in findings:
        if {c.document for c in finding.claims} == {"bulletin"}:
            assert finding.severity != "error"


def test_a_rule_reads_a_figure_derived_from_final_figures_before_an_approximate_one(tmp_path):
    # GDP 2023 is not printed; it is derived twice. From a share, 1200 / 26.2% → [1199.5 /
    # 0.2625, 1200.5 / 0.2615] = [4569.5, 4590.8]; from 2022's 4576 and a real growth of 5.9%,
    # widened by the deflator band to [4705.9, 5214.9] (an approximation, capped at warning).
    # The rule reads the first: the parts [4574.5, 4577.5] meet it, so the rule says nothing.
    # The growth rate's disagreement with the share is the chain check's (FC110, a warning).
    claims = [
        _claim("gdp-2022", "青岛市", "地区生产总值", "4576亿元", "2022"),
        _claim("gdp-yoy", "青岛市", "地区生产总值", "5.9%", "2023", measure="yoy"),
        *_qingdao_parts(),
        *_marine("26.2%"),
    ]
    report = _check(tmp_path, THREE_INDUSTRIES, claims)
    assert [(f.code, f.severity) for f in report.findings] == [("FC110", "warning")]


def test_a_figure_derived_through_a_revised_estimate_is_not_read_beside_the_final_one(tmp_path):
    # GDP 2023 is not printed. The bulletin's 海洋生产总值 1200 at 26.2% gives [1199.5 / 0.2625,
    # 1200.5 / 0.2615] = [4569.5, 4590.8], which the parts [4574.5, 4577.5] meet. A plan's
    # estimate of 1300, which the bulletin revised, gives [4950.5, 4973.2] through the same
    # share: the rule does not read it (the revision itself is FC102's, a warning at 8%).
    estimate = _in(
        PLAN, _claim("marine-est", "青岛市", "海洋生产总值", "1300亿元", status="estimate")
    )
    bulletin = [
        *_qingdao_parts(),
        *_marine("26.2%"),
    ]
    rules = _three_industries(tmp_path)
    sets = [ClaimSet(PLAN, (estimate,), {}), ClaimSet(DOC, tuple(bulletin), {})]
    report = check(corpus_of(sets, REGISTRY), rules)
    assert _rule_findings(report) == []
    assert "FC102" in {f.code for f in report.findings}


def test_an_estimate_revised_in_a_third_document_is_not_read(tmp_path):
    # The bulletin prints only the parts, [4574.5, 4577.5]. The yearbook prints the final GDP,
    # 4576 → [4575.5, 4576.5]: the rule holds. A plan's estimate of 4590 → [4589.5, 4590.5],
    # revised by the YEARBOOK, would break it; it is not read (FC102 reports the revision).
    estimate = _in(
        PLAN, _claim("gdp-est", "青岛市", "地区生产总值", "4590亿元", "2022", status="estimate")
    )
    final = _in(YEARBOOK, _claim("gdp", "青岛市", "地区生产总值", "4576亿元", "2022"))
    sets = [
        ClaimSet(DOC, tuple(_qingdao_parts("2022")), {}),
        ClaimSet(PLAN, (estimate,), {}),
        ClaimSet(YEARBOOK, (final,), {}),
    ]
    report = check(corpus_of(sets, REGISTRY), _three_industries(tmp_path))
    assert _rule_findings(report) == []
    assert [f.code for f in report.findings] == ["FC102"]


# --------------------------------------------------------------------------- scopes a name says


@pytest.mark.parametrize("scope", [None, "规上"])
def test_a_scope_the_metrics_name_says_is_no_scope(tmp_path: Path, scope: str | None) -> None:
    # 规上工业营业收入 with scope 规上 is the same figure as without: a report prints
    # 规模以上工业企业实现营业收入 (read with the scope) and then 利润总额 (without). Hand
    # check: [86.65 ÷ 1562.35, 86.75 ÷ 1562.25] = [5.546, 5.553] %, not 6.55 %.
    rule = _rule("规上工业利润总额 / 规上工业营业收入 == 规上工业营业收入利润率")
    claims = [
        _claim("revenue", "青溪县", "规上工业营业收入", "1562.3亿元", scope=scope),
        _claim("profit", "青溪县", "规上工业利润总额", "86.7亿元"),
        _claim("margin", "青溪县", "规上工业营业收入利润率", "6.55%", scope=scope),
    ]
    (finding,) = _rule_findings(_check(tmp_path, rule, claims))
    assert finding.severity == "error"
    assert {c.id for c in finding.claims} == {"revenue", "profit", "margin"}


def test_a_scope_the_name_does_not_say_keeps_the_figure_apart(tmp_path: Path) -> None:
    # 限上 is no part of 规上工业营业收入's name: that figure is another one, and the rule
    # (which asks for figures without a scope) has no revenue to divide by.
    rule = _rule("规上工业利润总额 / 规上工业营业收入 == 规上工业营业收入利润率")
    claims = [
        _claim("revenue", "青溪县", "规上工业营业收入", "1562.3亿元", scope="限上"),
        _claim("profit", "青溪县", "规上工业利润总额", "86.7亿元"),
        _claim("margin", "青溪县", "规上工业营业收入利润率", "6.55%"),
    ]
    assert _rule_findings(_check(tmp_path, rule, claims)) == []
