"""Synthetic claims corpora for the benchmark, with a manifest of planted errors.

The generator draws TRUE values first and prints them the way a report would, so every
unplanted claim is consistent with every other by construction:

1. For each (subject, metric family) *unit* it draws yearly levels (a root metric grows by
   a random rate each year; a part of it is a drifting fraction of its parent), half-year
   levels, and for real-terms metrics a deflator per subject and year.
2. Regions come from ``rules/subjects.yaml`` (全国 ⊃ 山东省 ⊃ 青岛市 ⊃ its ten districts);
   a city's figure is the sum of its districts' times a little more, so district ≤ city
   holds. Invented subjects (新区, 园区, 集团) have no parent and follow the regions.
3. Each true value becomes claims printed with rounding as reports print them: levels at a
   random precision and magnitude (万元/亿元/万吨 …, sometimes 余/突破/近/约), yoy growth,
   shares of a parent metric or of the city, 百分点 differences against another subject,
   年均增长 over spans, multiples, absolute changes, 其中 (part_of) subsets, restatements in a
   later document, targets and estimates.
4. A few claims (``--plant-rate``, default one per 500 claims) are then PLANTED: moved well
   outside their lenient band against a *witness* relation whose other operands are
   stated. The generator checks with its own interval arithmetic (not factcheck's) that the
   witness fails under the lenient reading, so the engine must report an ``error`` that
   names the planted claim. Their keys (``document#id``) go to ``manifest.json``.

Some claims are deliberate traps for false alarms and are *not* planted: real-terms growth
(可比价) that disagrees with the ratio of nominal levels, a real and a nominal growth of the
same figure side by side, estimates (预计) that a later actual revises, and targets that were
missed. The kind of every claim is the third part of
its id (``u12-m3-yoy-2023``); see :data:`KINDS`.

Usage::

    python benchmarks/generate.py --claims 100000 --out benchmarks/out/c100k --seed 1

writes ``DIR/claims/*.yaml`` (about ``--per-file`` claims each) and ``DIR/manifest.json``.
Output is a function of the arguments only.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

import yaml

INF = math.inf
DEFAULT_RULES = Path(__file__).resolve().parent.parent / "rules"

#: Years with yearly figures; yoy starts one year later.
YEARS = tuple(range(2011, 2025))
#: Years with half-year (上半年) figures, for flow metrics.
H1_YEARS = tuple(range(2021, 2025))
#: Spans for 年均增长 (cagr): (period, base year or None for the year before the span).
CAGR_SPANS: tuple[tuple[str, int | None], ...] = (
    ("2016..2020", None),
    ("2021..2023", None),
    ("2019..2023", 2012),
)
#: Multiples: (period, base year or None): a span compares its end with the year before it.
MULTIPLE_SPANS: tuple[tuple[str, int | None], ...] = (("2014..2023", None), ("2024", 2012))

COUNTRY, PROVINCE, CITY = "全国", "山东省", "青岛市"
#: The districts and county-level cities of 青岛市, as registered in rules/subjects.yaml.
# fmt: off
DISTRICTS = ("市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区",
             "胶州市", "平度市", "莱西市")
# fmt: on
#: Region units are emitted top-down so that a 百分点 comparison can name its parent.
REGIONS = (COUNTRY, PROVINCE, CITY, *DISTRICTS)
PARENT = {PROVINCE: COUNTRY, CITY: PROVINCE, **dict.fromkeys(DISTRICTS, CITY)}

#: What each claim kind is (the third part of a claim id).
KINDS: dict[str, str] = {
    "lv": "level (yearly or half-year)",
    "yoy": "yoy growth on the metric's own basis",
    "yoyb": "yoy growth on the other basis, stated as such (basis: real or nominal)",
    "yoyx": "a second yoy of the same figure on the other basis (trap: same key as the yoy)",
    "sh": "share of the parent metric",
    "shc": "share of the parent region (of: {subject})",
    "pp": "百分点 difference of yoy growth against the parent region",
    "shp": "百分点 rise of a share of the parent metric over last year's share, printed nowhere",
    "cagr": "年均增长 over a span",
    "mul": "multiple over a span or against a base year",
    "chg": "absolute change on the year before",
    "rs": "restatement of a level in the next year's document",
    "tg": "target level (info only)",
    "tgy": "target growth (info only)",
    "est": "estimate (预计) of a level; revisions are warnings at most",
}


# --------------------------------------------------------------------------- metric families


@dataclass(frozen=True)
class MetricSpec:
    """A metric of a family.

    Attributes:
        name: canonical name in ``rules/metrics.yaml``.
        parent: the metric it is a part of, or ``None`` for a root.
        frac: range of its fraction of the parent (of the family's base for a root).
        rest: its value is the parent minus the siblings listed before it
            (三产 = GDP − 一产 − 二产).
    """

    name: str
    parent: str | None
    frac: tuple[float, float]
    rest: bool = False


@dataclass(frozen=True)
class Family:
    """Metrics that share a unit and a tree of parts.

    Attributes:
        key: short ASCII name.
        unit: the metric unit (元, 吨, 辆, 家, 人).
        base: a district-sized root level, in ``unit``.
        flow: whether half-year figures are printed.
        metrics: the metrics, parents before parts.
    """

    key: str
    unit: str
    base: float
    flow: bool
    metrics: tuple[MetricSpec, ...]


M = MetricSpec
# Ordered so that a small corpus (the first few families) still spans several units.
# fmt: off
FAMILIES: tuple[Family, ...] = (
    Family("accounts", "元", 8e10, True, (
        M("地区生产总值", None, (1.0, 1.0)),
        M("第一产业增加值", "地区生产总值", (0.03, 0.09)),
        M("第二产业增加值", "地区生产总值", (0.30, 0.45)),
        M("第三产业增加值", "地区生产总值", (0.0, 0.0), rest=True),
        M("工业增加值", "第二产业增加值", (0.70, 0.85)),
        M("规上工业增加值", "工业增加值", (0.60, 0.80)),
        M("海洋生产总值", "地区生产总值", (0.10, 0.45)),
    )),
    Family("vehicles", "辆", 2e5, True, (
        M("整车产量", None, (1.0, 1.0)),
        M("新能源汽车产量", "整车产量", (0.15, 0.50)),
        M("整车销量", None, (0.85, 1.05)),
        M("共建一带一路国家整车销量", "整车销量", (0.05, 0.20)),
        M("燃气重卡销量", None, (0.05, 0.15)),
    )),
    Family("firms", "家", 4e4, False, (
        M("企业数量", None, (1.0, 1.0)),
        M("工业企业数量", "企业数量", (0.10, 0.30)),
        M("专精特新企业数量", "企业数量", (0.01, 0.04)),
        M("专精特新小巨人企业数量", "专精特新企业数量", (0.05, 0.20)),
        M("科技型中小企业数量", "企业数量", (0.02, 0.06)),
    )),
    Family("people", "人", 1.2e6, False, (
        M("常住人口", None, (1.0, 1.0)),
        M("从业人员数量", "常住人口", (0.50, 0.65)),
        M("研发人员数量", "从业人员数量", (0.01, 0.05)),
        M("户籍人口", None, (0.75, 0.95)),
    )),
    Family("freight", "吨", 6e7, True, (
        M("货物吞吐量", None, (1.0, 1.0)),
        M("货运量", None, (0.3, 0.8)),
        M("粮食总产量", None, (0.005, 0.02)),
        M("水产品产量", None, (0.002, 0.01)),
    )),
    Family("industry", "元", 1.5e11, True, (
        M("工业总产值", None, (1.0, 1.0)),
        M("规上工业总产值", "工业总产值", (0.75, 0.92)),
        M("高新技术产业产值", "规上工业总产值", (0.30, 0.60)),
        M("战略性新兴产业产值", "规上工业总产值", (0.20, 0.45)),
    )),
    Family("trade", "元", 5e10, True, (
        M("进出口总额", None, (1.0, 1.0)),
        M("出口总额", "进出口总额", (0.50, 0.70)),
        M("进口总额", "进出口总额", (0.0, 0.0), rest=True),
        M("跨境电商进出口额", "进出口总额", (0.02, 0.10)),
    )),
    Family("investment", "元", 8e10, True, (
        M("固定资产投资", None, (1.0, 1.0)),
        M("工业投资", "固定资产投资", (0.20, 0.40)),
        M("工业技改投资", "工业投资", (0.30, 0.60)),
        M("基础设施投资", "固定资产投资", (0.15, 0.30)),
        M("房地产开发投资", "固定资产投资", (0.15, 0.30)),
    )),
    Family("fiscal", "元", 1e10, True, (
        M("一般公共预算收入", None, (1.0, 1.0)),
        M("税收收入", "一般公共预算收入", (0.70, 0.85)),
        M("一般公共预算支出", None, (1.2, 1.6)),
        M("民生支出", "一般公共预算支出", (0.70, 0.80)),
    )),
    Family("retail", "元", 4e10, True, (
        M("社会消费品零售总额", None, (1.0, 1.0)),
        M("网络零售额", "社会消费品零售总额", (0.10, 0.30)),
    )),
)
# fmt: on
del M

COUNTS = ("辆", "家", "人")
#: Magnitude units a level may be printed in, smallest first.
MAGNITUDES: dict[str, tuple[tuple[str, float], ...]] = {
    "元": (("元", 1.0), ("万元", 1e4), ("亿元", 1e8), ("万亿元", 1e12)),
    "吨": (("吨", 1.0), ("万吨", 1e4), ("亿吨", 1e8)),
    "辆": (("辆", 1.0), ("万辆", 1e4)),
    "家": (("家", 1.0), ("万家", 1e4)),
    "人": (("人", 1.0), ("万人", 1e4)),
}
_INVENTED_STEMS = (
    "星河",
    "海晟",
    "东岳",
    "云港",
    "青禾",
    "金沙",
    "蓝湾",
    "鲁信",
    "凤鸣",
    "华泰",
    "瑞丰",
    "远航",
)
_INVENTED_KINDS = ("新区", "产业园", "集团", "经济开发区", "高新区", "控股公司")


# --------------------------------------------------------------------------- printed figures


@dataclass(frozen=True, slots=True)
class Printed:
    """A figure as printed, with the intervals a careful reader gives it (engine scale).

    The scale is that of factcheck's claims table: amounts in the metric's unit (元, 吨 …),
    rates in percent, differences in 个百分点, multiples as ratios. Open sides are infinite.
    """

    text: str
    lo_s: float
    hi_s: float
    lo_l: float
    hi_l: float


def _dec(x: float) -> Decimal:
    # repr is the shortest text that round-trips: the decimal a person would read.
    return Decimal(repr(float(x)))


def _quantize(x: float, digits: int, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    return _dec(x).quantize(Decimal(1).scaleb(-digits), rounding=rounding)


def _text(n: Decimal, commas: bool = False) -> str:
    s = format(n, "f")
    if commas and "." not in s and abs(n) >= 10000:
        s = f"{int(n):,}"
    return s


def _steps(n: Decimal, digits: int) -> tuple[float, float]:
    """The printed step and the lenient step (trailing zeros of a whole number not significant)."""
    step = Decimal(1).scaleb(-digits)
    if digits > 0 or n == 0:
        return float(step), float(step)
    lenient = step
    while n % (lenient * 10) == 0 and lenient * 10 <= abs(n):
        lenient *= 10
    return float(step), float(lenient)


def _digits_for(n: float, count: bool, mag: float) -> int:
    """A precision a report might print ``n`` at: at least two significant digits."""
    if count and mag == 1.0:
        return 0
    if n >= 1000:
        return 0
    if n >= 100:
        return _choice((0, 0, 1))
    if n >= 10:
        return _choice((0, 1, 1, 2))
    return _choice((1, 2, 2))


# One generator per run; module-level so that printing helpers need not thread it through.
_RNG = random.Random(0)


def _choice(options: tuple[int, ...]) -> int:
    """One of ``options``, drawn from the run's generator."""
    return options[_RNG.randrange(len(options))]


def print_amount(
    v: float, unit: str, style: str = "plain", *, digits: int | None = None
) -> Printed:
    """Print a non-negative amount with a magnitude unit, as a report would.

    Args:
        v: the true value in ``unit`` (元, 吨 …).
        unit: the metric unit.
        style: ``plain``, ``plus`` (余), ``at_least`` (突破/以上), ``near`` (近) or
            ``about`` (约/左右).
        digits: force a precision (decimal places of the printed number).
    """
    mags = MAGNITUDES[unit]
    fitting = [(name, m) for name, m in mags if v / m >= 1.0] or [mags[0]]
    # Mostly the largest magnitude that keeps the number ≥ 1; sometimes one smaller
    # (345亿元 is also printed 3450000万元).
    name, mag = fitting[-1] if len(fitting) == 1 or _RNG.random() < 0.75 else fitting[-2]
    n = v / mag
    count = unit in COUNTS
    d = _digits_for(n, count, mag) if digits is None else digits
    if style == "near":
        if count and mag == 1.0 and n < 100:
            style = "plain"  # 近57家 would need a fractional count to be within 5 %
        else:
            d = max(d, _sig3(n))
    commas = _RNG.random() < 0.3
    if style == "plain":
        num = _quantize(n, d)
        step, lstep = _steps(num, d)
        x = float(num)
        return Printed(
            f"{_text(num, commas)}{name}",
            (x - step / 2) * mag,
            (x + step / 2) * mag,
            (x - lstep / 2) * mag,
            (x + lstep / 2) * mag,
        )
    if style == "plus":
        # 余/多 reads as [N, N + one step of the last significant digit): print N without
        # trailing decimal zeros so that the step is the one the reader sees.
        text = format(_quantize(n, d, ROUND_FLOOR), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        num = Decimal(text)
        if num <= 0:
            return print_amount(v, unit, "plain", digits=digits)
        _, lstep = _steps(num, len(text.split(".")[1]) if "." in text else 0)
        x = float(num)
        word = "余" if _RNG.random() < 0.7 else "多"
        shown = f"{text}{name[:-1]}{word}{name[-1]}" if len(name) > 1 else f"{text}{word}{name}"
        return Printed(shown, x * mag, (x + lstep) * mag, x * mag, (x + lstep) * mag)
    if style == "at_least":
        num = _quantize(n, d, ROUND_FLOOR)
        x = float(num) * mag
        text = f"突破{_text(num)}{name}" if _RNG.random() < 0.5 else f"{_text(num)}{name}以上"
        return Printed(text, x, INF, x, INF)
    if style == "near":
        num = _quantize(n, d, ROUND_CEILING)
        x = float(num) * mag
        return Printed(f"近{_text(num)}{name}", 0.95 * x, x, 0.90 * x, x)
    if style == "about":
        num = _quantize(n, d)
        step, lstep = _steps(num, d)
        x = float(num)
        text = f"约{_text(num)}{name}" if _RNG.random() < 0.5 else f"{_text(num)}{name}左右"
        return Printed(
            text,
            min(x - step / 2, 0.95 * x) * mag,
            max(x + step / 2, 1.05 * x) * mag,
            min(x - lstep / 2, 0.90 * x) * mag,
            max(x + lstep / 2, 1.10 * x) * mag,
        )
    raise ValueError(style)


def _sig3(n: float) -> int:
    """Decimal places that give ``n`` at least three significant digits."""
    if n <= 0:
        return 2
    return max(0, 2 - math.floor(math.log10(n)))


def print_signed_amount(v: float, unit: str, *, digits: int | None = None) -> Printed:
    """An absolute change: 增加12.3亿元 / 减少3家."""
    p = print_amount(abs(v), unit, "plain", digits=digits)
    if v >= 0:
        return Printed(f"增加{p.text}", p.lo_s, p.hi_s, p.lo_l, p.hi_l)
    return Printed(f"减少{p.text}", -p.hi_s, -p.lo_s, -p.hi_l, -p.lo_l)


def print_rate(r: float, *, digits: int | None = None, words: bool = True) -> Printed:
    """A growth rate in percent: 7.7%, 增长7.7%, 下降13.5%, -2.1%."""
    d = (1 if _RNG.random() < 0.85 else 2) if digits is None else digits
    num = _quantize(abs(r), d)
    h = float(Decimal(1).scaleb(-d)) / 2
    x = float(num)
    sign = -1.0 if r < 0 and num != 0 else 1.0
    pick = _RNG.random() if words else 1.0
    if sign < 0:
        text = f"下降{_text(num)}%" if pick < 0.6 else f"-{_text(num)}%"
    else:
        text = f"增长{_text(num)}%" if pick < 0.3 else f"{_text(num)}%"
    lo, hi = sorted((sign * (x - h), sign * (x + h)))
    return Printed(text, lo, hi, lo, hi)


def print_share(s: float, *, digits: int | None = None) -> Printed:
    """A share in percent, two decimals below 1%."""
    d = (2 if s < 1 else 1) if digits is None else digits
    num = _quantize(s, d)
    h = float(Decimal(1).scaleb(-d)) / 2
    x = float(num)
    return Printed(f"{_text(num)}%", x - h, x + h, x - h, x + h)


def print_points(p: float) -> Printed:
    """A 百分点 difference; negative for 低于."""
    num = _quantize(p, 1)
    x = float(num)
    return Printed(f"{_text(num)}个百分点", x - 0.05, x + 0.05, x - 0.05, x + 0.05)


def print_multiple(ratio: float, *, digits: int | None = None) -> Printed:
    """是…的2.35倍, or 增长1.35倍 (the ratio minus one)."""
    d = 2 if digits is None else digits
    h = float(Decimal(1).scaleb(-d)) / 2
    if _RNG.random() < 0.4 and ratio > 1.1:
        num = _quantize(ratio - 1, d)
        x = float(num) + 1
        return Printed(f"增长{_text(num)}倍", x - h, x + h, x - h, x + h)
    num = _quantize(ratio, d)
    x = float(num)
    return Printed(f"{_text(num)}倍", x - h, x + h, x - h, x + h)


# --------------------------------------------------------------------------- claims


@dataclass(slots=True)
class GenClaim:
    """A generated claim: the YAML fields, the document it goes to and its printed intervals."""

    doc_year: int
    id: str
    subject: str
    metric: str
    period: str
    printed: Printed
    quote: str
    measure: str = "level"
    of: dict[str, str] | None = None
    against: dict[str, str] | None = None
    base: str | None = None
    status: str | None = None
    basis: str | None = None
    part_of: str | None = None
    line: int = 1
    document: str = ""

    @property
    def key(self) -> str:
        """``document#id``, as findings name claims (set once the document is known)."""
        return f"{self.document}#{self.id}"


@dataclass
class Plant:
    """A planted error and the witness relation that must expose it."""

    claim: GenClaim
    kind: str
    witness: list[GenClaim]
    was: str


def _zh_period(period: str) -> str:
    """How a report writes the period (2023年, 2024年上半年, 2016—2020年), for quotes."""
    if period.endswith("H1"):
        return f"{period[:4]}年上半年"
    if ".." in period:
        a, b = period.split("..")
        return f"{a}—{b}年"
    return f"{period}年"


def _growth_words(value: str) -> str:
    """增长7.7% / 下降2.1% for a quote, whatever form the value was printed in."""
    if value.startswith("-"):
        return "下降" + value[1:]
    if value[0].isdigit():
        return "增长" + value
    return value


def _slug(period: str) -> str:
    """The period as part of a claim id."""
    return period.replace("..", "-").lower()


# --------------------------------------------------------------------------- true values


@dataclass
class Truth:
    """True values of one unit: levels and real growth rates, keyed by (metric, period)."""

    level: dict[tuple[str, str], float] = field(default_factory=dict)
    real: dict[tuple[str, str], float] = field(default_factory=dict)  # real growth, percent


def _draw_tree(family: Family, scale: float, rng: random.Random) -> dict[tuple[str, str], float]:
    """Yearly and half-year levels of every metric of a family for one subject."""
    out: dict[tuple[str, str], float] = {}
    fracs: dict[str, float] = {}
    for spec in family.metrics:
        fracs[spec.name] = rng.uniform(*spec.frac)
    for spec in family.metrics:
        if spec.parent is None:
            level = family.base * scale * fracs[spec.name]
            for y in YEARS:
                if y > YEARS[0]:
                    level *= 1 + max(-0.25, min(0.40, rng.gauss(0.07, 0.06)))
                out[(spec.name, str(y))] = level
            continue
        lo, hi = spec.frac
        for y in YEARS:
            parent = out[(spec.parent, str(y))]
            if spec.rest:
                # The remainder of the parent after the siblings listed before it.
                before = [
                    o.name
                    for o in family.metrics[: family.metrics.index(spec)]
                    if o.parent == spec.parent and not o.rest
                ]
                out[(spec.name, str(y))] = parent - sum(out[(b, str(y))] for b in before)
                continue
            # The fraction drifts slowly, so a part grows at a rate near its parent's.
            f = fracs[spec.name] * math.exp(rng.gauss(0, 0.03))
            fracs[spec.name] = min(hi, max(lo, f))
            out[(spec.name, str(y))] = parent * fracs[spec.name]
    if family.flow:
        # One half-year factor per year for the whole family keeps every part within its
        # whole in 上半年 too (a share of the parent stays below 100 %).
        halves = {y: rng.uniform(0.44, 0.52) for y in H1_YEARS}
        for spec in family.metrics:
            for y in H1_YEARS:
                out[(spec.name, f"{y}H1")] = out[(spec.name, str(y))] * halves[y]
    if family.unit in COUNTS:
        # Counts are whole; flooring keeps every part ≤ its parent.
        out = {k: float(math.floor(v)) for k, v in out.items()}
    return out


def _with_real(levels: dict[tuple[str, str], float], family: Family, rng: random.Random) -> Truth:
    """The levels with real growth rates: nominal growth less a deflator per year."""
    truth = Truth(level=levels)
    deflator = {y: rng.uniform(0.3, 3.0) for y in YEARS}
    for spec in family.metrics:
        pairs = [(str(y), str(y - 1), y) for y in YEARS[1:]]
        if family.flow:
            pairs += [(f"{y}H1", f"{y - 1}H1", y) for y in H1_YEARS[1:]]
        for p, prev, y in pairs:
            if levels[(spec.name, prev)] > 0:
                nominal = (levels[(spec.name, p)] / levels[(spec.name, prev)] - 1) * 100
                truth.real[(spec.name, p)] = nominal - deflator[y]
    return truth


def region_truths(family: Family, rng: random.Random) -> dict[str, Truth]:
    """True values for every registered region: districts drawn, parents summed from them."""
    levels = {d: _draw_tree(family, rng.uniform(0.3, 2.0), rng) for d in DISTRICTS}
    keys = list(levels[DISTRICTS[0]])
    # 青岛市 is more than the sum of the districts listed (rounding of the remainder, 开发区…):
    # one factor per period for all metrics keeps the city's parts within its wholes.
    k_city = {p: rng.uniform(1.0, 1.05) for p in sorted({k[1] for k in keys})}
    city = {k: sum(levels[d][k] for d in DISTRICTS) * k_city[k[1]] for k in keys}
    province = {k: v * 6.5 for k, v in city.items()}
    country = {k: v * 18.0 for k, v in province.items()}
    levels.update({CITY: city, PROVINCE: province, COUNTRY: country})
    if family.unit in COUNTS:
        levels = {s: {k: float(math.floor(v)) for k, v in lv.items()} for s, lv in levels.items()}
    return {s: _with_real(lv, family, rng) for s, lv in levels.items()}


# --------------------------------------------------------------------------- one unit's claims


@dataclass
class Context:
    """What the generator needs across units."""

    basis: dict[str, str]
    #: Stated claims of the regions, for claims of other units that compare with them:
    #: (subject, metric, kind, period) → claim.
    region_claims: dict[tuple[str, str, str, str], GenClaim] = field(default_factory=dict)
    region_truth: dict[tuple[str, str], Truth] = field(default_factory=dict)  # (subject, family)


class UnitBuilder:
    """Claims of one (subject, family) unit."""

    def __init__(
        self, ctx: Context, u: int, subject: str, family: Family, truth: Truth, parent: str | None
    ) -> None:
        self.ctx = ctx
        self.u = u
        self.subject = subject
        self.family = family
        self.truth = truth
        self.parent = parent
        self.claims: list[GenClaim] = []
        self.by_kind: dict[tuple[str, str, str], GenClaim] = {}  # (metric, kind, period)

    def add(self, c: GenClaim, kind: str) -> GenClaim:
        """Keep a claim, findable by (metric, kind, period) for later relations and plants."""
        self.claims.append(c)
        self.by_kind[(c.metric, kind, c.period)] = c
        return c

    def claim(
        self,
        mi: int,
        kind: str,
        period: str,
        doc_year: int,
        metric: str,
        printed: Printed,
        quote: str,
        **fields: Any,
    ) -> GenClaim:
        """A claim of this unit's subject; its id encodes unit, metric, kind and period."""
        c = GenClaim(
            doc_year=doc_year,
            id=f"u{self.u}-m{mi}-{kind}-{_slug(period)}",
            subject=self.subject,
            metric=metric,
            period=period,
            printed=printed,
            quote=quote,
            line=_RNG.randint(1, 400),
            **fields,
        )
        return self.add(c, kind)

    def build(self) -> list[GenClaim]:
        """Every claim of the unit, metric by metric."""
        for mi, spec in enumerate(self.family.metrics):
            self._metric(mi, spec)
        return self.claims

    def _level_style(self) -> str:
        # Most levels are printed plainly; the rest with the qualifiers reports use.
        r = _RNG.random()
        if r < 0.86:
            return "plain"
        return ("plus", "at_least", "near", "about")[min(3, int((r - 0.86) / 0.035))]

    def _metric(self, mi: int, spec: MetricSpec) -> None:
        fam, s, lv = self.family, self.subject, self.truth.level
        name = spec.name
        real_metric = self.ctx.basis.get(name) == "real"
        periods = [str(y) for y in YEARS] + ([f"{y}H1" for y in H1_YEARS] if fam.flow else [])
        for p in periods:
            half = p.endswith("H1")
            year = int(p[:4])
            prev = f"{year - 1}H1" if half else str(year - 1)
            v = lv[(name, p)]
            zh = _zh_period(p)
            # --- the level (sometimes left out, so that the engine derives it)
            if _RNG.random() < (0.6 if half else 0.85) and v > 0:
                printed = print_amount(v, fam.unit, self._level_style())
                c = self.claim(mi, "lv", p, year, name, printed, f"{zh}{s}{name}达{printed.text}")
                if spec.parent is not None and _RNG.random() < 0.3:
                    whole = self.by_kind.get((spec.parent, "lv", p))
                    if whole is not None:
                        c.part_of = whole.id
                # --- the same figure restated a year later, at another precision
                if not half and year < YEARS[-1] and _RNG.random() < 0.15:
                    r = print_amount(v, fam.unit, "plain")
                    self.claim(mi, "rs", p, year + 1, name, r, f"{zh}{s}{name}为{r.text}")
                if _RNG.random() < 0.04:
                    e = print_amount(v * _RNG.uniform(0.94, 1.06), fam.unit, "plain")
                    self.claim(
                        mi, "est", p, year, name, e, f"预计{zh}{s}{name}{e.text}", status="estimate"
                    )
            if _RNG.random() < 0.05:
                t = print_amount(
                    v * _RNG.uniform(0.9, 1.12), fam.unit, _RNG.choice(("plain", "at_least"))
                )
                self.claim(
                    mi,
                    "tg",
                    p,
                    year - 1 if year > YEARS[0] else year,
                    name,
                    t,
                    f"力争{zh}{name}{t.text}",
                    status="target",
                )
            if lv.get((name, prev), 0.0) <= 0 or v <= 0:
                continue
            # --- growth on the year before
            nominal = (v / lv[(name, prev)] - 1) * 100
            own = self.truth.real[(name, p)] if real_metric else nominal
            if _RNG.random() < 0.7:
                # Only money has a 可比价/现价 distinction worth printing.
                money = fam.unit == "元"
                other_basis = "nominal" if real_metric else "real"
                other = nominal if real_metric else self.truth.real[(name, p)]
                said = "按现价计算" if real_metric else "按可比价计算"
                if money and _RNG.random() < 0.05:
                    # The other basis, stated as such: 现价增长 of GDP, 可比价增长 of 产值.
                    g = print_rate(other)
                    self.claim(
                        mi,
                        "yoyb",
                        p,
                        year,
                        name,
                        g,
                        f"{zh}{s}{name}{said}{_growth_words(g.text)}",
                        measure="yoy",
                        basis=other_basis,
                    )
                else:
                    g = print_rate(own)
                    self.claim(
                        mi,
                        "yoy",
                        p,
                        year,
                        name,
                        g,
                        f"{zh}{s}{name}比上年{_growth_words(g.text)}",
                        measure="yoy",
                    )
                    if money and _RNG.random() < 0.01:
                        # Both bases of the same figure: a trap, the two are different figures.
                        x = print_rate(other)
                        self.claim(
                            mi,
                            "yoyx",
                            p,
                            year,
                            name,
                            x,
                            f"{zh}{s}{name}{said}{_growth_words(x.text)}",
                            measure="yoy",
                            basis=other_basis,
                        )
                    self._points(mi, name, p, own, real_metric)
            if _RNG.random() < 0.03:
                # A growth target: only compared with the result (info), so its interval is
                # not needed for planting.
                aim = _quantize(max(own + _RNG.uniform(-2, 2), 0.5), 1)
                text = f"{_text(aim)}%" + ("左右" if _RNG.random() < 0.5 else "以上")
                self.claim(
                    mi,
                    "tgy",
                    p,
                    year - 1,
                    name,
                    Printed(text, float(aim), INF, float(aim), INF),
                    f"{zh}{name}增长{text}",
                    measure="yoy",
                    status="target",
                )
            # --- share of the parent metric, and of the parent region
            if spec.parent is not None and _RNG.random() < 0.4:
                sh = print_share(v / lv[(spec.parent, p)] * 100)
                self.claim(
                    mi,
                    "sh",
                    p,
                    year,
                    name,
                    sh,
                    f"{name}占{spec.parent}的比重为{sh.text}",
                    measure="share",
                    of={"metric": spec.parent},
                )
                self._share_points(mi, name, spec.parent, p, prev)
            if self.parent is not None and _RNG.random() < 0.2:
                region_level = self.ctx.region_truth[(self.parent, fam.key)].level[(name, p)]
                sh = print_share(v / region_level * 100)
                self.claim(
                    mi,
                    "shc",
                    p,
                    year,
                    name,
                    sh,
                    f"{name}占{self.parent}的{sh.text}",
                    measure="share",
                    of={"subject": self.parent},
                )
            if half:
                continue
            # --- absolute change
            if _RNG.random() < 0.08 and v != lv[(name, prev)]:
                ch = print_signed_amount(v - lv[(name, prev)], fam.unit)
                self.claim(
                    mi, "chg", p, year, name, ch, f"{zh}{name}比上年{ch.text}", measure="change"
                )
        self._spans(mi, name, real_metric)

    def _points(self, mi: int, name: str, p: str, own: float, real_metric: bool) -> None:
        """高于/低于 the parent region by … 个百分点, when the parent's growth is stated."""
        if self.parent is None or _RNG.random() > 0.15:
            return
        other = self.ctx.region_claims.get((self.parent, name, "yoy", p))
        if other is None:
            return
        truth = self.ctx.region_truth[(self.parent, self.family.key)]
        other_rate = (
            truth.real[(name, p)]
            if real_metric
            else (truth.level[(name, p)] / truth.level[(name, _prev(p))] - 1) * 100
        )
        pp = print_points(own - other_rate)
        word = "高于" if own >= other_rate else "低于"
        self.claim(
            mi,
            "pp",
            p,
            int(p[:4]),
            name,
            pp,
            f"增速{word}{self.parent}{pp.text.lstrip('-')}",
            measure="pp",
            against={"subject": self.parent},
        )

    def _share_points(self, mi: int, name: str, parent: str, p: str, prev: str) -> None:
        """比上年提高…个百分点 beside a share whose last-year value no claim prints: only the
        levels of last year imply it."""
        lv = self.truth.level
        if (name, "sh", prev) in self.by_kind or _RNG.random() > 0.3:
            return
        if lv.get((name, prev), 0.0) <= 0 or lv.get((parent, prev), 0.0) <= 0:
            return
        rise = (lv[(name, p)] / lv[(parent, p)] - lv[(name, prev)] / lv[(parent, prev)]) * 100
        pts = print_points(rise)
        word = "提高" if not pts.text.startswith("-") else "下降"
        self.claim(
            mi,
            "shp",
            p,
            int(p[:4]),
            name,
            pts,
            f"{name}占{parent}的比重比{_zh_period(prev)}{word}{pts.text.lstrip('-')}",
            measure="pp",
            of={"metric": parent},
            against={"period": prev},
        )

    def _spans(self, mi: int, name: str, real_metric: bool) -> None:
        lv = self.truth.level
        for period, base in CAGR_SPANS:
            if _RNG.random() > 0.5:
                continue
            a, b = (int(x) for x in period.split(".."))
            base_year = a - 1 if base is None else base
            n = b - base_year
            if lv[(name, str(base_year))] <= 0 or lv[(name, str(b))] <= 0:
                continue
            if real_metric:
                factor = 1.0
                for y in range(base_year + 1, b + 1):
                    factor *= 1 + self.truth.real.get((name, str(y)), 0.0) / 100
            else:
                factor = lv[(name, str(b))] / lv[(name, str(base_year))]
            rate = (factor ** (1 / n) - 1) * 100
            g = print_rate(rate, words=False)
            extra = {"base": str(base)} if base is not None else {}
            self.claim(
                mi,
                "cagr",
                period,
                b,
                name,
                g,
                f"{_zh_period(period)}{name}年均增长{g.text}",
                measure="cagr",
                **extra,
            )
        for period, base in MULTIPLE_SPANS:
            if _RNG.random() > 0.3:
                continue
            if ".." in period:
                a, b = (int(x) for x in period.split(".."))
                base_year = a - 1
            else:
                b = int(period)
                base_year = base or b - 1
            if lv[(name, str(base_year))] <= 0:
                continue
            m = print_multiple(lv[(name, str(b))] / lv[(name, str(base_year))])
            extra = {"base": str(base)} if base is not None else {}
            self.claim(
                mi,
                "mul",
                period,
                b,
                name,
                m,
                f"{name}是{base_year}年的{m.text}",
                measure="multiple",
                **extra,
            )


def _prev(p: str) -> str:
    return f"{int(p[:4]) - 1}H1" if p.endswith("H1") else str(int(p) - 1)


# --------------------------------------------------------------------------- planting


def _ivl(c: GenClaim) -> tuple[float, float]:
    return c.printed.lo_l, c.printed.hi_l


def _mul(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    cands = [
        x * y
        for x in a
        for y in b
        if not (math.isinf(x) and y == 0) and not (math.isinf(y) and x == 0)
    ]
    return (min(cands), max(cands)) if cands else (-INF, INF)


def _div(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    if b[0] <= 0 <= b[1]:
        return -INF, INF
    return _mul(a, (1 / b[1], 1 / b[0]))


def _growth(rate: tuple[float, float]) -> tuple[float, float]:
    return 1 + rate[0] / 100, 1 + rate[1] / 100


class Planter:
    """Moves chosen claims well outside their lenient band against a witness relation."""

    def __init__(self, ctx: Context, rate: float) -> None:
        self.ctx = ctx
        self.rate = rate
        self.plants: list[Plant] = []
        self.carry = 0.0

    def plant(self, unit: UnitBuilder) -> None:
        """Plant about ``rate × len(claims)`` errors in the unit, one per metric at most."""
        self.carry += self.rate * len(unit.claims)
        want = int(self.carry)
        if want == 0:
            return
        candidates = list(self._candidates(unit))
        _RNG.shuffle(candidates)
        # Plants must not interfere: a planted claim is no other plant's witness or target,
        # and at most one plant per metric keeps each series readable in a finding.
        metrics: set[str] = set()
        targets: set[int] = set()
        witnesses: set[int] = set()
        done = 0
        for kind, target, witness, implied in candidates:
            if done >= want:
                break
            ids = {id(w) for w in witness}
            if target.metric in metrics or id(target) in targets | witnesses or ids & targets:
                continue
            if self._move(kind, target, witness, implied):
                metrics.add(target.metric)
                targets.add(id(target))
                witnesses |= ids
                done += 1
        self.carry -= done

    def _nominal(self, c: GenClaim) -> bool:
        basis = c.basis or self.ctx.basis.get(c.metric, "nominal")
        return basis != "real"

    def _candidates(
        self, unit: UnitBuilder
    ) -> Iterator[tuple[str, GenClaim, list[GenClaim], tuple[float, float]]]:
        k = unit.by_kind
        for (metric, kind, p), c in list(k.items()):
            if c.status is not None:
                continue
            prev = _prev(p) if ".." not in p else ""
            cur_lv = k.get((metric, "lv", p))
            if kind == "yoy" and self._nominal(c):
                prev_lv = k.get((metric, "lv", prev))
                if cur_lv and prev_lv:
                    ratio = _div(_ivl(cur_lv), _ivl(prev_lv))
                    yield "yoy", c, [cur_lv, prev_lv], ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
                    yield "level-yoy", cur_lv, [c, prev_lv], _mul(_ivl(prev_lv), _growth(_ivl(c)))
            elif kind == "sh" and c.of:
                whole = k.get((c.of["metric"], "lv", p))
                if cur_lv and whole:
                    part = _div(_ivl(cur_lv), _ivl(whole))
                    yield "share", c, [cur_lv, whole], (part[0] * 100, part[1] * 100)
                    yield (
                        "level-share",
                        cur_lv,
                        [c, whole],
                        _mul(_ivl(whole), (c.printed.lo_l / 100, c.printed.hi_l / 100)),
                    )
            elif kind == "pp" and c.against:
                own = k.get((metric, "yoy", p))
                other = self.ctx.region_claims.get((c.against["subject"], metric, "yoy", p))
                if own and other:
                    yield (
                        "pp",
                        c,
                        [own, other],
                        (
                            own.printed.lo_l - other.printed.hi_l,
                            own.printed.hi_l - other.printed.lo_l,
                        ),
                    )
            elif kind == "shp" and c.of and c.against:
                # The engine implies last year's share from last year's levels.
                share = k.get((metric, "sh", p))
                part0 = k.get((metric, "lv", c.against["period"]))
                whole0 = k.get((c.of["metric"], "lv", c.against["period"]))
                if share and part0 and whole0:
                    s0 = _div(_ivl(part0), _ivl(whole0))
                    yield (
                        "share-points",
                        c,
                        [share, part0, whole0],
                        (share.printed.lo_l - s0[1] * 100, share.printed.hi_l - s0[0] * 100),
                    )
            elif kind == "cagr" and self._nominal(c):
                a, b = (int(x) for x in p.split(".."))
                base_year = int(c.base) if c.base else a - 1
                end, base = k.get((metric, "lv", str(b))), k.get((metric, "lv", str(base_year)))
                if end and base:
                    ratio = _div(_ivl(end), _ivl(base))
                    n = b - base_year
                    if ratio[0] > 0 and not math.isinf(ratio[1]):
                        yield (
                            "cagr",
                            c,
                            [end, base],
                            ((ratio[0] ** (1 / n) - 1) * 100, (ratio[1] ** (1 / n) - 1) * 100),
                        )
            elif kind == "mul" and self._nominal(c):
                if ".." in p:
                    a, b = (int(x) for x in p.split(".."))
                    base_year = a - 1
                else:
                    b, base_year = int(p), int(c.base or int(p) - 1)
                cur, base = k.get((metric, "lv", str(b))), k.get((metric, "lv", str(base_year)))
                if cur and base:
                    yield "multiple", c, [cur, base], _div(_ivl(cur), _ivl(base))
            elif kind == "chg" and self._nominal(c):
                prev_lv = k.get((metric, "lv", prev))
                if cur_lv and prev_lv:
                    yield (
                        "change",
                        c,
                        [cur_lv, prev_lv],
                        (
                            cur_lv.printed.lo_l - prev_lv.printed.hi_l,
                            cur_lv.printed.hi_l - prev_lv.printed.lo_l,
                        ),
                    )
            elif kind == "rs":
                original = k.get((metric, "lv", p))
                if original and (metric, "est", p) not in k:
                    # Only without an estimate of the same figure, so that the group the
                    # agreement check sees holds exactly two actual figures: the planted
                    # restatement and its original.
                    yield "restated", c, [original], _ivl(original)
            elif kind == "lv" and c.part_of:
                whole = next((w for w in unit.claims if w.id == c.part_of), None)
                if whole:
                    yield "part-of", c, [whole], (-INF, whole.printed.hi_l)
            elif kind == "lv" and unit.parent is not None and unit.subject in DISTRICTS:
                city = self.ctx.region_claims.get((unit.parent, metric, "lv", p))
                if city:
                    yield "hierarchy", c, [city], (-INF, city.printed.hi_l)

    def _move(
        self, kind: str, c: GenClaim, witness: list[GenClaim], implied: tuple[float, float]
    ) -> bool:
        lo, hi = implied
        if math.isnan(lo) or math.isnan(hi) or (math.isinf(lo) and math.isinf(hi)):
            return False
        if any(w.status is not None for w in witness):
            return False
        unit = self._unit(c)
        for attempt in range(4):
            grow = 1.3 + 0.4 * attempt + _RNG.random() * 0.5
            new = self._outside(kind, c, lo, hi, grow, unit)
            if new is None:
                return False
            # The moved figure's lenient interval must miss the witness's by a clear margin.
            margin = 1e-3 * max(
                abs(lo) if not math.isinf(lo) else 0, abs(hi) if not math.isinf(hi) else 0, 1e-9
            )
            if new.lo_l > hi + margin or new.hi_l < lo - margin:
                was = c.printed.text
                c.printed = new
                c.quote = (
                    re.sub(re.escape(was), new.text, c.quote)
                    if was in c.quote
                    else c.quote + f"（{new.text}）"
                )
                self.plants.append(Plant(c, kind, witness, was))
                return True
        return False

    def _unit(self, c: GenClaim) -> str:
        for fam in FAMILIES:
            if any(m.name == c.metric for m in fam.metrics):
                return fam.unit
        raise KeyError(c.metric)

    def _outside(
        self, kind: str, c: GenClaim, lo: float, hi: float, grow: float, unit: str
    ) -> Printed | None:
        """A printed figure of ``c``'s kind, clearly outside ``[lo, hi]``."""
        width = (hi - lo) if not (math.isinf(lo) or math.isinf(hi)) else 0.0
        # Move beyond a bounded side only (突破N has no upper edge to go beyond); amounts
        # and ratios move up when their lower edge is not positive, as they cannot go below.
        positive = kind not in ("yoy", "pp", "share-points", "cagr", "share", "change")
        if math.isinf(hi) and (math.isinf(lo) or (positive and lo <= 0)):
            return None
        up = not math.isinf(hi) and (
            _RNG.random() < 0.5 or math.isinf(lo) or (positive and lo <= 0)
        )
        if kind in ("yoy", "pp", "share-points", "cagr"):
            delta = max(3.0, width) * grow + 2.0
            value = hi + delta if up else lo - delta
            if kind in ("pp", "share-points"):
                return print_points(value)
            if value <= -100:
                value = hi + delta
            if not math.isfinite(value):
                return None
            return print_rate(value, digits=1)
        if kind == "share":
            delta = max(3.0, width) * grow + 2.0
            value = hi + delta if (up and hi + delta < 99) or lo - delta <= 0.5 else lo - delta
            if not 0.5 <= value <= 99.5:
                return None
            return print_share(value, digits=1)
        if kind == "multiple":
            value = hi * grow if up else lo / grow
            return print_multiple(value, digits=2)
        if kind == "change":
            edges = [abs(x) for x in (lo, hi) if not math.isinf(x)]
            delta = max(width, *edges) * (grow - 1) + width
            value = hi + delta if up else lo - delta
            if not math.isfinite(value) or value == 0:
                return None
            return print_signed_amount(value, unit, digits=2 if unit not in COUNTS else 0)
        # a level: grow or shrink it well beyond the interval, printed plainly at 3+ digits
        value = hi * grow if up else lo / grow
        if value <= 0 or math.isinf(value):
            return None
        return self._plain_level(value, unit)

    def _plain_level(self, value: float, unit: str) -> Printed:
        mags = MAGNITUDES[unit]
        name, mag = [(n, m) for n, m in mags if value / m >= 1.0][-1] if value >= 1 else mags[0]
        n = value / mag
        d = 0 if unit in COUNTS and mag == 1.0 else _sig3(n) + 1
        num = _quantize(n, d)
        step, lstep = _steps(num, d)
        x = float(num)
        return Printed(
            f"{_text(num)}{name}",
            (x - step / 2) * mag,
            (x + step / 2) * mag,
            (x - lstep / 2) * mag,
            (x + lstep / 2) * mag,
        )


# --------------------------------------------------------------------------- writing


_PLAIN = re.compile(r"[\w\u4e00-\u9fff][^:#\n'\"]*")


def _scalar(value: str) -> str:
    """A YAML scalar: plain where YAML reads it back as the same string, else single-quoted."""
    if (
        _PLAIN.fullmatch(value)
        and not re.fullmatch(r"[\d.]+", value)
        and value not in ("true", "false", "null")
    ):
        return value
    return "'" + value.replace("'", "''") + "'"


def _selector(sel: dict[str, str]) -> str:
    inner = ", ".join(f"{k}: {_scalar(v) if k != 'period' else repr(v)}" for k, v in sel.items())
    return "{" + inner + "}"


def claim_yaml(c: GenClaim) -> str:
    lines = [f"  - id: {c.id}", f"    subject: {_scalar(c.subject)}", f"    metric: {c.metric}"]
    if c.measure != "level":
        lines.append(f"    measure: {c.measure}")
    if c.of:
        lines.append(f"    of: {_selector(c.of)}")
    if c.against:
        lines.append(f"    against: {_selector(c.against)}")
    if c.base:
        lines.append(f"    base: '{c.base}'")
    lines.append(f"    period: '{c.period}'")
    lines.append(f"    value: {_scalar(c.printed.text)}")
    if c.status:
        lines.append(f"    status: {c.status}")
    if c.basis:
        lines.append(f"    basis: {c.basis}")
    if c.part_of:
        lines.append(f"    part_of: {c.part_of}")
    lines.append(f"    quote: {_scalar(c.quote)}")
    lines.append(f"    line: {c.line}")
    return "\n".join(lines) + "\n"


def document_yaml(doc_id: str, batch: int, year: int, claims: list[GenClaim]) -> str:
    head = (
        "document:\n"
        f"  id: {doc_id}\n"
        f"  title: 合成语料第{batch}批（{year}年）\n"
        "  publisher: 基准生成器\n"
        f"  published: '{year + 1}-02'\n"
        f"  region: {CITY}\n"
        "claims:\n"
    )
    return head + "".join(claim_yaml(c) for c in claims)


# --------------------------------------------------------------------------- driver


def _units(rng: random.Random) -> Iterator[tuple[str, Family, str | None]]:
    """(subject, family, parent region) in the order claims are generated, without end."""
    for fam in FAMILIES:
        for s in REGIONS:
            yield s, fam, PARENT.get(s)
    i = 0
    while True:
        i += 1
        name = f"{rng.choice(_INVENTED_STEMS)}{rng.choice(_INVENTED_KINDS)}{i:05d}"
        for fam in FAMILIES:
            yield name, fam, CITY


def _load_basis(rules: Path) -> dict[str, str]:
    with (rules / "metrics.yaml").open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    names = {m.name for f in FAMILIES for m in f.metrics}
    missing = sorted(names - set(data))
    if missing:
        raise SystemExit(f"metrics not in {rules}/metrics.yaml: {', '.join(missing)}")
    for fam in FAMILIES:
        for m in fam.metrics:
            unit = data[m.name].get("unit")
            if unit != fam.unit:
                raise SystemExit(
                    f"{m.name}: unit {unit!r} in the registry, {fam.unit!r} in the family"
                )
    return {name: str(data[name].get("basis", "nominal")) for name in names}


def generate(
    claims: int,
    out: str | Path,
    seed: int = 1,
    *,
    rules: str | Path = DEFAULT_RULES,
    per_file: int = 1000,
    plant_rate: float = 0.002,
) -> dict[str, Any]:
    """Write a corpus of at least ``claims`` claims to ``out/claims`` and its manifest.

    Args:
        claims: how many claims to generate (the last unit is completed, so a few more).
        out: the output folder; its ``claims/`` folder is replaced.
        seed: the random seed; the output depends on the arguments only.
        rules: the rules folder whose ``metrics.yaml`` the metrics come from.
        per_file: about how many claims a file holds.
        plant_rate: planted errors per claim.

    Returns:
        The manifest (also written to ``out/manifest.json``).
    """
    started = time.perf_counter()
    global _RNG
    _RNG = random.Random(seed)
    truth_rng = random.Random(seed * 7919 + 1)
    out = Path(out)
    folder = out / "claims"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    ctx = Context(basis=_load_basis(Path(rules)))
    planter = Planter(ctx, plant_rate)
    batch: list[GenClaim] = []
    batch_no = 0
    total = files = 0
    target_batch = per_file * (len(YEARS) + 1)
    region_cache: dict[str, dict[str, Truth]] = {}

    def flush() -> None:
        nonlocal batch, batch_no, files
        by_year: dict[int, list[GenClaim]] = {}
        for c in batch:
            by_year.setdefault(c.doc_year, []).append(c)
        for year, group in sorted(by_year.items()):
            doc_id = f"syn-s{seed}-b{batch_no:04d}-{year}"
            for c in group:
                c.document = doc_id
            (folder / f"{doc_id}.yaml").write_text(
                document_yaml(doc_id, batch_no, year, group), encoding="utf-8"
            )
            files += 1
        batch = []
        batch_no += 1

    for u, (subject, fam, parent) in enumerate(_units(truth_rng)):
        if total >= claims:
            break
        if subject in PARENT or subject == COUNTRY:
            if fam.key not in region_cache:
                region_cache[fam.key] = region_truths(fam, truth_rng)
            truth = region_cache[fam.key][subject]
            ctx.region_truth[(subject, fam.key)] = truth
        else:
            # Invented subjects are small; counts less so, or their parts would round to 0.
            scale = (
                truth_rng.uniform(0.05, 0.3)
                if fam.unit in COUNTS
                else truth_rng.uniform(0.005, 0.1)
            )
            truth = _with_real(_draw_tree(fam, scale, truth_rng), fam, truth_rng)
        builder = UnitBuilder(ctx, u, subject, fam, truth, parent)
        unit_claims = builder.build()
        planter.plant(builder)
        if subject in REGIONS:
            for (metric, kind, period), c in builder.by_kind.items():
                if kind in ("lv", "yoy"):
                    ctx.region_claims[(subject, metric, kind, period)] = c
        batch.extend(unit_claims)
        total += len(unit_claims)
        if len(batch) >= target_batch:
            flush()
    if batch:
        flush()
    manifest = {
        "generator": "benchmarks/generate.py",
        "seed": seed,
        "requested": claims,
        "claims": total,
        "files": files,
        "per_file": per_file,
        "plant_rate": plant_rate,
        "seconds": round(time.perf_counter() - started, 2),
        "kinds": KINDS,
        "planted": [
            {
                "key": p.claim.key,
                "kind": p.kind,
                "was": p.was,
                "printed": p.claim.printed.text,
                "witness": [w.key for w in p.witness],
            }
            for p in planter.plants
        ],
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--claims", type=int, default=10000, help="number of claims (default 10000)"
    )
    parser.add_argument("--out", required=True, help="output folder (claims/ and manifest.json)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", default=str(DEFAULT_RULES))
    parser.add_argument("--per-file", type=int, default=1000, help="claims per file (about)")
    parser.add_argument("--plant-rate", type=float, default=0.002, help="planted errors per claim")
    args = parser.parse_args(argv)
    m = generate(
        args.claims,
        args.out,
        args.seed,
        rules=args.rules,
        per_file=args.per_file,
        plant_rate=args.plant_rate,
    )
    print(
        f"{m['claims']} claims in {m['files']} files, {len(m['planted'])} planted, "
        f"{m['seconds']} s → {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
