"""Hypothesis strategies for consistent claim sets: prove a rule raises no false alarm.

Each strategy draws *true* values that satisfy a relation, then prints them the way a report
would — rounded to some precision, in 万元 or 亿元, with qualifiers such as 余, 超过, 近, 约 —
and returns the claims. A sound engine never reports an ``error`` on such a set::

    from hypothesis import given
    from factcheck.testing import claim_sets, corpus_of

    @given(claim_sets(relation="share"))
    def test_no_false_alarm(claim_set):
        report = factcheck.check(corpus_of([claim_set]))
        assert report.errors == 0

:func:`rule_claim_sets` does the same for a rule of ``rules/*.yaml``: it draws values for all
figures but the last one the rule names and solves the rule for that one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from factcheck.claims import Claim, Document, Selector
from factcheck.corpus import Corpus, _empty_table, extend_corpus
from factcheck.expr import BinOp, Compare, Neg, Number, Ref, Sum
from factcheck.registry import Registry
from factcheck.rules import Rule
from factcheck.units import base_factor, parse_unit

#: Qualifiers a report prints, and which way each may round the true value.
QUALIFIERS = ("plain", "plus", "at_least", "near", "about")
RELATION_KINDS = (
    "share",
    "yoy",
    "pp",
    "share-points",
    "cagr",
    "multiple",
    "change",
    "part",
    "district",
    "towns",
    "period",
    "capacity",
)
#: Towns of a district, for ``towns`` claim sets: names no registry holds.
TOWNS = ("城关镇", "东湖镇", "西山乡", "南岭街道")
#: Periods within others a flow is printed for (the smaller, the whole), as reports date them:
#: 上半年 and 前三季度 within the year, a month's year-to-date, one year within a plan's years.
SUB_PERIODS = (
    ("2023H1", "2023"),
    ("2023Q1-Q3", "2023"),
    ("2023Q2", "2023H1"),
    ("2023-01..2023-11", "2023"),
    ("2022", "2021..2023"),
)
MAGNITUDES = {"": Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


@dataclass(frozen=True)
class ClaimSet:
    """A document and its claims, with the true values they were printed from.

    Attributes:
        document: the document.
        claims: the printed claims.
        truth: claim id → the true value on the engine's scale (base units, % …); for
            ``share-points`` also ``share0``, last year's share, which no claim prints.
        missing: for derivation tests, the key of a figure that was left out and its true
            value: ``(subject, metric, measure, period, true value in base units)``.
    """

    document: Document
    claims: tuple[Claim, ...]
    truth: dict[str, Decimal]
    missing: tuple[str, str, str, str, Decimal] | None = None


# --------------------------------------------------------------------------- printing


def _step_for(value: Decimal, digits: int) -> Decimal:
    """A power of ten that leaves about ``digits`` significant digits of ``value``."""
    exponent = value.adjusted() - digits + 1
    return Decimal(1).scaleb(exponent)


def _text(n: Decimal) -> str:
    # format(…, "f") keeps the printed precision: 1.00 stays 1.00, 1.2E+3 becomes 1200.
    return format(n, "f")


@st.composite
def printed_values(
    draw: st.DrawFn,
    value: Decimal,
    *,
    unit: str = "元",
    qualifiers: Sequence[str] = QUALIFIERS,
    min_digits: int = 2,
    max_digits: int = 5,
    magnitudes: Sequence[str] = ("", "万", "亿"),
    honest: bool = False,
) -> str:
    """The text a report might print for a true ``value`` (in ``unit``, without magnitude).

    Rounding is to the nearest step, 余/超过 round down, 近 rounds up. A report may round 602
    to "600": the lenient reading contains the value, the strict one (zeros significant) may
    not. With ``honest=True`` every integer digit is printed as it is, so the strict reading
    contains the value too.
    """
    if value <= 0:
        raise ValueError(f"value={value!r} must be positive for a printed level")
    usable = [m for m in magnitudes if value / MAGNITUDES[m] >= Decimal("0.01")] or [""]
    magnitude = draw(st.sampled_from(usable)) if unit not in _RATE_UNITS else ""
    scaled = value / MAGNITUDES[magnitude]
    digits = draw(st.integers(min_value=min_digits, max_value=max_digits))
    step = _step_for(scaled, digits)
    if honest:
        step = min(step, Decimal(1))
    qualifier = draw(st.sampled_from(list(qualifiers)))
    if qualifier == "plain" or qualifier == "about":
        n = (
            scaled.quantize(step, rounding=ROUND_HALF_EVEN)
            if step < 1
            else (scaled / step).quantize(1, rounding=ROUND_HALF_EVEN) * step
        )
        body = _text(n)
        text = f"{body}{magnitude}{unit}"
        return f"约{text}" if qualifier == "about" else text
    if qualifier in ("plus", "at_least"):
        n = (scaled / step).to_integral_value(rounding=ROUND_FLOOR) * step
        assume(n > 0)
        body = _text(n)
        if qualifier == "plus":
            return f"{body}{magnitude}余{unit}"
        return f"超过{body}{magnitude}{unit}"
    # near: 近N means N·0.95 ≤ value ≤ N
    n = (scaled / step).to_integral_value(rounding=ROUND_CEILING) * step
    assume(n * Decimal("0.95") <= scaled)
    return f"近{_text(n)}{magnitude}{unit}"


#: Units of rates: printed without a magnitude (no one writes 万‰).
_RATE_UNITS = ("%", "‰", "个百分点")


def _percent_text(value: Decimal, decimals: int) -> str:
    step = Decimal(1).scaleb(-decimals)
    return _text(value.quantize(step, rounding=ROUND_HALF_EVEN)) + "%"


# --------------------------------------------------------------------------- relation sets

_LEVEL_METRIC = "一般公共预算收入"  # nominal, counted in 元
_WHOLE_METRIC = "地区生产总值"


def _doc(doc_id: str) -> Document:
    return Document(id=doc_id, title="测试文档", published="2024-09", region="即墨区")


def _claim(doc: str, cid: str, metric: str, period: str, value: str, **kw: Any) -> Claim:
    return Claim(
        id=cid,
        document=doc,
        metric=metric,
        value=value,
        period=period,
        quote=f"{metric}{value}",
        **kw,
    )


def _positive(min_value: float = 1e4, max_value: float = 1e12) -> st.SearchStrategy[Decimal]:
    return st.floats(min_value=min_value, max_value=max_value, allow_nan=False).map(
        lambda f: Decimal(repr(f)).quantize(Decimal("0.0001"))
    )


@st.composite
def claim_sets(
    draw: st.DrawFn,
    relation: str | None = None,
    *,
    qualifiers: Sequence[str] = QUALIFIERS,
    document: str = "doc-a",
    leave_out: str | None = None,
    honest: bool = False,
) -> ClaimSet:
    """A consistent claim set for one built-in relation.

    Args:
        relation: ``share``, ``yoy``, ``pp``, ``share-points`` (a share and its rise in 百分点
            over last year's share, which only levels and growth rates imply), ``cagr``,
            ``multiple``, ``change``, ``part``
            (a 其中 part within its whole), ``district`` (即墨区 within 青岛市 for an additive
            metric), ``towns`` (two to four of :data:`TOWNS`, whose figures add up to at most
            the district's), ``period`` (a flow over part of a period within the flow over
            the whole, :data:`SUB_PERIODS`) or ``capacity`` (output within the stated
            capacity); drawn when ``None``.
        qualifiers: which qualifiers level figures may be printed with.
        document: the document id.
        leave_out: a role to leave out (``whole``, ``previous`` …) so the engine must derive
            it; its true value is returned in ``ClaimSet.missing``. Not for ``part``,
            ``district``, ``towns``, ``period`` and ``capacity``: nothing is derived from an
            order.
        honest: print every integer digit (see :func:`printed_values`), so that even the
            strict reading of each figure contains its true value.
    """
    kind = relation or draw(st.sampled_from(RELATION_KINDS))
    if kind not in RELATION_KINDS:
        raise ValueError(f"relation={kind!r}: expected one of {RELATION_KINDS}")
    printer: dict[str, Any] = {"qualifiers": qualifiers, "honest": honest}
    truth: dict[str, Decimal] = {}
    claims: list[Claim] = []

    def level(
        cid: str, metric: str, period: str, v: Decimal, subject: str | None = None, **kw: Any
    ) -> None:
        truth[cid] = v
        claims.append(
            _claim(
                document,
                cid,
                metric,
                period,
                draw(printed_values(v, **printer)),
                subject=subject,
                **kw,
            )
        )

    if kind == "share":
        whole = draw(_positive())
        ratio = Decimal(draw(st.integers(min_value=50, max_value=9500))) / 10000
        part = whole * ratio
        level("part", _LEVEL_METRIC, "2023", part)
        level("whole", _WHOLE_METRIC, "2023", whole)
        pct = ratio * 100
        truth["share"] = pct
        claims.append(
            _claim(
                document,
                "share",
                _LEVEL_METRIC,
                "2023",
                _percent_text(pct, draw(st.integers(0, 2))),
                measure="share",
                of=Selector(metric=_WHOLE_METRIC),
            )
        )
        roles = {
            "whole": ("whole", _WHOLE_METRIC, "level", "2023"),
            "part": ("part", _LEVEL_METRIC, "level", "2023"),
        }
    elif kind in ("yoy", "multiple", "change"):
        previous = draw(_positive())
        growth = Decimal(draw(st.integers(min_value=-500, max_value=3000))) / 1000  # −50% … +300%
        current = previous * (1 + growth)
        base_period = "2022"
        level("current", _LEVEL_METRIC, "2023", current)
        level("previous", _LEVEL_METRIC, base_period, previous)
        if kind == "yoy":
            truth["rate"] = growth * 100
            claims.append(
                _claim(
                    document,
                    "rate",
                    _LEVEL_METRIC,
                    "2023",
                    _percent_text(growth * 100, draw(st.integers(0, 2))),
                    measure="yoy",
                )
            )
        elif kind == "multiple":
            ratio = 1 + growth
            truth["ratio"] = ratio
            q = ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
            claims.append(
                _claim(
                    document,
                    "ratio",
                    _LEVEL_METRIC,
                    "2023",
                    f"{_text(q)}倍",
                    measure="multiple",
                    base="2022",
                )
            )
        else:
            assume(current != previous)
            delta = current - previous
            truth["change"] = delta
            word = "增加" if delta > 0 else "减少"
            claims.append(
                _claim(
                    document,
                    "change",
                    _LEVEL_METRIC,
                    "2023",
                    word + draw(printed_values(abs(delta), qualifiers=("plain",), honest=honest)),
                    measure="change",
                )
            )
        roles = {
            "previous": ("previous", _LEVEL_METRIC, "level", "2022"),
            "current": ("current", _LEVEL_METRIC, "level", "2023"),
        }
    elif kind == "cagr":
        base = draw(_positive())
        years = draw(st.integers(min_value=2, max_value=5))
        rate = Decimal(draw(st.integers(min_value=-100, max_value=300))) / 1000
        end = base * (1 + rate) ** years
        first, last = 2021 - years + 1, 2021
        level("end", _LEVEL_METRIC, str(last), end)
        level("base", _LEVEL_METRIC, str(first - 1), base)
        truth["rate"] = rate * 100
        claims.append(
            _claim(
                document,
                "rate",
                _LEVEL_METRIC,
                f"{first}..{last}",
                _percent_text(rate * 100, draw(st.integers(0, 2))),
                measure="cagr",
            )
        )
        roles = {
            "base": ("base", _LEVEL_METRIC, "level", str(first - 1)),
            "end": ("end", _LEVEL_METRIC, "level", str(last)),
        }
    elif kind == "share-points":
        # 即墨区's share of 青岛市 this year and its rise in 百分点 over last year's share, which
        # is printed nowhere: only both levels this year and both growth rates are.
        whole0 = draw(_positive())
        share0 = Decimal(draw(st.integers(min_value=500, max_value=9500))) / 10000
        share1 = Decimal(draw(st.integers(min_value=500, max_value=9500))) / 10000
        growth = Decimal(draw(st.integers(min_value=-200, max_value=600))) / 1000
        whole1 = whole0 * (1 + growth)
        part0, part1 = whole0 * share0, whole1 * share1
        level("part", _LEVEL_METRIC, "2023", part1, subject="即墨区")
        level("whole", _LEVEL_METRIC, "2023", whole1, subject="青岛市")
        for cid, subject, rate in (
            ("part-rate", "即墨区", part1 / part0 - 1),
            ("whole-rate", "青岛市", growth),
        ):
            truth[cid] = rate * 100
            text = _percent_text(rate * 100, draw(st.integers(1, 2)))
            claims.append(
                _claim(document, cid, _LEVEL_METRIC, "2023", text, measure="yoy", subject=subject)
            )
        of_city = Selector(subject="青岛市")
        truth["share"], truth["share0"] = share1 * 100, share0 * 100
        truth["points"] = (share1 - share0) * 100
        claims.append(
            _claim(
                document,
                "share",
                _LEVEL_METRIC,
                "2023",
                _percent_text(share1 * 100, draw(st.integers(1, 2))),
                measure="share",
                subject="即墨区",
                of=of_city,
            )
        )
        points = truth["points"].quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
        claims.append(
            _claim(
                document,
                "points",
                _LEVEL_METRIC,
                "2023",
                f"{_text(points)}个百分点",
                measure="pp",
                subject="即墨区",
                of=of_city,
                against=Selector(period="2022"),
            )
        )
        # Last year's share is left out whatever is asked: no claim prints it.
        roles = {"other": ("share0", _LEVEL_METRIC, "share", "2022")}
    elif kind in ("part", "district", "towns", "period", "capacity"):
        # An order, not an equation: the smaller figure is any fraction of the bigger one, up
        # to all of it. Nothing is derived from an order.
        whole = draw(_positive())
        part = whole * Decimal(draw(st.integers(min_value=1, max_value=10000))) / 10000
        if kind == "part":  # 其中: a scope of the same figure
            level("whole", _LEVEL_METRIC, "2023", whole)
            level("part", _LEVEL_METRIC, "2023", part, part_of="whole", scope="其中市级")
        elif kind == "district":  # a district and its city, for an additive metric
            level("whole", _LEVEL_METRIC, "2023", whole, subject="青岛市")
            level("part", _LEVEL_METRIC, "2023", part, subject="即墨区")
        elif kind == "towns":  # towns of the district (not in the registry), disjoint
            level("whole", _LEVEL_METRIC, "2023", whole)
            # Each town a share of the whole, the shares adding up to at most all of it.
            weights = [draw(st.integers(1, 100)) for _ in TOWNS[: draw(st.integers(2, 4))]]
            total = sum(weights) + draw(st.integers(0, 100))
            for n, (town, w) in enumerate(zip(TOWNS, weights, strict=False)):
                cid = "part" if n == 0 else f"part-{n + 1}"
                level(cid, _LEVEL_METRIC, "2023", whole * w / total, subject=town)
        elif kind == "period":  # a flow metric: revenue over 上半年 within the year's
            within, whole_period = draw(st.sampled_from(SUB_PERIODS))
            level("whole", _LEVEL_METRIC, whole_period, whole)
            level("part", _LEVEL_METRIC, within, part)
        else:  # what was produced, and the capacity stated for it
            level("whole", _LEVEL_METRIC, "2023", whole, status="capacity")
            level("part", _LEVEL_METRIC, "2023", part)
        roles = {}
    else:  # pp: two growth rates of two subjects and their difference
        own = Decimal(draw(st.integers(min_value=-200, max_value=400))) / 10
        other = Decimal(draw(st.integers(min_value=-200, max_value=400))) / 10
        truth["own"], truth["other"], truth["points"] = own, other, own - other
        claims.append(
            _claim(
                document,
                "own",
                _LEVEL_METRIC,
                "2023",
                _percent_text(own, 1),
                measure="yoy",
                subject="即墨区",
            )
        )
        claims.append(
            _claim(
                document,
                "other",
                _LEVEL_METRIC,
                "2023",
                _percent_text(other, 1),
                measure="yoy",
                subject="青岛市",
            )
        )
        diff = own - other
        word = "高" if diff >= 0 else "低"
        text = f"{_text(abs(diff).quantize(Decimal('0.1')))}个百分点"
        claims.append(
            _claim(
                document,
                "points",
                _LEVEL_METRIC,
                "2023",
                text if word == "高" else f"-{text}",
                measure="pp",
                subject="即墨区",
                against=Selector(subject="青岛市"),
            )
        )
        roles = {"other": ("other", _LEVEL_METRIC, "yoy", "2023")}
    missing = None
    if leave_out is not None:
        if not roles:
            raise ValueError(f"leave_out={leave_out!r}: nothing is derived from {kind}")
        if leave_out not in roles:
            raise ValueError(f"leave_out={leave_out!r}: expected one of {sorted(roles)} for {kind}")
        cid, metric, measure, period = roles[leave_out]
        claims = [c for c in claims if c.id != cid]
        subject = "青岛市" if kind == "pp" else "即墨区"
        missing = (subject, metric, measure, period, truth[cid])
    return ClaimSet(_doc(document), tuple(claims), truth, missing)


@st.composite
def reprints(
    draw: st.DrawFn,
    claim_set: ClaimSet,
    *,
    document: str = "doc-b",
    qualifiers: Sequence[str] = QUALIFIERS,
) -> ClaimSet:
    """The same true values printed again by another document, rounding its own way."""
    claims = []
    for c in claim_set.claims:
        true = claim_set.truth[c.id]
        if c.measure == "level":
            text = draw(printed_values(true, qualifiers=qualifiers))
        elif c.measure in ("share", "yoy", "cagr"):
            text = _percent_text(true, draw(st.integers(0, 2)))
        elif c.measure == "pp":
            text = f"{_text(true.quantize(Decimal('0.1'), rounding=ROUND_HALF_EVEN))}个百分点"
        elif c.measure == "multiple":
            text = f"{_text(true.quantize(Decimal('0.01'), rounding=ROUND_HALF_EVEN))}倍"
        else:
            word = "增加" if true > 0 else "减少"
            text = word + draw(printed_values(abs(true), qualifiers=("plain",)))
        claims.append(replace(c, document=document, value=text))
    return ClaimSet(_doc(document), tuple(claims), claim_set.truth)


# --------------------------------------------------------------------------- rules


def _evaluate(node: Any, values: dict[str, Decimal]) -> Decimal:
    if isinstance(node, Number):
        return Decimal(str(node.value)) / (100 if node.percent else 1)
    if isinstance(node, Ref):
        return values[str(node)]
    if isinstance(node, Neg):
        return -_evaluate(node.operand, values)
    if isinstance(node, BinOp):
        a, b = _evaluate(node.left, values), _evaluate(node.right, values)
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        return a * b if node.op == "*" else a / b
    raise ValueError(f"rule_claim_sets cannot draw values for {node}")


def _solvable(expr: Compare, names: list[str]) -> str:
    """The last figure the rule is affine in (常住人口 divides in 人均GDP ≤ GDP / 常住人口 × 1.05;
    人均GDP does not): solved for, it has one value that meets the rule."""
    probe = {n: Decimal(k + 2) for k, n in enumerate(names)}
    for name in reversed(names):

        def f(x: Decimal, name: str = name) -> Decimal:
            values = {**probe, name: x}
            return _evaluate(expr.left, values) - _evaluate(expr.right, values)

        try:
            f0, f1, f2 = f(Decimal(0)), f(Decimal(1)), f(Decimal(2))
        except ArithmeticError:  # decimal.DivisionByZero, InvalidOperation
            continue
        if abs((f2 - f1) - (f1 - f0)) <= Decimal("1e-20") * (1 + abs(f1)) and f1 != f0:
            return name
    raise ValueError(f"rule_claim_sets cannot solve {expr} for any one figure")


@st.composite
def rule_claim_sets(
    draw: st.DrawFn, rule: Rule, registry: Registry, *, document: str = "doc-rule"
) -> ClaimSet:
    """A claim set satisfying ``rule``: every figure but one drawn, that one solved for.

    The one solved for is the last figure the rule is affine in (sums, differences, scaling,
    a divided figure: 三次产业增加值之和 = 地区生产总值, 城镇常住人口 / 常住人口 = 城镇化率,
    人均地区生产总值 ≤ 地区生产总值 / 常住人口 × 1.05). For ``<=`` and ``>=`` it is put on the
    safe side of the solution. Its ``truth`` holds each value in its metric's own unit (元,
    公斤/亩, 67 for 67%; a share as a fraction), the unit the claim prints it in.
    """
    expr: Compare = rule.expr
    if any(isinstance(n, Sum) for n in (expr.left, expr.right)):
        raise ValueError(f"rule {rule.id}: sum() rules are not supported by rule_claim_sets")
    from factcheck.expr import refs

    names = list(dict.fromkeys(str(r) for r in refs(expr)))
    ref_by_name = {str(r): r for r in refs(expr)}

    def unit_of(name: str) -> str:
        metric = registry.metrics.resolve(ref_by_name[name].metric)
        return metric.unit if metric else "元"

    def measure_of(name: str) -> str:
        ref = ref_by_name[name]
        return ref.selector("measure") or ("share" if ref.selector("of") else "level")

    def values_of(name: str) -> st.SearchStrategy[Decimal]:
        # Shares as fractions of their whole; rates (出生率 in ‰, 城镇化率 in %) between 1 and
        # 100; amounts and counts in the millions to hundreds of billions (printed in 万, 亿).
        if measure_of(name) == "share":
            return _positive(0.01, 0.6)
        return _positive(1, 100) if unit_of(name) in _RATE_UNITS else _positive(1e6, 1e11)

    def per(name: str) -> Decimal:
        # Values are drawn as printed, in the metric's unit (城镇化率 67 for 67%, 粮食单产 433
        # for 433公斤/亩); rules read them on the engine's scale (0.67; grams per square
        # metre), and so must the arithmetic that solves for the last figure.
        if measure_of(name) == "share":
            return Decimal(1)
        factor, _ = base_factor(parse_unit(unit_of(name)))
        return 1 / factor

    last = _solvable(expr, names)
    values = {n: draw(values_of(n)) for n in names if n != last}
    as_read = {n: v / per(n) for n, v in values.items()}

    def f(x: Decimal) -> Decimal:
        return _evaluate(expr.left, {**as_read, last: x}) - _evaluate(
            expr.right, {**as_read, last: x}
        )

    f0, f1 = f(Decimal(0)), f(Decimal(1))
    slope = f1 - f0
    assume(slope != 0)
    solution = -f0 / slope
    if expr.op in ("<=", "<"):
        solution += (-1 if slope > 0 else 1) * abs(solution) * Decimal("0.1")
    elif expr.op in (">=", ">"):
        solution += (1 if slope > 0 else -1) * abs(solution) * Decimal("0.1")
    assume(solution > 0)
    values[last] = solution * per(last)
    claims = []
    truth = {}
    for i, name in enumerate(names):
        ref = ref_by_name[name]
        unit = unit_of(name)
        cid = f"f{i}"
        v = values[name]
        if measure_of(name) == "share":
            claims.append(
                _claim(
                    document,
                    cid,
                    ref.metric,
                    "2023",
                    _percent_text(v * 100, 2),
                    measure="share",
                    of=Selector(metric=ref.selector("of")),
                )
            )
        else:
            claims.append(
                _claim(
                    document,
                    cid,
                    ref.metric,
                    "2023",
                    draw(printed_values(v, unit=unit, qualifiers=("plain",), min_digits=4)),
                )
            )
        truth[cid] = v
    return ClaimSet(_doc(document), tuple(claims), truth)


# --------------------------------------------------------------------------- corpora


def corpus_of(claim_sets_: Iterable[ClaimSet], registry: Registry | None = None) -> Corpus:
    """An in-memory corpus of claim sets (no files), validated like a loaded one."""

    reg = registry or _default_registry()
    corpus = Corpus({}, _empty_table(), reg)
    for cs in claim_sets_:
        corpus = extend_corpus(corpus, cs.document, cs.claims)
    return corpus


@lru_cache(maxsize=1)
def _default_registry() -> Registry:
    """The registry of the rules folder beside the package (or ./rules), read once."""
    from pathlib import Path

    from factcheck.registry import load_registry

    here = Path(__file__).resolve().parents[1] / "rules"
    return load_registry(here if here.exists() else "rules")


def with_value(claim_set: ClaimSet, claim_id: str, value: str) -> ClaimSet:
    """The claim set with one claim's printed value replaced (for perturbation tests)."""
    claims = tuple(replace(c, value=value) if c.id == claim_id else c for c in claim_set.claims)
    return replace(claim_set, claims=claims)


__all__ = [
    "QUALIFIERS",
    "RELATION_KINDS",
    "SUB_PERIODS",
    "TOWNS",
    "ClaimSet",
    "claim_sets",
    "corpus_of",
    "printed_values",
    "reprints",
    "rule_claim_sets",
    "with_value",
]
