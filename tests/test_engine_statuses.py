"""Severities that depend on what a figure is (design §5), by hand-computed example.

- A growth rate in real terms (按可比价格: 地区生产总值, 增加值) set against the ratio of two
  current-price levels differs from it by the price change: within the deflator band that is
  nothing, beyond it a warning, never an error.
- An estimate (预计) restated by a final figure is a revision: a note within the revision band,
  a warning beyond it, never an error.
- Production above the capacity stated for the same figure is an error; a 其中 part above its
  whole is an error only when every reading fails.
- A target and its result are a note saying whether the target was met.

Every figure below is printed without trailing zeros, so the strict and the lenient readings
are the same interval: the arithmetic in the comments is the whole story.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import check
from factcheck.claims import Claim, Document, Selector
from factcheck.codes import CODES
from factcheck.engine import DEFLATOR_BAND, REVISION_BAND, REVISION_LIMIT, REVISION_POINTS
from factcheck.testing import ClaimSet, corpus_of

REPORT = Document(id="jm-2023", title="即墨区2023年国民经济和社会发展统计公报", published="2024-03")
PLAN = Document(id="jm-2023-plan", title="即墨区2023年政府工作报告", published="2023-01")


def _claim(doc: Document, cid: str, metric: str, period: str, value: str, **kw) -> Claim:
    return Claim(
        id=cid,
        document=doc.id,
        subject="即墨区",
        metric=metric,
        period=period,
        value=value,
        quote=f"{metric}{value}",
        **kw,
    )


def _growth(metric: str, before: str, after: str, rate: str, **kw) -> ClaimSet:
    claims = (
        _claim(REPORT, "level-2022", metric, "2022", before),
        _claim(REPORT, "level-2023", metric, "2023", after),
        _claim(REPORT, "yoy-2023", metric, "2023", rate, measure="yoy", **kw),
    )
    return ClaimSet(document=REPORT, claims=claims, truth={})


def _checked(*documents: tuple[Document, tuple[Claim, ...]]):
    """Check the claims of one or more documents."""
    return check(corpus_of([ClaimSet(document=d, claims=c, truth={}) for d, c in documents]))


def _outcome(report) -> set[tuple[str, str]]:
    return {(f.code, f.severity) for f in report.findings}


# --------------------------------------------------------------------------- real-terms growth

# 1234.5 → 1481.4亿元 at current prices is 1481.35 / 1234.55 − 1 … 1481.45 / 1234.45 − 1,
# that is 19.99 % … 20.01 %.


def test_a_real_growth_rate_far_from_the_nominal_ratio_is_a_warning_not_an_error():
    # 地区生产总值 grows in real terms (the registry's basis): 增长5.3% widened by the
    # deflator band is [5.25 − 3, 5.35 + 8] = [2.25 %, 13.35 %], which misses 20 %.
    report = check(corpus_of([_growth("地区生产总值", "1234.5亿元", "1481.4亿元", "5.3%")]))
    assert _outcome(report) == {("FC202", "warning")}


def test_the_same_rate_stated_at_current_prices_is_an_error():
    claim_set = _growth("地区生产总值", "1234.5亿元", "1481.4亿元", "5.3%", basis="nominal")
    assert _outcome(check(corpus_of([claim_set]))) == {("FC202", "error")}


def test_a_metric_at_current_prices_gets_no_deflator_band():
    # 规上工业总产值 is nominal in the registry: 5.3 % against 20 % is an error.
    claim_set = _growth("规上工业总产值", "1234.5亿元", "1481.4亿元", "5.3%")
    assert _outcome(check(corpus_of([claim_set]))) == {("FC202", "error")}


def test_a_real_growth_rate_within_the_deflator_band_is_not_reported():
    # 增长15.3%: [12.25 %, 23.35 %] holds 20 % (prices rose by about 4 %).
    claim_set = _growth("地区生产总值", "1234.5亿元", "1481.4亿元", "15.3%")
    assert check(corpus_of([claim_set])).findings == ()


def test_a_real_growth_rate_above_the_nominal_ratio_is_within_the_band_too():
    # 1234.5 → 1271.5亿元 is 2.99 % … 3.01 % at current prices; a real 增长5.3% means prices fell
    # by about 2 %, inside the band's lower side: [5.25 − 3, 5.35 + 8] = [2.25 %, 13.35 %].
    claim_set = _growth("地区生产总值", "1234.5亿元", "1271.5亿元", "5.3%")
    assert check(corpus_of([claim_set])).findings == ()


def _tenths(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(low * 10, high * 10).map(lambda n: Decimal(n) / 10)


@settings(deadline=None, max_examples=60)
@given(before=_tenths(100, 5000), ratio=_tenths(50, 300), rate=_tenths(-30, 60))
def test_a_real_growth_rate_never_yields_an_error_whatever_the_levels(before, ratio, rate):
    after = (before * ratio / 100).quantize(Decimal("0.1"))
    if after <= 0 or rate == 0:
        return
    claim_set = _growth("地区生产总值", f"{before}亿元", f"{after}亿元", f"{rate}%")
    report = check(corpus_of([claim_set]))
    assert [f for f in report.findings if f.severity == "error"] == []
    # The oracle, computed here: the nominal growth interval against the rate widened by
    # the band, with a margin of a point either way so that the edges need no care.
    low = (after - Decimal("0.05")) / (before + Decimal("0.05")) * 100 - 100
    high = (after + Decimal("0.05")) / (before - Decimal("0.05")) * 100 - 100
    band_low = rate - Decimal("0.05") + Decimal(str(DEFLATOR_BAND[0]))
    band_high = rate + Decimal("0.05") + Decimal(str(DEFLATOR_BAND[1]))
    if high < band_low - 1 or low > band_high + 1:
        assert ("FC202", "warning") in _outcome(report)
    elif band_low + 1 < low and high < band_high - 1:
        assert report.findings == ()


# --------------------------------------------------------------------------- revisions


def _revision(estimate: str, final: str):
    return _checked(
        (PLAN, (_claim(PLAN, "gdp-est", "地区生产总值", "2022", estimate, status="estimate"),)),
        (REPORT, (_claim(REPORT, "gdp", "地区生产总值", "2022", final),)),
    )


@pytest.mark.parametrize(
    ("final", "expected"),
    [
        # 预计300.5 → 310.2: the band is 5 % of the largest edge, 0.05 × 310.25 = 15.51;
        # 310.15 − 15.51 = 294.64 ≤ 300.55, so the intervals meet within the band: a note.
        ("310.2亿元", "info"),
        # → 330.7: 0.05 × 330.75 = 16.54; 330.65 − 16.54 = 314.11 > 300.55: a warning.
        ("330.7亿元", "warning"),
        # → 600.1, about twice the estimate: the lenient gap 600.05 − 300.55 = 299.50 is
        # under half the larger figure, 0.5 × 600.15 = 300.08: still a revision.
        ("600.1亿元", "warning"),
        # → 901.5, three times: 901.45 − 300.55 = 600.90 > 0.5 × 901.55 = 450.78. No
        # revision moves a figure that far; one of the two is wrong.
        ("901.5亿元", "error"),
        # → 100.1, a third: 300.45 − 100.15 = 200.30 > 0.5 × 300.55 = 150.28.
        ("100.1亿元", "error"),
    ],
)
def test_an_estimate_restated_by_a_final_figure_is_a_revision(final, expected):
    # the arithmetic above assumes these
    assert (REVISION_BAND, REVISION_LIMIT) == (0.05, 0.5)
    report = _revision("300.5亿元", final)
    assert _outcome(report) == {("FC102", expected)}
    (finding,) = report.findings
    assert {c.id for c in finding.claims} == {"gdp-est", "gdp"}
    # `factcheck explain FC102` names the highest severity the code is reported with.
    assert CODES["FC102"].severity == "error"


def _growth_revision(estimate: str, final: str):
    return _checked(
        (
            PLAN,
            (
                _claim(
                    PLAN,
                    "g-est",
                    "一般公共预算收入",
                    "2022",
                    estimate,
                    measure="yoy",
                    status="estimate",
                ),
            ),
        ),
        (REPORT, (_claim(REPORT, "g", "一般公共预算收入", "2022", final, measure="yoy"),)),
    )


@pytest.mark.parametrize(
    ("estimate", "final", "expected"),
    [
        # 预计增长1.0% → 2.1%: the lenient gap 2.05 − 1.05 = 1.00 is more than half of
        # 2.15 but not more than one percentage point: a revision of a small rate.
        ("1.0%", "2.1%", "warning"),
        # 6.2% → 18.6%: 18.55 − 6.25 = 12.30 > max(0.5 × 18.65, 1): an error.
        ("6.2%", "18.6%", "error"),
        # 6.2% → 6.5%: the band is 0.05 × 6.55 = 0.33 and 6.45 − 0.33 = 6.12 ≤ 6.25: a note.
        ("6.2%", "6.5%", "info"),
    ],
)
def test_a_growth_estimate_is_judged_in_percentage_points_too(estimate, final, expected):
    assert REVISION_POINTS == 1.0
    report = _growth_revision(estimate, final)
    assert _outcome(report) == {("FC102", expected)}


def test_an_estimate_confirmed_by_the_final_figure_is_not_reported():
    assert _revision("300.5亿元", "300.5亿元").findings == ()


def _share_beside_an_estimate(share: str):
    """A plan printed before the final figures: GDP and marine output are 预计 and the share
    is taken of the estimate; the statistical report then revises GDP to 330.7亿元."""
    plan = (
        _claim(PLAN, "gdp-est", "地区生产总值", "2022", "300.5亿元", status="estimate"),
        _claim(PLAN, "marine-est", "海洋生产总值", "2022", "150.3亿元", status="estimate"),
        _claim(
            PLAN,
            "marine-share",
            "海洋生产总值",
            "2022",
            share,
            measure="share",
            of=Selector(metric="地区生产总值"),
        ),
    )
    final = (_claim(REPORT, "gdp", "地区生产总值", "2022", "330.7亿元"),)
    return _checked((PLAN, plan), (REPORT, final))


def _named(report, code: str) -> list[tuple[str, frozenset[str]]]:
    return sorted(
        (f.severity, frozenset(c.id for c in f.claims)) for f in report.findings if f.code == code
    )


def test_a_share_true_of_the_estimate_is_not_an_error_against_the_revised_figure():
    # 150.3 / 300.5 = 50.02 % (the share held when it was printed); 150.3 / 330.7 = 45.45 %.
    report = _share_beside_an_estimate("50.0%")
    assert _named(report, "FC201") == [
        ("warning", frozenset({"marine-share", "marine-est", "gdp"})),
    ]
    assert _outcome(report) == {("FC201", "warning"), ("FC102", "warning")}


def test_a_share_true_of_neither_figure_is_still_an_error():
    # 40.0 % is neither 50.02 % (the estimate) nor 45.45 % (the final figure).
    report = _share_beside_an_estimate("40.0%")
    assert _named(report, "FC201") == [
        ("error", frozenset({"marine-share", "marine-est", "gdp"})),
        # the estimate, revised, takes part in warnings only
        ("warning", frozenset({"marine-share", "marine-est", "gdp-est"})),
    ]


def test_a_share_that_disagrees_with_its_own_documents_final_figure_is_an_error():
    # The statistical report prints the final GDP and a share that only the plan's estimate
    # supports: a report must agree with its own figures.
    plan = (_claim(PLAN, "gdp-est", "地区生产总值", "2022", "300.5亿元", status="estimate"),)
    final = (
        _claim(REPORT, "gdp", "地区生产总值", "2022", "330.7亿元"),
        _claim(REPORT, "marine", "海洋生产总值", "2022", "150.3亿元"),
        _claim(
            REPORT,
            "marine-share",
            "海洋生产总值",
            "2022",
            "50.0%",
            measure="share",
            of=Selector(metric="地区生产总值"),
        ),
    )
    report = _checked((PLAN, plan), (REPORT, final))
    assert _named(report, "FC201") == [("error", frozenset({"marine-share", "marine", "gdp"}))]


def test_an_estimate_printed_elsewhere_spares_nothing():
    # The 2023 bulletin prints 货运量 214万吨 and, beside it, its earlier 预计 201.9万吨.
    # The 2024 bulletin prints 236万吨 and 增长16.7%: 236 ÷ 214 − 1 is [9.79 %, 10.77 %].
    # That 236 ÷ 201.9 − 1 ≈ 16.9 % is a coincidence of the estimate, not what the 2024
    # bulletin was printed beside: still an error.
    bulletin_2024 = Document(id="jm-2024", title="即墨区2024年统计公报", published="2025-03")
    claims_2023 = (
        _claim(REPORT, "freight-2023", "货运量", "2023", "214万吨"),
        _claim(REPORT, "freight-2023-est", "货运量", "2023", "201.9万吨", status="estimate"),
    )
    claims_2024 = (
        _claim(bulletin_2024, "freight-2024", "货运量", "2024", "236万吨"),
        _claim(bulletin_2024, "freight-2024-yoy", "货运量", "2024", "16.7%", measure="yoy"),
    )
    report = _checked((REPORT, claims_2023), (bulletin_2024, claims_2024))
    assert ("error", frozenset({"freight-2024-yoy", "freight-2024", "freight-2023"})) in _named(
        report, "FC202"
    )


# --------------------------------------------------------------------------- capacity


def _capacity(output: str) -> ClaimSet:
    claims = (
        _claim(REPORT, "capacity", "整车产量", "2023", "45.5万辆", status="capacity"),
        _claim(REPORT, "output", "整车产量", "2023", output),
    )
    return ClaimSet(document=REPORT, claims=claims, truth={})


def test_output_above_the_stated_capacity_is_an_error_naming_both():
    # 52.3万辆 (≥ 52.25) against a capacity of 45.5万辆 (≤ 45.55).
    report = check(corpus_of([_capacity("52.3万辆")]))
    assert _outcome(report) == {("FC209", "error")}
    (finding,) = report.findings
    assert [c.id for c in finding.claims] == ["output", "capacity"]


def test_output_within_capacity_is_not_reported():
    assert check(corpus_of([_capacity("38.7万辆")])).findings == ()


# --------------------------------------------------------------------------- targets


def _target(target: str, result: str):
    return _checked(
        (PLAN, (_claim(PLAN, "target", "高新技术企业数量", "2023", target, status="target"),)),
        (REPORT, (_claim(REPORT, "result", "高新技术企业数量", "2023", result),)),
    )


@pytest.mark.parametrize(
    ("target", "result", "verdict"),
    [
        # 突破700家 is [700, ∞): 712家 reaches it, 652家 does not, and 突破650家 ([650, ∞))
        # may or may not.
        ("突破700家", "712家", "已完成"),
        ("突破700家", "652家", "未完成"),
        ("突破700家", "突破650家", "无法判定是否完成"),
        # 不超过50家 is (−∞, 50]: a cap is met from below.
        ("不超过50家", "48家", "已完成"),
        ("不超过50家", "53家", "未完成"),
        ("不超过50家", "近50家", "已完成"),  # 近50 is [47.5, 50]
        ("不超过50家", "50余家", "无法判定是否完成"),  # [50, 60)
    ],
)
def test_a_target_and_its_result_are_a_note_saying_whether_it_was_met(target, result, verdict):
    report = _target(target, result)
    (finding,) = report.findings
    assert (finding.code, finding.severity) == ("FC301", "info")
    assert finding.evidence == (("verdict", verdict),)
    assert finding.message.endswith(verdict)
    assert [c.id for c in finding.claims] == ["result", "target"]


def test_a_target_printed_twice_in_one_plan_is_one_comparison():
    twice = tuple(
        _claim(PLAN, cid, "高新技术企业数量", "2023", "突破700家", status="target")
        for cid in ("headline", "section")
    )
    elsewhere = (_claim(REPORT, "again", "高新技术企业数量", "2023", "突破700家", status="target"),)
    result = (_claim(REPORT, "result", "高新技术企业数量", "2023", "652家"),)
    report = _checked((PLAN, twice), (REPORT, (*elsewhere, *result)))
    # The plan's two printings make one finding; the report's own target is another.
    assert sorted([c.id for c in f.claims] for f in report.findings) == [
        ["result", "again"],
        ["result", "headline", "section"],
    ]
    assert all(f.message.endswith("未完成") for f in report.findings)


BUDGET = Document(id="sl-2024-budget", title="松岭县2024年预算草案的报告", published="2024-01")


def _budget_plan(level: str, rate: str) -> tuple[Document, tuple[Claim, ...]]:
    """2023's revenue, and 2024's planned revenue printed both as a level and as growth."""
    return (
        BUDGET,
        (
            _claim(BUDGET, "revenue-2023", "一般公共预算收入", "2023", "48.36亿元"),
            _claim(BUDGET, "plan-2024", "一般公共预算收入", "2024", level, status="target"),
            _claim(
                BUDGET,
                "plan-2024-yoy",
                "一般公共预算收入",
                "2024",
                rate,
                measure="yoy",
                status="target",
            ),
        ),
    )


def test_a_growth_target_agrees_with_the_level_planned_on_last_years_result():
    # 48.36 × 1.05 = 50.778: 50.78亿元 and 增长5% are one plan.
    assert _checked(_budget_plan("50.78亿元", "5%")).findings == ()


@pytest.mark.parametrize("level", ["52.78亿元", "80亿元"])
def test_a_growth_target_off_the_planned_level_is_a_warning_naming_both(level):
    # 52.78 ÷ 48.36 − 1 = 9.14 %, 80 ÷ 48.36 − 1 = 65 %: not 5 % under any reading. A plan
    # may count its growth on a base it does not print (同口径), so never an error.
    report = _checked(_budget_plan(level, "5%"))
    (finding,) = report.findings
    assert (finding.code, finding.severity) == ("FC202", "warning")
    assert [c.id for c in finding.claims] == ["plan-2024-yoy", "plan-2024", "revenue-2023"]
    assert "涉及目标数" in finding.message


def test_a_growth_target_alone_derives_the_level_it_plans():
    plan, claims = _budget_plan("50.78亿元", "5%")
    report = check(corpus_of([ClaimSet(document=plan, claims=claims[::2], truth={})]))
    (derived,) = [f for f in report.figures if f.derived]
    # No target level printed: 5% is [4.5, 5.5]%, 48.36亿元 is [48.355, 48.365]亿元, so
    # [48.355 × 1.045, 48.365 × 1.055] = [50.531, 51.025]亿元, a target of 2024.
    assert (derived.period, derived.status, derived.unit) == ("2024", "target", "亿元")
    assert derived.low == pytest.approx(50.531, abs=1e-3)
    assert derived.high == pytest.approx(51.025, abs=1e-3)
    assert report.findings == ()


def test_a_growth_target_is_on_the_final_figure_not_the_estimate_it_revised():
    plan = (
        _claim(BUDGET, "estimate-2023", "一般公共预算收入", "2023", "46亿元", status="estimate"),
        _claim(BUDGET, "plan-2024-yoy", "一般公共预算收入", "2024", "5%", measure="yoy",
               status="target"),
    )  # fmt: skip
    final = (_claim(REPORT, "revenue-2023", "一般公共预算收入", "2023", "48.36亿元"),)
    report = _checked((BUDGET, plan), (REPORT, final))
    # On the estimate the plan would aim at 46 × 1.05 = 48.3亿元, on the final figure at
    # [50.531, 51.025]亿元: two derived targets "that differ" (FC103) said nothing but that the
    # estimate was revised, which FC102 says.
    targets = [f for f in report.figures if f.derived and f.status == "target"]
    assert [(round(f.low, 3), round(f.high, 3)) for f in targets] == [(50.531, 51.025)]
    assert {f.code for f in report.findings} == {"FC102"}


def test_a_plan_never_derives_last_years_result():
    plan, claims = _budget_plan("50.78亿元", "5%")
    report = check(corpus_of([ClaimSet(document=plan, claims=claims[1:], truth={})]))
    # 50.78 ÷ 1.05 would "derive" a 2023 result of 48.36亿元 from two targets: a plan says
    # what it aims at, not what happened. Before, such a figure took the key of 2023's result
    # and could contradict (or stand in for) the figures derived from what was stated.
    assert [f for f in report.figures if f.derived] == []
    assert report.findings == ()


# --------------------------------------------------------------------------- orders and bounds


def _part_of_whole(part: str, whole: str) -> list[ClaimSet]:
    claims = (
        _claim(REPORT, "projects", "重点项目数量", "2023", whole),
        _claim(
            REPORT, "city-projects", "重点项目数量", "2023", part, part_of="projects", scope="市级"
        ),
    )
    return [ClaimSet(document=REPORT, claims=claims, truth={})]


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        # Projects are counted in whole numbers: 其中204个 is 204, above 195 under every reading.
        ("204个", "195个", {("FC207", "error")}),
        # One more than the whole is enough. As intervals, [195.5, 196.5] and [194.5, 195.5]
        # would meet at 195.5, but no count of projects is 195.5.
        ("196个", "195个", {("FC207", "error")}),
        # 其中200个 is 200 if its zeros count, [150, 250] if not: above 195 only under the
        # strict reading.
        ("200个", "195个", {("FC207", "warning")}),
        ("195个", "195个", set()),
        ("104个", "195个", set()),
        # A count printed with a fraction is read as the whole numbers either side (195 to
        # 196): it is never held more strictly than it is printed.
        ("195.3个", "195个", set()),
    ],
)
def test_a_part_above_its_whole_is_an_error_only_under_every_reading(part, whole, expected):
    assert _outcome(check(corpus_of(_part_of_whole(part, whole)))) == expected


@pytest.mark.parametrize(
    ("plan", "bulletin", "expected"),
    [
        # 6个 and 7个 projects: two whole numbers, and different.
        ("6个", "7个", {("FC101", "error")}),
        ("6个", "6个", set()),
        # Rounded counts (1.2万 is 11,500 to 12,500; 1.3万 from 12,500) still meet at an edge.
        ("1.2万个", "1.3万个", set()),
    ],
)
def test_two_documents_counting_different_whole_numbers_disagree(plan, bulletin, expected):
    first = (_claim(PLAN, "projects", "重点项目数量", "2023", plan),)
    second = (_claim(REPORT, "projects", "重点项目数量", "2023", bulletin),)
    assert _outcome(_checked((PLAN, first), (REPORT, second))) == expected


_NO_TRAILING_ZERO = st.integers(min_value=1, max_value=999).filter(lambda n: n % 10)


@given(whole=_NO_TRAILING_ZERO, data=st.data())
@settings(max_examples=40, deadline=None)
def test_a_counted_part_is_an_error_exactly_when_it_exceeds_its_whole(whole, data):
    # Without trailing zeros both readings of a count are the number itself.
    part = data.draw(
        st.one_of(
            st.integers(min_value=1, max_value=whole), st.integers(whole + 1, whole + 3)
        ).filter(lambda n: n % 10)
    )
    report = check(corpus_of(_part_of_whole(f"{part}个", f"{whole}个")))
    if part <= whole:
        assert report.findings == ()
    else:
        (finding,) = report.findings
        assert (finding.code, finding.severity) == ("FC207", "error")
        assert [c.id for c in finding.claims] == ["city-projects", "projects"]


def test_a_growth_rate_on_another_documents_base_says_the_base_may_have_been_revised():
    # Last year's report printed 2022 as 100.2亿元; this year's prints 2023 as 110.2亿元 and
    # growth of 5.0%: 110.15 / 100.25 − 1 ≥ 9.88%, an error. Bulletins work growth out on
    # the revised 2022 figure, so the message says where the base came from.
    last_year = (_claim(PLAN, "level-2022", "一般公共预算收入", "2022", "100.2亿元"),)
    this_year = (
        _claim(REPORT, "level-2023", "一般公共预算收入", "2023", "110.2亿元"),
        _claim(REPORT, "yoy-2023", "一般公共预算收入", "2023", "5.0%", measure="yoy"),
    )
    (finding,) = _checked((PLAN, last_year), (REPORT, this_year)).findings
    assert (finding.code, finding.severity) == ("FC202", "error")
    assert finding.message.endswith(
        "；上年同期数取自另一文档（jm-2023-plan）：若该数其后修订，"
        "或同比增速按可比口径计算，应以修订后的数核对"
    )
    # Printed in the same document, the base is the one the rate was worked out on.
    base = _claim(REPORT, "level-2022", "一般公共预算收入", "2022", "100.2亿元")
    (same,) = _checked((REPORT, (*this_year, base))).findings
    assert [c.document for c in same.claims] == ["jm-2023"] * 3
    assert "另一文档" not in same.message


def test_findings_about_whole_counts_print_them_as_numbers_not_intervals():
    (part,) = check(corpus_of(_part_of_whole("196个", "195个"))).findings
    # Each figure is named by its label, which shows the part's scope (市级) against the whole.
    assert part.message.startswith(
        "部分大于整体（其中）：即墨区 重点项目数量 2023（市级） 「196个」（jm-2023） "
        "超过 即墨区 重点项目数量 2023 「195个」（jm-2023）；"
    )
    assert part.fix is not None
    assert (part.fix.claim, part.fix.text) == (
        "jm-2023#city-projects",
        "若「重点项目数量195个」无误，「重点项目数量196个」应不超过 195个",
    )
    first = (_claim(PLAN, "projects", "重点项目数量", "2023", "6个"),)
    second = (_claim(REPORT, "projects", "重点项目数量", "2023", "7个"),)
    (disagreement,) = _checked((PLAN, first), (REPORT, second)).findings
    assert "7个 与 6个 不相等" in disagreement.message
    assert disagreement.fix is not None
    assert disagreement.fix.text.endswith("应为 6个")


def test_a_whole_count_held_in_ten_thousands_prints_every_digit():
    # 2.4021万家 is 24,021 firms, exactly: a fix of 2.402万家 (24,020) would be a firm short.
    claims = (
        _claim(REPORT, "firms", "企业数量", "2023", "2.4021万家"),
        _claim(REPORT, "private", "企业数量", "2023", "2.5万家", part_of="firms", scope="民营"),
    )
    (part,) = _checked((REPORT, claims)).findings
    assert part.fix is not None
    assert part.fix.text.endswith("应不超过 2.4021万家")


def test_the_edges_a_part_exceeds_print_with_the_digits_they_need():
    # Spending in 亿元 is no count: 其中38.28亿元 is [38.275, 38.285], above 28.4亿元's
    # [28.35, 28.45]. Four digits would print the edges as 38.27 (the engine widens it by
    # a hair) and 28.45, and the fix would ask for no more than 28.45 either way.
    claims = (
        _claim(REPORT, "spend", "一般公共预算支出", "2023", "28.4亿元"),
        _claim(
            REPORT, "spend-part", "一般公共预算支出", "2023", "38.28亿元", part_of="spend"
        ).with_(scope="民生"),
    )
    (finding,) = check(corpus_of([ClaimSet(document=REPORT, claims=claims, truth={})])).findings
    assert (finding.code, finding.severity) == ("FC207", "error")
    assert (
        "「38.28亿元」（jm-2023） 的下限 38.275亿元 超过 即墨区 一般公共预算支出 2023 "
        "「28.4亿元」（jm-2023） 的上限 28.45亿元" in (finding.message)
    )
    assert finding.fix is not None
    assert finding.fix.text.endswith("应不超过 28.45亿元")


def test_an_average_counted_in_people_is_not_read_as_a_whole_number():
    # 万锭用工人数 is workers per 10,000 spindles: 25人 is [24.5, 25.5] and holds 25.4.
    first = (_claim(PLAN, "workers", "万锭用工人数", "2023", "25人"),)
    second = (_claim(REPORT, "workers", "万锭用工人数", "2023", "25.4人"),)
    assert _outcome(_checked((PLAN, first), (REPORT, second))) == set()


def test_a_part_printed_without_its_scope_is_not_the_same_figure_as_its_whole():
    # 其中104个 read with the whole's metric, subject and period and no scope of its own.
    here = (
        _claim(REPORT, "projects", "重点项目数量", "2023", "195个"),
        _claim(REPORT, "city", "重点项目数量", "2023", "104个", part_of="projects"),
        _claim(REPORT, "district", "重点项目数量", "2023", "60个", part_of="projects"),
    )
    there = (_claim(PLAN, "projects", "重点项目数量", "2023", "195个"),)
    assert _outcome(_checked((REPORT, here), (PLAN, there))) == set()
    above = (here[0], _claim(REPORT, "city", "重点项目数量", "2023", "196个", part_of="projects"))
    assert _outcome(_checked((REPORT, above))) == {("FC207", "error")}


def test_a_part_of_an_average_is_not_bounded_by_it():
    # 全体居民人均可支配收入18652元，其中，城镇居民24310元、农村居民11925元: per-capita figures
    # (non-additive in rules/metrics.yaml) are not parts of a sum. A sum's part still is.
    incomes = (
        _claim(REPORT, "all", "居民人均可支配收入", "2023", "18652元"),
        _claim(REPORT, "urban", "城镇居民人均可支配收入", "2023", "24310元", part_of="all"),
        _claim(REPORT, "rural", "农村居民人均可支配收入", "2023", "11925元", part_of="all"),
    )
    assert _outcome(_checked((REPORT, incomes))) == set()
    revenue = (
        _claim(REPORT, "budget", "一般公共预算收入", "2023", "12.8亿元"),
        _claim(REPORT, "tax", "税收收入", "2023", "13.6亿元", part_of="budget"),
    )
    assert _outcome(_checked((REPORT, revenue))) == {("FC207", "error")}


@pytest.mark.parametrize(
    ("printed", "expected"), [("6.39‰", set()), ("6.93‰", {("FC101", "error")})]
)
def test_a_rate_and_a_level_of_the_same_metric_are_one_figure(printed, expected):
    # The plan's 出生率 curated as a level, the report's extracted as a rate (‰): compared.
    first = (_claim(PLAN, "births", "出生率", "2023", "6.39‰"),)
    second = (_claim(REPORT, "births", "出生率", "2023", printed, measure="rate"),)
    assert _outcome(_checked((PLAN, first), (REPORT, second))) == expected


def test_an_amount_below_a_bound_is_never_negative():
    # 不到10万元 is [0, 10] 万元, not (−∞, 10]: 30万元 on it is growth of at least
    # 30 ÷ 10 − 1 = 200 %, so 增长50% is an error. (Unclamped, the ratio is unbounded.)
    claims = (
        _claim(REPORT, "level-2022", "规上工业总产值", "2022", "不到10万元"),
        _claim(REPORT, "level-2023", "规上工业总产值", "2023", "30.3万元"),
        _claim(REPORT, "yoy-2023", "规上工业总产值", "2023", "50.3%", measure="yoy"),
    )
    report = _checked((REPORT, claims))
    assert _outcome(report) == {("FC202", "error")}


def test_a_part_above_a_revised_estimate_of_its_whole_is_a_warning():
    # The plan's 其中市级204个 exceeds its 预计195个, but the bulletin revised the estimate to
    # 230个: a revised estimate takes part in warnings only.
    plan = (
        _claim(PLAN, "projects-est", "重点项目数量", "2023", "195个", status="estimate"),
        _claim(
            PLAN,
            "city-projects",
            "重点项目数量",
            "2023",
            "204个",
            part_of="projects-est",
            scope="市级",
        ),
    )
    final = (_claim(REPORT, "projects", "重点项目数量", "2023", "230个"),)
    report = _checked((PLAN, plan), (REPORT, final))
    assert _outcome(report) == {("FC207", "warning"), ("FC102", "warning")}


def _completion(rate: str, *, target: str | None = "28.26亿元", period: str = "2024"):
    """The plan states the year's budget; the report the revenue and its completion rate."""
    plan = (
        (PLAN, (_claim(PLAN, "budget", "一般公共预算收入", "2024", target, status="target"),))
        if target
        else None
    )
    report = (
        _claim(REPORT, "revenue", "一般公共预算收入", period, "28.6亿元"),
        _claim(REPORT, "rate", "一般公共预算收入", period, rate, measure="share",
               of=Selector(period="2024" if period != "2024" else None, status="target")),
    )  # fmt: skip
    return _checked(*([plan] if plan else []), (REPORT, report))


def test_a_completion_rate_is_a_share_of_the_years_target():
    # 为预算的101.2%: 28.6 / 28.26 = 1.01203. As printed, [28.55, 28.65] / [28.255, 28.265]
    # is [101.01 %, 101.40 %], and 101.2% is [101.15, 101.25].
    assert [f.code for f in _completion("101.2%").findings] == ["FC301"]  # the target: met


def test_a_completion_rate_off_its_target_is_a_warning_not_an_error():
    # 103.2% is [103.15, 103.25], outside [101.01, 101.40]: the arithmetic fails, but a budget
    # may be adjusted during the year (调整预算), and the report may mean the other version.
    report = _completion("103.2%")
    (share,) = [f for f in report.findings if f.code == "FC201"]
    assert share.severity == "warning"
    assert {c.id for c in share.claims} == {"rate", "revenue", "budget"}
    assert "目标的比例（完成率）" in share.message


def test_a_completion_rate_is_not_a_share_of_the_actual_figure():
    # With no target stated, the rate has nothing to be checked against; before a share named
    # its whole's status, 101.2% of itself (28.6 / 28.6 = 100%) was an FC201 error.
    report = _completion("101.2%", target=None)
    assert report.findings == ()
    # A completion rate above 100% is no share out of range.
    assert _completion("124%", target=None).findings == ()


def test_a_part_of_the_year_completes_a_share_of_the_years_target():
    # 前三季度…完成年度预算的78.2%: 28.6 / 36.57 = 0.78206; 36.57 is the whole year's budget.
    report = _completion("78.2%", target="36.57亿元", period="2024Q1-Q3")
    assert report.findings == ()
    report = _completion("88.2%", target="36.57亿元", period="2024Q1-Q3")
    assert [(f.code, f.severity) for f in report.findings] == [("FC201", "warning")]


@pytest.mark.parametrize(
    ("multiple", "expected"),
    [
        # 完成年度计划的1.08倍: 86.4 / 80 = 1.08.
        ("1.08倍", set()),
        # 1.28 is not 86.4 / 80; against a target, a warning at most.
        ("1.28倍", {("FC205", "warning")}),
    ],
)
def test_a_multiple_of_a_target_is_checked_against_the_target(multiple, expected):
    plan = (_claim(PLAN, "plan", "农村公路建设里程", "2024", "80公里", status="target"),)
    report = (
        _claim(REPORT, "built", "农村公路建设里程", "2024", "86.4公里"),
        _claim(REPORT, "times", "农村公路建设里程", "2024", multiple, measure="multiple",
               against=Selector(status="target")),
    )  # fmt: skip
    found = _outcome(_checked((PLAN, plan), (REPORT, report))) - {("FC301", "info")}
    assert found == expected
