"""Rule sets by example: how a rule is written, parsed, refused and checked.

Every corpus here is a handful of claims written for the test; every expected interval is
worked out by hand in the comment above its assertion. Rules are written to a temporary
rules folder beside a copy of the shipped registries, the way a user adds a rule set.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck import check, load_rules, parse_quantity
from factcheck.claims import Claim, Document, Selector
from factcheck.errors import InputErrors
from factcheck.expr import BinOp, Compare, ExprError, Ref, Sum, parse
from factcheck.registry import load_registry
from factcheck.rules import RuleSet
from factcheck.testing import ClaimSet, corpus_of, printed_values, rule_claim_sets, with_value

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "rules")
DOC = Document(id="qd-2023", title="青岛市2023年国民经济和社会发展统计公报", published="2024-03")


def _rules(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    folder = tmp_path / "rules"
    if not folder.exists():
        folder.mkdir()
        for registry_file in ("metrics.yaml", "subjects.yaml"):
            shutil.copy(ROOT / "rules" / registry_file, folder / registry_file)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _claim(cid: str, subject: str, metric: str, value: str, period: str = "2023", **kw) -> Claim:
    return Claim(
        id=cid,
        document=DOC.id,
        subject=subject,
        metric=metric,
        value=value,
        period=period,
        quote=f"{subject}{metric}{value}",
        **kw,
    )


def _check(tmp_path: Path, rule_text: str, claims: list[Claim]):
    rules = load_rules(_rules(tmp_path, rule_text), REGISTRY)
    return check(corpus_of([ClaimSet(DOC, tuple(claims), {})], REGISTRY), rules)


def _rule_findings(report):
    return [f for f in report.findings if f.code == "FC401"]


THREE_INDUSTRIES = """\
rules:
  - id: three-industries
    title: 三次产业增加值之和等于地区生产总值
    severity: error
    expr: 第一产业增加值 + 第二产业增加值 + 第三产业增加值 == 地区生产总值
"""


def _industries(gdp: str = "4576亿元", second: str = "1851亿元") -> list[Claim]:
    # Truth: 312.4 + 1850.6 + 2413.3 = 4576.3 (亿元), printed to the nearest 亿元.
    return [
        _claim("p1", "青岛市", "第一产业增加值", "312亿元"),
        _claim("p2", "青岛市", "第二产业增加值", second),
        _claim("p3", "青岛市", "第三产业增加值", "2413亿元"),
        _claim("gdp", "青岛市", "地区生产总值", gdp),
    ]


# --------------------------------------------------------------------------- the language


def test_an_identity_parses_into_a_comparison_of_sums():
    node = parse("第一产业增加值 + 第二产业增加值 * 2 == 地区生产总值[period=-1y]")
    assert isinstance(node, Compare)
    assert node.op == "=="
    # * binds tighter than +.
    assert node.left == BinOp(
        "+", Ref("第一产业增加值", (), 0), BinOp("*", Ref("第二产业增加值", (), 10), _number(2))
    )
    assert node.right == Ref("地区生产总值", (("period", "-1y"),), 25)
    assert str(node) == "第一产业增加值 + 第二产业增加值 * 2 == 地区生产总值[period=-1y]"


def _number(v: float):
    from factcheck.expr import Number

    return Number(float(v))


def test_sum_is_the_only_call_the_language_knows():
    assert parse("sum(货物吞吐量[subject=children]) <= 货物吞吐量").left == Sum(
        Ref("货物吞吐量", (("subject", "children"),), 4)
    )
    # Anything that would mean running code is not in the grammar: a name followed by a
    # bracket calls nothing, it is left over; the column points at what was left over.
    for text, col in [
        ("__import__('os') == 1", 10),
        ("open(地区生产总值) == 1", 4),
        ("lambda: 1 == 1", 8),
        ("地区生产总值 ** 2 == 1", 8),
        ("地区生产总值 if 1 else 2 == 1", 7),
    ]:
        with pytest.raises(ExprError) as excinfo:
            parse(text)
        assert excinfo.value.col == col, text


def test_a_name_is_only_ever_a_metric_of_the_registry(tmp_path):
    # 地区生产总值.real parses as a name; it is refused when the rule is read, as a metric
    # nobody defined, not looked up as an attribute.
    folder = _rules(tmp_path, "rules:\n  - id: attr\n    expr: 地区生产总值.real >= 0\n")
    with pytest.raises(InputErrors) as excinfo:
        load_rules(folder, REGISTRY)
    assert "未知指标「地区生产总值.real」" in excinfo.value.problems[0].message


def test_an_unknown_selector_is_refused_where_it_stands():
    with pytest.raises(ExprError) as excinfo:
        parse("地区生产总值[year=2023] > 0")
    assert excinfo.value.col == len("地区生产总值[")
    assert "subject" in excinfo.value.description


def test_deep_nesting_is_refused_not_a_crash():
    with pytest.raises(ExprError, match="嵌套超过"):
        parse("(" * 40 + "1" + ")" * 40 + " == 1")


# --------------------------------------------------------------------------- bad rule files


@pytest.mark.parametrize(
    ("rule", "line", "col", "found"),
    [
        # an unknown metric, at its column in the file: 10 characters of "    expr: ", then
        # 10 of the expression before it, so column 21
        (
            "    expr: 第一产业增加值 + 第二产业增值 == 地区生产总值\n",
            5,
            21,
            "未知指标「第二产业增值」",
        ),
        # a bracket left open
        ("    expr: (第一产业增加值 + 第二产业增加值 == 地区生产总值\n", 5, None, "无法解析"),
        # not a comparison
        ("    expr: 第一产业增加值 + 第二产业增加值\n", 5, None, "应为比较"),
        # a period selector that is neither an offset nor a period
        ("    expr: 地区生产总值 >= 地区生产总值[period=去年]\n", 5, None, "period 选择器「去年」"),
        ("    severity: fatal\n    expr: 地区生产总值 > 0\n", 5, None, "severity「fatal」未知"),
    ],
)
def test_a_broken_rule_is_reported_with_file_line_and_what_was_expected(
    tmp_path, rule, line, col, found
):
    text = "rules:\n  - id: broken\n    title: 坏规则\n    description: 测试\n" + rule
    folder = _rules(tmp_path, text)
    with pytest.raises(InputErrors) as excinfo:
        load_rules(folder, REGISTRY)
    (problem,) = excinfo.value.problems
    assert problem.path == str(folder / "mine.yaml")
    assert problem.line == line
    if col is not None:
        assert problem.col == col
    assert found in problem.message


def test_an_unknown_metric_comes_with_a_suggestion(tmp_path):
    folder = _rules(tmp_path, "rules:\n  - id: r\n    expr: 海洋生产总额 <= 地区生产总值\n")
    with pytest.raises(InputErrors) as excinfo:
        load_rules(folder, REGISTRY)
    assert "是否是指「海洋生产总值」" in excinfo.value.problems[0].message


@pytest.mark.parametrize(
    "expr",
    [
        "货运量[scope=公路|水路] <= 货运量",  # a list of scopes outside sum()
        "sum(货运量[subject=children, scope=公路|水路]) <= 货运量",  # over two things at once
        "sum(货运量[scope=公路|]) <= 货运量",  # an empty scope is the whole itself
    ],
)
def test_a_list_of_scopes_only_where_a_sum_can_add_them(tmp_path, expr):
    folder = _rules(tmp_path, f"rules:\n  - id: r\n    expr: {expr}\n")
    with pytest.raises(InputErrors) as excinfo:
        load_rules(folder, REGISTRY)
    (problem,) = excinfo.value.problems
    assert (problem.line, problem.code) == (3, "FC008")
    assert "用 | 列出的口径只能出现在 sum() 中" in problem.message


def test_a_rule_id_used_twice_names_both_places(tmp_path):
    _rules(tmp_path, "rules:\n  - id: same\n    expr: 工业增加值 <= 第二产业增加值\n", "a.yaml")
    folder = _rules(tmp_path, "rules:\n  - id: same\n    expr: 工业增加值 >= 0\n", "b.yaml")
    with pytest.raises(InputErrors) as excinfo:
        load_rules(folder, REGISTRY)
    (problem,) = excinfo.value.problems
    assert problem.path == str(folder / "b.yaml")
    assert problem.line == 2
    assert f"{folder / 'a.yaml'}:2" in problem.message


# --------------------------------------------------------------------------- checking


def test_an_identity_printed_with_rounding_raises_nothing(tmp_path):
    # 312 + 1851 + 2413: each ±0.5 → [4574.5, 4577.5] meets 4576 → [4575.5, 4576.5].
    report = _check(tmp_path, THREE_INDUSTRIES, _industries())
    assert _rule_findings(report) == []
    assert report.coverage.checked == 4


def test_a_broken_identity_is_an_error_naming_every_figure(tmp_path):
    # GDP printed as 4590亿元: strict [4589.5, 4590.5], lenient (末位零) [4585, 4595]; the sum
    # of the parts is [4574.5, 4577.5] under both readings (no part ends in 0): an error.
    (finding,) = _rule_findings(_check(tmp_path, THREE_INDUSTRIES, _industries("4590亿元")))
    assert finding.severity == "error"
    assert finding.rule == "three-industries"
    assert [c.id for c in finding.claims] == ["p1", "p2", "p3", "gdp"]
    assert finding.metric == "第一产业增加值"  # the first metric the rule names
    assert finding.subject == "青岛市"
    # Printed with the digits the half-units need: four significant digits would print
    # [4,574, 4,578], half as narrow again as the sum is.
    assert "左边 [4,574.5, 4,577.5]亿元，右边 [4,589.5, 4,590.5]亿元" in finding.message
    assert "2023" in finding.message


def test_only_the_strict_reading_failing_is_a_warning(tmp_path):
    # GDP printed as 4580亿元: strict [4579.5, 4580.5] misses [4574.5, 4577.5]; lenient
    # [4575, 4585] meets it: a warning.
    (finding,) = _rule_findings(_check(tmp_path, THREE_INDUSTRIES, _industries("4580亿元")))
    assert finding.severity == "warning"


def test_a_rule_caps_its_own_severity(tmp_path):
    capped = THREE_INDUSTRIES.replace("severity: error", "severity: info")
    (finding,) = _rule_findings(_check(tmp_path, capped, _industries("4590亿元")))
    assert finding.severity == "info"


def test_units_do_not_change_the_verdict(tmp_path):
    # The same figures in 万元 (4576亿元 = 45,760,000万元, printed to the 万).
    claims = _industries("45760000万元", "18510000万元")
    assert _rule_findings(_check(tmp_path, THREE_INDUSTRIES, claims)) == []
    claims = _industries("45900000万元", "18510000万元")
    (finding,) = _rule_findings(_check(tmp_path, THREE_INDUSTRIES, claims))
    assert finding.severity == "error"


def test_a_missing_figure_makes_the_rule_undecidable_not_consistent(tmp_path):
    report = _check(tmp_path, THREE_INDUSTRIES, _industries()[1:])
    assert _rule_findings(report) == []
    assert "规则「three-industries」对 青岛市 2023 无法核对：缺少部分数字" in (
        report.coverage.undecidable
    )


SHARES = """\
rules:
  - id: structure
    title: 三次产业结构之和为100%
    expr: >-
      第一产业增加值[of=地区生产总值] + 第二产业增加值[of=地区生产总值]
      + 第三产业增加值[of=地区生产总值] == 100%
"""


def _shares(third: str) -> list[Claim]:
    gdp = Selector(metric="地区生产总值")
    return [
        _claim("s1", "青岛市", "第一产业增加值", "3.2%", measure="share", of=gdp),
        _claim("s2", "青岛市", "第二产业增加值", "33.4%", measure="share", of=gdp),
        _claim("s3", "青岛市", "第三产业增加值", third, measure="share", of=gdp),
    ]


def test_shares_of_a_whole_add_up_to_100_percent(tmp_path):
    # 3.2 + 33.4 + 63.4 = 100.0, each ±0.05 → [99.85, 100.15] contains 100.
    assert _rule_findings(_check(tmp_path, SHARES, _shares("63.4%"))) == []
    # 3.2 + 33.4 + 61.4 = 98.0 → [97.85, 98.15]: 100% is out of reach.
    (finding,) = _rule_findings(_check(tmp_path, SHARES, _shares("61.4%")))
    assert finding.severity == "error"
    assert [c.id for c in finding.claims] == ["s1", "s2", "s3"]


GROWING = """\
rules:
  - id: no-shrinking
    title: 工业增加值不低于上年
    severity: warning
    expr: 工业增加值 >= 工业增加值[period=-1y]
"""


def test_a_period_selector_reaches_the_year_before(tmp_path):
    claims = [
        _claim("y22", "青岛市", "工业增加值", "4100亿元", "2022"),
        _claim("y23", "青岛市", "工业增加值", "3900亿元", "2023"),
    ]
    report = _check(tmp_path, GROWING, claims)
    # Anchored at 2023: 3900 against 2022's 4100 fails; anchored at 2022, 2021 is missing.
    (finding,) = _rule_findings(report)
    assert finding.severity == "warning"  # the rule's own cap
    assert [c.id for c in finding.claims] == ["y23", "y22"]
    assert "青岛市 2023" in finding.message
    assert (
        "规则「no-shrinking」对 青岛市 2022 无法核对：缺少部分数字" in report.coverage.undecidable
    )


DISTRICTS = """\
rules:
  - id: districts
    title: 各区（市）地区生产总值之和不超过全市
    expr: sum(地区生产总值[subject=children]) <= 地区生产总值
"""


def _districts(jiaozhou: str) -> list[Claim]:
    return [
        _claim("city", "青岛市", "地区生产总值", "10000亿元"),
        _claim("jm", "即墨区", "地区生产总值", "2000亿元"),
        _claim("cy", "城阳区", "地区生产总值", "1500亿元"),
        _claim("jz", "胶州市", "地区生产总值", jiaozhou),
    ]


def test_a_sum_over_districts_stays_within_the_city(tmp_path):
    # 2000 + 1500 + 1200 = 4700 (of three districts out of ten) ≤ 10000: nothing to say.
    report = _check(tmp_path, DISTRICTS, _districts("1200亿元"))
    assert _rule_findings(report) == []
    # 城阳区 and 胶州市 have nothing below them in the registry: the rule does not apply there.
    # 即墨区 has streets and parks below it, none of them stated: undecidable.
    assert [u for u in report.coverage.undecidable if "districts" in u] == [
        "规则「districts」对 即墨区 2023 无法核对：缺少部分数字"
    ]


def test_even_a_partial_sum_over_districts_can_exceed_the_city(tmp_path):
    # 2000 + 1500 + 9000 = 12500 > 10000 with only three of ten districts stated: the others
    # can only add. Strict: 1999.5 + 1499.5 + 8999.5 = 12498.5 > 10000.5. Lenient (the last
    # non-zero digit): 2000 → [1500, 2500], 1500 → [1450, 1550], 9000 → [8500, 9500], so at
    # least 11450; 10000 → [5000, 15000] leaves room: a warning, not an error.
    (finding,) = _rule_findings(_check(tmp_path, DISTRICTS, _districts("9000亿元")))
    assert finding.severity == "warning"
    assert {c.id for c in finding.claims} == {"jm", "cy", "jz", "city"}


def test_a_sum_over_districts_is_an_error_when_no_reading_saves_it(tmp_path):
    claims = _districts("9000亿元")
    claims[0] = _claim("city", "青岛市", "地区生产总值", "10001亿元")  # [10000.5, 10001.5]
    # The districts' lenient lower bound, 11450, is above it under both readings.
    (finding,) = _rule_findings(_check(tmp_path, DISTRICTS, claims))
    assert finding.severity == "error"


# --------------------------------------------------------------------------- properties

#: Shipped rules that rule_claim_sets can draw for: no sum(), no period or status selectors
#: (its claims are all 2023 actuals), no where.
_DRAWABLE = [
    r
    for r in load_rules(ROOT / "rules", REGISTRY)
    if not r.where and "sum(" not in r.text and "period=" not in r.text and "status=" not in r.text
]


def test_the_shipped_rules_include_drawable_identities():
    ids = {r.id for r in _DRAWABLE}
    assert len(_DRAWABLE) >= 10
    assert {"nev-within-vehicles"} <= ids


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_claims_that_satisfy_a_shipped_rule_never_raise_an_error(data):
    rule = data.draw(st.sampled_from(_DRAWABLE))
    claim_set = data.draw(rule_claim_sets(rule, REGISTRY))
    rules = load_rules(ROOT / "rules", REGISTRY)
    report = check(corpus_of([claim_set], REGISTRY), rules, relations=True)
    # The rule was checked (every figure it names was found), not skipped …
    outcomes = [
        r.outcome
        for r in report.relations
        if r.code == "FC401" and r.title.startswith(f"规则「{rule.title}」")
    ]
    assert outcomes
    # … and held.
    assert "error" not in outcomes
    assert not [f for f in report.findings if f.severity == "error" and f.code == "FC401"]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_moving_a_figure_far_off_breaks_an_equality_rule(data):
    rule = next(r for r in load_rules(ROOT / "rules", REGISTRY) if r.id == "gdp-three-industries")
    claim_set = data.draw(rule_claim_sets(rule, REGISTRY))
    # Double the last figure (the one solved for): printed with four or more digits, its
    # intervals are far narrower than a factor of two.
    last = claim_set.claims[-1]
    doubled = with_value(claim_set, last.id, f"{2 * claim_set.truth[last.id]:.0f}元")
    report = check(corpus_of([doubled], REGISTRY), load_rules(ROOT / "rules", REGISTRY))
    errors = [f for f in report.findings if f.code == "FC401" and f.rule == rule.id]
    assert errors
    assert errors[0].severity == "error"
    assert last.id in {c.id for c in errors[0].claims}


_EQUALITIES = [r for r in _DRAWABLE if r.expr.op == "=="]


def _tight(value: str) -> bool:
    lenient = parse_quantity(value, "lenient")
    return bool(lenient.high.magnitude <= lenient.low.magnitude * Decimal("1.1"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_halving_the_figure_an_identity_is_solved_for_is_an_error_naming_it(data):
    # Every shipped identity the strategy can draw for, whatever its units (亿元, 万人, ‰,
    # 公斤/亩): the solved-for figure halved, printed with four or more digits as before, is
    # far outside any rounding of the others.
    rule = data.draw(st.sampled_from(_EQUALITIES))
    claim_set = data.draw(rule_claim_sets(rule, REGISTRY))
    last = claim_set.claims[-1]
    assume(last.measure != "share")  # a share's truth is a fraction; the level rules suffice
    # 1000000元 may be read as rounded to the million (lenient [50万, 150万]): a halved ratio
    # of two such figures is a warning, not an error. Only figures within ±5% leniently.
    assume(all(_tight(c.value) for c in claim_set.claims))
    unit = REGISTRY.metrics.resolve(last.metric).unit
    halved = data.draw(
        printed_values(claim_set.truth[last.id] / 2, unit=unit, qualifiers=("plain",), min_digits=4)
    )
    moved = with_value(claim_set, last.id, halved)
    report = check(corpus_of([moved], REGISTRY), RuleSet([rule]))
    errors = [f for f in report.findings if f.code == "FC401" and f.severity == "error"]
    assert errors, (rule.id, last.value, halved)
    assert last.id in {c.id for c in errors[0].claims}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_claims_can_be_drawn_for_a_rule_that_divides_by_a_figure(data):
    # 人均地区生产总值 ≤ 地区生产总值 / 常住人口 × 1.05 cannot be solved for 常住人口 (it divides):
    # the strategy solves for 地区生产总值, the last figure the rule is affine in.
    rule = next(r for r in _DRAWABLE if r.id == "per-capita-gdp-not-above")
    claim_set = data.draw(rule_claim_sets(rule, REGISTRY))
    assert {c.metric for c in claim_set.claims} == {"人均地区生产总值", "地区生产总值", "常住人口"}
    report = check(corpus_of([claim_set], REGISTRY), RuleSet([rule]), relations=True)
    assert [r.outcome for r in report.relations if r.code == "FC401"] == ["pass"]
