"""Which figures a relation compares, by example: spans, base years and selectors.

A 年均增长 over 十三五 (2016..2020) runs from 2015, the year before the span; a multiple over a
span compares its last year with the year before it; 是2015年的N倍 names its base year in a
selector. Each case below states both levels, so a relation that picked the wrong year would
find nothing to compare and stay silent: the tests assert the error that the right years give.
"""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.claims import Claim, Document, Selector
from factcheck.testing import ClaimSet, corpus_of

PLAN_REVIEW = Document(id="jm-14th", title="即墨区“十四五”规划纲要", published="2021-03")

# 2015: 1000.5亿元, 2020: 1469.3亿元. Their ratio is [1469.25 ÷ 1000.55, 1469.35 ÷ 1000.45] =
# [1.4684, 1.4687]; its fifth root less one, [7.987 %, 7.991 %].
LEVELS = (("2015", "1000.5亿元"), ("2020", "1469.3亿元"))


def _checked(*claims: Claim):
    levels = tuple(
        Claim(
            id=f"output-{period}",
            document=PLAN_REVIEW.id,
            subject="即墨区",
            metric="规上工业总产值",
            period=period,
            value=value,
            quote=f"{period}年规上工业总产值{value}",
        )
        for period, value in LEVELS
    )
    claim_set = ClaimSet(document=PLAN_REVIEW, claims=levels + claims, truth={})
    return check(corpus_of([claim_set]))


def _claim(
    cid: str, measure: str, period: str, value: str, metric: str = "规上工业总产值", **kw
) -> Claim:
    return Claim(
        id=cid,
        document=PLAN_REVIEW.id,
        subject="即墨区",
        metric=metric,
        measure=measure,
        period=period,
        value=value,
        quote=f"{metric}{value}",
        **kw,
    )


def _named(report) -> set[tuple[str, str, frozenset[str]]]:
    return {(f.code, f.severity, frozenset(c.id for c in f.claims)) for f in report.findings}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8.0%", set()),  # [7.95 %, 8.05 %] holds [7.987 %, 7.991 %]
        ("9.5%", {("FC204", "error", frozenset({"cagr", "output-2015", "output-2020"}))}),
    ],
)
def test_average_growth_over_a_plan_period_runs_from_the_year_before_it(value, expected):
    assert _named(_checked(_claim("cagr", "cagr", "2016..2020", value))) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.47倍", set()),  # [1.465, 1.475] holds [1.4684, 1.4687]
        ("2.1倍", {("FC205", "error", frozenset({"multiple", "output-2015", "output-2020"}))}),
    ],
)
def test_a_multiple_over_a_span_compares_its_last_year_with_the_year_before_it(value, expected):
    assert _named(_checked(_claim("multiple", "multiple", "2016..2020", value))) == expected


def test_a_multiple_of_a_named_year_compares_with_that_year():
    # 2020年规上工业总产值是2015年的2.1倍: 1.4684 … 1.4687, not [2.05, 2.15].
    claim = _claim("multiple", "multiple", "2020", "2.1倍", against=Selector(period="2015"))
    assert _named(_checked(claim)) == {
        ("FC205", "error", frozenset({"multiple", "output-2015", "output-2020"}))
    }


@pytest.mark.parametrize(
    ("points", "expected"), [("3.7个百分点", set()), ("4.7个百分点", {"FC203"})]
)
def test_points_between_two_shares_of_a_named_whole(points: str, expected: set[str]) -> None:
    # 由2019年的48.6%提高到52.3%，提高3.7个百分点: 52.3 − 48.6 = 3.7, within rounding
    # [52.25 − 48.65, 52.35 − 48.55] = [3.6, 3.8]; 4.7 is outside it.
    gdp, tertiary = Selector(metric="地区生产总值"), "第三产业增加值"
    claim_set = ClaimSet(
        document=PLAN_REVIEW,
        claims=(
            _claim("share-2019", "share", "2019", "48.6%", metric=tertiary, of=gdp),
            _claim("share-2020", "share", "2020", "52.3%", metric=tertiary, of=gdp),
            _claim(
                "points",
                "pp",
                "2020",
                points,
                metric=tertiary,
                of=gdp,
                against=Selector(period="2019"),
            ),
        ),
        truth={},
    )
    report = check(corpus_of([claim_set]))
    errors = [f for f in report.findings if f.severity == "error"]
    assert {f.code for f in errors} == expected
    assert all("points" in {c.id for c in f.claims} for f in errors)
