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
operands are all stated or derived is checked. A name that several figures answer (two
documents print the same GDP) is checked with each of them, keeping the choices that draw on
the fewest documents; a revised estimate is not read where the final figure is (see
:func:`_candidates` and :func:`_fewest_documents`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from factcheck import interval as iv
from factcheck.errors import InputErrors, Problem
from factcheck.expr import (
    BinOp,
    Compare,
    ExprError,
    Neg,
    Node,
    Number,
    Ref,
    Sum,
    parse,
    refs,
    scope_alternatives,
)
from factcheck.findings import Finding
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
    Vocabulary,
)
from factcheck.periods import PeriodError, parse_period
from factcheck.registry import Registry
from factcheck.yamlio import LineDict, YamlFileError, read_yaml

REGISTRY_FILES = ("metrics.yaml", "subjects.yaml")
RULE_SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1}
_SEVERITY_NAMES = {3: "错误", 2: "警告", 1: "提示"}
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

    def evaluate(self, ctx: Any, pool: Any) -> tuple[list[Finding], np.ndarray, int, list[str]]:
        """Check every rule against the engine's figure pool (see :mod:`factcheck.engine`).

        Returns the findings, the claim rows that took part in a rule, the number of rule
        instances checked and the instances that could not be decided (200 at most a rule).
        """
        findings: list[Finding] = []
        took: list[np.ndarray] = [np.array([], dtype=np.int64)]
        count = 0
        undecidable: list[str] = []
        figs = _Figures(ctx, pool, ctx.corpus.registry)
        for rule in self.rules:
            f, t, n, u = _evaluate_rule(rule, ctx, pool, figs)
            findings.extend(f)
            took.append(t)
            count += n
            undecidable.extend(u)
        return findings, np.unique(np.concatenate(took)), count, undecidable


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
            Problem(
                f"规则「{rid}」的表达式无法解析：{exc}",
                path,
                line,
                _file_column(path, line, text, exc.col),
                code="FC008",
            )
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


def _file_column(path: str, line: int, text: str, col: int) -> int | None:
    """The column in the file (1-based) of the expression's character ``col``, when the
    expression is written whole on its line (a plain or quoted scalar); otherwise ``None``:
    the message's caret line still points at it within the expression."""
    try:
        source = Path(path).read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    at = source.find(text)
    return at + col + 1 if at >= 0 else None


def _resolve_metrics(
    node: Any, text: str, rid: Any, path: str, line: int, registry: Registry
) -> tuple[Any, list[Problem]]:
    problems: list[Problem] = []

    def resolve(ref: Ref, summed: bool = False) -> Ref:
        scopes = scope_alternatives(ref)
        if scopes and (not summed or ref.selector("subject") == "children" or "" in scopes):
            problems.append(
                Problem(
                    f"规则「{rid}」的 scope 选择器「{ref.selector('scope')}」无法使用："
                    "用 | 列出的口径只能出现在 sum() 中，口径不能为空，"
                    "也不能与 subject=children 同用",
                    path,
                    line,
                    _file_column(path, line, text, ref.col),
                    code="FC008",
                )
            )
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
                    _file_column(path, line, text, ref.col),
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
                            _file_column(path, line, text, ref.col),
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
                        _file_column(path, line, text, ref.col),
                        code="FC008",
                    )
                )
        return Ref(metric.name, tuple(sels), ref.col)

    def walk(n: Any) -> Any:
        if isinstance(n, Ref):
            return resolve(n)
        if isinstance(n, Sum):
            return Sum(resolve(n.ref, summed=True))
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
#
# A rule is evaluated on whole columns: one row per anchor (a subject and period where one
# of its metrics is stated), each figure it names looked up for every anchor at once as an
# integer key (factcheck.keys), the arithmetic done on interval columns. Only anchors that
# fail, or that a JUnit report lists, are visited one at a time.

#: Measures whose figures rules read as fractions (5% is 0.05).
_FRACTION_MEASURES = ("share", "yoy", "cagr", "pp", "contribution")
_STATUS_CLASS = {"target": "T", "capacity": "C"}


class _Figures:
    """What rule evaluation reads of the engine's figure pool, as columns, built once a run."""

    def __init__(self, ctx: Any, pool: Any, registry: Registry) -> None:
        from factcheck.pool import among

        # The pool's cached columns: joining its chunks into one frame would cost half a
        # second at a million claims.
        cell = pool.cell
        self.pool = pool
        self.vocab: list[Vocabulary] = pool.vocabularies
        codes = cell.array("code").astype(np.int64)
        has_key = codes >= 0
        self.parts = [
            np.where(has_key, p, -1) for p in pool.coder.part_codes(np.where(has_key, codes, 0))
        ]
        fraction = among(cell.array("measure"), _FRACTION_MEASURES) | (cell.array("dim") == "%")
        divisor = np.where(fraction, 100.0, 1.0)
        bounds = {
            r: (
                cell.array(f"lo_{r}").astype(float) / divisor,
                cell.array(f"hi_{r}").astype(float) / divisor,
            )
            for r in ("s", "l")
        }
        cap = cell.array("cap").astype(np.int64)
        # The figure a key names. Where several may be read (two documents print the same
        # GDP), the key names a merged figure, with ids after the pool's: a plain name is
        # checked with each of its members (_each_reading_of_the_key), a sum() reads it as
        # the hull of their intervals.
        n_codes = len(pool.coder)
        rows = np.flatnonzero(_candidates(cell, codes, n_codes))
        rows = rows[np.argsort(codes[rows], kind="stable")]
        counts = np.bincount(codes[rows], minlength=n_codes)
        alone = rows[counts[codes[rows]] == 1]
        shared = rows[counts[codes[rows]] > 1]
        self.stated_in_pool = len(pool)
        self._document = ctx.table["document"].to_numpy()
        self.first = np.full(n_codes, -1, dtype=np.int64)
        self.first[codes[alone]] = alone
        head = np.flatnonzero(np.r_[True, codes[shared][1:] != codes[shared][:-1]])
        if not len(shared):
            head = head[:0]
        self.first[codes[shared[head]]] = len(pool) + np.arange(len(head))
        self.members = shared
        self.member_starts = np.r_[head, len(shared)]
        self.bounds = {
            r: (
                np.concatenate([lo, np.fmin.reduceat(lo[shared], head)] if len(head) else [lo]),
                np.concatenate([hi, np.fmax.reduceat(hi[shared], head)] if len(head) else [hi]),
            )
            for r, (lo, hi) in bounds.items()
        }
        self.cap = np.concatenate(
            [cap, np.minimum.reduceat(cap[shared], head)] if len(head) else [cap]
        )
        self.basis = {m.name: m.basis for m in registry.metrics}
        self.children: dict[str, list[str]] = {}
        for s in registry.subjects:
            if s.parent:
                self.children.setdefault(s.parent, []).append(s.name)
        self._ranks: dict[int, np.ndarray] = {}
        self._shifts: dict[str, np.ndarray] = {}

    def sources(self, fids: np.ndarray) -> list[str | frozenset[str] | None]:
        """For each figure, the document it was printed in (one name: a stated figure is its
        own claim, read off a column) or the documents it was derived from (a set of names);
        ``None`` for no figure."""
        fids = np.asarray(fids, dtype=np.int64)
        out = np.full(len(fids), None, dtype=object)
        stated = (fids >= 0) & (fids < self.pool.provenance.stated)
        out[stated] = self._document[fids[stated]]
        for j in np.flatnonzero(~stated & (fids >= 0)).tolist():
            claims = self.pool.provenance.get(int(fids[j]), ())
            out[j] = frozenset(str(self._document[c]) for c in claims)
        return list(out.tolist())

    def expand(self, fids: np.ndarray) -> np.ndarray:
        """Pool figure ids for figure ids that may be merged ones (their members)."""
        fids = np.asarray(fids, dtype=np.int64)
        merged = fids >= self.stated_in_pool
        if not merged.any():
            return fids
        groups = fids[merged] - self.stated_in_pool
        parts = [fids[~merged]] + [
            self.members[self.member_starts[g] : self.member_starts[g + 1]] for g in groups
        ]
        return np.concatenate(parts)

    def code(self, part: int, text: str) -> int:
        """A part text's number, −1 if no key of the run has it."""
        return self.vocab[part].get(text)

    def texts(self, part: int, codes: np.ndarray) -> np.ndarray:
        return self.vocab[part].texts(codes)

    def rank(self, part: int) -> np.ndarray:
        """Each part code's place among the part's texts in sorted order."""
        if part not in self._ranks:
            texts = self.texts(part, np.arange(len(self.vocab[part])))
            rank = np.empty(len(texts), dtype=np.int64)
            rank[np.argsort(texts, kind="stable")] = np.arange(len(texts))
            self._ranks[part] = rank
        return self._ranks[part]

    def periods(self, periods: np.ndarray, selector: str | None) -> np.ndarray:
        """The periods a period selector names: the anchors' own, shifted (``-1y``), or one
        period given in full; −1 where there is none."""
        if selector is None:
            return periods
        if not _is_shift(selector):
            return np.full(len(periods), self.code(PERIOD, selector))
        if selector not in self._shifts:
            texts = self.texts(PERIOD, np.arange(len(self.vocab[PERIOD]))).tolist()
            shifted = [_shift_period(t, selector) for t in texts]
            self._shifts[selector] = np.array(
                [-1 if t is None else self.code(PERIOD, t) for t in shifted], dtype=np.int64
            )
        table = self._shifts[selector]
        return np.where(periods >= 0, table[np.maximum(periods, 0)], -1)

    def find(self, block: list[np.ndarray]) -> np.ndarray:
        """The figure each key names (−1: none)."""
        codes = self.pool.coder.lookup(block)
        return np.where(codes >= 0, self.first[np.maximum(codes, 0)], -1)


def _candidates(cell: Any, codes: np.ndarray, n_codes: int) -> np.ndarray:
    """The figures a rule may read for their key (a mask over the pool): the stated ones
    where any is stated, else the derived ones; and of those the uncapped ones where any is.
    A final figure thus wins over the estimate it revised, and a figure derived from final
    figures over one derived through an estimate or a real growth rate."""
    from factcheck.pool import ERROR

    keyed = codes >= 0
    derived = cell.array("derived").astype(bool)
    final = cell.array("cap") == ERROR

    def any_of(rows: np.ndarray) -> np.ndarray:
        return (np.bincount(codes[keyed & rows], minlength=n_codes) > 0)[np.where(keyed, codes, 0)]

    stated_any = any_of(~derived)
    final_any = np.where(derived, any_of(derived & final), any_of(~derived & final))
    mask: np.ndarray = keyed & (~derived | ~stated_any) & (final | ~final_any)
    return mask


def _is_shift(selector: str) -> bool:
    return selector.endswith("y") and selector[:-1].lstrip("+-").isdigit()


def _shift_period(period: str, selector: str | None) -> str | None:
    if selector is None:
        return period
    if _is_shift(selector):
        try:
            return parse_period(period).shift(int(selector[:-1])).text
        except PeriodError:
            return None
    return selector


@dataclass(frozen=True)
class _Anchors:
    """Where a rule is evaluated: subject and period codes, one row per anchor."""

    subject: np.ndarray
    period: np.ndarray
    scope: str
    cls: str

    def __len__(self) -> int:
        return len(self.subject)


@dataclass(frozen=True)
class _Slot:
    """The figures one name of a rule stands for at every anchor.

    A plain name is one figure an anchor (``fid``, −1: none). ``sum(name)`` is a figure per
    subject one level below: ``fid`` then has a row per (anchor, child) with ``owner`` the
    anchor's row, and ``children`` counts the children each anchor has.
    """

    fid: np.ndarray
    owner: np.ndarray | None = None
    children: np.ndarray | None = None

    def applies(self, n: int) -> np.ndarray:
        """Whether the name means anything at each anchor: a sum over no subjects does not."""
        return np.ones(n, dtype=bool) if self.children is None else self.children > 0

    def found(self, n: int) -> np.ndarray:
        """How many figures were found at each anchor."""
        if self.owner is None:
            return (self.fid >= 0).astype(np.int64)
        return np.bincount(self.owner[self.fid >= 0], minlength=n)

    def at(self, i: int) -> list[int]:
        """The figures found at one anchor, in the order the rule names them."""
        if self.owner is None:
            return [int(self.fid[i])] if self.fid[i] >= 0 else []
        assert self.children is not None
        start = int(np.searchsorted(self.owner, i))
        return [int(f) for f in self.fid[start : start + int(self.children[i])] if f >= 0]


def _key_block(
    ref: Ref, subject: np.ndarray, period: np.ndarray, anchors: _Anchors, figs: _Figures
) -> list[np.ndarray]:
    """The key of the figure ``ref`` names, for each row, as part codes (see factcheck.keys).

    ``subject`` is the anchors' subject (or their children's, for ``sum``)."""
    n = len(subject)
    named = ref.selector("subject")
    s = np.full(n, figs.code(SUBJECT, named)) if named else subject
    p = figs.periods(period, ref.selector("period"))
    of = ref.selector("of")
    measure = ref.selector("measure") or ("share" if of else "level")
    if measure in ("yoy", "cagr"):  # growth keys carry the basis, as in the engine
        measure = f"{measure}:{figs.basis.get(ref.metric, 'nominal')}"
    scope = ref.selector("scope")
    status = ref.selector("status")
    cls = anchors.cls if status is None else _STATUS_CLASS.get(status, "A")
    of_part = np.full(n, figs.code(OF, ""))
    if of:
        # The figure a share is taken of is part of the share's key, spelled as the engine
        # spells it (metric@subject@period@scope); only the rows that have a key need it.
        rows = np.flatnonzero((s >= 0) & (p >= 0))
        texts = [
            f"{of}@{a}@{b}@"
            for a, b in zip(
                figs.texts(SUBJECT, s[rows]).tolist(),
                figs.texts(PERIOD, p[rows]).tolist(),
                strict=True,
            )
        ]
        of_part[rows] = figs.vocab[OF].find(np.asarray(texts, dtype=object))
    constant = {
        METRIC: ref.metric,
        MEASURE: measure,
        SCOPE: anchors.scope if scope is None else scope,
        CLS: cls,
        AGAINST: "",
    }
    block = [np.empty(0)] * len(PARTS)
    block[SUBJECT], block[PERIOD], block[OF] = s, p, of_part
    for part, text in constant.items():
        block[part] = np.full(n, figs.code(part, text))
    return block


def _slot(node: Ref | Sum, anchors: _Anchors, figs: _Figures) -> _Slot:
    if isinstance(node, Ref):
        return _Slot(figs.find(_key_block(node, anchors.subject, anchors.period, anchors, figs)))
    scopes = scope_alternatives(node.ref)
    if scopes:
        # sum(货运量[scope=公路|铁路]): a row per (anchor, scope), in the order the rule names
        # them, for the anchor's own subject (or the one named).
        n, k = len(anchors), len(scopes)
        owner = np.repeat(np.arange(n), k)
        codes = np.tile(np.array([figs.code(SCOPE, t) for t in scopes], dtype=np.int64), n)
        ref = Ref(node.ref.metric, tuple(s for s in node.ref.selectors if s[0] != "scope"))
        block = _key_block(ref, anchors.subject[owner], anchors.period[owner], anchors, figs)
        block[SCOPE] = codes
        return _Slot(figs.find(block), owner, np.full(n, k, dtype=np.int64))
    # sum(): a row per (anchor, child subject), anchor by anchor, children in registry order.
    # The children are the anchor's (``subject=children``, or no subject) or those of the
    # subject named.
    named = node.ref.selector("subject")
    ref = Ref(node.ref.metric, tuple(s for s in node.ref.selectors if s[0] != "subject"))
    if named in (None, "children"):
        subjects, inverse = np.unique(anchors.subject, return_inverse=True)
        kids = [figs.children.get(t, []) for t in figs.texts(SUBJECT, subjects).tolist()]
    else:
        inverse = np.zeros(len(anchors), dtype=np.int64)
        kids = [figs.children.get(str(named), [])]
    per_subject = np.array([len(k) for k in kids], dtype=np.int64)
    flat = np.array([figs.code(SUBJECT, c) for k in kids for c in k], dtype=np.int64)
    offset = np.concatenate([[0], np.cumsum(per_subject)[:-1]]).astype(np.int64)
    children = per_subject[inverse]
    owner = np.repeat(np.arange(len(anchors)), children)
    within = np.arange(len(owner)) - np.repeat(np.cumsum(children) - children, children)
    child = flat[offset[inverse][owner] + within] if len(owner) else flat[:0]
    block = _key_block(ref, child, anchors.period[owner], anchors, figs)
    return _Slot(figs.find(block), owner, children)


def _each_reading_of_the_key(
    anchors: _Anchors, slots: dict[int, _Slot], leaves: list[Ref | Sum], figs: _Figures
) -> tuple[_Anchors, dict[int, _Slot]]:
    """One row per choice of figure where a name has several (two documents print the same
    GDP): the rule is checked with each, as the built-in relations are, so a bulletin whose
    parts miss its own total is found whatever a yearbook restates. A ``sum()`` reads such
    a child as the hull of its figures (a choice per child would multiply without bound)."""
    rows = np.arange(len(anchors))
    plain = {id(leaf): slots[id(leaf)].fid for leaf in leaves if isinstance(leaf, Ref)}
    for key in plain:
        fid = plain[key]
        merged = fid >= figs.stated_in_pool
        if not merged.any():
            continue
        group = np.where(merged, fid - figs.stated_in_pool, 0)
        start = figs.member_starts[group]
        count = np.where(merged, figs.member_starts[group + 1] - start, 1)
        take = np.repeat(np.arange(len(fid)), count)
        within = np.arange(len(take)) - np.repeat(np.cumsum(count) - count, count)
        chosen = figs.members[np.where(merged[take], start[take] + within, 0)]
        plain = {k: v[take] for k, v in plain.items()}
        plain[key] = np.where(merged[take], chosen, fid[take])
        rows = rows[take]
    if len(rows) == len(anchors):
        return anchors, slots
    keep = _fewest_documents(rows, list(plain.values()), figs)
    rows = rows[keep]
    plain = {k: v[keep] for k, v in plain.items()}
    out = {}
    for leaf in leaves:
        slot = slots[id(leaf)]
        if isinstance(leaf, Ref):
            out[id(leaf)] = _Slot(plain[id(leaf)])
            continue
        # A sum's rows, re-dealt to the rows that repeat its anchor.
        assert slot.owner is not None
        assert slot.children is not None
        first = np.searchsorted(slot.owner, np.arange(len(anchors)))
        children = slot.children[rows]
        owner = np.repeat(np.arange(len(rows)), children)
        within = np.arange(len(owner)) - np.repeat(np.cumsum(children) - children, children)
        out[id(leaf)] = _Slot(slot.fid[first[rows][owner] + within], owner, children)
    repeated = _Anchors(anchors.subject[rows], anchors.period[rows], anchors.scope, anchors.cls)
    return repeated, out


def _fewest_documents(rows: np.ndarray, columns: list[np.ndarray], figs: _Figures) -> np.ndarray:
    """Which of an anchor's choices to keep: those whose figures come from a set of documents
    no other choice's set is a part of. A yearbook that prints a bulletin's figures again
    gives the bulletin's identity and the yearbook's, not every mixture of the two; a total
    printed only in the yearbook is still checked against the bulletin's parts."""
    keep = np.ones(len(rows), dtype=bool)
    several = np.flatnonzero(np.bincount(rows)[rows] > 1)
    read = [figs.sources(np.asarray(column)[several]) for column in columns]
    choices: dict[int, list[tuple[int, frozenset[str]]]] = {}
    for k, (i, anchor) in enumerate(zip(several.tolist(), rows[several].tolist(), strict=True)):
        docs: set[str] = set()
        for column in read:
            found = column[k]
            if isinstance(found, str):
                docs.add(found)
            elif found:
                docs.update(found)
        choices.setdefault(anchor, []).append((i, frozenset(docs)))
    for group in choices.values():
        for i, sources in group:
            keep[i] = not any(other < sources for _, other in group)
    return keep


def _leaves(node: Node | Compare) -> list[Ref | Sum]:
    """The figures an expression names, in the order it names them (a sum is one)."""
    if isinstance(node, Ref | Sum):
        return [node]
    if isinstance(node, Neg):
        return _leaves(node.operand)
    if isinstance(node, BinOp | Compare):
        return _leaves(node.left) + _leaves(node.right)
    return []


def _values(node: Node, slots: dict[int, _Slot], figs: _Figures, n: int, reading: str) -> Pair:
    """The expression's interval at every anchor (NaN-free: a missing figure is (−∞, ∞))."""
    if isinstance(node, Number):
        v = node.value / 100.0 if node.percent else node.value
        return np.full(n, v), np.full(n, v)
    if isinstance(node, Neg):
        return iv.scale(_values(node.operand, slots, figs, n, reading), -1.0)
    if isinstance(node, BinOp):
        a = _values(node.left, slots, figs, n, reading)
        b = _values(node.right, slots, figs, n, reading)
        op = {"+": iv.add, "-": iv.sub, "*": iv.mul, "/": iv.div}[node.op]
        return op(a, b)
    slot = slots[id(node)]
    low, high = figs.bounds[reading]
    found = slot.fid >= 0
    lo = np.where(found, low[np.maximum(slot.fid, 0)], np.nan)
    hi = np.where(found, high[np.maximum(slot.fid, 0)], np.nan)
    if slot.owner is None:
        return iv.widen(lo, hi)
    # bincount adds in row order, anchor by anchor: the same sums as adding child by child.
    total_lo = np.bincount(slot.owner[found], weights=lo[found], minlength=n).astype(float)
    total_hi = np.bincount(slot.owner[found], weights=hi[found], minlength=n).astype(float)
    count = slot.found(n)
    # A partial sum is a lower bound: enough for "≤ whole", not for "== whole".
    whole = (count == slot.children) & (count > 0)
    return iv.widen(total_lo, np.where(whole, total_hi, np.inf))


def _anchors(rule: Rule, figs: _Figures) -> _Anchors:
    """Every subject and period where one of the rule's plain metrics is stated or derived,
    sorted by subject and period."""
    where = dict(rule.where)
    scope = where.get("scope", "")
    cls = _STATUS_CLASS.get(where.get("status", "actual"), "A")
    named = refs(rule.expr)
    plain = {r.metric for r in named if not r.selectors} or {r.metric for r in named}
    p = figs.parts
    rows = (
        np.isin(p[METRIC], [figs.code(METRIC, m) for m in plain])
        & (p[SCOPE] == figs.code(SCOPE, scope))
        & (p[CLS] == figs.code(CLS, cls))
    )
    pairs = np.unique((p[SUBJECT][rows].astype(np.int64) << 32) | p[PERIOD][rows])
    subject, period = pairs >> 32, pairs & 0xFFFFFFFF
    order = np.lexsort((figs.rank(PERIOD)[period], figs.rank(SUBJECT)[subject]))
    return _Anchors(subject[order], period[order], scope, cls)


def _evaluate_rule(
    rule: Rule, ctx: Any, pool: Any, figs: _Figures
) -> tuple[list[Finding], np.ndarray, int, list[str]]:
    from factcheck.pool import ERROR, SEVERITY, WARNING, claims_of
    from factcheck.wording import display, fmt, rescaled
    from factcheck.wording import refs as claim_refs

    anchors = _anchors(rule, figs)
    n = len(anchors)
    if not n:
        return [], np.array([], dtype=np.int64), 0, []
    leaves = _leaves(rule.expr)
    slots = {id(leaf): _slot(leaf, anchors, figs) for leaf in leaves}
    anchors, slots = _each_reading_of_the_key(anchors, slots, leaves, figs)
    n = len(anchors)
    ordered = [slots[id(leaf)] for leaf in leaves]
    found = [s.found(n) for s in ordered]
    # A subject with no subjects below it is not a place for a rule that sums over them.
    applies = np.logical_and.reduce([s.applies(n) for s in ordered])
    complete = applies & np.logical_and.reduce([f > 0 for f in found])
    some = applies & np.logical_or.reduce([f > 0 for f in found])
    ok: dict[str, np.ndarray] = {}
    values: dict[str, tuple[Pair, Pair]] = {}
    for reading in ("s", "l"):
        lhs = _values(rule.expr.left, slots, figs, n, reading)
        rhs = _values(rule.expr.right, slots, figs, n, reading)
        values[reading] = (lhs, rhs)
        ok[reading] = _holds(rule.expr.op, lhs, rhs)
    # The highest severity each anchor may take: the rule's, and every figure's cap.
    cap = np.full(n, _RANK[rule.severity], dtype=np.int64)
    used = []
    for s in ordered:
        at = np.flatnonzero(s.fid >= 0)
        row = at if s.owner is None else s.owner[at]
        np.minimum.at(cap, row, figs.cap[s.fid[at]])
        used.append(figs.expand(s.fid[at][complete[row]]))
    readings = np.where(~ok["l"], ERROR, np.where(~ok["s"], WARNING, 0))
    sev = np.where(complete & (readings > 0), np.minimum(readings, cap), 0)
    took = claims_of(pool, np.concatenate(used))

    def label(i: int) -> str:
        return f"{figs.texts(SUBJECT, anchors.subject[i : i + 1])[0]} " + str(
            figs.texts(PERIOD, anchors.period[i : i + 1])[0]
        )

    def fids_at(i: int) -> list[int]:
        return [f for s in ordered for f in figs.expand(np.asarray(s.at(i))).tolist()]

    undecidable = [
        f"规则「{rule.id}」对 {label(i)} 无法核对：缺少部分数字"
        for i in np.flatnonzero(~complete & some)[:200].tolist()
    ]
    if pool.records is not None:
        for i in np.flatnonzero(complete).tolist():
            outcome = SEVERITY[int(sev[i])] if sev[i] else "pass"
            pool.record(
                "FC401", "rule-violated", f"规则「{rule.title}」：{label(i)}", fids_at(i), outcome
            )
    findings: list[Finding] = []
    (lhs, rhs) = values["s"]
    # A rule whose every name is pinned (``[subject=即墨区]``) reads the same figures at
    # every anchor: the same figures are reported once.
    reported: set[tuple[int, ...]] = set()
    for i in np.flatnonzero(sev).tolist():
        fids = fids_at(i)
        if tuple(fids) in reported:
            continue
        reported.add(tuple(fids))

        def unit_of(fid: int) -> tuple[str, float]:
            unit = display(ctx, pool, int(figs.expand(np.array([fid]))[0]))
            # Rules read percentages as fractions: 5% is 0.05, printed back as 5%.
            scale = 100.0 if unit[0] in ("%", "‰", "个百分点") else 1.0
            return unit[0], unit[1] / scale

        sides = (rule.expr.left, rule.expr.right)
        ul, ur = (_side_unit(side, slots, i, unit_of) for side in sides)
        bounds_l, bounds_r = (lhs[0][i], lhs[1][i]), (rhs[0][i], rhs[1][i])
        if _comparable(ul, ur):
            # Both sides in one unit, 亿元 against 亿元, for the eye to compare: the unit of
            # a side that is one figure as printed (粮食单产 in 公斤/亩, not in the 吨/亩 of
            # 万吨 ÷ 万亩) when the other is computed.
            one = isinstance(sides[1], Ref) and not isinstance(sides[0], Ref)
            ul = ur = rescaled(ur if one else ul, *bounds_l, *bounds_r)
        elif {ul, ur} == {_PERCENT, _PLAIN}:
            ul = ur = _PLAIN  # 城镇 ÷ 农村 == 城乡居民收入比: a ratio against a bare number
        elif _PERCENT in (ul, ur) and "‰" in (ul[0], ur[0]):
            ul = ur = ul if ul[0] == "‰" else ur  # 出生率 against 出生人口 ÷ 常住人口: in ‰
        else:
            ul, ur = rescaled(ul, *bounds_l), rescaled(ur, *bounds_r)
        left, right = fmt(bounds_l, ul), fmt(bounds_r, ur)
        message = (
            f"规则不成立：{rule.title}（{rule.id}）— {label(i)}：{rule.text}；"
            f"左边 {left}，右边 {right}；"
            + _rule_note(int(readings[i]), int(sev[i]), _RANK[rule.severity])
        )
        findings.append(
            Finding(
                code="FC401",
                name="rule-violated",
                severity=SEVERITY[int(sev[i])],  # type: ignore[arg-type]
                message=message,
                claims=claim_refs(ctx, pool, fids),
                evidence=(("left", left), ("right", right)),
                rule=rule.id,
                # The first metric the rule names (charts group findings by metric).
                metric=leaves[0].metric if isinstance(leaves[0], Ref) else leaves[0].ref.metric,
                subject=str(figs.texts(SUBJECT, anchors.subject[i : i + 1])[0]),
            )
        )
    return _without_echoes(findings), took, int(complete.sum()), undecidable


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """A rule's findings without those that only repeat another through more claims.

    公路 + 水路 > 货运量 in 2024 also fails in 2023, on the levels their growth rates imply:
    that finding names the 2024 figures and the growth rates, and goes away when the 2024
    figure is mended. A finding whose claims include all of another's, as severe or less,
    is that one's echo. One that names a claim the other does not name (a growth rate that
    alone breaks 2023) is not a superset and stays.
    """
    if len(findings) < 2:
        return findings
    claims = [frozenset(map(id, f.claims)) for f in findings]
    holding: dict[int, list[int]] = {}
    for k, ids in enumerate(claims):
        for c in ids:
            holding.setdefault(c, []).append(k)
    rank = [_RANK[f.severity] for f in findings]

    def echo(k: int) -> bool:
        ids = claims[k]
        # Another finding whose claims are all among these holds at least one of them.
        near = {j for c in ids for j in holding[c]}
        return any(claims[j] < ids and rank[j] >= rank[k] for j in near)

    return [f for k, f in enumerate(findings) if not echo(k)]


_PERCENT = ("%", 0.01)
_PLAIN = ("", 1.0)


def _side_unit(
    node: Node, slots: dict[int, _Slot], i: int, unit_of: Callable[[int], tuple[str, float]]
) -> tuple[str, float]:
    """The unit a side of a rule is printed in at anchor ``i``: its figures' unit through
    sums and differences and scaling by a number; a ratio of figures of one unit is a
    percentage, any other product or ratio a plain number."""
    if isinstance(node, Number):
        return _PERCENT if node.percent else _PLAIN
    if isinstance(node, Neg):
        return _side_unit(node.operand, slots, i, unit_of)
    if isinstance(node, BinOp):
        a = _side_unit(node.left, slots, i, unit_of)
        b = _side_unit(node.right, slots, i, unit_of)
        if node.op in "+-":
            return b if isinstance(node.left, Number) else a
        if isinstance(node.right, Number):
            return a
        if node.op == "*" and isinstance(node.left, Number):
            return b
        if node.op == "/":
            return _PERCENT if a[0] == b[0] else _per_unit(a, b)
        return _PLAIN
    found = slots[id(node)].at(i)
    return unit_of(found[0]) if found else _PLAIN


def _per_unit(a: tuple[str, float], b: tuple[str, float]) -> tuple[str, float]:
    """The unit of a ratio of figures of two units: 亿元 over 万人 is printed in 元/人."""
    from factcheck.units import UnknownUnitError, base_factor, parse_unit

    if _PERCENT in (a, b) or _PLAIN in (a, b):
        return _PLAIN
    # Rules compute on base units (元, 人, 克): the ratio is printed per the plain words.
    top, bottom = (name.lstrip("十百千万亿") for name in (a[0], b[0]))
    try:
        factor = float(base_factor(parse_unit(top))[0] / base_factor(parse_unit(bottom))[0])
    except (UnknownUnitError, ZeroDivisionError):
        return _PLAIN
    return f"{top}/{bottom}", factor


def _comparable(a: tuple[str, float], b: tuple[str, float]) -> bool:
    """Whether two figure units (not percentages, not plain numbers) differ only in scale."""
    from factcheck.units import UnknownUnitError, parse_unit, same_dimension

    if a == b or _PERCENT in (a, b) or _PLAIN in (a, b):
        return False
    try:
        return same_dimension(parse_unit(a[0]), parse_unit(b[0]))
    except UnknownUnitError:
        return False


def _rule_note(readings: int, severity: int, rule_cap: int) -> str:
    """Why the finding has its severity: the readings, and what capped them."""
    from factcheck.pool import ERROR

    note = "即使按宽松读法也不成立" if readings == ERROR else "仅在宽松读法下成立"
    if severity >= readings:
        return note
    if rule_cap < readings and rule_cap == severity:
        return f"{note}；本规则的级别所限，只作{_SEVERITY_NAMES[severity]}"
    return f"{note}；涉及已被修订的预计数或按可比价增速推算的数字，只作{_SEVERITY_NAMES[severity]}"


def _holds(op: str, lhs: Pair, rhs: Pair) -> np.ndarray:
    if op == "==":
        return iv.overlaps(lhs, rhs)
    if op in ("<=", "<"):
        return lhs[0] <= rhs[1]
    return lhs[1] >= rhs[0]


def describe(rules: Iterable[Rule]) -> list[str]:
    """One line a rule, for listings."""
    return [f"{r.id}: {r.title} — {r.text}" for r in rules]
