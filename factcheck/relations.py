"""The built-in relations between figures, each solvable for any of its operands.

A relation ties a few figures together: a share to its part and whole, a growth rate to two
levels a year apart. Each :class:`Relation` names its operands (roles) and, for every role,
how to compute that operand's interval from the others. The same solvers serve three jobs:
checking (compute one operand from the others and compare with what was stated), deriving
(compute a missing operand) and the minimal fix (the range one stated figure would have to
lie in for the others to be right).

Scales (see :mod:`factcheck.figures`): levels in base units, rates in percent, differences
in percentage points, multiples as ratios.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from factcheck import interval as iv
from factcheck.interval import Array, Pair

Solver = Callable[[Mapping[str, Pair], Array], Pair]


def _growth_factor(rate: Pair) -> Pair:
    return iv.shift(iv.scale(rate, 0.01), 1.0)


def _rate_from_factor(factor: Pair) -> Pair:
    return iv.scale(iv.shift(factor, -1.0), 100.0)


def _root(factor: Pair, n: Array) -> Pair:
    return iv.power(factor, 1.0 / n)


@dataclass(frozen=True)
class Relation:
    """A relation kind.

    Attributes:
        code, name: the finding code and kebab-case name used when it fails.
        title: Chinese name for messages.
        roles: operand names; the first is the claim that instantiates the relation.
        solvers: for each role, its interval from the others (and a parameter array, the
            number of years of a span for ``cagr``).
        formula: the relation written out for messages, with role names.
    """

    code: str
    name: str
    title: str
    roles: tuple[str, ...]
    solvers: Mapping[str, Solver]
    formula: str


SHARE = Relation(
    code="FC201",
    name="share-mismatch",
    title="占比",
    roles=("share", "part", "whole"),
    solvers={
        "share": lambda o, _n: iv.scale(iv.div(o["part"], o["whole"]), 100.0),
        "part": lambda o, _n: iv.mul(iv.scale(o["share"], 0.01), o["whole"]),
        "whole": lambda o, _n: iv.div(o["part"], iv.scale(o["share"], 0.01)),
    },
    formula="占比 = 部分 ÷ 整体 × 100%",
)

YOY = Relation(
    code="FC202",
    name="growth-mismatch",
    title="同比增速",
    roles=("rate", "current", "previous"),
    solvers={
        "rate": lambda o, _n: _rate_from_factor(iv.div(o["current"], o["previous"])),
        "current": lambda o, _n: iv.mul(o["previous"], _growth_factor(o["rate"])),
        "previous": lambda o, _n: iv.div(o["current"], _growth_factor(o["rate"])),
    },
    formula="增速 = 本期 ÷ 上年同期 − 1",
)

PP = Relation(
    code="FC203",
    name="points-mismatch",
    title="百分点差",
    roles=("points", "own", "other"),
    solvers={
        "points": lambda o, _n: iv.sub(o["own"], o["other"]),
        "own": lambda o, _n: iv.add(o["other"], o["points"]),
        "other": lambda o, _n: iv.sub(o["own"], o["points"]),
    },
    formula="百分点差 = 本项 − 对比项",
)

CAGR = Relation(
    code="FC204",
    name="average-growth-mismatch",
    title="年均增速",
    roles=("rate", "end", "base"),
    solvers={
        "rate": lambda o, n: _rate_from_factor(_root(iv.div(o["end"], o["base"]), n)),
        "end": lambda o, n: iv.mul(o["base"], iv.power(_growth_factor(o["rate"]), n)),
        "base": lambda o, n: iv.div(o["end"], iv.power(_growth_factor(o["rate"]), n)),
    },
    formula="年均增速 = (末期 ÷ 基期)^(1/年数) − 1",
)

MULTIPLE = Relation(
    code="FC205",
    name="multiple-mismatch",
    title="倍数",
    roles=("ratio", "current", "base"),
    solvers={
        "ratio": lambda o, _n: iv.div(o["current"], o["base"]),
        "current": lambda o, _n: iv.mul(o["base"], o["ratio"]),
        "base": lambda o, _n: iv.div(o["current"], o["ratio"]),
    },
    formula="倍数 = 本期 ÷ 基期",
)

CHANGE = Relation(
    code="FC206",
    name="change-mismatch",
    title="增减量",
    roles=("change", "current", "base"),
    solvers={
        "change": lambda o, _n: iv.sub(o["current"], o["base"]),
        "current": lambda o, _n: iv.add(o["base"], o["change"]),
        "base": lambda o, _n: iv.sub(o["current"], o["change"]),
    },
    formula="增减量 = 本期 − 基期",
)

RELATIONS: dict[str, Relation] = {
    "share": SHARE,
    "yoy": YOY,
    "pp": PP,
    "cagr": CAGR,
    "multiple": MULTIPLE,
    "change": CHANGE,
}

ROLE_NAMES: dict[str, str] = {
    "share": "占比",
    "part": "部分",
    "whole": "整体",
    "rate": "增速",
    "current": "本期",
    "previous": "上年同期",
    "points": "百分点差",
    "own": "本项",
    "other": "对比项",
    "end": "末期",
    "base": "基期",
    "ratio": "倍数",
    "change": "增减量",
}


def solve(
    relation: Relation, role: str, operands: Mapping[str, Pair], n: Array | None = None
) -> Pair:
    """The interval of ``role`` implied by the other operands."""
    years = n if n is not None else np.ones_like(next(iter(operands.values()))[0])
    return relation.solvers[role](operands, years)
