"""From a claim record to a row of the claims table: names resolved, the figure read.

The engine compares numbers, not text, so each row carries the figure's strict and lenient
intervals on a common scale:

- levels, changes and rates: in the base unit of their dimension (亿元 → 元, 万吨 → 吨);
  a counter the metric accepts (台 for a metric counted in 辆) is put on the metric's own;
  a plain total of counted things is narrowed to the whole numbers in its band (104个 is 104);
- percentages (yoy, share, cagr, and levels of rate metrics such as 城镇化率): in percent;
- 个百分点 (pp, contribution): in percentage points;
- multiples: as the ratio itself (增长2倍 is 3; 翻一番 is 2).

Open sides are ``NaN``. Rows that cannot be read keep a message in ``value_error`` for the
schema to report.
"""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from sys import intern
from typing import Any

from factcheck.claims import FIELD_ORDER, MEASURES, Document
from factcheck.errors import QuantityError
from factcheck.periods import PeriodError, parse_period, period_parses
from factcheck.quantity import Figure, parse_readings
from factcheck.registry import (
    COUNTRY_WORDS,
    PARENT_WORDS,
    PROVINCE_WORDS,
    SELF_WORDS,
    Metric,
    Registry,
)
from factcheck.units import (
    COUNTED_UNITS,
    Unit,
    UnknownUnitError,
    base_factor,
    parse_unit,
    same_dimension,
)

PERCENT_MEASURES = ("yoy", "share", "cagr")
POINT_MEASURES = ("pp", "contribution")


# Large enough for every distinct printed value of a million-claim corpus (about 200,000):
# a smaller bound evicts entries before they are needed again and every claim is re-read.
@lru_cache(maxsize=1 << 18)
def read_figure(value: str) -> tuple[Figure, Figure] | QuantityError:
    """Both readings of a printed figure, or the error that explains why it is not one."""
    try:
        return parse_readings(value)
    except QuantityError as exc:
        return exc


def _float(x: Decimal | None) -> float:
    return math.nan if x is None else float(x)


@lru_cache(maxsize=4096)
def _unit_name(unit: Unit) -> str:
    # pint formats a unit anew on every str(): several times per claim, it dominated reading.
    return str(unit)


def _unit_kind(unit: Unit) -> str:
    name = _unit_name(unit)
    if name in ("percent", "permille", "成"):
        return "percent"
    if name == "个百分点":
        return "pp"
    if name in ("倍", "dimensionless"):
        return "ratio"
    return "amount"


def _percent_scale(unit: Unit) -> Decimal:
    name = _unit_name(unit)
    scales = {
        "percent": Decimal(1),
        "permille": Decimal("0.1"),
        "成": Decimal(10),
        "倍": Decimal(100),
    }
    return scales.get(name, Decimal(100))


def expected_unit(measure: str, metric: Metric | None) -> str:
    """What a value of this measure of this metric should be printed in, for messages."""
    if measure in PERCENT_MEASURES:
        return "%（如 7.7%）"
    if measure in POINT_MEASURES:
        return "个百分点（如 0.8个百分点）"
    if measure == "multiple":
        return "倍（如 3倍、增长2倍、翻一番）"
    if metric is None:
        return "该指标的单位"
    alts = "、".join(metric.accepts)
    return (
        f"{metric.unit or '纯数'}"
        + (f"（或 {alts}）" if alts else "")
        + f"，指标「{metric.name}」的单位"
    )


def scale(figure: Figure, measure: str, metric: Metric | None) -> tuple[Decimal, str] | None:
    """The factor to the engine scale and the dimension label; ``None`` if the unit does not fit."""
    return _scale(figure.unit, measure, metric)


# A corpus has a few dozen (unit, measure, metric) combinations; each is worked out once.
@lru_cache(maxsize=4096)
def _scale(unit: Unit, measure: str, metric: Metric | None) -> tuple[Decimal, str] | None:
    kind = _unit_kind(unit)
    if measure in PERCENT_MEASURES:
        return (
            (_percent_scale(unit), "%")
            if kind in ("percent", "ratio") and _unit_name(unit) != "dimensionless"
            else None
        )
    if measure in POINT_MEASURES:
        return (Decimal(1), "pp") if kind == "pp" else None
    if measure == "multiple":
        if kind == "ratio":
            return Decimal(1), "ratio"
        if kind == "percent":
            return _percent_scale(unit) / 100, "ratio"
        return None
    # level, change, rate: the metric's own unit
    if metric is None:
        factor, base = base_factor(unit)
        return factor, str(base)
    if metric.unit in ("%", "‰"):
        return (_percent_scale(unit), "%") if kind == "percent" else None
    if measure == "change" and kind == "pp" and metric.unit in ("%", "‰"):
        return Decimal(1), "pp"
    for allowed in _allowed_units(metric):
        allowed_unit = parse_unit(allowed)
        if same_dimension(allowed_unit, unit):
            factor, _ = base_factor(unit)
            allowed_factor, _ = base_factor(allowed_unit)
            own_factor, own_base = base_factor(parse_unit(metric.unit))
            # 台 counted as 辆: one of an accepted counter is one of the metric's own.
            return factor / allowed_factor * own_factor, str(own_base)
    return None


def _allowed_units(metric: Metric) -> tuple[str, ...]:
    # 人均可支配收入 is counted in 元/人, but reports print "4.5万元": the 人 is in the name.
    per = (metric.unit.split("/")[0],) if "/" in metric.unit else ()
    return (metric.unit, *metric.accepts, *per)


def figure_row(record: dict[str, Any], doc: Document, registry: Registry) -> dict[str, Any]:
    """One row of the claims table from a claim record read from YAML."""
    metrics, subjects = registry.metrics, registry.subjects
    region = doc.region
    raw_metric = str(record["metric"]).strip()
    metric = metrics.resolve(raw_metric)
    # The names below repeat over thousands of rows: one string object each keeps the table
    # smaller and its cache entries quicker to write and read (pickle stores a repeat as a
    # reference). Values do not change.
    measure = intern(str(record.get("measure") or "level"))
    subject = intern(subjects.canonical(str(record.get("subject") or region or ""), region))
    period_text, period_ok = _period(record.get("period"))
    period_text = intern(period_text)
    of = _resolve_selector(record.get("of"), registry, region)
    against = _resolve_selector(record.get("against"), registry, region)
    value = str(record["value"]).strip()
    row: dict[str, Any] = {
        "file": record["__file__"],
        "file_line": record["__line__"],
        "key_lines": record["__key_lines__"],
        "document": doc.id,
        "id": str(record["id"]),
        "subject": subject,
        "metric": metric.name if metric else raw_metric,
        "metric_known": metric is not None,
        "measure": measure,
        "status": intern(str(record.get("status") or "actual")),
        "scope": _opt_name(record.get("scope")),
        "basis": _opt_name(record.get("basis")),
        "period": period_text,
        "period_ok": period_ok,
        "base": _opt_name(record.get("base")),
        "base_ok": record.get("base") is None or period_parses(record["base"]),
        "value": value,
        "quote": None if record.get("quote") is None else str(record["quote"]),
        "line": record.get("line"),
        "column": record.get("column"),
        "of": of,
        "of_known": of is None
        or of.get("metric") is None
        or metrics.resolve(of["metric"]) is not None,
        "against": against,
        "against_known": against is None
        or against.get("metric") is None
        or metrics.resolve(against["metric"]) is not None,
        "selector_periods_ok": all(
            "period" not in sel or period_parses(sel["period"]) for sel in (of or {}, against or {})
        ),
        "part_of": _opt(record.get("part_of")),
        "ignore": record.get("ignore") or None,
        "extra": {k: v for k, v in record.items() if not k.startswith("__") and k not in _KNOWN}
        or None,
        "published": doc.published,
    }
    row["line_part_of"] = record["__key_lines__"].get("part_of", record["__line__"])
    row.update(_figure_columns(value, measure, metric))
    return row


#: Claim keys the table has columns for; anything else in a record is kept in ``extra``.
_KNOWN = frozenset(FIELD_ORDER) - {"confidence"}


def _opt(value: Any) -> str | None:
    return None if value is None or (isinstance(value, str) and not value.strip()) else str(value)


def _opt_name(value: Any) -> str | None:
    text = _opt(value)
    return None if text is None else intern(text)


def _period(value: Any) -> tuple[str, bool]:
    try:
        return parse_period(value).text, True
    except PeriodError:
        return str(value), False


def _resolve_selector(value: Any, registry: Registry, region: str | None) -> dict[str, str] | None:
    if value is None or value == {} or value == "":
        return None
    if not isinstance(value, dict):
        value = _selector_of_name(str(value), registry)
    out = {str(k): str(v) for k, v in value.items() if v is not None}
    if "metric" in out:
        m = registry.metrics.resolve(out["metric"])
        if m is not None:
            out["metric"] = m.name
    if "subject" in out:
        out["subject"] = registry.subjects.canonical(out["subject"], region)
    if "period" in out:
        out["period"], _ = _period(out["period"])
    return out


_PLACE_WORDS = frozenset((*SELF_WORDS, *PARENT_WORDS, *PROVINCE_WORDS, *COUNTRY_WORDS))


def _selector_of_name(name: str, registry: Registry) -> dict[str, str]:
    """A selector written as one name (``of: 地区生产总值``, ``against: '2022'``,
    ``against: 青岛市``): a metric if the registry knows it, else a period if it reads as one,
    else a subject if it is registered or a word like 全市. Anything else is taken for a
    metric, so that the unknown-metric check names it rather than a share of a place nobody
    heard of being left undecided."""
    if registry.metrics.resolve(name) is not None:
        return {"metric": name}
    if _period(name)[1]:
        return {"period": name}
    if registry.subjects.resolve(name) is not None or name in _PLACE_WORDS:
        return {"subject": name}
    return {"metric": name}


def _figure_columns(value: str, measure: str, metric: Metric | None) -> dict[str, Any]:
    """The figure's columns of a row; callers copy them, never change them."""
    return _figure_columns_cached(value, measure, metric)


# The columns depend on these three only; printed values repeat (100k claims have 35,000
# distinct ones), so most rows are a lookup. Sized like read_figure's cache.
@lru_cache(maxsize=1 << 18)
def _figure_columns_cached(value: str, measure: str, metric: Metric | None) -> dict[str, Any]:
    read = read_figure(value)
    empty = {
        "value_error": "",
        "unit": "",
        "dim": "",
        "unit_ok": True,
        "lo_s": math.nan,
        "hi_s": math.nan,
        "lo_l": math.nan,
        "hi_l": math.nan,
        "nominal": math.nan,
        "qualifier": None,
        "change": 0,
    }
    if isinstance(read, QuantityError):
        return {**empty, "value_error": read.message}
    strict, lenient = read
    out = {
        **empty,
        "unit": _shown_unit(strict),
        "qualifier": strict.qualifier,
        "change": strict.change,
    }
    if measure not in MEASURES:
        return out  # the unknown measure is the problem; what unit it wants cannot be said
    scaled = scale(strict, measure, metric)
    if scaled is None:
        return {**out, "unit_ok": False}
    factor, dim = scaled
    shift = Decimal(0)
    if measure == "multiple" and strict.change:
        shift = Decimal(1)  # 增长2倍 is three times, 下降13.5% is 0.865 times
    bands = [
        tuple(None if x is None else x * factor + shift for x in (f.low_value, f.high_value))
        for f in (strict, lenient)
    ]
    if _counts_whole(measure, metric, dim, strict.qualifier):
        bands = [whole_numbers(*band) for band in bands]
    (lo_s, hi_s), (lo_l, hi_l) = bands
    out.update(
        {
            "dim": dim,
            "lo_s": _float(lo_s),
            "hi_s": _float(hi_s),
            "lo_l": _float(lo_l),
            "hi_l": _float(hi_l),
            "nominal": float(strict.nominal * factor + shift),
        }
    )
    return out


def _shown_unit(figure: Figure) -> str:
    """The unit findings print a figure in: the printed unit, with the magnitude a Chinese
    numeral carries when the number is written in words. 突破千亿元 is the number 千亿 in 元,
    and a figure worked out from it is shown in 亿元 (1,000亿元), not as a row of zeros."""
    name = _unit_name(figure.unit)
    spelling = figure.spelling
    if spelling is None or spelling.magnitude or not spelling.number or not name:
        return name
    for magnitude in ("万亿", "亿", "万"):
        if spelling.number.endswith(magnitude):
            return _with_magnitude(magnitude, name)
    return name


@lru_cache(maxsize=256)
def _with_magnitude(magnitude: str, name: str) -> str:
    try:
        return _unit_name(parse_unit(magnitude + name))
    except UnknownUnitError:  # a unit that takes no magnitude (%, 倍): as printed
        return name


def _counts_whole(measure: str, metric: Metric | None, dim: str, qualifier: str | None) -> bool:
    # A total of counted things (项目, 企业, 辆) is a whole number; an average counted in 人
    # (万锭用工人数) is not, and the registry marks it non-additive. 近10个 and 约6个 say the
    # count is uncertain, so only plain figures and ranges are narrowed.
    return (
        measure in ("level", "change")
        and metric is not None
        and metric.additive
        and dim in COUNTED_UNITS
        and qualifier in (None, "range")
    )


def whole_numbers(low: Decimal | None, high: Decimal | None) -> tuple[Any, Any]:
    """A count's band narrowed to the whole numbers in it: 104个 is [104, 104], not
    [103.5, 104.5], so 其中196个 of 195个 is a contradiction and not a touch at 195.5.

    A band with no whole number in it (2.3个, a count printed with a fraction) is widened
    to the whole numbers either side, [2, 3]: it is read no more strictly than as printed.
    """
    if low is None or high is None:
        return low, high
    up, down = low.to_integral_value(ROUND_CEILING), high.to_integral_value(ROUND_FLOOR)
    if up <= down:
        return up, down
    return low.to_integral_value(ROUND_FLOOR), high.to_integral_value(ROUND_CEILING)
