"""Reporting periods: the canonical forms, ordering, containment, shifting, Chinese phrases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import periods

from factcheck.periods import (
    Period,
    PeriodError,
    parse_period,
    period_before,
    publication_date,
    resolve_phrase,
)

D = dt.date


# --------------------------------------------------------------------------- canonical forms


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2022", D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("2024H1", D(2024, 1, 1), D(2024, 6, 30), "half"),
        ("2024H2", D(2024, 7, 1), D(2024, 12, 31), "half"),
        ("2023Q3", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
        ("2023Q1-Q3", D(2023, 1, 1), D(2023, 9, 30), "quarters"),
        ("2023-11", D(2023, 11, 1), D(2023, 11, 30), "month"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("2023-01..2023-11", D(2023, 1, 1), D(2023, 11, 30), "months"),
        ("2022-11..2023-02", D(2022, 11, 1), D(2023, 2, 28), "months"),
        ("2016..2020", D(2016, 1, 1), D(2020, 12, 31), "span"),
        ("2023-12-31", D(2023, 12, 31), D(2023, 12, 31), "date"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_every_canonical_form_parses_and_prints_back(
    text: str, start: dt.date, end: dt.date, kind: str
):
    period = parse_period(text)

    assert (period.start, period.end, period.kind) == (start, end, kind)
    assert period.text == str(period) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2022, "2022"),  # YAML hands over `period: 2022` as an int
        (D(2023, 12, 31), "2023-12-31"),  # and `period: 2023-12-31` as a date
        (dt.datetime(2023, 12, 31, 8, 0), "2023-12-31"),
        (" 2024H1 ", "2024H1"),
        ("2023-1", "2023-01"),
        ("2023-1..2023-11", "2023-01..2023-11"),
        ("2023Q2-Q2", "2023Q2"),  # one quarter, however it is written
        # Months that make up a half, quarters or a year are that period: 1—6月 is 上半年.
        ("2024-01..2024-06", "2024H1"),
        ("2024-07..2024-12", "2024H2"),
        ("2024-01..2024-09", "2024Q1-Q3"),
        ("2024-04..2024-06", "2024Q2"),
        ("2024-01..2024-12", "2024"),
        ("2024-03..2024-03", "2024-03"),
        ("2024Q1-Q2", "2024H1"),
        ("2024Q1-Q4", "2024"),
    ],
    ids=repr,
)
def test_other_spellings_are_read_into_the_canonical_text(value: object, text: str):
    assert parse_period(value).text == text


@pytest.mark.parametrize(
    "value",
    [
        "2023年",
        "上半年",
        "2023H3",
        "2023Q5",
        "2023Q3-Q1",
        "2023-13",
        "2023-02-30",
        "2020..2016",
        "2023-11..2023-01",
        "23",
        "",
        None,
        True,
        2023.5,
    ],
    ids=repr,
)
def test_what_is_not_a_period_is_refused_with_the_forms_expected(value: object):
    with pytest.raises(PeriodError) as caught:
        parse_period(value)
    assert isinstance(caught.value, ValueError)
    assert "期间" in str(caught.value)


def test_an_unknown_form_lists_the_forms_expected():
    with pytest.raises(PeriodError, match="2024H1、2023Q3、2023Q1-Q3"):
        parse_period("2023年上半年")


# --------------------------------------------------------------------------- order and containment


def test_periods_sort_by_their_end_then_their_start():
    texts = ["2023", "2023Q1-Q3", "2023-06-30", "2023H1", "2016..2020", "2023-11", "2024H1"]

    ordered = sorted(parse_period(t) for t in texts)

    assert [p.text for p in ordered] == [
        "2016..2020",
        "2023H1",  # ends 06-30 and starts before the as-of date on that day
        "2023-06-30",
        "2023Q1-Q3",
        "2023-11",
        "2023",
        "2024H1",
    ]


@pytest.mark.parametrize(
    ("outer", "inner", "contains"),
    [
        ("2023", "2023H1", True),
        ("2023", "2023Q1-Q3", True),
        ("2023", "2023-12-31", True),
        ("2016..2020", "2018Q2", True),
        ("2023H1", "2023Q2", True),
        ("2023H1", "2023Q3", False),
        ("2023-01..2023-11", "2023-11", True),
        ("2023-01..2023-11", "2023", False),
        ("2023H1", "2023H1", True),
        ("2022", "2023-01-01", False),
    ],
)
def test_containment(outer: str, inner: str, contains: bool):
    assert parse_period(outer).contains(parse_period(inner)) is contains


# Two years only, so that nested triples (2023 ⊇ 2023H1 ⊇ 2023-05) are drawn often.
NEARBY = periods(min_year=2023, max_year=2024)


@given(NEARBY, NEARBY, NEARBY)
def test_containment_is_transitive(a: Period, b: Period, c: Period):
    if a.contains(b) and b.contains(c):
        assert a.contains(c)


@given(periods())
def test_a_period_contains_itself_and_lies_in_its_years(p: Period):
    assert p.contains(p)
    years = Period(D(p.start.year, 1, 1), D(p.end.year, 12, 31), "span")
    assert years.contains(p)


# --------------------------------------------------------------------------- shifting by years


@pytest.mark.parametrize(
    ("text", "years", "shifted"),
    [
        ("2024H1", -1, "2023H1"),
        ("2023Q1-Q3", -1, "2022Q1-Q3"),
        ("2023-01..2023-11", -1, "2022-01..2022-11"),
        ("2016..2020", 5, "2021..2025"),
        ("2023-12-31", -1, "2022-12-31"),
        # The leap day is the end of February: a year earlier, February ends on the 28th …
        ("2024-02-29", -1, "2023-02-28"),
        # … and the end of February 2023 a year later is the leap day.
        ("2023-02-28", 1, "2024-02-29"),
        ("2024-02-28", -1, "2023-02-28"),  # not the end of its month: the same day
        ("2024-02", -1, "2023-02"),
    ],
)
def test_shift_moves_a_period_by_whole_years(text: str, years: int, shifted: str):
    assert parse_period(text).shift(years).text == shifted


def test_shifting_the_end_of_february_keeps_it_at_the_end_of_february():
    leap_day = parse_period("2024-02-29")

    assert leap_day.shift(1) == parse_period("2025-02-28")
    assert leap_day.shift(4) == leap_day.shift(1).shift(3) == parse_period("2028-02-29")
    assert leap_day.year_before().shift(1) == leap_day


@given(periods(), st.integers(-30, 30))
def test_shifting_by_some_years_and_back_is_the_identity(p: Period, years: int):
    assert p.shift(years).shift(-years) == p


@given(periods(), periods())
def test_shifting_keeps_containment(a: Period, b: Period):
    assert a.contains(b) == a.shift(-1).contains(b.shift(-1))


@given(periods(kinds=("year", "half", "quarter", "quarters", "month", "months", "date")))
def test_the_year_before_is_the_same_part_of_the_previous_year(p: Period):
    before = p.year_before()

    assert before.kind == p.kind
    assert (before.start.year, before.end.year) == (p.start.year - 1, p.end.year - 1)
    assert (before.start.month, before.end.month) == (p.start.month, p.end.month)


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("2024-09", "2024-08"),
        ("2024-01", "2023-12"),
        ("2024Q1", "2023Q4"),
        ("2024Q3", "2024Q2"),
        ("2024H1", "2023H2"),
        ("2024H2", "2024H1"),
        ("2024", "2023"),
        # 环比 of 前三季度, of 1—11月, of a span or of a day names no one period.
        ("2024Q1-Q3", None),
        ("2024-01..2024-11", None),
        ("2016..2020", None),
        ("2024-09-30", None),
    ],
)
def test_the_period_before_is_what_a_month_on_month_change_compares_with(
    text: str, before: str | None
):
    got = period_before(parse_period(text))
    assert (got.text if got else None) == before


@given(periods(kinds=("year", "half", "quarter", "month")))
def test_the_period_before_ends_the_day_before_and_is_as_long(p: Period):
    before = period_before(p)
    assert before is not None
    assert before.kind == p.kind
    assert before.end == p.start - dt.timedelta(days=1)


def test_the_base_of_a_span_is_the_year_before_it_starts():
    thirteenth_plan = parse_period("2016..2020")

    assert thirteenth_plan.preceding_year().text == "2015"
    assert thirteenth_plan.years == 5
    assert parse_period("2023Q3").years == 1


# --------------------------------------------------------------------------- Chinese phrases

WORK_REPORT = publication_date("2021-02")  # 2021年即墨区政府工作报告, delivered in February
MID_YEAR = publication_date("2024-09")  # a feature on the first half of 2024


def test_a_publication_month_stands_for_its_last_day():
    assert publication_date("2021-02") == D(2021, 2, 28)
    assert publication_date("2024-09") == D(2024, 9, 30)
    assert publication_date("2024") == D(2024, 12, 31)
    assert publication_date("2022-04-24") == D(2022, 4, 24)
    assert publication_date(D(2022, 4, 24)) == D(2022, 4, 24)


@pytest.mark.parametrize(
    ("phrase", "in_2021_02", "in_2024_09"),
    [
        ("今年", "2021", "2024"),
        ("去年", "2020", "2023"),
        ("上年同期", "2020", "2023"),
        # A phrase without a year is in the year of publication, even one that has not
        # ended yet: in a February work report 上半年 is a target for this year's first half.
        ("上半年", "2021H1", "2024H1"),
        ("前三季度", "2021Q1-Q3", "2024Q1-Q3"),
        ("三季度", "2021Q3", "2024Q3"),
        ("1—11月", "2021-01..2021-11", "2024-01..2024-11"),
        ("1–11月", "2021-01..2021-11", "2024-01..2024-11"),  # an en dash
        ("1至11月", "2021-01..2021-11", "2024-01..2024-11"),
        ("前两个月", "2021-01..2021-02", "2024-01..2024-02"),
        ("11月份", "2021-11", "2024-11"),
        # 近N年 / N年来 end with the year of publication when it is in its second half, and
        # with the year before otherwise (a work report in February looks back on full years).
        ("近三年", "2018..2020", "2022..2024"),
        ("五年来", "2016..2020", "2020..2024"),
        ("过去五年", "2016..2020", "2020..2024"),
        ("十年来", "2011..2020", "2015..2024"),
        ("2018年以来", "2018..2020", "2018..2024"),  # since a year, not for 2018 years
        ("十三五", "2016..2020", "2016..2020"),
        ("十三五期间", "2016..2020", "2016..2020"),
        ("十四五时期", "2021..2025", "2021..2025"),
        # Since a plan began: its years so far (a plan's first year is at least that year).
        ("十四五以来", "2021..2021", "2021..2024"),
        ("十三五以来", "2016..2020", "2016..2024"),
        # N年 as read before 累计 (五年累计完成…), and N年间.
        ("五年累计", "2016..2020", "2020..2024"),
        ("五年", "2016..2020", "2020..2024"),
        ("十年间", "2011..2020", "2015..2024"),
        ("到2023年底", "2023", "2023"),  # a stock at the end of a year is that year's figure
        ("截至2024年6月底", "2024-06-30", "2024-06-30"),
        ("截至6月底", "2021-06-30", "2024-06-30"),
        ("截至12月底", "2021", "2024"),
        ("截至2023年9月15日", "2023-09-15", "2023-09-15"),
        ("2023年1—11月", "2023-01..2023-11", "2023-01..2023-11"),
        ("2022年上半年", "2022H1", "2022H1"),
    ],
)
def test_resolve_phrase_against_the_publication_date(phrase: str, in_2021_02: str, in_2024_09: str):
    assert resolve_phrase(phrase, WORK_REPORT).text == in_2021_02
    assert resolve_phrase(phrase, MID_YEAR).text == in_2024_09


@pytest.mark.parametrize("phrase", ["海洋经济", "地铁7号线", "5G基站", ""])
def test_a_phrase_that_names_no_period_resolves_to_none(phrase: str):
    assert resolve_phrase(phrase, MID_YEAR) is None


@pytest.mark.parametrize("phrase", ["0月", "2023年13月", "截至2月30日", "1—13月", "前13个月"])
def test_a_month_or_day_the_calendar_does_not_have_resolves_to_none(phrase: str):
    assert resolve_phrase(phrase, MID_YEAR) is None
