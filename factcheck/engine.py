"""The consistency engine: instantiate every relation the claims allow, check it under both
readings, derive the figures the claims imply, and report findings that do not cry wolf.

How a run goes:

1. Every claim becomes a *figure* in a pool, keyed by what it is about (subject, metric,
   measure, period, scope, status class, and the figure it is a share of or compared with).
   Keys are integer codes (:mod:`factcheck.keys`): every key a figure has or a relation asks
   for is coded once a run, and joins compare integers.
2. Each relation claim (a share, a growth rate, a 百分点 difference, a 年均增长, a multiple,
   a change) is joined with the figures it relates. When every operand is stated the relation
   is checked; when all but one are, the missing one is derived as an interval with the chain
   of claims it came from. Derived figures feed further relations, up to a fixed point
   (at most :data:`MAX_ROUNDS` rounds).
3. Figures with the same key must agree, stated or derived: two documents can contradict each
   other through arithmetic.
4. Orders are checked: a part (其中) is at most its whole, a district at most its city for
   additive metrics, a document's towns together at most its region, a flow over part of a
   period (上半年) at most the same flow over the whole (全年), production at most capacity.
   Targets are compared with results (info).
   A growth target is a relation too: on the year before's result, giving the target level.
5. Rule sets (``rules/*.yaml``) add domain identities.

Severity comes from the readings (design §5): ``error`` only when the lenient reading of every
claim involved fails; ``warning`` when only the strict reading fails, when an estimate is
involved (a revision), or when a growth rate stated in real terms is compared with a ratio of
nominal levels, or when a growth target is compared with the level it plans; ``info`` for
targets against results. Everything is computed on whole columns at once.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from factcheck import interval as iv
from factcheck.collector import collector_paused
from factcheck.corpus import Corpus
from factcheck.findings import (
    Coverage,
    FigureValue,
    Finding,
    Fix,
    RelationCheck,
    Report,
)
from factcheck.interval import Pair
from factcheck.keys import (
    AGAINST,
    CLS,
    MEASURE,
    METRIC,
    OF,
    PARTS,
    PERIOD,
    SCOPE,
    SUBJECT,
    KeyCodes,
    Vocabulary,
)
from factcheck.orders import (
    capacity,
    hierarchy,
    part_pairs,
    part_whole,
    periods_within,
    targets,
    towns_sum,
)
from factcheck.periods import PeriodError, parse_period, year
from factcheck.pool import (
    ERROR,
    INFO,
    OPERAND_COLUMNS,
    SEVERITY,
    WARNING,
    Columns,
    Context,
    Pool,
    Provenance,
    among,
    claims_of,
    frame_of,
    isin,
)
from factcheck.relations import (
    CAGR,
    RELATIONS,
    ROLE_NAMES,
    SHARE,
    YOY,
    Relation,
    solve,
)
from factcheck.wording import (
    agreement_note,
    apart,
    chain_of,
    claim_key,
    claim_ref,
    display,
    figure_label,
    figure_text,
    fmt,
    num,
    prefetch,
    printed_per_checked,
    reading_note,
    refs,
    should_be,
)

#: Derivation rounds: enough for chains like share → whole → growth → previous year, and a
#: bound so that a cyclic corpus cannot loop.
MAX_ROUNDS = 4

#: An estimate (预计) or preliminary figure restated by a final one may move this much
#: (relative) before the revision is worth a warning rather than a note.
REVISION_BAND = 0.05

#: Beyond this (the larger figure more than twice the smaller, under the lenient reading)
#: a restatement is no revision any statistical practice allows but two figures that
#: cannot both be right — a slip of 万 for 亿, a digit, another scope — and is an error.
#: A rate must also be more than REVISION_POINTS percentage points apart: 预计增长1% against
#: a final 2.1% is a revision of a small number, not a contradiction.
REVISION_LIMIT = 0.5
REVISION_POINTS = 1.0


_STATUS_CLASS = {
    "actual": "A",
    "cumulative": "A",
    "preliminary": "A",
    "estimate": "A",
    "target": "T",
    "capacity": "C",
}
_AMOUNT_FREE_DIMS = ("%", "pp", "ratio")
#: How far (percentage points) growth at current prices may stray from growth in real
#: terms before a real growth rate is worth a warning: China's GDP deflator moved between
#: about −1% and +8% a year since 2000; the band leaves room either side.
DEFLATOR_BAND = (-3.0, 8.0)

#: The measures of relation claims, in the order their instances are built each round.
_RELATION_MEASURES = ("share", "yoy", "pp", "cagr", "multiple", "change")

#: Measures whose key carries the basis (real or nominal): growth rates.
GROWTH_MEASURES = ("yoy", "cagr")


# --------------------------------------------------------------------------- keys


def _selector_fields(
    sel: Any, subject: str, metric: str, period: str, scope: str
) -> tuple[str, str, str, str]:
    """Resolve a selector against the claim's own fields (fields not given are the claim's).

    The scope is inherited only when the selector keeps the claim's metric: 规上工业增加值占GDP
    的比重 has a 规上 numerator and a denominator with no scope.
    """
    if not sel:
        return subject, metric, period, scope
    m = sel.get("metric", metric)
    return (
        sel.get("subject", subject),
        m,
        sel.get("period", period),
        _own_scope(m, sel.get("scope", scope if m == metric else "")),
    )


def _of_key(sel: Any, subject: str, metric: str, period: str, scope: str) -> str:
    if not sel:
        return ""
    s, m, p, sc = _selector_fields(sel, subject, metric, period, scope)
    return f"{m}@{s}@{p}@{sc}{_status_mark(sel)}"


def _status_mark(sel: Any) -> str:
    """What a selector's status adds to the key of what it selects: a share of a target
    (为预算的101.2%) is another figure than a share of an actual."""
    status = sel.get("status") if isinstance(sel, dict) else None
    cls = _STATUS_CLASS.get(status, "A") if isinstance(status, str) else "A"
    return "" if cls == "A" else f"@{cls}"


def _selected(
    of: np.ndarray, subject: np.ndarray, metric: np.ndarray, period: np.ndarray, scope: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """:func:`_selector_fields` for whole columns: the rows that have a selector, and their
    subject, metric, period and scope (a fifth of a million shares at 1M claims)."""
    # A selector is a dict; a row without one holds None or NaN (pandas fills it in).
    given = np.flatnonzero([isinstance(sel, dict) and bool(sel) for sel in of.tolist()])
    sels = of[given].tolist()

    def field(name: str, own: np.ndarray) -> np.ndarray:
        # A part the selector does not name (or names as None or NaN) is the claim's own.
        return np.array(
            [
                mine if (v := sel.get(name)) is None or v != v else v
                for sel, mine in zip(sels, own.tolist(), strict=True)
            ],
            dtype=object,
        )

    m = field("metric", metric[given])
    # The scope is inherited only by a selector that keeps the claim's metric.
    inherited = np.where(m == metric[given], scope[given], "")
    fields = (field("subject", subject[given]), m, field("period", period[given]))
    return given, (*fields, _own_scopes(m, field("scope", inherited)))


def _of_keys(
    of: np.ndarray, subject: np.ndarray, metric: np.ndarray, period: np.ndarray, scope: np.ndarray
) -> np.ndarray:
    """:func:`_of_key` for whole columns."""
    out = np.full(len(of), "", dtype=object)
    given, (s, m, p, sc) = _selected(of, subject, metric, period, scope)
    if len(given):
        # Hardly any selector names a status: the test for the key is all most of them cost.
        marks = [_status_mark(sel) if "status" in sel else "" for sel in of[given].tolist()]
        out[given] = [
            f"{a}@{b}@{c}@{d}{e}"
            for a, b, c, d, e in zip(
                m.tolist(), s.tolist(), p.tolist(), sc.tolist(), marks, strict=True
            )
        ]
    return out


#: Scopes a metric's name may say itself: 规上工业增加值 is of 规上 firms with or without
#: ``scope: 规上``.
_NAMED_SCOPES = ("规上", "限上")


def _own_scopes(metric: np.ndarray, scope: np.ndarray) -> np.ndarray:
    """The scopes, without those the metric's name already says.

    ``scope: 规上`` on 规上工业增加值 repeats the name: the figure is the same with it or
    without, and a report's 规上工业利润总额 printed next to 规模以上工业企业营业收入 (the one
    read with the scope, the other not) must meet it in a rule and across documents.
    """
    out = scope.copy()
    # Hardly a figure has such a scope: only those few are looked at (a fifth of a million
    # selectors at 1M claims).
    named = np.flatnonzero(pd.Series(scope).isin(_NAMED_SCOPES).to_numpy())
    out[named] = [
        _own_scope(m, sc)
        for m, sc in zip(metric[named].tolist(), scope[named].tolist(), strict=True)
    ]
    return out


def _own_scope(metric: str, scope: str) -> str:
    return "" if scope in _NAMED_SCOPES and metric.startswith(scope) else scope


def _scope_parts(ctx: Context, metric: np.ndarray, scope: np.ndarray) -> None:
    """Give a 其中 part printed with its whole's metric and no scope a scope of its own.

    "全区已开工攻坚项目195个，其中市级攻坚项目104个" read without the 市级 leaves the part with
    the whole's key: it would then be "the same figure" as the 195 (here or in any other
    document) and as every other part of it, and disagree with them all. Its own scope keeps
    it to the check it is for, part ≤ whole.
    """
    parts, wholes = ctx.parts
    alike = (scope[parts] == "") & (metric[parts] == metric[wholes])
    # 其中即墨区4个 of 青岛市's 9 is another subject's figure already.
    for column in ("subject", "period"):
        values = ctx.cell.array(column)
        alike &= values[parts] == values[wholes]
    alike = parts[alike]
    if len(alike):
        documents, ids = ctx.cell.array("document"), ctx.cell.array("id")
        scope[alike] = [f"其中#{documents[r]}#{ids[r]}" for r in alike.tolist()]


def _stated_pool(ctx: Context) -> Pool:
    t = ctx.table
    n = len(t)
    subject, metric, measure, period, status, dim = (
        t[c].astype(str).to_numpy(dtype=object)
        for c in ("subject", "metric", "measure", "period", "status", "dim")
    )
    # A rate (出生率6.35‰, 亩产376公斤/亩) is printed in its metric's own unit (the schema
    # checks that): it is the metric's value, the same figure as a level of that metric, and
    # rules and agreement find it as one whichever measure a claims file gave it.
    rates = measure == "rate"
    if rates.any():
        measure = measure.copy()
        measure[rates] = "level"
    span_total = _span_totals(measure, period)
    if len(span_total):
        # 十三五期间年均完成投资320亿元 is 1600亿元 over the five years: the same figure as a
        # level of the span (五年累计), and checked as one (a year's 410亿元 is not above it).
        measure = measure.copy()
        measure[span_total[:, 0].astype(np.int64)] = "level"
    scope = t["scope"].fillna("").astype(str).to_numpy(dtype=object)
    scoped = np.flatnonzero(t["scope"].notna().to_numpy())
    scope[scoped] = _own_scopes(metric[scoped], scope[scoped])
    _scope_parts(ctx, metric, scope)
    # The status class of each of a handful of statuses, spread over the rows.
    status_code, statuses = pd.factorize(status)
    classes = np.array([_STATUS_CLASS.get(s, "A") for s in statuses.tolist()], dtype=object)
    cls = classes[status_code]
    # Only shares and 百分点 name the figure they are taken of; only comparisons name what
    # they compare with: the other rows keep empty parts without a loop over them.
    of_key = np.full(n, "", dtype=object)
    with_of = np.flatnonzero((measure == "share") | (measure == "pp"))
    of_key[with_of] = _of_keys(
        t["of"].to_numpy()[with_of],
        subject[with_of],
        metric[with_of],
        period[with_of],
        scope[with_of],
    )
    against_key = np.full(n, "", dtype=object)
    against = t["against"].to_numpy()
    with_against = np.array(
        [i for i in np.flatnonzero(pd.notna(against)).tolist() if against[i]], dtype=np.int64
    )
    against_key[with_against] = [
        "~".join(f"{k}={v}" for k, v in sorted(against[i].items())) for i in with_against
    ]
    # A growth rate in real terms and one at current prices are different figures.
    measure_key = measure.copy()
    growth = np.flatnonzero(among(measure, GROWTH_MEASURES))
    if len(growth):
        basis = np.where(_real(ctx, growth, metric[growth]), "real", "nominal")
        measure_key[growth] = measure[growth] + ":" + basis.astype(object)
    amounts = (measure == "level") & ~among(dim, _AMOUNT_FREE_DIMS)
    frame = frame_of(
        {
            "fid": np.arange(n),
            "claim": np.arange(n),
            "subject": subject,
            "metric": metric,
            "measure": measure,
            "period": period,
            "scope": scope,
            "cls": cls,
            "status": status,
            "dim": dim,
            "of_key": of_key,
            "against_key": against_key,
            "cap": np.full(n, ERROR),
            "derived": np.zeros(n, dtype=bool),
            "measure_key": measure_key,
        },
        n,
    )
    for reading in ("s", "l"):
        lo = t[f"lo_{reading}"].to_numpy(dtype=float)
        hi = t[f"hi_{reading}"].to_numpy(dtype=float)
        if len(span_total):
            rows, years = span_total[:, 0].astype(np.int64), span_total[:, 1]
            lo, hi = lo.copy(), hi.copy()
            lo[rows] *= years
            hi[rows] *= years
        lo, hi = iv.widen(lo, hi)
        # An amount or a count is never negative: 不到10万元 is [0, 10万].
        frame[f"lo_{reading}"] = np.where(amounts, np.maximum(lo, 0.0), lo)
        frame[f"hi_{reading}"] = hi
    pool = Pool(frame, {}, Provenance(n))
    vocab = pool.vocabularies
    pool.parts = [
        vocabulary.codes(column)
        for vocabulary, column in zip(
            vocab[:CLS], (subject, metric, measure_key, period, scope), strict=True
        )
    ]
    pool.parts.append(np.array([vocab[CLS].code(c) for c in classes], np.int32)[status_code])
    # Most rows name no other figure: only the rows that do are looked up.
    for part, column, rows in ((OF, of_key, with_of), (AGAINST, against_key, with_against)):
        codes = np.full(n, vocab[part].code(""), dtype=np.int32)
        codes[rows] = vocab[part].codes(column[rows])
        pool.parts.append(codes)
    return pool


def _span_totals(measure: np.ndarray, period: np.ndarray) -> np.ndarray:
    """Rows of annual averages (年均) over a span of years, with the span's length: an
    array of (row, years). An average over anything shorter takes part in no check."""
    rows = np.flatnonzero(measure == "average")
    out = []
    for row in rows.tolist():
        try:
            years = parse_period(str(period[row])).years
        except PeriodError:
            continue
        if years >= 2:
            out.append((row, years))
    return np.array(out, dtype=float).reshape(-1, 2)


def _code_keys(pool: Pool, wanted: Iterable[_RoleKeys]) -> None:
    """Code the pool's keys and the keys relations ask for, and mark revised estimates."""
    frame = pool.frame
    wanted = list(wanted)
    blocks = [pool.parts]
    for rk in wanted:
        blocks.extend(rk.keys.values())
    pool.coder = KeyCodes(pool.vocabularies, blocks)
    codes = pool.coder.codes[0]
    next_block = 1
    for rk in wanted:
        for role in rk.keys:
            rk.codes[role] = pool.coder.codes[next_block]
            next_block += 1
    # An estimate that a final figure of the same key restates has been revised: whatever
    # it takes part in is at most a warning (design §5). An estimate nobody revised is
    # checked like any other figure.
    provisional = among(frame["status"], ("estimate", "preliminary"))
    final = ~provisional & (frame["cls"] == "A")
    revised = provisional & isin(codes, codes[final])
    pool.revised_codes = np.unique(codes[revised])
    frame["code"] = codes
    frame["cap"] = np.where(revised, WARNING, ERROR)
    pool.frame = frame  # the column caches start again


# --------------------------------------------------------------------------- relation instances


@dataclass(frozen=True)
class _RoleKeys:
    relation: Relation
    rows: np.ndarray  # the figure ids (pool rows) of the relation claims
    keys: Mapping[str, list[np.ndarray]]  # role → key parts per row (see factcheck.keys)
    codes: dict[str, np.ndarray]  # role → key code per row (-1: none), once the keys are coded
    years: np.ndarray
    cap: np.ndarray  # relation-level severity cap per row
    real: np.ndarray  # a growth rate in real terms, compared with current-price levels


class Block:
    """Named numpy columns of one length: relation instances (see :func:`_attach`) and the
    figures they derive (see :func:`_derive`).

    Not a DataFrame: a run reads and filters these columns a few thousand times, and pandas
    spends tens of microseconds on each column read, row filter or frame built, which at ten
    thousand claims was a third of the whole check. An instance's columns are
    ``{role}_{fid,lo_s,hi_s,lo_l,hi_l,cap}`` (floats, NaN where the role's figure is
    missing), ``{role}_code``, ``years`` and ``relcap``; a derived figure's are ``code``,
    its bounds, ``cap``, ``sources`` and ``how`` (tuples, in object arrays).
    """

    __slots__ = ("columns",)

    def __init__(self, columns: dict[str, np.ndarray] | None = None) -> None:
        self.columns = columns or {}

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    def __setitem__(self, name: str, values: np.ndarray) -> None:
        self.columns[name] = values

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def take(self, rows: np.ndarray) -> Block:
        """The rows at ``rows`` (positions or a boolean mask)."""
        return Block({name: values[rows] for name, values in self.columns.items()})

    def has(self, role: str) -> np.ndarray:
        """Whether each instance has a figure for ``role``."""
        present: np.ndarray = ~np.isnan(self.columns[f"{role}_fid"])
        return present

    @staticmethod
    def concat(blocks: list[Block]) -> Block:
        """The rows of blocks with the same columns, one after the other."""
        blocks = [b for b in blocks if len(b)]
        if not blocks:
            return Block()
        return Block({c: np.concatenate([b[c] for b in blocks]) for c in blocks[0].columns})


def _tuples(items: list[Any]) -> np.ndarray:
    """A list of tuples as a one-dimensional object array (``np.array`` would make a table)."""
    return np.fromiter(items, dtype=object, count=len(items))


#: A key as its parts (see :data:`factcheck.keys.PARTS`).
_Key = tuple[str, str, str, str, str, str, str, str]


@lru_cache(maxsize=65536)
def _period(text: str) -> Any:
    try:
        return parse_period(text)
    except PeriodError:
        return None


@lru_cache(maxsize=65536)
def _previous(text: str) -> str | None:
    p = _period(text)
    return None if p is None else p.shift(-1).text


def _real(ctx: Context, claims: np.ndarray, metric: np.ndarray) -> np.ndarray:
    # The claim's own basis (按可比价格) wins; a missing one (None or NaN) falls back to the
    # metric's default from the registry.
    stated = ctx.table["basis"].to_numpy()[claims]
    code, names = pd.factorize(metric)
    # A missing metric (code −1) reads the None appended last.
    default = np.array([*map(ctx.metric_basis.get, names), None], dtype=object)[code]
    basis = np.where(pd.isna(stated), default, stated)
    return np.asarray(basis == "real", dtype=bool)


def _role_keys(ctx: Context, pool: Pool, measure: str) -> _RoleKeys | None:
    """The key of every operand of each stated relation claim of a measure (the relation
    claim is the first operand; the others are the figures it relates), as part codes.

    Most operands are the claim's own level with some parts changed (the year before, the
    ends of a span, what a selector names): those are built on whole columns, with the
    periods worked out once per distinct period text. Only 百分点 differences, whose
    compared measure depends on the claim, are resolved claim by claim.
    """
    cell = pool.cell
    cls = cell.array("cls")
    # A growth target is checked against the target level of its year (below); the other
    # measures of a plan are only compared with results (:func:`factcheck.orders.targets`).
    stated = (cls == "A") | ((cls == "T") & (measure == "yoy"))
    fids = np.flatnonzero((cell.array("measure") == measure) & stated & ~cell.array("derived"))
    if not len(fids):
        return None
    vocab = pool.vocabularies
    own = [part[fids] for part in pool.parts]
    table = ctx.table
    claims = cell.array("claim")[fids].astype(np.int64)
    of = table["of"].to_numpy()[claims]
    against = table["against"].to_numpy()[claims]
    base = table["base"].to_numpy()[claims]
    texts = {c: cell.array(c)[fids] for c in ("subject", "metric", "period", "scope", "cls")}
    n = len(fids)
    years = np.ones(n)
    cap = np.full(n, ERROR)
    relation = RELATIONS[measure]
    real = _real(ctx, claims, texts["metric"])
    own_texts = [texts[c] for c in ("subject", "metric", "period", "scope")]

    keys: dict[str, list[np.ndarray]] = {}
    if measure == "share":
        keys["part"] = _own_level(own, vocab)
        keys["whole"] = whole = _own_level(own, vocab)
        # The whole is the claim's own level with the parts its selector names changed.
        given, fields = _selected(of, *own_texts)
        for part, values in zip((SUBJECT, METRIC, PERIOD, SCOPE), fields, strict=True):
            whole[part][given] = vocab[part].codes(values)
        # 为预算的101.2%: a share of the year's target. A target may be revised during the
        # year (the report may compare with another version of it): a warning at most.
        targeted = _target_selected(of, given)
        whole[CLS][targeted] = vocab[CLS].code("T")
        cap[targeted] = WARNING
    elif measure == "yoy":
        keys["current"] = _own_level(own, vocab)
        periods = vocab[PERIOD]
        previous = [
            periods.code(q) if (q := _previous(t)) else -1
            for t in periods.texts(np.arange(len(periods))).tolist()
        ]
        keys["previous"] = before = _own_level(own, vocab, np.asarray(previous)[own[PERIOD]])
        # 一般公共预算收入预期50.78亿元，增长5%: a growth target is on the year before's
        # result. A plan may count growth on a basis it does not print (同口径): a warning at most.
        targeted = np.flatnonzero((own[CLS] == vocab[CLS].code("T")) & (before[PERIOD] >= 0))
        before[CLS][targeted] = vocab[CLS].code("A")
        cap[targeted] = WARNING
    elif measure == "cagr":
        ends = _distinct(_cagr_ends, texts["period"], base)
        keys["end"] = _own_level(own, vocab, _period_codes(vocab, [e[0] for e in ends]))
        keys["base"] = _own_level(own, vocab, _period_codes(vocab, [e[1] for e in ends]))
        years = np.array([e[2] for e in ends], dtype=float)
    elif measure in ("multiple", "change"):
        ends = _distinct(
            lambda period, base, against: _span_ends(period, base, against, measure),
            texts["period"],
            base,
            against,
        )
        keys["current"] = _own_level(own, vocab, _period_codes(vocab, [e[0] for e in ends]))
        # Compared with another subject or metric (比全国高): the base is that figure.
        based = _period_codes(vocab, [e[1] if e[0] is not None else None for e in ends])
        keys["base"] = other = _own_level(own, vocab, based)
        given, fields = _selected(against, *own_texts)
        keep = based[given] >= 0
        for part, values in zip((SUBJECT, METRIC, SCOPE), fields[:2] + fields[3:], strict=True):
            other[part][given[keep]] = vocab[part].codes(values[keep])
        targeted = _target_selected(against, given[keep])
        other[CLS][targeted] = vocab[CLS].code("T")  # 完成年度计划的1.08倍
        cap[targeted] = WARNING
    else:
        keys = _pp_keys(ctx, vocab, texts, of, against, real)
    if measure not in ("share", "pp"):
        cap[real] = WARNING  # a real growth rate against nominal levels: a warning at most
    deflated = real if measure in ("yoy", "cagr") else np.zeros(n, dtype=bool)
    return _RoleKeys(relation, fids, keys, {}, years, cap, deflated)


def _target_selected(sels: np.ndarray, given: np.ndarray) -> np.ndarray:
    """The rows of ``given`` whose selector names a target (``status: target``)."""
    picked = sels[given].tolist()
    return given[[("status" in sel and _status_mark(sel) == "@T") for sel in picked]].astype(
        np.int64
    )


def _distinct(fn: Callable[..., Any], period: np.ndarray, *more: np.ndarray) -> list[Any]:
    """``fn`` of each row's period and selectors, worked out once per distinct combination:
    a million claims print a few dozen periods."""
    done: dict[Any, Any] = {}
    out = []
    for row in zip(period.tolist(), *(m.tolist() for m in more), strict=True):
        key = tuple(_hashable(x) for x in row)
        if key not in done:
            done[key] = fn(*row)
        out.append(done[key])
    return out


def _hashable(x: Any) -> Any:
    if isinstance(x, dict):
        return tuple(sorted(x.items()))
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


def _cagr_ends(period: str, base: Any) -> tuple[str | None, str | None, float]:
    """The end year, the base year and the number of years of a 年均增长 over a span."""
    span = _period(period)
    if span is None or span.kind != "span":
        return None, None, 1.0
    base_year = _base_year(base, span.start.year - 1)
    if base_year is None:
        return None, None, 1.0
    return str(span.end.year), str(base_year), float(max(span.end.year - base_year, 1))


def _period_codes(vocab: list[Vocabulary], texts: list[str | None]) -> np.ndarray:
    """Period part codes of texts (−1 for None: that row has no such operand)."""
    codes = np.full(len(texts), -1, dtype=np.int32)
    present = np.flatnonzero([t is not None for t in texts])
    if len(present):
        column = np.asarray(texts, dtype=object)[present]
        codes[present] = vocab[PERIOD].codes(column)
    return codes


def _pp_keys(
    ctx: Context,
    vocab: list[Vocabulary],
    texts: Mapping[str, np.ndarray],
    of: np.ndarray,
    against: np.ndarray,
    real: np.ndarray,
) -> dict[str, list[np.ndarray]]:
    """The two figures a 百分点 difference compares, claim by claim: what they are (growth
    rates, shares or levels in %) depends on the claim's selectors and its metric's unit."""
    subj, met, per, sc, cls = (
        texts[c].tolist() for c in ("subject", "metric", "period", "scope", "cls")
    )
    basis_of = np.where(real, "real", "nominal").tolist()
    own: list[_Key] = []
    other: list[_Key] = []
    for i in range(len(subj)):
        s, m, p, c, k = subj[i], met[i], per[i], sc[i], cls[i]
        compared = _compared_measure(against[i], of[i], ctx.metric_unit.get(m, ""))
        os_ = _of_key(of[i], s, m, p, c) if compared == "share" else ""
        if compared in GROWTH_MEASURES:
            compared = f"{compared}:{basis_of[i]}"
        own.append((s, m, compared, p, c, k, os_, ""))
        bs, bm, bp, bc = _selector_fields(against[i], s, m, p, c)
        ob = _of_key(of[i], bs, bm, bp, bc) if compared == "share" else ""
        other_measure = compared
        if bm != m and ":" in compared:
            basis = ctx.metric_basis.get(bm, "nominal")
            other_measure = f"{compared.split(':')[0]}:{basis}"
        other.append((bs, bm, other_measure, bp, bc, k, ob, ""))
    rows = np.arange(len(subj), dtype=np.int64)
    keys: dict[str, list[np.ndarray]] = {}
    for role, resolved in (("own", own), ("other", other)):
        keys[role] = [np.full(len(subj), -1, dtype=np.int32) for _ in PARTS]
        _set_keys(keys[role], vocab, rows, list(resolved))
    return keys


def _own_level(
    own: list[np.ndarray], vocab: list[Vocabulary], period: np.ndarray | None = None
) -> list[np.ndarray]:
    """The key parts of the claims' own level (in another period: −1 where there is none)."""
    parts = [p.copy() for p in own]
    parts[MEASURE][:] = vocab[MEASURE].code("level")
    parts[OF][:] = vocab[OF].code("")
    parts[AGAINST][:] = vocab[AGAINST].code("")
    if period is not None:
        parts[PERIOD] = period
        for p in parts:
            p[period < 0] = -1
    return parts


def _set_keys(
    parts: list[np.ndarray], vocab: list[Vocabulary], rows: np.ndarray, keys: list[_Key | None]
) -> None:
    """Write keys given as tuples of texts (None: no key) into part-code columns."""
    present = np.array([k is not None for k in keys], dtype=bool)
    for p in parts:
        p[rows[~present]] = -1
    given = [k for k in keys if k is not None]
    if not given:
        return
    for j, texts in enumerate(zip(*given, strict=True)):
        parts[j][rows[present]] = vocab[j].codes(np.asarray(texts, dtype=object))


def _base_year(base: Any, default: int) -> int | None:
    if base is None or (isinstance(base, float) and math.isnan(base)):
        return default
    p = _period(str(base))
    return None if p is None else p.end.year


def _span_ends(period: str, base: Any, against: Any, measure: str) -> tuple[str | None, str | None]:
    """The current and base periods of a multiple or a change."""
    p = _period(period)
    if p is None:
        return None, None
    current = str(p.end.year) if p.kind == "span" else period
    if base is not None and not (isinstance(base, float) and math.isnan(base)):
        bp = _period(str(base))
        return current, None if bp is None else bp.text
    if against and "period" in against:
        return current, against["period"]
    if against and ("subject" in against or "metric" in against or "status" in against):
        return current, current  # 比全国高, 完成年度计划的1.08倍: the same period
    if p.kind == "span":
        return current, year(p.start.year - 1).text
    return current, (_previous(period) if measure == "change" else None)


def _compared_measure(against: Any, of: Any, metric_unit: str) -> str:
    """What a 百分点 difference is a difference of."""
    if against and "measure" in against:
        return str(against["measure"])
    if of:
        return "share"
    if metric_unit in ("%", "‰"):
        return "level"
    return "yoy"


def _not_circular(pool: Pool, relation: Relation, inst: Block) -> np.ndarray:
    """Instances whose operands were not derived from the relation claim itself.

    A share derives its whole; checking the share against that whole again proves nothing.
    """
    first = inst[f"{relation.roles[0]}_fid"]
    keep = np.ones(len(inst), dtype=bool)
    for role in relation.roles[1:]:
        fids = inst[f"{role}_fid"]
        # A stated operand is its own claim, never the relation claim: only derived ones
        # can lead back to it.
        rows = np.flatnonzero(fids >= pool.stated)
        if not len(rows):
            continue
        operand = fids[rows].astype(np.int64)
        claim = first[rows].astype(np.int64)
        # (figure, claim) pairs of the operands' provenance against (operand, relation
        # claim), as single integers.
        owners = np.unique(operand)
        sources = [pool.provenance.get(f, ()) for f in owners.tolist()]
        owner = np.repeat(owners, [len(s) for s in sources])
        source = np.fromiter(
            itertools.chain.from_iterable(sources), dtype=np.int64, count=len(owner)
        )
        width = int(max(source.max(initial=0), claim.max(initial=0))) + 1
        keep[rows[isin(operand * width + claim, owner * width + source)]] = False
    return keep


def _growth_targets(pool: Pool, inst: Block) -> np.ndarray:
    """Which instances of the growth relation are a growth target's (status target)."""
    targets: np.ndarray = pool.cell.array("cls")[inst["rate_fid"].astype(np.int64)] == "T"
    return targets


def _not_on_a_revised_estimate(pool: Pool, inst: Block) -> np.ndarray:
    """The instances to keep: not a growth target on an estimate a final figure restated.

    A plan printed beside 预计2016年…199亿元 and a later 204亿元 is on the final figure; taken on
    both, the target would derive two levels and report them as two targets that differ.
    """
    target = _growth_targets(pool, inst)
    if not target.any() or not len(pool.revised_codes):
        return np.ones(len(inst), dtype=bool)
    previous = inst["previous_fid"]
    at = np.where(np.isnan(previous), pool.stated, previous).astype(np.int64)
    keep: np.ndarray = ~(target & _revised_estimates(pool, at))
    return keep


def _revised_estimates(pool: Pool, fids: np.ndarray) -> np.ndarray:
    """Which of the figures are estimates (预计, 初步核算) that a final figure of the same key
    restated. Derived figures (ids from ``pool.stated`` on) never are."""
    stated = fids < pool.stated
    if not len(pool.revised_codes) or not stated.any():
        return np.zeros(len(fids), dtype=bool)
    at = np.where(stated, fids, 0)
    revised: np.ndarray = (
        stated
        & among(pool.cell.array("status")[at], ("estimate", "preliminary"))
        & isin(pool.cell.array("code")[at], pool.revised_codes)
    )
    return revised


def _allow_deflator(inst: Block, rate: str) -> None:
    """Widen growth rates stated in real terms by the price change levels may carry.

    A real growth rate (按可比价格, GDP and 增加值) compared with a ratio of current-price
    levels differs by the deflator. Within :data:`DEFLATOR_BAND` the difference is expected
    and reported as nothing; beyond it the finding is a warning at most (``relcap``). A
    growth target is capped too (its plan may count on another basis) but not widened.
    """
    real = inst["real"].astype(bool)
    if not real.any():
        return
    low, high = DEFLATOR_BAND
    for reading in ("s", "l"):
        inst[f"{rate}_lo_{reading}"] = np.where(
            real, inst[f"{rate}_lo_{reading}"] + low, inst[f"{rate}_lo_{reading}"]
        )
        inst[f"{rate}_hi_{reading}"] = np.where(
            real, inst[f"{rate}_hi_{reading}"] + high, inst[f"{rate}_hi_{reading}"]
        )


def _attach(rk: _RoleKeys, pool: Pool, fresh: np.ndarray | None = None) -> Block:
    """One row per combination of operands: the relation claim and each role's figures.

    A left join per role on integer key codes; a role whose figure is missing gets NaN
    (fid, bounds and cap), a key stated twice gives two rows. With ``fresh`` (the key codes
    of the figures the last round derived), only relation claims with an operand among
    them: every other instance is as it was last round.
    """
    first = rk.relation.roles[0]
    take = np.arange(len(rk.rows))
    if fresh is not None:
        hit = np.zeros(len(rk.rows), dtype=bool)
        for role_codes in rk.codes.values():
            hit |= isin(role_codes, fresh)
        take = np.flatnonzero(hit)
    index = pool.index
    # Joins narrow and repeat rows: follow them as row numbers, then read each column once.
    rows = take
    matched: dict[str, np.ndarray] = {}
    for role, role_codes in rk.codes.items():
        left, right = index.left_join(role_codes[rows])
        rows = rows[left]
        matched = {r: m[left] for r, m in matched.items()}
        matched[role] = right
    claim = rk.rows[rows]
    columns: dict[str, np.ndarray] = {
        f"{first}_{c}": index.columns[c][claim] for c in OPERAND_COLUMNS
    }
    columns["years"] = rk.years[rows]
    columns["relcap"] = rk.cap[rows]
    columns["real"] = rk.real[rows]
    for role, role_codes in rk.codes.items():
        columns[f"{role}_code"] = role_codes[rows]
    for role, right in matched.items():
        found = right >= 0
        at = np.where(found, right, 0)
        for c in OPERAND_COLUMNS:
            columns[f"{role}_{c}"] = np.where(found, index.columns[c][at], np.nan)
    return Block(columns)


# --------------------------------------------------------------------------- the run


def check(
    corpus: Corpus, rules: Any = None, *, figures: bool = True, relations: bool = False
) -> Report:
    """Check a corpus: every built-in relation, every rule, every agreement.

    Args:
        corpus: claims loaded with :func:`factcheck.load_corpus`.
        rules: a rule set from :func:`factcheck.load_rules` (``None``: built-in relations only).
        figures: also list every stated and derived figure in ``report.figures`` (for
            ``factcheck show`` and charts; a large corpus runs faster without).
        relations: also list every relation evaluated in ``report.relations`` (one JUnit
            test case each).

    Returns:
        The findings, sorted by severity and place, and the coverage of the run.
    """
    with collector_paused():
        return _check(corpus, rules, figures=figures, relations=relations)


def _check(corpus: Corpus, rules: Any, *, figures: bool, relations: bool) -> Report:
    registry = corpus.registry
    table = corpus.table.reset_index(drop=True)
    levels = table.index[table["measure"] == "level"]
    first_level = table.loc[levels, "metric"].drop_duplicates()
    ctx = Context(
        table=table,
        corpus=corpus,
        metric_basis={m.name: m.basis for m in registry.metrics},
        metric_unit={m.name: m.unit for m in registry.metrics},
        cell=Columns(table),
        level_claim=dict(zip(first_level.to_numpy(), first_level.index, strict=True)),
        parts=part_pairs(table),
    )
    pool = _stated_pool(ctx)
    # The relation claims are stated figures: their operands' keys are the same every round.
    role_keys = {measure: _role_keys(ctx, pool, measure) for measure in _RELATION_MEASURES}
    _code_keys(pool, (rk for rk in role_keys.values() if rk is not None))
    if relations:
        pool.records = []
    findings: list[Finding] = []
    checked = np.zeros(len(table), dtype=bool)
    undecidable: list[str] = []
    evaluated = 0

    rates = _rate_operands(pool, _unstated_rates(pool, role_keys["pp"]))
    _add_implied(pool, rates)
    fresh: np.ndarray = np.array([], dtype=float)
    for round_ in range(MAX_ROUNDS):
        # Figures below this id are in every instance this round attaches.
        attached = len(pool)
        new_rows: list[Block] = []
        # Key codes derived this round by an earlier relation; a key already in the pool
        # never reaches _derive (its operand is present).
        known: set[int] = set()
        fresh_codes = np.unique(pool.cell.array("code")[fresh.astype(np.int64)]) if round_ else None
        for measure in _RELATION_MEASURES:
            rk = role_keys[measure]
            if rk is None:
                continue
            inst = _attach(rk, pool, fresh_codes)
            if rk.relation is YOY:
                inst = inst.take(_not_on_a_revised_estimate(pool, inst))
            if rk.relation in (YOY, CAGR):
                _allow_deflator(inst, rk.relation.roles[0])
            present = {r: inst.has(r) for r in rk.relation.roles[1:]}
            missing: np.ndarray = np.sum([~p for p in present.values()], axis=0).astype(int)
            complete = inst.take(missing == 0)
            if round_:
                # Later rounds check only what the previous round's derived figures made
                # complete: a contradiction reached through a chain of arithmetic.
                uses_fresh = np.zeros(len(complete), dtype=bool)
                for role in rk.relation.roles[1:]:
                    uses_fresh |= isin(complete[f"{role}_fid"], fresh)
                complete = complete.take(uses_fresh)
                complete = complete.take(_not_circular(pool, rk.relation, complete))
            evaluated += len(complete)
            found, took_part = _check_instances(ctx, pool, rk.relation, complete)
            findings.extend(found)
            checked[took_part] = True
            if round_ == 0:
                undecidable.extend(_undecidable(ctx, pool, rk, inst, missing))
            derivable = missing == 1
            if rk.relation is YOY:
                # A plan derives the level it aims at, never last year's result.
                derivable &= ~(_growth_targets(pool, inst) & ~present["previous"])
            derived = _derive(pool, rk.relation, inst.take(derivable), known)
            if len(derived):
                new_rows.append(derived)
                known.update(derived["code"].tolist())
        if not new_rows:
            break
        before = len(pool)
        derived, merged = _merge_copies(Block.concat(new_rows))
        _add_derived(pool, derived)
        _add_implied(pool, rates)
        fresh = np.arange(before, len(pool), dtype=float)
        # Copies that agreed were compared while merging: record that comparison.
        merged_fids = before + np.flatnonzero(merged)
        checked[claims_of(pool, merged_fids)] = True
        if pool.records is not None:
            for fid in merged_fids.tolist():
                title = f"一致性：{figure_label(ctx, pool, fid)}"
                pool.record("FC111", "derived-conflict", title, (fid,), "pass")
        evaluated += int(merged.sum())

    # An implied figure added after the last round was never checked against the 百分点
    # claims that derived copies of it: agreement compares them instead.
    agreement, agreeing, n_groups = _agreement(ctx, pool, rates.figures[rates.figures < attached])
    findings.extend(agreement)
    checked[claims_of(pool, agreeing)] = True
    evaluated += n_groups
    for check_fn in (part_whole, hierarchy, towns_sum, periods_within, capacity, targets):
        found, ordered, n = check_fn(ctx, pool)
        findings.extend(found)
        checked[claims_of(pool, ordered)] = True
        evaluated += n
    if rules is not None:
        found, by_rule, n, und = rules.evaluate(ctx, pool)
        findings.extend(found)
        checked[by_rule] = True
        evaluated += n
        undecidable.extend(und)

    findings.extend(_shares_over_whole(ctx, pool, findings))
    findings = _dedupe(findings)
    findings.sort(key=Finding.sort_key)
    unchecked = np.flatnonzero(~checked)
    coverage = Coverage(
        claims=len(ctx.table),
        checked=int(checked.sum()),
        unchecked=tuple(
            f"{d}#{i}"
            for d, i in zip(
                ctx.cell.array("document")[unchecked].tolist(),
                ctx.cell.array("id")[unchecked].tolist(),
                strict=True,
            )
        ),
        undecidable=tuple(undecidable),
        relations=evaluated,
    )
    return Report(
        tuple(findings),
        coverage,
        _figures(ctx, pool) if figures else (),
        tuple(_resolve_claim_keys(ctx, pool.records or [])),
    )


def _shares_over_whole(ctx: Context, pool: Pool, findings: list[Finding]) -> list[Finding]:
    """FC212 for each share of a whole printed above 100% that no error already names.

    Claims files cannot hold one (the schema rejects it, FC010); a draft can, and its editor
    should hear of it even when neither the part nor the whole is printed. Of the same
    additive metric (占全市的115.5%) a part cannot pass its whole: an error. Of another
    metric it is a warning, since a ratio printed as a share may pass 100% (进出口总额占地区
    生产总值的比重, the trade dependency of a port city).
    """
    cell = pool.cell
    # The bound first: a float comparison, where comparing texts over a million rows is not.
    over = np.flatnonzero(cell.array("lo_l")[: pool.stated].astype(float) > 100.0)
    over = over[(cell.array("measure")[over] == "share") & (cell.array("cls")[over] == "A")]
    if not len(over):
        return []
    named = {(r.document, r.id) for f in findings if f.severity == "error" for r in f.claims}
    of = ctx.table["of"].to_numpy()
    out = []
    for c in over.tolist():
        sel = of[c] if isinstance(of[c], dict) else {}
        if sel.get("status"):
            continue  # 完成年度计划的108%: a share of a target may pass 100%
        ref = claim_ref(ctx, c)
        if (ref.document, ref.id) in named:
            continue
        metric = str(ctx.cell(c, "metric"))
        entry = ctx.corpus.registry.metrics.resolve(metric)
        same = "metric" not in sel and entry is not None and entry.additive
        why = (
            f"{metric}是可加的指标，部分不会大于整体"
            if same
            else f"部分不会大于整体；若是与上年、计划之比或依存度，应写作“为…的{ref.value}”"
            f"“相当于…的{ref.value}”"
        )
        out.append(
            Finding(
                code="FC212",
                name="share-over-whole",
                severity="error" if same else "warning",
                message=f"占比超过100%：「{ref.quote}」中的占比 {ref.value} 大于整体；{why}",
                claims=(ref,),
                metric=metric,
                subject=str(ctx.cell(c, "subject")),
            )
        )
    return out


def _resolve_claim_keys(ctx: Context, records: list[RelationCheck]) -> list[RelationCheck]:
    """Records carry claim row numbers while the run goes; name them ``document#id``."""
    return [
        RelationCheck(
            r.code,
            r.name,
            r.title,
            tuple(f"{ctx.cell(int(c), 'document')}#{ctx.cell(int(c), 'id')}" for c in r.claims),
            r.outcome,
        )
        for r in records
    ]


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """The findings without repeats: the same code, message and claims.

    Repeats are rare and share their message, so only findings whose message was seen
    before are compared further. A run builds one ClaimRef a claim (wording.claim_ref),
    so the object stands for the claim.
    """
    by_message: dict[str, list[Finding]] = {}
    out = []
    for f in findings:
        same = by_message.get(f.message)
        if same is None:
            by_message[f.message] = [f]
        else:
            claims = frozenset(map(id, f.claims))
            if any(g.code == f.code and frozenset(map(id, g.claims)) == claims for g in same):
                continue
            same.append(f)
        out.append(f)
    return out


# --------------------------------------------------------------------------- checking


def _pairs(inst: Block, role: str, reading: str) -> Pair:
    return inst[f"{role}_lo_{reading}"], inst[f"{role}_hi_{reading}"]


def _severity(inst: Block, relation: Relation, ok_s: np.ndarray, ok_l: np.ndarray) -> np.ndarray:
    sev = np.where(~ok_l, ERROR, np.where(~ok_s, WARNING, 0))
    caps = inst["relcap"]
    for role in relation.roles:
        caps = np.minimum(caps, inst[f"{role}_cap"])
    return np.where(sev > 0, np.minimum(sev, caps), 0)


def _check_instances(
    ctx: Context, pool: Pool, relation: Relation, inst: Block
) -> tuple[list[Finding], np.ndarray]:
    """The findings of complete instances, and the claims (rows) that took part."""
    if not len(inst):
        return [], np.array([], dtype=np.int64)
    first = relation.roles[0]
    years = inst["years"]
    ok = {}
    computed = {}
    for reading in ("s", "l"):
        operands = {r: _pairs(inst, r, reading) for r in relation.roles[1:]}
        computed[reading] = solve(relation, first, operands, years)
        ok[reading] = iv.overlaps(computed[reading], _pairs(inst, first, reading))
    sev = _spare_revisions(ctx, pool, relation, inst, _severity(inst, relation, ok["s"], ok["l"]))
    took_part = claims_of(pool, np.concatenate([inst[f"{r}_fid"] for r in relation.roles]))
    if pool.records is not None:
        fid_columns = [inst[f"{r}_fid"] for r in relation.roles]
        for i in range(len(inst)):
            fids = [int(col[i]) for col in fid_columns]
            title = f"{relation.title}：{figure_label(ctx, pool, fids[0])}"
            outcome = SEVERITY[int(sev[i])] if sev[i] else "pass"
            pool.record(relation.code, relation.name, title, fids, outcome)
    failing = np.flatnonzero(sev)
    if not len(failing):
        return [], took_part
    # Everything about the failing instances as plain arrays: building a finding then reads
    # numbers, not pandas rows.
    wanted = ["years", f"{first}_lo_s", f"{first}_hi_s"] + [
        f"{r}_{c}" for r in relation.roles for c in ("fid", "lo_l", "hi_l")
    ]
    bad = {c: inst[c][failing] for c in wanted}
    prefetch(ctx, pool, np.concatenate([bad[f"{r}_fid"] for r in relation.roles]))
    fix_role, fix_need = _relation_fixes(pool, relation, bad)
    strict, lenient = (
        (computed[reading][0][failing], computed[reading][1][failing]) for reading in ("s", "l")
    )
    findings = _relation_findings(
        ctx, pool, relation, bad, sev[failing], (strict, lenient), (fix_role, fix_need)
    )
    return findings, took_part


def _spare_revisions(
    ctx: Context, pool: Pool, relation: Relation, inst: Block, sev: np.ndarray
) -> np.ndarray:
    """At most a warning for a relation claim printed beside an estimate, true of it, and
    failing only with the final figure another document revised that estimate with.

    A plan printed before the final figures (预计 GDP 300.5亿元, 海洋生产总值占比50.0%) was
    consistent with what was known then; the revision is reported on its own (FC102), and the
    instance with the final figure stays visible as a warning. Nothing else is spared: a
    growth rate that only an estimate printed in some other document happens to support is
    still an error against the final figure.
    """
    errors = sev == ERROR
    if not errors.any() or not len(pool.revised_codes):
        return sev
    claim = inst[f"{relation.roles[0]}_fid"].astype(np.int64)
    codes = pool.cell.array("code")
    status = ctx.cell.array("status")
    documents = ctx.cell.array("document")
    own_estimate = np.zeros(len(inst), dtype=bool)
    final_elsewhere = np.zeros(len(inst), dtype=bool)
    for role in relation.roles[1:]:
        fids = inst[f"{role}_fid"].astype(np.int64)
        # Derived figures have no document; they are never spared nor sparing.
        stated = fids < pool.stated
        row = np.where(stated, fids, 0)
        revised = stated & isin(codes[fids], pool.revised_codes)
        # The relation claim is stated: its figure id is its claim's row.
        same = documents[row] == documents[claim]
        estimate = among(status[row], ("estimate", "preliminary"))
        own_estimate |= revised & same & estimate
        final_elsewhere |= revised & ~same & ~estimate
    held = claim[(sev == 0) & own_estimate]
    spared = errors & final_elsewhere & isin(claim, held)
    return np.where(spared, WARNING, sev)


def _relation_findings(
    ctx: Context,
    pool: Pool,
    relation: Relation,
    bad: Mapping[str, np.ndarray],
    sev: np.ndarray,
    computed: tuple[Pair, Pair],
    fix: tuple[np.ndarray, Pair],
) -> list[Finding]:
    """The findings of failing instances (``bad``: their columns), built in one pass over
    plain lists: at a million claims there are fifty thousand of them.

    Instances that fail at the same severity through the same derived figure are one
    finding (see ``_echo_groups``); every other instance is a finding of its own."""
    first, others = relation.roles[0], relation.roles[1:]
    fids = {r: bad[f"{r}_fid"].astype(np.int64) for r in relation.roles}
    through_derived = np.max(np.stack(list(fids.values())), axis=0) >= pool.stated
    echoes = _echo_groups(pool, relation, fids, sev, through_derived)
    alone = np.ones(len(sev), dtype=bool)
    for group in echoes:
        alone[group] = False
    metric = _texts(pool, "metric", fids[first])
    subject = _texts(pool, "subject", fids[first])
    fix_role, (fix_lo, fix_hi) = fix
    fid_lists = {r: f.tolist() for r, f in fids.items()}
    vintages = _vintage_notes(ctx, pool, relation, fids[first], fids[relation.roles[-1]])
    # A warning that fails every reading was capped: say by what, where it is a target.
    lenient_fails = ~iv.overlaps(computed[1], (bad[f"{first}_lo_l"], bad[f"{first}_hi_l"]))
    targeted = pool.cell.array("cls")[fids[first]] == "T"
    capped = [
        "目标数（计划可能按同口径等另一基数计算）" if fails and target else ""
        for fails, target in zip(lenient_fails.tolist(), targeted.tolist(), strict=True)
    ]
    columns = zip(
        range(len(sev)),
        alone.tolist(),
        sev.tolist(),
        through_derived.tolist(),
        bad[f"{first}_lo_s"].tolist(),
        bad[f"{first}_hi_s"].tolist(),
        *(c.tolist() for pair in computed for c in pair),
        fix_role.tolist(),
        fix_lo.tolist(),
        fix_hi.tolist(),
        strict=True,
    )
    # A group's rows in the order of their claims' keys, not of the pool's rows, so that its
    # example and its list do not depend on the order claims were read in. Within a group
    # the derived operands are the same figures; the stated ones (claims, whose references
    # the prefetch made) tell the rows apart.
    stated, claim_refs = pool.stated, ctx.refs
    groups = [
        sorted(
            group.tolist(),
            key=lambda i: [
                (claim_refs[f].document, claim_refs[f].id)
                for r in relation.roles
                if (f := fid_lists[r][i]) < stated
            ],
        )
        for group in echoes
    ]
    findings = []
    examples: dict[int, tuple[str, tuple[tuple[str, str], ...]]] = {}
    wanted = {group[0] for group in groups}
    for (
        i,
        single,
        level,
        derived,
        lo,
        hi,
        cs_lo,
        cs_hi,
        cl_lo,
        cl_hi,
        fix_at,
        need_lo,
        need_hi,
    ) in columns:
        if not single and i not in wanted:
            continue
        row = [fid_lists[r][i] for r in relation.roles]
        head_fid = row[0]
        unit = display(ctx, pool, head_fid)
        operands = "；".join(
            f"{ROLE_NAMES[r]} {figure_text(ctx, pool, fid_lists[r][i])}" for r in others
        )
        stated_text = fmt((lo, hi), unit)
        comp_s_text = fmt((cs_lo, cs_hi), unit)
        comp_l_text = fmt((cl_lo, cl_hi), unit)
        message = (
            f"{relation.title}不符：{figure_label(ctx, pool, head_fid)} 声明为 {stated_text}，"
            f"按「{relation.formula}」由 {operands} 算得 {comp_s_text}"
            f"（宽松读法 {comp_l_text}）；{reading_note(level, capped[i])}{vintages[i]}"
        )
        evidence = (
            ("stated", stated_text),
            ("computed", comp_s_text),
            ("computed_lenient", comp_l_text),
        )
        if not single:
            examples[i] = (message, evidence)
            continue
        if derived:
            message = f"推算值与声明值矛盾（经由推算链）：{message}"
        findings.append(
            Finding(
                code="FC110" if derived else relation.code,
                name="derived-mismatch" if derived else relation.name,
                severity=SEVERITY[level],  # type: ignore[arg-type]
                message=message,
                claims=refs(ctx, pool, row),
                evidence=evidence,
                fix=(_fix(ctx, pool, fid_lists[fix_at][i], (need_lo, need_hi)) if fix_at else None),
                metric=metric[i],
                subject=subject[i],
                chain=chain_of(pool, row),
            )
        )
    for rows in groups:
        findings.append(
            _echo_finding(
                ctx,
                pool,
                relation,
                [[fid_lists[r][i] for r in relation.roles] for i in rows],
                int(sev[rows[0]]),
                examples[rows[0]],
            )
        )
    return findings


def _echo_groups(
    pool: Pool,
    relation: Relation,
    fids: Mapping[str, np.ndarray],
    sev: np.ndarray,
    through_derived: np.ndarray,
) -> list[np.ndarray]:
    """Failing instances that share their derived operands and their severity, two or more
    to a group (row numbers, in row order).

    One figure derived from a wrong or rounded number (青岛市's total, say, from a share of
    山东省's) disagrees with the stated shares of every district of 青岛市: hundreds of
    findings with one cause. Reported one by one, they bury it; reported as one finding that
    names every claim involved, they point at the chain. An instance that fails alone is
    still a finding of its own, so a moved figure is named either way."""
    rows = np.flatnonzero(through_derived)
    if len(rows) < 2:
        return []
    stated = pool.stated
    key = np.stack(
        [np.where(fids[r][rows] >= stated, fids[r][rows], -1) for r in relation.roles]
        + [sev[rows].astype(np.int64)],
        axis=1,
    )
    _, inverse, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    shared = counts[inverse] >= 2
    if not shared.any():
        return []
    rows, inverse = rows[shared], inverse[shared]
    order = np.lexsort((rows, inverse))
    rows, inverse = rows[order], inverse[order]
    starts = np.flatnonzero(np.r_[True, inverse[1:] != inverse[:-1]])
    groups = np.split(rows, starts[1:])
    return sorted(groups, key=lambda g: int(g[0]))


#: How many of an echo group's stated figures its message names; the claims name them all.
ECHO_NAMED = 5


def _echo_finding(
    ctx: Context,
    pool: Pool,
    relation: Relation,
    rows: list[list[int]],
    level: int,
    example: tuple[str, tuple[tuple[str, str], ...]],
) -> Finding:
    """One finding for instances that fail through the same derived figure (see
    ``_echo_groups``). It points at the claims the derived figure came from, names every
    claim of every instance, and offers no fix: whether the chain or the stated figures are
    wrong is for the editor to find out, and the chain is the likelier culprit."""
    stated = pool.stated
    shared = [fid for fid in rows[0] if fid >= stated]
    # Each instance is named by its first stated figure: the head, unless the head is the
    # shared derived figure itself.
    firsts = list(dict.fromkeys(next((f for f in row if f < stated), row[0]) for row in rows))
    named = "、".join(dict.fromkeys(figure_label(ctx, pool, fid) for fid in firsts[:ECHO_NAMED]))
    if len(firsts) > ECHO_NAMED:
        named += f" 等 {len(firsts)} 项"
    derived = "、".join(figure_text(ctx, pool, fid) for fid in shared)
    message, evidence = example
    message = (
        f"同一推算值与多处声明矛盾（经由推算链）：{derived} 与 {len(rows)} 处声明不符"
        f"（{relation.title}：{named}）；多处同时不符，多半是推算链上的数有误，宜先核对推算链。"
        f"例如：{message}"
    )
    everything = shared + [fid for row in rows for fid in row if fid < stated]
    head = shared[0]
    return Finding(
        code="FC110",
        name="derived-mismatch",
        severity=SEVERITY[level],  # type: ignore[arg-type]
        message=message,
        claims=refs(ctx, pool, everything),
        evidence=(*evidence, ("instances", str(len(rows)))),
        fix=None,
        metric=str(pool.cell(head, "metric")),
        subject=str(pool.cell(head, "subject")),
        # Every derived operand of the group is one of the shared figures.
        chain=chain_of(pool, shared),
    )


def _vintage_notes(
    ctx: Context, pool: Pool, relation: Relation, head: np.ndarray, earlier: np.ndarray
) -> list[str]:
    """For a rate over time whose earlier figure another document printed: a note that the
    rate may have been worked out on a revised earlier figure.

    Bulletins compute 同比 and 年均 rates on the latest (revised) figure of the earlier
    year, often on a comparable scope (按可比口径), not on the figure printed a year before.
    The finding stands, since the two printed figures do not fit; the note says where to look.
    """
    notes = [""] * len(head)
    if relation.roles[-1] not in ("previous", "base"):
        return notes
    stated = np.flatnonzero((head < pool.stated) & (earlier < pool.stated))
    documents = ctx.cell.array("document")
    elsewhere = stated[documents[head[stated]] != documents[earlier[stated]]]
    role = ROLE_NAMES[relation.roles[-1]]
    for i in elsewhere.tolist():
        notes[i] = (
            f"；{role}数取自另一文档（{documents[earlier[i]]}）：若该数其后修订，"
            f"或{relation.title}按可比口径计算，应以修订后的数核对"
        )
    return notes


def _texts(pool: Pool, column: str, fids: np.ndarray) -> list[str]:
    return [str(x) for x in pool.cell.array(column)[fids].tolist()]


def _relation_fixes(
    pool: Pool, relation: Relation, bad: Mapping[str, np.ndarray]
) -> tuple[np.ndarray, Pair]:
    """For each failing instance, the stated operand whose change alone restores consistency
    with the least change, and the range it would have to lie in (lenient readings)."""
    n = len(bad["years"])
    years = bad["years"].astype(float)
    derived = pool.cell.array("derived")
    best_gap = np.full(n, np.inf)
    best_role = np.full(n, None, dtype=object)
    best_lo = np.full(n, np.nan)
    best_hi = np.full(n, np.nan)
    for role in relation.roles:
        others = {
            r: (bad[f"{r}_lo_l"].astype(float), bad[f"{r}_hi_l"].astype(float))
            for r in relation.roles
            if r != role
        }
        need = solve(relation, role, others, years)
        own = (bad[f"{role}_lo_l"].astype(float), bad[f"{role}_hi_l"].astype(float))
        g = iv.gap(need, own)
        # Only a figure someone printed can be fixed; a derived one is fixed at its source.
        g = np.where(derived[bad[f"{role}_fid"].astype(int)], np.inf, g)
        better = g < best_gap
        best_gap = np.where(better, g, best_gap)
        best_role = np.where(better, role, best_role)
        best_lo = np.where(better, need[0], best_lo)
        best_hi = np.where(better, need[1], best_hi)
    return best_role, (best_lo, best_hi)


def _fix(ctx: Context, pool: Pool, fid: int, need: tuple[float, float]) -> Fix:
    unit = display(ctx, pool, fid)
    ref = claim_ref(ctx, fid)  # only a stated figure is offered as the fix
    per = printed_per_checked(ctx, pool, fid)
    lo, hi = float(need[0]) / per, float(need[1]) / per
    text = f"若其他数字无误，「{ref.quote or ref.value}」{should_be((lo, hi), unit)}"
    return Fix(ref.key, num(lo, unit), num(hi, unit), unit[0], text)


def _derive(pool: Pool, relation: Relation, inst: Block, known: set[int]) -> Block:
    """Figures implied by relations with exactly one operand missing (and not in ``known``)."""
    out = []
    if not len(inst):
        return Block()
    years = inst["years"]
    for role in relation.roles[1:]:
        sel = ~inst.has(role)
        if not sel.any():
            continue
        part = inst.take(sel)
        codes = part[f"{role}_code"]
        usable = (codes >= 0) & ~isin(codes, list(known))
        part = part.take(usable)
        if not len(part):
            continue
        others = [r for r in relation.roles if r != role]
        res = {}
        for reading in ("s", "l"):
            operands = {r: _pairs(part, r, reading) for r in others}
            res[reading] = solve(relation, role, operands, years[sel][usable])
        cap = part["relcap"]
        for r in others:
            cap = np.minimum(cap, part[f"{r}_cap"])
        operand_fids = {r: part[f"{r}_fid"].astype(int) for r in others}
        out.append(_derived(relation, role, part[f"{role}_code"], res, cap, operand_fids))
    return Block.concat(out)


def _derived(
    relation: Relation,
    role: str,
    codes: np.ndarray,
    bounds: Mapping[str, Pair],
    cap: np.ndarray,
    operand_fids: Mapping[str, np.ndarray],
) -> Block:
    """Figures of ``role`` derived through ``relation``: their key codes, bounds under each
    reading, severity caps, and the figures they came from with the step that led here."""
    how = (
        f"{relation.title}（{relation.formula}）：由"
        + "、".join(ROLE_NAMES[r] for r in operand_fids)
        + f"推得{ROLE_NAMES[role]}",
    )
    fids = [f.tolist() for f in operand_fids.values()]
    return Block(
        {
            "code": codes.astype(np.int64),
            "lo_s": bounds["s"][0],
            "hi_s": bounds["s"][1],
            "lo_l": bounds["l"][0],
            "hi_l": bounds["l"][1],
            "cap": np.asarray(cap, dtype=np.int64),
            "sources": _tuples(list(zip(*fids, strict=True))),
            "how": _tuples([how] * len(codes)),
        }
    )


def _unstated_rates(pool: Pool, points: _RoleKeys | None) -> np.ndarray:
    """Key codes of the shares and growth rates at current prices that 百分点 comparisons
    ask for and no claim states (see :func:`_rate_operands`)."""
    none = np.array([], dtype=np.int64)
    if points is None:
        return none
    assert pool.coder is not None
    codes = np.unique(np.concatenate([points.codes["own"], points.codes["other"]]))
    codes = codes[codes >= 0]
    codes = codes[~isin(codes, pool.cell.array("code")[: pool.stated])]
    if not len(codes):
        return none
    measure = pool.vocabularies[MEASURE].texts(pool.coder.part_codes(codes)[MEASURE])
    implied: np.ndarray = codes[among(measure, _IMPLIED_MEASURES)].astype(np.int64)
    return implied


#: The measures a figure nobody states is implied for from its levels. A growth rate in real
#: terms is not: the ratio of current-price levels differs from it by the deflator.
_IMPLIED_MEASURES = ("share", "yoy:nominal")


@dataclass
class _Implied:
    """Shares and growth rates nobody states, with the key codes of the levels each is the
    ratio of, the ones still to imply, and the figures implied so far.

    Attributes:
        plans: per relation, the rates' key codes and each operand role's key codes.
        pending: per plan, which rates are not implied yet.
        figures: ids of the figures implied so far.
        seen: the pool's length at the last attempt; a rate not implied then can only be
            once one of its levels is among the figures added since.
    """

    plans: list[tuple[Relation, np.ndarray, dict[str, np.ndarray]]]
    pending: list[np.ndarray]
    figures: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.int64))
    seen: int = -1


def _rate_operands(pool: Pool, codes: np.ndarray) -> _Implied:
    """The level keys each of the rates ``codes`` is the ratio of: a share's part and whole,
    a growth rate's current and previous level. A rate with a level key that no figure of
    the run can have (no claim states it, no relation derives it) is left out.

    Relations are otherwise instantiated by the claims that state them, so 占比38.5%，较上年同期
    提高9.2个百分点 beside both growth rates compared the share with last year's share that
    nobody printed, and went unchecked although the levels it is the ratio of were derived.
    Only the figures a 百分点 difference compares are implied: any other share or rate would
    only be compared with nothing.
    """
    assert pool.coder is not None
    vocab = pool.vocabularies
    parts = pool.coder.part_codes(codes)
    measure = vocab[MEASURE].texts(parts[MEASURE])
    level = [p.copy() for p in parts]
    level[MEASURE][:] = vocab[MEASURE].get("level")
    level[OF][:] = vocab[OF].get("")
    level[AGAINST][:] = vocab[AGAINST].get("")
    plans: list[tuple[Relation, np.ndarray, dict[str, list[np.ndarray]]]] = []
    shares = np.flatnonzero(measure == "share")
    if len(shares):
        # The whole is named in the share's key as 指标@主体@时期@口径, a target with @T.
        named = [t.split("@") for t in vocab[OF].texts(parts[OF][shares]).tolist()]
        # A 百分点 may say it compares shares (against: {measure: share}) without naming a
        # whole: nothing to divide by.
        shares = shares[[len(n) >= 4 for n in named]]
        named = [n for n in named if len(n) >= 4]
        whole = [p[shares].copy() for p in level]
        for part, at in ((METRIC, 0), (SUBJECT, 1), (PERIOD, 2), (SCOPE, 3)):
            whole[part] = vocab[part].find(np.array([n[at] for n in named], dtype=object))
        whole[CLS] = vocab[CLS].find(
            np.array([n[4] if len(n) > 4 else "A" for n in named], dtype=object)
        )
        plans.append((SHARE, shares, {"part": [p[shares] for p in level], "whole": whole}))
    growth = np.flatnonzero(measure == "yoy:nominal")
    if len(growth):
        current = [p[growth] for p in level]
        before = [p.copy() for p in current]
        periods = vocab[PERIOD].texts(current[PERIOD]).tolist()
        before[PERIOD] = vocab[PERIOD].find(
            np.array([_previous(t) or "" for t in periods], dtype=object)
        )
        plans.append((YOY, growth, {"current": current, "previous": before}))
    out = _Implied([], [])
    for relation, rows, operands in plans:
        keys = {role: pool.coder.lookup(key) for role, key in operands.items()}
        possible = np.logical_and.reduce([k >= 0 for k in keys.values()])
        out.plans.append(
            (relation, codes[rows][possible], {r: k[possible] for r, k in keys.items()})
        )
        out.pending.append(np.ones(int(possible.sum()), dtype=bool))
    return out


def _add_implied(pool: Pool, rates: _Implied) -> None:
    """Imply the rates whose levels the pool now holds (stated or derived) and add them."""
    fresh = None if rates.seen < 0 else pool.cell.array("code")[rates.seen :]
    out = []
    for (relation, codes, operands), pending in zip(rates.plans, rates.pending, strict=True):
        todo = pending.copy()
        if fresh is not None:
            todo &= np.logical_or.reduce([isin(k, fresh) for k in operands.values()])
        rows = np.flatnonzero(todo)
        if not len(rows):
            continue
        implied = _implied(pool, relation, codes[rows], {r: k[rows] for r, k in operands.items()})
        if len(implied):
            pending[rows[isin(codes[rows], implied["code"])]] = False
            out.append(implied)
    start = len(pool)
    if out:
        # A level restated at another precision implies the rate twice: one figure, as for
        # derived copies, so that one wrong 百分点 is one finding.
        _add_derived(pool, _merge_copies(Block.concat(out))[0])
    rates.figures = np.concatenate([rates.figures, np.arange(start, len(pool), dtype=np.int64)])
    rates.seen = len(pool)


def _implied(
    pool: Pool, relation: Relation, codes: np.ndarray, operands: Mapping[str, np.ndarray]
) -> Block:
    """The first role of ``relation`` under each key of ``codes``, from the figures under the
    other roles' key codes, one figure per combination found."""
    index = pool.index
    rows = np.arange(len(codes))
    matched: dict[str, np.ndarray] = {}
    for role, key in operands.items():
        left, right = index.left_join(key[rows])
        found = right >= 0
        rows = rows[left[found]]
        matched = {r: m[left[found]] for r, m in matched.items()}
        matched[role] = right[found]
    # A level an estimate once gave and a final figure restated implies nothing: last year's
    # share is the one the final figures give, not a second, stale one beside it.
    current = np.ones(len(rows), dtype=bool)
    for m in matched.values():
        current &= ~_revised_estimates(pool, m)
    rows = rows[current]
    matched = {r: m[current] for r, m in matched.items()}
    if not len(rows):
        return Block()
    res = {}
    for reading in ("s", "l"):
        given = {
            r: (index.columns[f"lo_{reading}"][m], index.columns[f"hi_{reading}"][m])
            for r, m in matched.items()
        }
        res[reading] = solve(relation, relation.roles[0], given, np.ones(len(rows)))
    keep = ~np.isnan(np.stack([*res["s"], *res["l"]])).any(axis=0)
    cap = np.minimum.reduce([index.columns["cap"][m] for m in matched.values()])
    return _derived(
        relation,
        relation.roles[0],
        codes[rows][keep],
        {r: (lo[keep], hi[keep]) for r, (lo, hi) in res.items()},
        cap[keep],
        {r: m[keep] for r, m in matched.items()},
    )


def _merge_copies(derived: Block) -> tuple[Block, np.ndarray]:
    """Few figures per key where many instances derived the same key.

    Every child's share of a city's unstated level derives its own copy of that level, and
    copies breed copies in the next round; joined with every relation that uses the level,
    they made the instance tables grow with the square of the corpus. So copies of a key
    (with the same severity cap) are swept in order of their lower edges into clusters that
    share a common point under both readings, and each cluster becomes one figure: the
    intersection of its copies, with the union of their sources.

    Nothing is lost. For intervals, a family has a common point exactly when every pair
    overlaps (Helly, in one dimension), and every relation is monotone in each operand, so a
    check against a cluster's intersection fails exactly when a check against one of its
    copies would; two clusters that do not overlap mean two copies that do not, which
    agreement then reports (FC111). Copies with an undefined bound stay as they are.

    Returns:
        The derived figures, and a flag per row: True where it merged two or more copies.
    """
    n = len(derived)
    none = np.zeros(n, dtype=bool)
    if not n:
        return derived, none
    code, cap = derived["code"], derived["cap"]
    bounds = [derived[c] for c in ("lo_s", "hi_s", "lo_l", "hi_l")]
    # Copies: rows whose code and cap another row shares, with every bound defined.
    group = code * 4 + cap  # caps are 0…3
    _, inverse, counts = np.unique(group, return_inverse=True, return_counts=True)
    dup = (counts[inverse] >= 2) & ~np.isnan(np.stack(bounds)).any(axis=0)
    if not dup.any():
        return derived, none
    at = np.flatnonzero(dup)
    at = at[np.lexsort((bounds[2][at], bounds[0][at], cap[at], code[at]))]
    cluster = _sweep(code[at], cap[at], *(b[at] for b in bounds))
    sizes = np.bincount(cluster)
    merging = sizes[cluster] >= 2
    if not merging.any():
        return derived, none
    rows, ids = at[merging], cluster[merging]
    # Clusters are runs of consecutive rows: one figure per run.
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    merged = Block(
        {
            "code": code[rows][starts],
            "lo_s": np.maximum.reduceat(bounds[0][rows], starts),
            "hi_s": np.minimum.reduceat(bounds[1][rows], starts),
            "lo_l": np.maximum.reduceat(bounds[2][rows], starts),
            "hi_l": np.minimum.reduceat(bounds[3][rows], starts),
            "cap": cap[rows][starts],
        }
    )
    # Union of sources and of derivation steps per cluster, in first-seen order.
    union: dict[int, tuple[dict[Any, None], dict[Any, None]]] = {}
    for cid, sources, hows in zip(
        ids.tolist(), derived["sources"][rows].tolist(), derived["how"][rows].tolist(), strict=True
    ):
        seen_sources, seen_hows = union.setdefault(cid, ({}, {}))
        seen_sources.update(dict.fromkeys(sources))
        seen_hows.update(dict.fromkeys(hows))
    merged["sources"] = _tuples([tuple(u[0]) for u in union.values()])
    merged["how"] = _tuples([tuple(u[1]) for u in union.values()])
    keep = np.ones(n, dtype=bool)
    keep[rows] = False
    out = Block.concat([derived.take(keep), merged])
    flags = np.zeros(len(out), dtype=bool)
    flags[int(keep.sum()) :] = True
    return out, flags


def _sweep(
    keys: np.ndarray,
    caps: np.ndarray,
    lo_s: np.ndarray,
    hi_s: np.ndarray,
    lo_l: np.ndarray,
    hi_l: np.ndarray,
) -> np.ndarray:
    """Cluster ids for copies sorted by key, cap and lower edge: a new cluster starts where
    a copy misses the running intersection of the current one under either reading."""
    out = np.empty(len(keys), dtype=np.int64)
    cid = -1
    last: tuple[Any, Any] | None = None
    run = (0.0, 0.0, 0.0, 0.0)
    for i in range(len(keys)):
        group = (keys[i], caps[i])
        a_s, b_s, a_l, b_l = lo_s[i], hi_s[i], lo_l[i], hi_l[i]
        if (
            group == last
            and max(run[0], a_s) <= min(run[1], b_s)
            and max(run[2], a_l) <= min(run[3], b_l)
        ):
            run = (max(run[0], a_s), min(run[1], b_s), max(run[2], a_l), min(run[3], b_l))
        else:
            cid += 1
            last = group
            run = (a_s, b_s, a_l, b_l)
        out[i] = cid
    return out


def _add_derived(pool: Pool, derived: Block) -> None:
    if not len(derived):
        return
    start = len(pool)
    assert pool.coder is not None
    codes = derived["code"].astype(np.int64)
    subject, metric, measure_key, period, scope, cls, of_key, against_key = pool.coder.parts(codes)
    n = len(derived)
    new = frame_of(
        {
            "fid": np.arange(start, start + n),
            "claim": -1,
            "subject": subject,
            "metric": metric,
            # yoy:real → yoy
            "measure": np.array([m.split(":")[0] for m in measure_key.tolist()], dtype=object),
            "period": period,
            "scope": scope,
            "cls": cls,
            # A figure derived from a target (增长5% on last year's result) is a target too.
            "status": np.where(cls == "T", "target", np.where(cls == "C", "capacity", "actual")),
            "dim": np.full(n, "", dtype=object),
            "of_key": of_key,
            "against_key": against_key,
            "cap": derived["cap"],
            "derived": True,
            "measure_key": measure_key,
            "code": codes,
            "lo_s": derived["lo_s"],
            "hi_s": derived["hi_s"],
            "lo_l": derived["lo_l"],
            "hi_l": derived["hi_l"],
        },
        n,
    )
    stated = pool.stated
    provenance, chains = pool.provenance, pool.chains
    for fid, sources, how in zip(
        range(start, start + len(derived)),
        derived["sources"].tolist(),
        derived["how"].tolist(),
        strict=True,
    ):
        if sources and max(sources) < stated:
            # Derived from stated figures only (most are): they are their own claims and
            # have no chain of their own.
            provenance[fid] = tuple(sorted(set(sources)))
            chains[fid] = tuple(dict.fromkeys(how))
            continue
        prov: set[int] = set()
        chain: list[str] = []
        for s in sources:
            prov.update(provenance.get(s, ()))
            chain.extend(chains.get(s, ()))
        provenance[fid] = tuple(sorted(prov))
        chain.extend(how)
        chains[fid] = tuple(dict.fromkeys(chain))
    pool.extend(new)


def _undecidable(
    ctx: Context, pool: Pool, rk: _RoleKeys, inst: Block, missing: np.ndarray
) -> list[str]:
    rows = np.flatnonzero(missing >= 2)
    if not len(rows):
        return []
    first = inst[f"{rk.relation.roles[0]}_fid"][rows]
    absent = {r: ~inst.has(r)[rows] for r in rk.relation.roles[1:]}
    out = []
    for i, fid in enumerate(first.tolist()):
        names = [ROLE_NAMES[r] for r, gone in absent.items() if gone[i]]
        what = f"{rk.relation.title}无法核对，缺少{'与'.join(names)}"
        out.append(f"{claim_key(ctx, pool, int(fid))}：{what}")
    return out


# --------------------------------------------------------------------------- agreement


def _agreement(
    ctx: Context, pool: Pool, implied: np.ndarray
) -> tuple[list[Finding], np.ndarray, int]:
    """Figures with the same key must overlap; the most distant pair of each group is reported.

    A share or growth rate implied by its levels (``implied``) has been compared with every
    百分点 claim that derived a copy of it; those copies are left out here, or a wrong 百分点
    would be reported a second time as two chains that disagree.
    """
    cell = pool.cell
    cls = cell.array("cls")
    compared = (cls == "A") | (cls == "T")
    if len(implied):
        code = cell.array("code")
        copies = cell.array("derived") & isin(code, code[implied])
        copies[implied] = False
        compared &= ~copies
    fids = np.flatnonzero(compared)
    codes = cell.array("code")[fids].astype(np.int64)
    # Codes are dense: how many figures share each is a count per code (−1, no key, is
    # no group).
    keyed = codes >= 0
    shared = np.zeros(len(codes), dtype=bool)
    shared[keyed] = np.bincount(codes[keyed])[codes[keyed]] >= 2
    fids, codes = fids[shared], codes[shared]
    if not len(fids):
        return [], np.array([], dtype=np.int64), 0
    # Each group a run of figures in id order; groups in the order of their first figure.
    order = np.argsort(codes, kind="stable")
    fids, codes = fids[order], codes[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(fids)]
    ordered = np.argsort(fids[starts], kind="stable")
    group_of = np.repeat(np.arange(len(starts)), ends - starts)
    edges = {
        c: np.asarray(cell.array(c), dtype=float)[fids] for c in ("lo_s", "hi_s", "lo_l", "hi_l")
    }

    def widest(column: str, reduce: np.ufunc) -> tuple[np.ndarray, np.ndarray]:
        """Per group, the extreme edge (NaN left out) and the position of its first figure."""
        extreme = reduce.reduceat(edges[column], starts)
        at = np.where(edges[column] == extreme[group_of], np.arange(len(fids)), len(fids))
        first = np.minimum.reduceat(at, starts)
        return extreme, np.where(first < len(fids), first, starts)

    (max_lo_s, at_lo_s), (min_hi_s, at_hi_s) = widest("lo_s", np.fmax), widest("hi_s", np.fmin)
    (max_lo_l, at_lo_l), (min_hi_l, at_hi_l) = widest("lo_l", np.fmax), widest("hi_l", np.fmin)
    lenient_bad = max_lo_l > min_hi_l
    bad = (max_lo_s > min_hi_s) | lenient_bad
    # The most distant pair of each failing group: highest lower edge against lowest upper
    # edge, under the reading that fails.
    failing = ordered[bad[ordered]]
    lenient_of = lenient_bad[failing]
    a = fids[np.where(lenient_of, at_lo_l[failing], at_lo_s[failing])]
    b = fids[np.where(lenient_of, at_hi_l[failing], at_hi_s[failing])]
    derived = cell.array("derived")
    # Two target levels a growth target derived on two readings of its base (an estimate and
    # the final figure, or figures derived from them) are one plan, not two targets.
    one_plan = derived[a] & derived[b] & (cls[a] == "T")
    failing, lenient_of, a, b = (x[~one_plan] for x in (failing, lenient_of, a, b))
    prefetch(ctx, pool, np.concatenate([a, b]))
    # Stated figures first, so the finding points at something a person wrote.
    swap = derived[a] & ~derived[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    sides = [
        [_Cells(*cells) for cells in zip(*_cell_lists(pool, side), strict=True)] for side in (a, b)
    ]
    findings: list[Finding] = []
    outcomes: dict[int, str] = {}
    for group, lenient, fa, fb, cells_a, cells_b in zip(
        failing.tolist(), lenient_of.tolist(), a.tolist(), b.tolist(), *sides, strict=True
    ):
        sev = ERROR if lenient else WARNING
        finding = _agreement_finding(ctx, pool, (fa, cells_a), (fb, cells_b), sev)
        findings.append(finding)
        outcomes[group] = finding.severity
    if pool.records is not None:
        for group in ordered.tolist():
            members = fids[starts[group] : ends[group]]
            title = f"一致性：{figure_label(ctx, pool, int(members[0]))}"
            pool.record("FC101", "figure-disagreement", title, members, outcomes.get(group, "pass"))
    return findings, fids, len(starts)


class _Cells(NamedTuple):
    """What an agreement finding reads of one figure."""

    status: str
    cap: int
    lo_s: float
    hi_s: float
    lo_l: float
    hi_l: float
    derived: bool
    cls: str
    metric: str
    subject: str


def _cell_lists(pool: Pool, fids: np.ndarray) -> list[list[Any]]:
    return [pool.cell.array(c)[fids].tolist() for c in _Cells._fields]


def _agreement_finding(
    ctx: Context, pool: Pool, first: tuple[int, _Cells], second: tuple[int, _Cells], sev: int
) -> Finding:
    (a, ca), (b, cb) = first, second
    statuses = {ca.status, cb.status}
    revision = (
        bool(statuses & {"estimate", "preliminary"}) and "actual" in statuses
    ) or statuses == {"estimate", "preliminary"}
    cap = min(ca.cap, cb.cap)
    unit = display(ctx, pool, a if not ca.derived else b)
    ia = (ca.lo_s, ca.hi_s)
    ib = (cb.lo_s, cb.hi_s)
    label = figure_label(ctx, pool, a)
    derived_a, derived_b = ca.derived, cb.derived
    if ca.cls == "T":
        # Two documents (or two passages) setting different targets for the same figure are
        # a plan that changed or plans of different horizons, not a contradiction.
        code, name, sev = "FC103", "target-changed", INFO
        what = "同一指标的目标前后不同"
    elif revision:
        code, name = "FC102", "revision"
        band = (
            REVISION_BAND * max(abs(float(v)) for v in (*ia, *ib) if np.isfinite(v))
            if any(np.isfinite([*ia, *ib]))
            else 0.0
        )
        within = max(ia[0], ib[0]) - band <= min(ia[1], ib[1])
        sev = INFO if within else WARNING
        where = "在" if within else "超出"
        inside = "内" if within else ""
        what = f"预计/初步数与最终数不一致（修订{where} ±{REVISION_BAND:.0%} 的修订幅度{inside}）"
        if _beyond_revision(
            (ca.lo_l, ca.hi_l), (cb.lo_l, cb.hi_l), str(pool.cell(a, "measure")) in _RATES
        ):
            sev = ERROR
            what = "预计/初步数与最终数相差一倍以上，不是修订能解释的"
    elif derived_a or derived_b:
        code, name = (
            ("FC111", "derived-conflict")
            if derived_a and derived_b
            else ("FC110", "derived-mismatch")
        )
        what = "推算值与声明值矛盾" if code == "FC110" else "两条推算链得出的数值矛盾"
        sev = min(sev, cap)
    else:
        code, name = "FC101", "figure-disagreement"
        what = "同一数字前后不一"
        sev = min(sev, cap)
    text_a, text_b = fmt(ia, unit), fmt(ib, unit)
    message = (
        f"{what}：{label} 一处为 {figure_text(ctx, pool, a)}，"
        f"另一处为 {figure_text(ctx, pool, b)}，"
        f"{apart(text_a, text_b)}；"
        f"{agreement_note(sev, revision, code)}"
    )
    fix = None
    # A changed target or a revised estimate is not an error to correct: no fix is offered.
    if not derived_a and code in ("FC101", "FC110", "FC111"):
        ref = refs(ctx, pool, [a])[0]
        per = printed_per_checked(ctx, pool, a)
        lo_b, hi_b = cb.lo_l / per, cb.hi_l / per
        fix = Fix(
            ref.key,
            num(lo_b, unit),
            num(hi_b, unit),
            unit[0],
            f"若另一处无误，「{ref.quote or ref.value}」{should_be((lo_b, hi_b), unit)}",
        )
    return Finding(
        code=code,
        name=name,
        severity=SEVERITY[sev],  # type: ignore[arg-type]
        message=message,
        claims=refs(ctx, pool, [a, b]),
        evidence=(("a", text_a), ("b", text_b)),
        fix=fix,
        metric=str(ca.metric),
        subject=str(ca.subject),
        chain=chain_of(pool, [a, b]),
    )


#: Measures printed in % or 个百分点 (see REVISION_POINTS).
_RATES = frozenset(("yoy", "share", "cagr", "pp", "contribution"))


def _beyond_revision(a: tuple[float, float], b: tuple[float, float], rate: bool) -> bool:
    """Whether two readings of one figure are further apart than any revision: the gap
    between the intervals is more than REVISION_LIMIT of the larger figure (and, for a
    rate, more than REVISION_POINTS). An open side (突破700亿元) reaches no further than
    its bound."""
    gap = max(a[0], b[0]) - min(a[1], b[1])
    edges = [abs(v) for v in (*a, *b) if np.isfinite(v)]
    if not np.isfinite(gap) or not edges:
        return False
    if rate:
        return gap > max(REVISION_LIMIT * max(edges), REVISION_POINTS)
    # A level that changes sign (a profit restated as a loss) is left a warning: no factor
    # between the two says how far apart they are.
    return (a[0] < 0) == (b[0] < 0) and gap > REVISION_LIMIT * max(edges)


def _figures(ctx: Context, pool: Pool) -> tuple[FigureValue, ...]:
    fr = pool.frame
    out = []
    row: Any
    names = list(fr)
    for values in zip(*(fr[c].tolist() for c in names), strict=True):
        row = SimpleNamespace(**dict(zip(names, values, strict=True)))
        fid = int(row.fid)
        unit = display(ctx, pool, fid)
        claim = int(row.claim)
        out.append(
            FigureValue(
                subject=str(row.subject),
                metric=str(row.metric),
                measure=str(row.measure),
                period=str(row.period),
                low=num(float(row.lo_s), unit),
                high=num(float(row.hi_s), unit),
                unit=unit[0],
                derived=bool(row.derived),
                claims=tuple(
                    f"{ctx.cell(c, 'document')}#{ctx.cell(c, 'id')}"
                    for c in pool.provenance.get(fid, ())
                ),
                chain=pool.chains.get(fid, ()),
                scope=str(row.scope) or None,
                status=str(row.status),
                document=None if claim < 0 else str(ctx.cell(claim, "document")),
                value=None if claim < 0 else str(ctx.cell(claim, "value")),
            )
        )
    return tuple(out)
