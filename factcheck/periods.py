"""Reporting periods: years, halves, quarters, months, spans of years, as-of dates.

A :class:`Period` is a closed range of days with the form it was written in. Canonical
texts (what ``claims/*.yaml`` holds):

=================== ======================================= ==========================
text                meaning                                 report wording
=================== ======================================= ==========================
``2022``            the year (for stocks: at its end)       2022年, 去年, 今年
``2024H1``          a half year                             上半年
``2023Q3``          a quarter                               三季度
``2023Q1-Q3``       quarters cumulated                      前三季度
``2023-11``         a month                                 11月
``2023-01..2023-11`` months cumulated                       1—11月
``2016..2020``      a span of years                         十三五, 五年来, 近三年
``2023-12-31``      as of a date                            截至2023年12月31日
=================== ======================================= ==========================

:func:`resolve_phrase` turns the Chinese wording into a period, against the date a
document was published. 近N年 / N年来 / 过去N年 are the N years that end with the year of
publication when the text was published in its second half (a mid-year review counts the
current year), and with the year before otherwise (a work report delivered in February looks
back on full years). 过去一年, 近一年 and 一年来 are that one year, not a span.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache, total_ordering
from typing import Literal

from factcheck.quantity import zh_integer

PeriodKind = Literal["year", "half", "quarter", "quarters", "month", "months", "span", "date"]

#: Five-year plans by their names.
FIVE_YEAR_PLANS = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}


class PeriodError(ValueError):
    """A text that is not a period."""


@total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period: the days from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date
    kind: PeriodKind

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(f"期间的结束日 {self.end} 早于开始日 {self.start}")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The canonical text (``2024H1``, ``2016..2020`` …)."""
        s, e = self.start, self.end
        if self.kind == "year":
            return f"{s.year}"
        if self.kind == "half":
            return f"{s.year}H{1 if s.month == 1 else 2}"
        if self.kind == "quarter":
            return f"{s.year}Q{(s.month - 1) // 3 + 1}"
        if self.kind == "quarters":
            return f"{s.year}Q{(s.month - 1) // 3 + 1}-Q{(e.month - 1) // 3 + 1}"
        if self.kind == "month":
            return f"{s.year}-{s.month:02d}"
        if self.kind == "months":
            return f"{s.year}-{s.month:02d}..{e.year}-{e.month:02d}"
        if self.kind == "span":
            return f"{s.year}..{e.year}"
        return s.isoformat()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.end, self.start) < (other.end, other.start)

    def contains(self, other: Period) -> bool:
        """Whether every day of ``other`` lies in this period."""
        return self.start <= other.start and other.end <= self.end

    @property
    def years(self) -> int:
        """How many calendar years a span covers (1 for anything within a year)."""
        return self.end.year - self.start.year + 1

    def shift(self, years: int) -> Period:
        """The same period ``years`` later (negative: earlier). ``p.shift(-1)`` is 上年同期.

        A day that is the last of its month stays the last of its month: an as-of date
        ``2024-02-29`` (截至2月底) a year earlier is ``2023-02-28``, and ``2023-02-28`` a year
        later is ``2024-02-29``. Every other day keeps its month and day, so shifting by some
        years and back is always the identity.
        """
        return Period(_shift_date(self.start, years), _shift_date(self.end, years), self.kind)

    def year_before(self) -> Period:
        """The same period one year earlier (the base of a year-on-year growth)."""
        return self.shift(-1)

    def preceding_year(self) -> Period:
        """The year before the period starts (the base of a span's average growth)."""
        return year(self.start.year - 1)


def period_before(p: Period) -> Period | None:
    """The period just before ``p`` of the same length, which 环比 compares with: the month,
    quarter, half or year before. None for periods 环比 has no single meaning for (1—9月,
    前三季度, a span or a date)."""
    s = p.start
    if p.kind == "month":
        return month(s.year - 1, 12) if s.month == 1 else month(s.year, s.month - 1)
    if p.kind == "quarter":
        q = (s.month - 1) // 3 + 1
        return quarters(s.year - 1, 4, 4) if q == 1 else quarters(s.year, q - 1, q - 1)
    if p.kind == "half":
        return half(s.year - 1, 2) if s.month == 1 else half(s.year, 1)
    if p.kind == "year":
        return year(s.year - 1)
    return None


def _shift_date(d: dt.date, years: int) -> dt.date:
    y = d.year + years
    last = calendar.monthrange(y, d.month)[1]
    day = last if d.day == calendar.monthrange(d.year, d.month)[1] else d.day
    return dt.date(y, d.month, day)


def year(y: int) -> Period:
    """The calendar year ``y``."""
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def span(first: int, last: int) -> Period:
    """The years ``first`` to ``last``, both included (十三五 is ``span(2016, 2020)``)."""
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "span")


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month")


def months(y: int, first: int, last: int, *, y_last: int | None = None) -> Period:
    """Months ``first`` to ``last``; the half, quarters or year they make up when they do.

    1—6月 is 上半年 and 1—9月 is 前三季度: bulletins print one, features the other, and the
    same figure must meet itself under one key.
    """
    y2 = y if y_last is None else y_last
    if y2 == y and first == last:
        return month(y, first)
    if y2 == y and first % 3 == 1 and last % 3 == 0:
        return quarters(y, first // 3 + 1, last // 3)
    return Period(
        dt.date(y, first, 1), dt.date(y2, last, calendar.monthrange(y2, last)[1]), "months"
    )


def quarters(y: int, first: int, last: int) -> Period:
    """Quarters ``first`` to ``last``; the half or year they make up when they do."""
    if (first, last) == (1, 4):
        return year(y)
    if (first, last) in ((1, 2), (3, 4)):
        return half(y, 1 if first == 1 else 2)
    kind: PeriodKind = "quarter" if first == last else "quarters"
    end_month = last * 3
    return Period(
        dt.date(y, first * 3 - 2, 1),
        dt.date(y, end_month, calendar.monthrange(y, end_month)[1]),
        kind,
    )


def half(y: int, h: int) -> Period:
    return Period(
        dt.date(y, 1 if h == 1 else 7, 1),
        dt.date(y, 6 if h == 1 else 12, 30 if h == 1 else 31),
        "half",
    )


_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_QUARTERS = re.compile(r"^(\d{4})Q([1-4])-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{1,2})\.\.(\d{4})-(\d{1,2})$")
_SPAN = re.compile(r"^(\d{4})\.\.(\d{4})$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

EXPECTED_FORMS = (
    "2022、2024H1、2023Q3、2023Q1-Q3、2023-11、2023-01..2023-11、2016..2020 或 2023-12-31"
)


def parse_period(value: object) -> Period:
    """Read a canonical period. YAML may hand over an int (2022) or a date (2023-12-31).

    Raises:
        PeriodError: not one of the canonical forms; the message lists them.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Period(value, value, "date")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PeriodError(f"期间 {value!r} 无法识别，应为 {EXPECTED_FORMS}")
    return _parse_period_text(str(value).strip())


@lru_cache(maxsize=8192)
def _parse_period_text(text: str) -> Period:
    try:
        if m := _YEAR.match(text):
            return year(int(m[1]))
        if m := _HALF.match(text):
            return half(int(m[1]), int(m[2]))
        if m := _QUARTER.match(text):
            return quarters(int(m[1]), int(m[2]), int(m[2]))
        if m := _QUARTERS.match(text):
            first, last = int(m[2]), int(m[3])
            if last < first:
                raise PeriodError(f"期间 {text!r} 的季度由大到小")
            return quarters(int(m[1]), first, last)
        if m := _MONTH.match(text):
            return month(int(m[1]), int(m[2]))
        if m := _MONTHS.match(text):
            return months(int(m[1]), int(m[2]), int(m[4]), y_last=int(m[3]))
        if m := _SPAN.match(text):
            return span(int(m[1]), int(m[2]))
        if m := _DATE.match(text):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Period(d, d, "date")
    except (ValueError, PeriodError) as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(f"期间 {text!r} 不是有效日期：{exc}") from None
    raise PeriodError(f"期间 {text!r} 无法识别，应为 {EXPECTED_FORMS}")


def period_parses(value: object) -> bool:
    """Whether ``value`` is a period :func:`parse_period` reads."""
    try:
        parse_period(value)
    except PeriodError:
        return False
    return True


# --------------------------------------------------------------------------- Chinese phrases


def _zh_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    value = zh_integer(text)
    if value is None:
        raise PeriodError(text)
    return value


_N = r"(\d+|[一二两三四五六七八九十]+)"
_QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

PublishedDate = dt.date


def publication_date(value: object) -> dt.date:
    """A document's ``published`` field (2024-09, 2024, 2024-09-15) as the date it stands for.

    Month or year precision stands for the last day of that month or year: a text published in
    "2024-09" speaks of 2024 as 今年.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    p = parse_period(value)
    return p.end


def resolve_phrase(phrase: str, published: dt.date) -> Period | None:
    """The period a Chinese time phrase means in a text published on ``published``.

    Reads 2024年上半年, 前三季度, 今年, 去年, 1—11月, 近三年, 五年来, 五年(累计), 十年间,
    2020年以来, 十三五, 十四五以来 (from 2021 to the last full year),
    到2023年底, 截至2024年6月底 and the like. A phrase without a year (上半年, 1—11月) is in
    the year of publication. Returns ``None`` when the phrase names no period, or a month
    or day the calendar does not have.
    """
    try:
        return _resolve_phrase(phrase, published)
    except ValueError:
        # A month or day the calendar does not have (0月, 13月, 截至2月30日) names no period.
        return None


def _resolve_phrase(phrase: str, published: dt.date) -> Period | None:
    text = phrase.strip()
    for dash in ("—", "–", "－", "～", "~"):
        text = text.replace(dash, "-")
    text = re.sub(r"\s+", "", text)
    doc_year = published.year

    last_full = doc_year if published.month >= 7 else doc_year - 1
    for name, (a, b) in FIVE_YEAR_PLANS.items():
        if name in text and "以来" in text:
            # 十四五以来 in a bulletin of 2023: since the plan began, not the whole plan.
            return span(a, max(a, last_full))
        if name in text and (
            "期间" in text or "时期" in text or text.startswith(name) or text == name
        ):
            return span(a, b)

    if m := re.search(
        r"(\d{4})年(?:来|以来)", text
    ):  # 2020年以来: since a year, not for 2020 years
        return span(int(m[1]), max(int(m[1]), last_full))
    if m := (
        re.search(rf"(?:近|最近|过去){_N}年|{_N}年(?:来|以来|间|(?=累计|共计|合计))", text)
        # 五年 as the scanner finds it before 累计 (五年累计完成…)
        or re.fullmatch(r"()(\d{1,2}|[一二两三四五六七八九十]+)年", text)
    ):
        n = _zh_int(m[1] or m[2])
        # 过去一年 is that year: its 增长6.2% is the year's growth, not a change over a span.
        return year(last_full) if n == 1 else span(last_full - n + 1, last_full)

    y = doc_year
    if m := re.search(r"(\d{4})年", text):
        y = int(m[1])
    elif "前年" in text:
        y = doc_year - 2
    elif "去年" in text or "上年" in text:
        y = doc_year - 1
    elif "明年" in text:
        y = doc_year + 1
    elif not re.search(r"今年|本年|全年|年内|上半年|下半年|季度|月", text):
        return None

    if m := re.search(r"(\d{4})年(?:-|至|到)(\d{4})年", text):
        return span(int(m[1]), int(m[2]))
    if re.search(r"(?:截至|截止|到)?\d{4}年(?:底|末)", text):
        return year(y)
    if m := re.search(r"(?:截至|截止|到)(?:\d{4}年)?(\d{1,2})月(?:底|末)", text):
        return _as_of(y, int(m[1]))
    if m := re.search(r"(?:截至|截止|到)(?:\d{4}年)?(\d{1,2})月(\d{1,2})日", text):
        d = dt.date(y, int(m[1]), int(m[2]))
        return Period(d, d, "date")
    if "上半年" in text:
        return half(y, 1)
    if "下半年" in text:
        return half(y, 2)
    if m := re.search(r"前([一二三四1-4])(?:个)?季度", text):
        return quarters(y, 1, _QUARTER_WORDS[m[1]])
    if m := re.search(r"(?:第)?([一二三四1-4])季度", text):
        q = _QUARTER_WORDS[m[1]]
        return quarters(y, q, q)
    if m := re.search(r"(\d{1,2})(?:-|至|到)(\d{1,2})月", text):
        return months(y, int(m[1]), int(m[2]))
    if m := re.search(r"前(\d{1,2}|[一二两三四五六七八九十]+)个月", text):
        return months(y, 1, _zh_int(m[1]))
    if m := re.search(r"(\d{1,2})月(?:份)?(?!底|末)", text):
        return month(y, int(m[1]))
    return year(y)


def _as_of(y: int, mo: int) -> Period:
    if mo == 12:
        return year(y)  # a stock at the end of a year is that year's figure
    d = dt.date(y, mo, calendar.monthrange(y, mo)[1])
    return Period(d, d, "date")
