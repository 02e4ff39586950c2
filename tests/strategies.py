"""Hypothesis strategies for periods, documents, claims and whole corpora.

Everything drawn here is already in the canonical form the loader produces (canonical metric
and subject names of the shipped registries, canonical period texts), so that a drawn corpus
written with ``dump_document`` and read back with ``load_corpus`` must compare equal to itself.

    from strategies import claims, corpora, periods

    @given(corpora(max_documents=2))
    def test_something(corpus): ...
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from factcheck.claims import MEASURES, STATUSES, Claim, Document, Selector
from factcheck.periods import Period, half, month, months, quarters, span, year

PERIOD_KINDS = ("year", "half", "quarter", "quarters", "month", "months", "span", "date")

#: Level metrics of rules/metrics.yaml with units their values may be printed in.
LEVEL_UNITS: dict[str, tuple[str, ...]] = {
    "地区生产总值": ("亿元", "万元"),
    "海洋生产总值": ("亿元",),
    "一般公共预算收入": ("亿元", "万元"),
    "整车产量": ("万辆", "辆", "台"),
    "规上工业企业数量": ("家", "个"),
    "高新技术企业数量": ("家",),
    "常住人口": ("万人",),
    "货物吞吐量": ("万吨", "亿吨"),
    "居民人均可支配收入": ("元", "万元"),
}
#: A metric whose level is itself a percentage, and one counted in a compound unit.
PERCENT_METRIC = "城镇化率"
RATE_METRIC, RATE_UNIT = "农作物亩产", "公斤/亩"
#: Regions and other subjects of rules/subjects.yaml, by their canonical names.
REGIONS = ("即墨区", "青岛市", "山东省", "全国", "胶州市")
SUBJECTS = (*REGIONS, "青岛蓝谷", "奇瑞汽车青岛基地", "汽车产业")

# Text a curator may put in a quote or a title: Chinese, ASCII, full-width punctuation,
# and the odd character YAML must escape (quotes, colons, #, tabs inside the text).
_TEXT_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x85\u2028\u2029\ufeff",
) | st.sampled_from("：，。“”、%#'\"\t")
_IDS = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@functools.cache
def texts(*, min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-blank text as a report prints it."""
    return st.text(_TEXT_CHARS, min_size=min_size, max_size=max_size).filter(lambda t: t.strip())


def periods(
    *, min_year: int = 2000, max_year: int = 2030, kinds: Sequence[str] = PERIOD_KINDS
) -> st.SearchStrategy[Period]:
    """Periods of the given kinds between ``min_year`` and ``max_year``.

    Dates favour the ends of months, the leap day 2024-02-29 among them, where shifting a
    period by a year has to decide something.
    """
    return _periods(min_year, max_year, tuple(kinds))


@functools.cache
def _periods(min_year: int, max_year: int, kinds: tuple[str, ...]) -> st.SearchStrategy[Period]:
    return _draw_period(min_year=min_year, max_year=max_year, kinds=kinds)


@st.composite
def _draw_period(
    draw: st.DrawFn, *, min_year: int, max_year: int, kinds: tuple[str, ...]
) -> Period:
    kind = draw(st.sampled_from(kinds))
    y = draw(st.integers(min_year, max_year))
    if kind == "year":
        return year(y)
    if kind == "half":
        return half(y, draw(st.integers(1, 2)))
    if kind == "quarter":
        q = draw(st.integers(1, 4))
        return quarters(y, q, q)
    if kind == "quarters":
        first = draw(st.integers(1, 3))
        return quarters(y, first, draw(st.integers(first + 1, 4)))
    if kind == "month":
        return month(y, draw(st.integers(1, 12)))
    if kind == "months":
        first = draw(st.integers(1, 11))
        return months(y, first, draw(st.integers(first + 1, 12)))
    if kind == "span":
        return span(y, draw(st.integers(y, min(max_year, y + 10))))
    days = [
        st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)),
        st.builds(_month_end, st.integers(min_year, max_year), st.integers(1, 12)),
    ]
    if min_year <= 2024 <= max_year:
        days.append(st.just(dt.date(2024, 2, 29)))
    day = draw(st.one_of(days))
    return Period(day, day, "date")


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


@st.composite
def documents(draw: st.DrawFn, *, ids: st.SearchStrategy[str] = _IDS) -> Document:
    """A source document with an id, a region and, sometimes, the other fields."""
    published = draw(periods(min_year=2015, max_year=2025, kinds=("year", "month", "date")))
    return Document(
        id=draw(ids),
        title=draw(st.none() | texts()),
        publisher=draw(st.none() | texts(max_size=10)),
        published=published.text,
        region=draw(st.sampled_from(REGIONS)),
        source=draw(st.none() | st.from_regex(r"[0-9a-f]{3}_[0-9a-f]{8}\.txt", fullmatch=True)),
    )


@functools.cache
def _number(places: int) -> st.SearchStrategy[str]:
    # "345", "3.4", "1278.45": numbers as printed, never with a superfluous sign or exponent.
    return st.integers(0, 99_999).map(lambda n: f"{n / 10**places:.{places}f}")


@functools.cache
def _percent(*, low: float = 0, high: float = 100) -> st.SearchStrategy[str]:
    return st.integers(int(low * 10), int(high * 10)).map(lambda n: f"{n / 10:g}")


_LEVEL_METRICS = st.sampled_from(sorted(LEVEL_UNITS))
_SHARE_DENOMINATORS = st.builds(Selector, metric=_LEVEL_METRICS) | st.builds(
    Selector, subject=st.sampled_from(REGIONS)
)
_YEARS = st.integers(2000, 2030).map(str)
_COMPARED_WITH = (
    st.builds(Selector, period=_YEARS) | st.builds(Selector, subject=st.sampled_from(REGIONS))
) | st.none()


@st.composite
def _figures(draw: st.DrawFn, measure: str) -> tuple[str, str, dict[str, Any]]:
    """A metric, a value it may have under ``measure``, and the fields that measure needs."""
    if measure == "level":
        metric = draw(_LEVEL_METRICS | st.just(PERCENT_METRIC))
        if metric == PERCENT_METRIC:
            return metric, draw(_percent()) + "%", {}
        unit = draw(st.sampled_from(LEVEL_UNITS[metric]))
        number = draw(_number(draw(st.integers(0, 2))))
        prefix = draw(st.sampled_from(("", "近", "超", "突破", "约")))
        return metric, f"{prefix}{number}{unit}", {}
    if measure in ("yoy", "cagr"):
        word = draw(st.sampled_from(("", "增长", "下降")))
        return draw(_LEVEL_METRICS), f"{word}{draw(_percent(high=60))}%", {}
    if measure == "share":
        return draw(_LEVEL_METRICS), draw(_percent()) + "%", {"of": draw(_SHARE_DENOMINATORS)}
    if measure in ("pp", "contribution"):
        sign = draw(st.sampled_from(("", "-")))
        value = f"{sign}{draw(_percent(high=20))}个百分点"
        return draw(_LEVEL_METRICS), value, {"against": draw(_COMPARED_WITH)}
    if measure == "change":
        metric = draw(_LEVEL_METRICS)
        word = draw(st.sampled_from(("增加", "减少")))
        return metric, f"{word}{draw(_number(1))}{LEVEL_UNITS[metric][0]}", {}
    if measure == "multiple":
        value = draw(st.sampled_from(("翻一番", "增长2倍")) | _number(1).map(lambda n: f"{n}倍"))
        return draw(_LEVEL_METRICS), value, {"base": draw(st.none() | _YEARS)}
    # rate: a ratio with a compound unit
    return RATE_METRIC, f"{draw(_number(1))}{RATE_UNIT}", {}


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    document: str = "doc",
    ids: st.SearchStrategy[str] = _IDS,
    measures: Sequence[str] = MEASURES,
    part_of: Sequence[str] = (),
) -> Claim:
    """A valid claim of ``document``; ``part_of`` lists ids it may name as its whole."""
    measure = draw(st.sampled_from(measures))
    metric, value, needs = draw(_figures(measure))
    period_kinds = ("span",) if measure == "cagr" else PERIOD_KINDS
    ignore = draw(
        st.dictionaries(
            st.sampled_from(("FC101", "FC201", "FC202")), texts(max_size=12), max_size=2
        )
    )
    return Claim(
        id=draw(ids),
        document=document,
        metric=metric,
        value=value,
        period=draw(periods(kinds=period_kinds)).text,
        quote=draw(texts()),
        subject=draw(st.sampled_from(SUBJECTS)),
        measure=measure,
        of=needs.get("of"),
        against=needs.get("against"),
        base=needs.get("base"),
        status=draw(st.sampled_from(STATUSES)),
        basis=draw(st.sampled_from((None, "real", "nominal"))),
        scope=draw(st.sampled_from((None, "规上", "限上", "全口径"))),
        part_of=draw(st.none() | st.sampled_from(part_of)) if part_of else None,
        line=draw(st.none() | st.integers(1, 2000)),
        column=draw(st.none() | st.integers(1, 200)),
        ignore=tuple(sorted(ignore.items())),
    )


@st.composite
def corpora(
    draw: st.DrawFn,
    *,
    min_documents: int = 1,
    max_documents: int = 3,
    max_claims: int = 6,
) -> list[tuple[Document, tuple[Claim, ...]]]:
    """Documents with distinct ids, each with claims whose ids are distinct in it."""
    docs = draw(
        st.lists(
            documents(), min_size=min_documents, max_size=max_documents, unique_by=lambda d: d.id
        )
    )
    out = []
    for doc in docs:
        ids = draw(st.lists(_IDS, max_size=max_claims, unique=True))
        items: list[Claim] = []
        for cid in ids:
            items.append(
                draw(claims(document=doc.id, ids=st.just(cid), part_of=[c.id for c in items]))
            )
        out.append((doc, tuple(items)))
    return out
