"""How findings name figures and numbers, in Chinese: labels, quotes, intervals, references.

Everything here is built once per figure or claim in a run and cached on the
:class:`~factcheck.pool.Context`: a claim is named by many findings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims import MEASURE_NAMES, STATUS_NAMES
from factcheck.findings import ClaimRef
from factcheck.periods import parse_period
from factcheck.pool import ERROR, WARNING, Context, Pool, claims_of


def reading_note(sev: int, capped: str = "") -> str:
    """Why a finding has its severity. ``capped`` names what made an inconsistency under
    every reading only a warning (a target, a real growth rate …), where that is the case."""
    if sev == ERROR:
        return "即使按宽松读法（末位零不计精度）也不相容"
    if sev == WARNING and capped:
        return f"即使按宽松读法也不相容，但涉及{capped}，只作警告"
    if sev == WARNING:
        return "仅在宽松读法下相容（若末位的零是有效数字则矛盾），或涉及预计数、可比价增速"
    return "仅供参考"


def agreement_note(sev: int, revision: bool, code: str) -> str:
    if code == "FC103":
        return "可能是目标调整或目标期限不同，请核对"
    if revision and sev == ERROR:
        return "请核对哪一处有误（单位、位数或口径）"
    if revision:
        return "修订不是矛盾，请核对口径与时点"
    return reading_note(sev)


def claim_key(ctx: Context, pool: Pool, fid: int) -> str:
    claim = int(pool.cell(fid, "claim"))
    if claim < 0:
        return figure_label(ctx, pool, fid)
    return f"{ctx.cell(claim, 'document')}#{ctx.cell(claim, 'id')}"


def figure_label(ctx: Context, pool: Pool, fid: int) -> str:
    label = ctx.labels.get(fid)
    if label is None:
        label = ctx.labels[fid] = _make_label(pool, fid)
    return label


def _make_label(pool: Pool, fid: int) -> str:
    return _label(*(pool.cell(fid, c) for c in _LABEL_COLUMNS))


_LABEL_COLUMNS = ("measure", "subject", "metric", "period", "scope", "of_key")


def _label(measure: str, subject: str, metric: str, period: str, scope: str, of_key: str) -> str:
    label = f"{subject} {metric} {period}"
    if scope:
        label += f"（{scope}）"
    if measure == "share" and of_key:
        m, s, _period, _scope, *target = str(of_key).split("@")
        if target:  # 为预算的101.2%: the share of the year's target
            label += f" 占 {s if s != subject else ''}{m} 目标的比例（完成率）"
        else:
            label += f" 占 {s if s != subject else ''}{m} 的比重"
    elif measure != "level":
        label += f" {MEASURE_NAMES.get(measure, measure)}"
    return label


def figure_text(ctx: Context, pool: Pool, fid: int) -> str:
    text = ctx.texts.get(fid)
    if text is None:
        text = ctx.texts[fid] = _make_text(ctx, pool, fid)
    return text


def _make_text(ctx: Context, pool: Pool, fid: int) -> str:
    claim = int(pool.cell(fid, "claim"))
    if claim >= 0:
        return _stated_text(
            str(ctx.cell(claim, "value")),
            str(ctx.cell(claim, "status")),
            str(ctx.cell(claim, "document")),
            str(ctx.cell(claim, "measure")),
        )
    unit = display(ctx, pool, fid)
    interval = fmt((pool.cell(fid, "lo_s"), pool.cell(fid, "hi_s")), unit)
    return f"推算值 {interval}（{figure_label(ctx, pool, fid)}）"


def _stated_text(value: str, status: str, document: str, measure: str = "level") -> str:
    tag = "" if status == "actual" else STATUS_NAMES.get(status, status)
    if measure == "average":
        # The engine checks an annual average as the span's total (×years): say so, or the
        # interval printed beside it would not be the number on the page.
        return f"「{value}」{tag}（{document}，年均值，乘以年数即全期合计）"
    return f"「{value}」{tag}（{document}）"


def display(ctx: Context, pool: Pool, fid: int) -> tuple[str, float]:
    """The unit to print a figure in, and the factor from the engine scale to it."""
    unit = ctx.units.get(fid)
    if unit is None:
        unit = ctx.units[fid] = _make_display(ctx, pool, fid)
    return unit


def _make_display(ctx: Context, pool: Pool, fid: int) -> tuple[str, float]:
    measure, claim = str(pool.cell(fid, "measure")), int(pool.cell(fid, "claim"))
    unit = _display(ctx, measure, claim, pool.cell(fid, "metric"))
    if claim < 0 and measure not in _RATE_UNITS:
        unit = rescaled(unit, pool.cell(fid, "lo_s"), pool.cell(fid, "hi_s"))
    return unit


def _display(ctx: Context, measure: str, claim: int, metric: str) -> tuple[str, float]:
    metric = str(metric)
    if claim < 0 and measure not in _RATE_UNITS:
        same = _metric_claim(ctx, metric)
        claim = -1 if same is None else same
    if claim < 0:
        return _unit_for(ctx, measure, None, None, metric)
    return _unit_for(
        ctx, measure, str(ctx.cell(claim, "unit")), str(ctx.cell(claim, "dim")), metric
    )


_RATE_UNITS: dict[str, tuple[str, float]] = {
    "share": ("%", 1.0),
    "yoy": ("%", 1.0),
    "cagr": ("%", 1.0),
    "pp": ("个百分点", 1.0),
    "contribution": ("个百分点", 1.0),
    "multiple": ("倍", 1.0),
}


def _unit_for(
    ctx: Context, measure: str, unit: str | None, dim: str | None, metric: str
) -> tuple[str, float]:
    """The unit to print a figure of ``measure`` in, given the unit and dimension of the
    claim that printed it or one of its metric (``None``: no claim of it; the registry's)."""
    rate = _RATE_UNITS.get(measure)
    if rate is not None:
        return rate
    if unit is None:
        return ctx.metric_unit.get(metric, ""), 1.0
    if dim in ("%",):
        # The engine holds ‰ as percent (7.71‰ is 0.771): print it as the report did.
        return ("‰", 0.1) if unit == "permille" else ("%", 1.0)
    return _unit_display(unit)


_UNIT_CACHE: dict[str, tuple[str, float]] = {}


def _unit_display(unit: str) -> tuple[str, float]:
    if unit == "dimensionless":
        return "", 1.0  # a bare number (城乡居民收入比为2.39) prints bare, as the report did
    if unit not in _UNIT_CACHE:
        from factcheck.units import base_factor, parse_unit

        try:
            factor, _ = base_factor(parse_unit(unit.replace(" ", "")))
            _UNIT_CACHE[unit] = (unit.replace(" ", ""), float(factor))
        except Exception:
            _UNIT_CACHE[unit] = (unit, 1.0)
    return _UNIT_CACHE[unit]


#: The magnitude words of Chinese units (万吨, 亿元, 万亿元), smallest first.
_MAGNITUDES = (("", 1.0), ("万", 1e4), ("亿", 1e8), ("万亿", 1e12))

#: Units a report prints with 万 and 亿 in front (5.2万元, 3.4万辆, 18亿亩); any other unit
#: (公斤, 兆瓦, 万元 / 亩) is printed as it is.
_COUNTED = frozenset(
    "元 美元 欧元 港元 吨 标准箱 人 人次 户 辆 台 家 个 件 套 项 亩 平方米 立方米 千瓦 千瓦时 "  # noqa: SIM905
    "公里 头 只 株 册 张 床 座 所 条 艘 架 次".split()
)


def rescaled(unit: tuple[str, float], *values: float) -> tuple[str, float]:
    """The unit to print computed ``values`` in (a derived figure's bounds, the two sides of
    a rule): ``unit`` while the largest reads well in it (1 to 99,999: 1.029万辆, 813.7亿元),
    else the magnitude word that brings it under 100,000 (0.08137万亿元 → 813.7亿元,
    126,866辆 → 12.69万辆, 356,357,390万元 → 35,636亿元).

    A derived figure has no printing of its own, and its metric's first claim may be
    national (134.9万亿元) while the figure is a district's; a sum of districts printed in
    万元 may run to nine digits.
    """
    name, factor = unit
    base = next(
        (
            (name[len(word) :], size)
            for word, size in reversed(_MAGNITUDES)
            if word and name.startswith(word)
        ),
        (name, 1.0),
    )
    if base[0] not in _COUNTED:
        return unit
    size = max((abs(float(x)) for x in values if math.isfinite(float(x))), default=None)
    if size is None:
        return unit
    if 1 <= size / factor < 1e5:
        return unit
    one = factor / base[1]  # the engine's value of one base unit (1元)
    word, magnitude = next(
        ((w, m) for w, m in _MAGNITUDES if size / (one * m) < 1e5), _MAGNITUDES[-1]
    )
    return f"{word}{base[0]}", one * magnitude


def _metric_claim(ctx: Context, metric: str) -> int | None:
    index = ctx.level_claim.get(metric)
    return None if index is None else int(index)


def num(x: float, unit: tuple[str, float]) -> float | None:
    if not math.isfinite(x):
        return None
    return float(x) / unit[1]


def fmt_one(x: float, unit: tuple[str, float]) -> str:
    v = num(float(x), unit)
    if v is None:
        return "∞" if x > 0 else "−∞"
    return f"{sig(v)}{unit[0]}"


def sig(v: float) -> str:
    """Four significant digits, thousands separated, trailing zeros dropped: 12,346 · 7.7 ·
    0.01235."""
    if 1e-3 <= abs(v) < 999.5:
        # The common case, a tenth of the cost: here ``g`` never switches to an exponent nor
        # reaches a thousands separator, and gives what the general path gives.
        return f"{v:.4g}"
    return sig_general(v)


def sig_general(v: float) -> str:
    if v == 0:
        return "0"
    digits = max(4 - math.floor(math.log10(abs(v))) - 1, 0)
    text = f"{v:,.{min(digits, 6)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    # A bound widened outward by a hair below zero (−1e-13) rounds to nothing.
    return "0" if text == "-0" else text


def _told_apart(lo: float, hi: float, low: str, high: str) -> tuple[str, str]:
    """The ends of an interval with the digits its width needs: four significant digits,
    or more where they would move an end by more than a tenth of the width (4722万吨 is
    [4,721.5, 4,722.5], which four digits round to [4,721, 4,723], twice as wide)."""
    width = hi - lo
    top = max(-lo if lo < 0 else lo, -hi if hi < 0 else hi)
    # Four digits print an end within a thousandth of it: within a tenth of any interval
    # wider than a hundredth of its size, most of them.
    if width >= top * 0.01 or not width > 0:
        return low, high
    # The last digit sig prints: the fourth significant one, or the units of a number
    # of five digits or more (12,346).
    if 10.0 ** min(math.floor(math.log10(top)) - 3, 0) <= width / 10:
        return low, high
    # Both ends to the same place: [6.4710, 6.4721], not [6.471, 6.4721]; [2,610, 2,612],
    # not [2,610.0, 2,612.0].
    places = min(6, math.ceil(-math.log10(width / 10)))
    low, high = f"{lo:,.{places}f}", f"{hi:,.{places}f}"
    while places and low[-1] == high[-1] == "0":
        low, high, places = low[:-1], high[:-1], places - 1
    return (low[:-1], high[:-1]) if places == 0 and low[-1] == "." else (low, high)


def ends(pair: tuple[Any, Any], unit: tuple[str, float]) -> tuple[str, str]:
    """Each end of a finite interval as :func:`fmt` prints it, unit and all: 638.95万吨 is
    the top of 638.9万吨, which four digits would round to 639万吨."""
    lo, hi = float(pair[0]), float(pair[1])
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return fmt_one(lo, unit), fmt_one(hi, unit)
    low, high = _finite_ends(lo / unit[1], hi / unit[1])
    return f"{low}{unit[0]}", f"{high}{unit[0]}"


def _finite_ends(lo: float, hi: float) -> tuple[str, str]:
    """Both ends of a finite interval, already in the unit printed: equal for a point."""
    if hi - lo <= 1e-9 * max(abs(lo), abs(hi)):
        # A point, up to the hair intervals are widened by (a whole count: 24,021家).
        exact = _exact((lo + hi) / 2)
        return exact, exact
    low, high = sig(lo), sig(hi)
    return (low, high) if low == high else _told_apart(lo, hi, low, high)


def _exact(v: float) -> str:
    """A point (a whole count, 24,021家 held in 万家) with every digit it has, up to six
    places: four significant digits would print 2.4021万家 as 2.402万家."""
    short = sig(v)
    if abs(float(short.replace(",", "")) - v) <= abs(v) * 1e-9:
        return short
    for places in range(1, 7):
        text = f"{v:,.{places}f}"
        if abs(float(text.replace(",", "")) - v) <= abs(v) * 1e-9:
            return text.rstrip("0").rstrip(".")
    return short


def fmt(pair: tuple[Any, Any], unit: tuple[str, float]) -> str:
    # Written out rather than through num(): a run formats a few hundred thousand intervals.
    lo, hi = float(pair[0]), float(pair[1])
    name, factor = unit
    if math.isfinite(lo):
        if math.isfinite(hi):
            low, high = _finite_ends(lo / factor, hi / factor)
            # A whole count (104个), a ratio of two, or any interval narrower than four
            # digits show: one number, not [104, 104]个.
            return f"{low}{name}" if low == high else f"[{low}, {high}]{name}"
        return f"≥{sig(lo / factor)}{name}"
    if math.isfinite(hi):
        return f"≤{sig(hi / factor)}{name}"
    return "（无界）"


def printed_per_checked(ctx: Context, pool: Pool, fid: int) -> float:
    """How many of the figure the engine checks make one of what the claim prints: the
    years of its span for an annual average (年均320亿元 over 2016..2020 is checked as 1600亿元),
    else 1. A fix offered for the claim is divided by it."""
    claim = int(pool.cell(fid, "claim"))
    if claim < 0 or str(ctx.cell(claim, "measure")) != "average":
        return 1.0
    return float(parse_period(str(ctx.cell(claim, "period"))).years)


def should_be(pair: tuple[Any, Any], unit: tuple[str, float]) -> str:
    """What a fix asks of a figure: 应为 112家 (a whole count), else 应在 [a, b] 之内."""
    text = fmt(pair, unit)
    return f"应在 {text} 之内" if _spans(text) else f"应为 {text}"


def apart(a: str, b: str) -> str:
    """Two figures (as ``fmt`` prints them) that cannot be the same: 两区间 … 不相交, or
    120家 与 112家 不相等."""
    if _spans(a) or _spans(b):
        return f"两区间 {a} 与 {b} 不相交"
    return f"{a} 与 {b} 不相等"


def _spans(text: str) -> bool:
    # fmt prints a single number for a point and brackets, ≥, ≤ or 无界 for anything wider.
    return text.startswith(("[", "≥", "≤", "（"))


def refs(ctx: Context, pool: Pool, fids: Iterable[int]) -> tuple[ClaimRef, ...]:
    out: list[ClaimRef] = []
    seen: set[int] = set()
    stated = pool.stated
    for fid in fids:
        fid = int(fid)
        # A stated figure is its own claim (see Provenance).
        for c in (fid,) if 0 <= fid < stated else pool.provenance.get(fid, ()):
            if c not in seen:
                seen.add(c)
                out.append(claim_ref(ctx, c))
    return tuple(out)


def prefetch(ctx: Context, pool: Pool, fids: Iterable[Any]) -> None:
    """Build what findings say of these figures (label, unit) and the references of every
    claim behind them, in one pass over the columns: a hundred thousand findings name a
    hundred thousand claims or more, and reading their cells one at a time cost more than
    the rest of the findings together."""
    fids = np.asarray(fids if not isinstance(fids, set) else list(fids), dtype=float)
    _prefetch_figures(ctx, pool, fids[~np.isnan(fids)].astype(np.int64))
    refs = ctx.refs
    wanted = [c for c in np.unique(claims_of(pool, fids)).tolist() if c not in refs]
    if not wanted:
        return
    rows = np.asarray(wanted, dtype=np.int64)
    col = {c: ctx.cell.array(c)[rows] for c in _REF_COLUMNS}
    document, id_, value, file, status = (
        list(map(str, col[c].tolist())) for c in ("document", "id", "value", "file", "status")
    )
    quote = [
        "" if gone else str(q or "")
        for q, gone in zip(col["quote"].tolist(), pd.isna(col["quote"]).tolist(), strict=True)
    ]
    line, column = (
        [None if gone else int(x) for x, gone in zip(col[c].tolist(), pd.isna(col[c]), strict=True)]
        for c in ("line", "column")
    )
    documents = ctx.corpus.documents
    sources = {d: (doc.source if (doc := documents.get(d)) else None) for d in set(document)}
    # A stated figure's id is its claim's row: its text in findings comes from the same
    # cells (see _make_text).
    texts = ctx.texts
    measure = list(map(str, col["measure"].tolist()))
    for row, v, st, d, m in zip(wanted, value, status, document, measure, strict=True):
        if row not in texts:
            texts[row] = _stated_text(v, st, d, m)
    ctx.refs.update(
        zip(
            wanted,
            map(
                ClaimRef,
                id_,
                document,
                quote,
                value,
                file,
                col["file_line"].astype(np.int64).tolist(),
                column,
                map(sources.__getitem__, document),
                line,
            ),
            strict=True,
        )
    )


def _prefetch_figures(ctx: Context, pool: Pool, fids: np.ndarray) -> None:
    labels, units = ctx.labels, ctx.units
    todo = [f for f in dict.fromkeys(fids.tolist()) if f not in labels or f not in units]
    if not todo:
        return
    rows = np.asarray(todo, dtype=np.int64)
    columns = [pool.cell.array(c)[rows].tolist() for c in _LABEL_COLUMNS]
    for fid, measure, subject, metric, period, scope, of_key in zip(todo, *columns, strict=True):
        if fid not in labels:
            labels[fid] = _label(str(measure), subject, metric, period, scope, of_key)
    # A unit depends on a handful of things a million figures share (the measure, and the
    # unit of the claim that printed the figure or, for a derived one, of its metric's first
    # level claim): worked out once for each combination.
    metrics = columns[_LABEL_COLUMNS.index("metric")]
    claim = pool.cell.array("claim")[rows].astype(np.int64)
    derived = np.flatnonzero(claim < 0)
    if len(derived):
        claim[derived] = [
            -1 if (c := _metric_claim(ctx, str(metrics[i]))) is None else c
            for i in derived.tolist()
        ]
    known = claim >= 0
    at = np.where(known, claim, 0)
    unit_of, dim_of = (
        [
            str(x) if k else None
            for x, k in zip(ctx.cell.array(c)[at].tolist(), known.tolist(), strict=True)
        ]
        for c in ("unit", "dim")
    )
    made: dict[tuple[Any, ...], tuple[str, float]] = {}
    for fid, measure, unit, dim, m in zip(todo, columns[0], unit_of, dim_of, metrics, strict=True):
        if fid in units:
            continue
        key = (measure, unit, dim, None if unit is not None else m)
        shown = made.get(key)
        if shown is None:
            shown = made[key] = _unit_for(ctx, str(measure), unit, dim, str(m))
        units[fid] = shown
    if len(derived):
        lo, hi = (pool.cell.array(c)[rows[derived]].tolist() for c in ("lo_s", "hi_s"))
        for i, low, high in zip(derived.tolist(), lo, hi, strict=True):
            if str(columns[0][i]) not in _RATE_UNITS:
                units[todo[i]] = rescaled(units[todo[i]], low, high)


_REF_COLUMNS = (
    "document",
    "id",
    "quote",
    "value",
    "file",
    "file_line",
    "line",
    "column",
    "status",
    "measure",
)


def claim_ref(ctx: Context, c: int) -> ClaimRef:
    """The claim as findings name it; built once a run (a claim is named by many findings)."""
    ref = ctx.refs.get(c)
    if ref is not None:
        return ref
    document = str(ctx.cell(c, "document"))
    doc = ctx.corpus.documents.get(document)
    line = ctx.cell(c, "line")
    col = ctx.cell(c, "column")
    ref = ctx.refs[c] = ClaimRef(
        id=str(ctx.cell(c, "id")),
        document=document,
        quote=str(ctx.cell(c, "quote") or ""),
        value=str(ctx.cell(c, "value")),
        file=str(ctx.cell(c, "file")),
        line=int(ctx.cell(c, "file_line")),
        column=None if col is None or pd.isna(col) else int(col),
        source=doc.source if doc else None,
        source_line=None if line is None or pd.isna(line) else int(line),
    )
    return ref


def chain_of(pool: Pool, fids: Iterable[int]) -> tuple[str, ...]:
    out: list[str] = []
    for fid in fids:
        out.extend(pool.chains.get(int(fid), ()))
    return tuple(dict.fromkeys(out))
