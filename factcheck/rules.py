"""Rule sets: domain identities written in ``rules/*.yaml`` and checked like built-in relations.

A rule file holds a list of rules::

    rules:
      - id: gdp-three-industries
        title: 三次产业增加值之和等于地区生产总值
        severity: error            # the highest severity the rule may produce
        description: 国民经济核算的基本恒等式
        expr: 第一产业增加值 + 第二产业增加值 + 第三产业增加值 == 地区生产总值
        where: {scope: 规上}        # optional: only figures with this scope / status

The expression language is :mod:`factcheck.expr`. A rule is evaluated for every subject and
period where one of its figures is stated (or derived); it is checked where all of them are,
and counted as undecidable where only some are. In rules, percentages and 百分点 are
fractions (``5%`` is 0.05), so ``share + share + share == 100%`` and
``地区生产总值[period=-1y] * (1 + 5%)`` both read naturally.

Rules are not used to derive missing figures (the built-in relations do that); a rule whose
operands are all stated or derived is checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from factcheck import interval as iv
from factcheck.errors import InputErrors, Problem
from factcheck.expr import BinOp, Compare, ExprError, Neg, Node, Number, Ref, Sum, parse, refs
from factcheck.findings import Finding
from factcheck.interval import Pair
from factcheck.periods import PeriodError, parse_period
from factcheck.registry import Registry
from factcheck.yamlio import LineDict, YamlFileError, read_yaml

REGISTRY_FILES = ("metrics.yaml", "subjects.yaml")
RULE_SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1}
_RULE_KEYS = {"id", "title", "severity", "description", "expr", "where", "message"}


@dataclass(frozen=True)
class Rule:
    """One rule of a rule set.

    Attributes:
        id: unique across the rule sets.
        title: what it says, in Chinese.
        severity: the highest severity it may produce.
        expr: the parsed expression (a comparison).
        text: the expression as written.
        where: restrictions on the figures it applies to (``scope``, ``status``).
        file, line: where it is written.
    """

    id: str
    title: str
    severity: str
    expr: Compare
    text: str
    description: str = ""
    where: tuple[tuple[str, str], ...] = ()
    file: str | None = None
    line: int | None = None


@dataclass
class RuleSet:
    """Rules loaded from a rules folder; :meth:`evaluate` is called by the engine."""

    rules: list[Rule] = field(default_factory=list)

    def __iter__(self) -> Any:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def evaluate(self, ctx: Any, pool: Any) -> tuple[list[Finding], set[int], int, list[str]]:
        """Check every rule against the engine's figure pool (see :mod:`factcheck.engine`)."""
        findings: list[Finding] = []
        took: set[int] = set()
        count = 0
        undecidable: list[str] = []
        # A rule looks figures up by keys that name one of its metrics: only those figures'
        # keys are spelled out.
        metrics = {r.metric for rule in self.rules for r in refs(rule.expr)}
        named = np.flatnonzero(pool.frame["metric"].isin(metrics).to_numpy())
        lookup = _Lookup(pool.frame.iloc[named], pool.key_text(named), ctx.corpus.registry)
        for rule in self.rules:
            f, t, n, u = _evaluate_rule(rule, ctx, pool, lookup)
            findings.extend(f)
            took.update(t)
            count += n
            undecidable.extend(u)
        return findings, took, count, undecidable


# --------------------------------------------------------------------------- loading


def rule_files(rules_dir: str | Path) -> list[Path]:
    """The rule set files of a rules folder (every YAML file but the registries)."""
    folder = Path(rules_dir)
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return [f for f in files if f.name not in REGISTRY_FILES]


def load_rules(rules_dir: str | Path = "rules", registry: Registry | None = None) -> RuleSet:
    """Read and parse every rule set in ``rules_dir``.

    Metric names are resolved through the registry (aliases allowed); an unknown metric or
    an expression that does not parse is reported with file, line and column.

    Raises:
        InputErrors: every problem in every rule file.
    """
    from factcheck.registry import load_registry

    registry = registry or load_registry(rules_dir)
    problems: list[Problem] = []
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in rule_files(rules_dir):
        try:
            data = read_yaml(path)
        except YamlFileError as exc:
            problems.append(exc.problem)
            continue
        file_rules, file_problems = _read_rule_file(data, str(path), registry)
        problems.extend(file_problems)
        for rule in file_rules:
            if rule.id in seen:
                problems.append(
                    Problem(
                        f"规则 id「{rule.id}」重复（{seen[rule.id]} 中已有）：规则 id 应唯一",
                        rule.file,
                        rule.line,
                        code="FC008",
                    )
                )
                continue
            seen[rule.id] = f"{rule.file}:{rule.line}"
            rules.append(rule)
    if problems:
        raise InputErrors(problems)
    return RuleSet(rules)


def _read_rule_file(data: Any, path: str, registry: Registry) -> tuple[list[Rule], list[Problem]]:
    if data is None:
        return [], [Problem("规则文件为空：应包含 rules: 列表", path, 1, code="FC008")]
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return [], [
            Problem(
                "规则文件应为含 rules: 列表的映射", path, getattr(data, "line", 1), code="FC008"
            )
        ]
    rules: list[Rule] = []
    problems: list[Problem] = []
    for item in data["rules"]:
        rule, item_problems = _read_rule(item, path, registry)
        problems.extend(item_problems)
        if rule is not None:
            rules.append(rule)
    return rules, problems


def _read_rule(item: Any, path: str, registry: Registry) -> tuple[Rule | None, list[Problem]]:
    if not isinstance(item, LineDict):
        return None, [
            Problem(f"规则应为映射（id、title、expr …），实际为 {item!r}", path, code="FC008")
        ]
    problems: list[Problem] = []
    rid = item.get("id")
    for key in ("id", "expr"):
        if not item.get(key):
            problems.append(
                Problem(f"规则缺少 {key}：每条规则都应有 id 与 expr", path, item.line, code="FC008")
            )
    unknown = sorted(set(item) - _RULE_KEYS)
    if unknown:
        problems.append(
            Problem(
                f"规则「{rid}」有未知字段 {'、'.join(unknown)}："
                f"可用字段为 {'、'.join(sorted(_RULE_KEYS))}",
                path,
                item.line_of(unknown[0]),
                code="FC008",
            )
        )
    severity = str(item.get("severity", "error"))
    if severity not in RULE_SEVERITIES:
        problems.append(
            Problem(
                f"规则「{rid}」的 severity「{severity}」未知：应为 error、warning 或 info",
                path,
                item.line_of("severity"),
                code="FC008",
            )
        )
    if problems:
        return None, problems
    text = str(item["expr"])
    line = item.line_of("expr")
    try:
        node = parse(text)
    except ExprError as exc:
        return None, [
            Problem(f"规则「{rid}」的表达式无法解析：{exc}", path, line, exc.col + 1, code="FC008")
        ]
    if not isinstance(node, Compare):
        return None, [
            Problem(
                f"规则「{rid}」的表达式应为比较（==、<=、>=）：{text}", path, line, code="FC008"
            )
        ]
    node, ref_problems = _resolve_metrics(node, text, rid, path, line, registry)
    if ref_problems:
        return None, ref_problems
    where = item.get("where") or {}
    return (
        Rule(
            id=str(rid),
            title=str(item.get("title", rid)),
            severity=severity,
            expr=node,
            text=text,
            description=str(item.get("description", "")),
            where=tuple((str(k), str(v)) for k, v in where.items()),
            file=path,
            line=item.line,
        ),
        [],
    )


def _resolve_metrics(
    node: Any, text: str, rid: Any, path: str, line: int, registry: Registry
) -> tuple[Any, list[Problem]]:
    problems: list[Problem] = []

    def resolve(ref: Ref) -> Ref:
        metric = registry.metrics.resolve(ref.metric)
        if metric is None:
            hints = registry.metrics.suggest(ref.metric)
            hint = f"；是否是指「{'」「'.join(hints)}」？" if hints else ""
            problems.append(
                Problem(
                    f"规则「{rid}」引用了未知指标「{ref.metric}」："
                    f"应为 rules/metrics.yaml 中的指标{hint}",
                    path,
                    line,
                    ref.col + 1,
                    code="FC008",
                )
            )
            return ref
        sels = list(ref.selectors)
        for i, (k, v) in enumerate(sels):
            if k == "of":
                of = registry.metrics.resolve(v)
                if of is None:
                    problems.append(
                        Problem(
                            f"规则「{rid}」的 of 引用了未知指标「{v}」",
                            path,
                            line,
                            ref.col + 1,
                            code="FC008",
                        )
                    )
                else:
                    sels[i] = (k, of.name)
            if k == "period" and not _period_selector_ok(v):
                problems.append(
                    Problem(
                        f"规则「{rid}」的 period 选择器「{v}」无法识别："
                        "应为 -1y 这样的偏移或 2022 这样的期间",
                        path,
                        line,
                        ref.col + 1,
                        code="FC008",
                    )
                )
        return Ref(metric.name, tuple(sels), ref.col)

    def walk(n: Any) -> Any:
        if isinstance(n, Ref):
            return resolve(n)
        if isinstance(n, Sum):
            return Sum(resolve(n.ref))
        if isinstance(n, Neg):
            return Neg(walk(n.operand))
        if isinstance(n, BinOp):
            return BinOp(n.op, walk(n.left), walk(n.right))
        if isinstance(n, Compare):
            return Compare(n.op, walk(n.left), walk(n.right))
        return n

    return walk(node), problems


def _period_selector_ok(value: str) -> bool:
    if value.endswith("y") and value[:-1].lstrip("+-").isdigit():
        return True
    try:
        parse_period(value)
    except PeriodError:
        return False
    return True


# --------------------------------------------------------------------------- evaluating


class _Lookup:
    """Figures by key (stated ones first) and the subject hierarchy, for rule evaluation."""

    def __init__(self, frame: Any, keys: Any, registry: Registry) -> None:
        order = np.argsort(frame["derived"].to_numpy(), kind="stable")
        self.by_key: dict[str, int] = {}
        fids = frame["fid"].to_numpy()[order]
        for fid, key in zip(fids.tolist(), keys[order].tolist(), strict=True):
            self.by_key.setdefault(key, fid)
        self.basis = {m.name: m.basis for m in registry.metrics}
        self.children: dict[str, list[str]] = {}
        for s in registry.subjects:
            if s.parent:
                self.children.setdefault(s.parent, []).append(s.name)


def _shift_period(period: str, selector: str | None) -> str | None:
    if selector is None:
        return period
    if selector.endswith("y") and selector[:-1].lstrip("+-").isdigit():
        try:
            return parse_period(period).shift(int(selector[:-1])).text
        except PeriodError:
            return None
    return selector


def _ref_key(
    ref: Ref, subject: str, period: str, scope: str, cls: str, basis: dict[str, str] | None = None
) -> str | None:
    s = ref.selector("subject") or subject
    p = _shift_period(period, ref.selector("period"))
    if p is None:
        return None
    measure = ref.selector("measure") or ("share" if ref.selector("of") else "level")
    if measure in ("yoy", "cagr"):  # growth keys carry the basis, as in the engine
        measure = f"{measure}:{(basis or {}).get(ref.metric, 'nominal')}"
    sc = ref.selector("scope") if ref.selector("scope") is not None else scope
    of = ref.selector("of")
    of_key = f"{of}@{s}@{p}@{''}" if of else ""
    status = ref.selector("status")
    if status is not None:
        cls = _STATUS_CLASS.get(status, "A")
    return f"{s}|{ref.metric}|{measure}|{p}|{sc}|{cls}|{of_key}|"


_STATUS_CLASS = {"target": "T", "capacity": "C"}


@dataclass
class _Values:
    pairs: dict[str, Pair]
    used: list[list[int]]
    complete: np.ndarray


def _evaluate_rule(
    rule: Rule, ctx: Any, pool: Any, lookup: _Lookup
) -> tuple[list[Finding], set[int], int, list[str]]:
    fr = pool.frame
    where = dict(rule.where)
    scope = where.get("scope", "")
    cls = _STATUS_CLASS.get(where.get("status", "actual"), "A")
    metrics = {r.metric for r in refs(rule.expr)}
    plain = [r for r in refs(rule.expr) if not r.selectors]
    anchor_metrics = {r.metric for r in plain} or metrics
    rows = fr[fr["metric"].isin(anchor_metrics) & (fr["scope"] == scope) & (fr["cls"] == cls)]
    subjects = rows["subject"].to_numpy(dtype=object)
    periods = rows["period"].to_numpy(dtype=object)
    anchors = sorted(set(zip(subjects, periods, strict=True)))
    if not anchors:
        return [], set(), 0, []
    n = len(anchors)
    values: dict[str, _Values] = {}
    for reading in ("s", "l"):
        used: list[list[int]] = [[] for _ in range(n)]
        complete = np.ones(n, dtype=bool)
        pairs = _eval(
            rule.expr.left, anchors, scope, cls, pool.cell, lookup, reading, used, complete
        )
        pairs_r = _eval(
            rule.expr.right, anchors, scope, cls, pool.cell, lookup, reading, used, complete
        )
        values[reading] = _Values({"left": pairs, "right": pairs_r}, used, complete)
    complete = values["s"].complete
    ok = {}
    for reading in ("s", "l"):
        lhs, rhs = values[reading].pairs["left"], values[reading].pairs["right"]
        ok[reading] = _holds(rule.expr.op, lhs, rhs)
    findings: list[Finding] = []
    took: set[int] = set()
    undecidable: list[str] = []
    checked = 0
    from factcheck.pool import ERROR, SEVERITY, WARNING
    from factcheck.wording import display, fmt
    from factcheck.wording import refs as claim_refs

    for i, (subject, period) in enumerate(anchors):
        fids = values["s"].used[i]
        if not complete[i]:
            if fids:
                undecidable.append(f"规则「{rule.id}」对 {subject} {period} 无法核对：缺少部分数字")
            continue
        checked += 1
        for fid in fids:
            took.update(pool.provenance.get(fid, ()))
        sev = ERROR if not ok["l"][i] else (WARNING if not ok["s"][i] else 0)
        if sev:
            sev = min(sev, _RANK[rule.severity], *[int(pool.cell(f, "cap")) for f in fids])
        pool.record(
            "FC401",
            "rule-violated",
            f"规则「{rule.title}」：{subject} {period}",
            fids,
            SEVERITY[sev] if sev else "pass",
        )
        if not sev:
            continue
        unit = display(ctx, pool, fids[0]) if fids else ("", 1.0)
        lhs = values["s"].pairs["left"]
        rhs = values["s"].pairs["right"]
        scale = 100.0 if unit[0] in ("%", "个百分点") else 1.0
        u = (unit[0], unit[1] / scale)
        message = (
            f"规则不成立：{rule.title}（{rule.id}）— {subject} {period}：{rule.text}；"
            f"左边 {fmt((lhs[0][i], lhs[1][i]), u)}，右边 {fmt((rhs[0][i], rhs[1][i]), u)}；"
            + ("即使按宽松读法也不成立" if sev == ERROR else "仅在宽松读法下成立")
        )
        findings.append(
            Finding(
                code="FC401",
                name="rule-violated",
                severity=SEVERITY[sev],  # type: ignore[arg-type]
                message=message,
                claims=claim_refs(ctx, pool, fids),
                evidence=(
                    ("left", fmt((lhs[0][i], lhs[1][i]), u)),
                    ("right", fmt((rhs[0][i], rhs[1][i]), u)),
                ),
                rule=rule.id,
                metric=next(iter(metrics)),
                subject=subject,
            )
        )
    return findings, took, checked, undecidable[:200]


def _holds(op: str, lhs: Pair, rhs: Pair) -> np.ndarray:
    if op == "==":
        return iv.overlaps(lhs, rhs)
    if op in ("<=", "<"):
        return lhs[0] <= rhs[1]
    return lhs[1] >= rhs[0]


def _figure_pair(cell: Any, fid: int, reading: str) -> tuple[float, float]:
    lo, hi = float(cell(fid, f"lo_{reading}")), float(cell(fid, f"hi_{reading}"))
    measure = cell(fid, "measure")
    if measure in ("share", "yoy", "cagr", "pp", "contribution") or cell(fid, "dim") == "%":
        return lo / 100.0, hi / 100.0
    return lo, hi


def _eval(
    node: Node,
    anchors: list[tuple[str, str]],
    scope: str,
    cls: str,
    cell: Any,
    lookup: _Lookup,
    reading: str,
    used: list[list[int]],
    complete: np.ndarray,
) -> Pair:
    n = len(anchors)
    if isinstance(node, Number):
        v = node.value / 100.0 if node.percent else node.value
        return np.full(n, v), np.full(n, v)
    if isinstance(node, Neg):
        return iv.scale(
            _eval(node.operand, anchors, scope, cls, cell, lookup, reading, used, complete), -1.0
        )
    if isinstance(node, BinOp):
        a = _eval(node.left, anchors, scope, cls, cell, lookup, reading, used, complete)
        b = _eval(node.right, anchors, scope, cls, cell, lookup, reading, used, complete)
        op = {"+": iv.add, "-": iv.sub, "*": iv.mul, "/": iv.div}[node.op]
        return op(a, b)
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    for i, (subject, period) in enumerate(anchors):
        if isinstance(node, Sum):
            subjects = lookup.children.get(subject, [])
            total_lo = total_hi = 0.0
            found = 0
            for child in subjects:
                key = _ref_key(node.ref, child, period, scope, cls, lookup.basis)
                fid = lookup.by_key.get(key) if key else None
                if fid is None:
                    continue
                found += 1
                low, high = _figure_pair(cell, fid, reading)
                total_lo += low
                total_hi += high
                used[i].append(fid)
            # A partial sum is a lower bound: enough for "≤ whole", not for "== whole".
            lo[i], hi[i] = total_lo, (total_hi if found == len(subjects) and found else np.inf)
            if not found:
                complete[i] = False
            continue
        key = _ref_key(node, subject, period, scope, cls, lookup.basis)
        fid = lookup.by_key.get(key) if key else None
        if fid is None:
            complete[i] = False
            continue
        used[i].append(fid)
        lo[i], hi[i] = _figure_pair(cell, fid, reading)
    return iv.widen(lo, hi)


def describe(rules: Iterable[Rule]) -> list[str]:
    """One line a rule, for listings."""
    return [f"{r.id}: {r.title} — {r.text}" for r in rules]
