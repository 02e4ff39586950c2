"""The factcheck benchmark: load and check synthetic corpora of 10k, 100k (and 1M) claims.

One run measures, for each size:

- **baseline**: bare ``yaml.load(..., CSafeLoader)`` of the same files, flattened into a
  DataFrame and validated with a pandera schema of the claims table's size — what the issue
  asks cold loading to be no slower than;
- **cold load**: ``load_corpus(..., cache=False)`` in a fresh process;
- **cold load writing the cache**, then **warm load** (every file from the cache), then warm
  load after **one file's content changed** (that file alone is parsed again; the run checks
  that exactly one cache entry was added and that the loaded table has the new text) and
  after a bare ``touch`` (mtime only: still a hit);
- **check** (``check(corpus, figures=False)`` on a loaded corpus) and the peak RSS of the
  process that loaded and checked;
- the **per-claim pint loop**: the same relations checked one claim at a time with pint
  scalar quantities from ``parse_quantity``, the way a user would script it (10k and 100k);
- **correctness**: every planted error (``manifest.json``) must be named by an ``error``
  finding, and no ``error`` finding may name only unplanted claims.

Every measurement runs in its own subprocess (``--worker``), so that a cold load is cold
(no parse caches in memory) and peak memory is per phase. Medians of ``--repeat`` runs
(one run for the slow phases at 1M). Usage::

    python benchmarks/run.py                 # 10k and 100k
    python benchmarks/run.py --full          # and 1M
    python benchmarks/run.py --sizes 10k --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUT = HERE / "out"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

#: The issue's targets.
CHECK_1M_SECONDS = 10.0
CHECK_1M_BYTES = 4 * 1024**3
LINEAR_FACTOR = 12.0
PINT_SPEEDUP = 50.0
WARM_1M_SECONDS = 5.0


# =========================================================================== workers
# Each worker runs in a fresh interpreter and prints one JSON object as its last line.


def _rss() -> int:
    """Peak resident set size of this process so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall seconds of ``fn()`` and its result; its CPU seconds go to :data:`LAST_CPU`."""
    global LAST_CPU
    c = time.process_time()
    t = time.perf_counter()
    out = fn()
    wall = time.perf_counter() - t
    LAST_CPU = time.process_time() - c
    return wall, out


#: CPU seconds of the last :func:`_timed` call. The machine may be shared: CPU time shows
#: how much of a wall-clock figure was waiting for a core.
LAST_CPU = 0.0


def worker_baseline(corpus_dir: Path, rules: Path) -> dict[str, Any]:
    """Bare CSafeLoader parse of every file, then a pandera validation of the flat table."""
    import pandas as pd
    import pandera.pandas as pa
    import yaml

    from factcheck.claims import MEASURES, STATUSES
    from factcheck.corpus import claim_files
    from factcheck.registry import load_registry

    registry = load_registry(rules)
    files = claim_files(corpus_dir)

    def parse() -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for f in files:
            # The C *safe* loader: what the issue calls bare yaml.load.
            data = yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            doc = data["document"]["id"]
            for c in data["claims"]:
                c["document"] = doc
                rows.append(c)
        return rows

    t_yaml, rows = _timed(parse)
    cpu_yaml = LAST_CPU
    names = set(registry.metrics.names())
    for m in registry.metrics:
        names.update(m.aliases)
    # Comparable to factcheck.schema.CLAIMS_SCHEMA: a dozen column checks and uniqueness.
    schema = pa.DataFrameSchema(
        {
            "document": pa.Column(str),
            "id": pa.Column(str, pa.Check.str_length(min_value=1)),
            "subject": pa.Column(str, pa.Check.str_length(min_value=1)),
            "metric": pa.Column(str, pa.Check.isin(sorted(names))),
            "measure": pa.Column(str, pa.Check.isin(MEASURES)),
            "status": pa.Column(str, pa.Check.isin(STATUSES)),
            "basis": pa.Column(
                None, pa.Check(lambda s: s.isna() | s.isin(["real", "nominal"])), nullable=True
            ),
            "period": pa.Column(
                str,
                pa.Check.str_matches(
                    r"^\d{4}(H[12]|Q[1-4](-Q[1-4])?|-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2})?)?$"
                ),
            ),
            "value": pa.Column(str, pa.Check.str_length(min_value=1)),
            "quote": pa.Column(str, pa.Check(lambda s: s.str.strip().str.len() > 0)),
            "line": pa.Column(int, pa.Check.ge(1)),
        },
        unique=["document", "id"],
        strict=False,
        coerce=False,
    )

    def validate() -> int:
        df = pd.DataFrame(rows)
        df["measure"] = df["measure"].fillna("level")
        df["status"] = df["status"].fillna("actual")
        df["period"] = df["period"].astype(str)
        schema.validate(df, lazy=True)
        return len(df)

    t_val, n = _timed(validate)
    return {
        "yaml_s": t_yaml,
        "validate_s": t_val,
        "baseline_s": t_yaml + t_val,
        "baseline_cpu": cpu_yaml + LAST_CPU,
        "claims": n,
        "rss": _rss(),
    }


def worker_cold(corpus_dir: Path, rules: Path, cache: Path | None) -> dict[str, Any]:
    """``load_corpus`` from text (``cache`` None) or filling the cache (a folder).

    The registry is read before the timer starts, as the baseline's is: both time reading
    and validating the claims against metric names already known."""
    from factcheck.corpus import load_corpus
    from factcheck.registry import load_registry

    registry = load_registry(rules)
    t, corpus = _timed(lambda: load_corpus(corpus_dir, registry, cache=cache if cache else False))
    return {"seconds": t, "cpu": LAST_CPU, "claims": len(corpus), "rss": _rss()}


def worker_warm(corpus_dir: Path, rules: Path, cache: Path) -> dict[str, Any]:
    """``load_corpus`` from an up-to-date cache (the registry read first, as for cold)."""
    from factcheck.corpus import load_corpus
    from factcheck.registry import load_registry

    registry = load_registry(rules)
    before = _entries(cache)
    t, corpus = _timed(lambda: load_corpus(corpus_dir, registry, cache=cache))
    return {
        "seconds": t,
        "cpu": LAST_CPU,
        "claims": len(corpus),
        "new_entries": len(_entries(cache) - before),
        "rss": _rss(),
    }


def worker_changed(corpus_dir: Path, rules: Path, cache: Path, nonce: str) -> dict[str, Any]:
    """Warm load after one file's content changed, that file parsed alone, then a bare touch."""
    from factcheck.corpus import claim_files, load_corpus

    files = claim_files(corpus_dir)
    victim = files[len(files) // 2]
    original = victim.read_bytes()
    marker = f"〔改{nonce}〕"
    text = original.decode("utf-8").replace("    quote: ", f"    quote: {marker}", 1)
    before = _entries(cache)
    try:
        victim.write_text(text, encoding="utf-8")
        t_changed, corpus = _timed(lambda: load_corpus(corpus_dir, rules, cache=cache))
        after = _entries(cache)
        added, replaced = len(after - before), len(before - after)
        fresh = bool(corpus.table["quote"].astype(str).str.startswith(marker).any())
        t_alone, _ = _timed(lambda: load_corpus(victim, rules, cache=False))
    finally:
        victim.write_bytes(original)
    # The restored text is parsed again (its entry gave way to the edited text's), then a
    # bare touch, which changes the mtime and not the content: the entry must still be used.
    load_corpus(corpus_dir, rules, cache=cache)
    os.utime(victim)
    before = _entries(cache)
    t_touched, _ = _timed(lambda: load_corpus(corpus_dir, rules, cache=cache))
    return {
        "changed_s": t_changed,
        "alone_s": t_alone,
        "touched_s": t_touched,
        "added_entries": added,
        "replaced_entries": replaced,
        "touch_added_entries": len(_entries(cache) - before),
        "sees_new_text": fresh,
        "file": victim.name,
        "rss": _rss(),
    }


def _entries(cache: Path) -> set[str]:
    """The cache's entry names: a rewritten file's entry replaces its old one (the count
    stays), so what was written is the names not there before."""
    return {p.name for p in cache.glob("*.pickle")} if cache.exists() else set()


def worker_check(
    corpus_dir: Path, rules: Path, cache: Path, repeat: int, budget: float, manifest: Path
) -> dict[str, Any]:
    """Load from the cache, then ``check`` ``repeat`` times; verify the first report."""
    from factcheck.corpus import load_corpus
    from factcheck.engine import check
    from factcheck.rules import load_rules

    corpus = load_corpus(corpus_dir, rules, cache=cache)
    rss_loaded = _rss()
    times: list[float] = []
    cpus: list[float] = []
    report = None
    while len(times) < repeat and sum(times) <= budget:
        t, r = _timed(lambda: check(corpus, figures=False))
        times.append(t)
        cpus.append(LAST_CPU)
        report = report or r
    assert report is not None
    errors = [
        (f.code, [c.key for c in f.claims], f.metric)
        for f in report.findings
        if f.severity == "error"
    ]
    verdict = verify(errors, _planted(manifest), _real_metrics(corpus.registry))
    # The same check with the shipped rule sets, as `factcheck check` runs it. Its findings
    # are not verified against the planted errors: the generator keeps each family of
    # metrics consistent, not identities across families (海洋生产总值 ≤ 地区生产总值).
    rule_set = load_rules(rules, corpus.registry)
    with_rules: list[float] = []
    rules_cpu: list[float] = []
    rules_report = None
    while len(with_rules) < repeat and sum(with_rules) <= budget:
        t, r = _timed(lambda: check(corpus, rule_set, figures=False))
        with_rules.append(t)
        rules_cpu.append(LAST_CPU)
        rules_report = rules_report or r
    assert rules_report is not None
    return {
        "times": times,
        "cpu": cpus,
        "rules_times": with_rules,
        "rules_cpu": rules_cpu,
        "rules_findings": len(rules_report.findings),
        "rules_relations": rules_report.coverage.relations,
        "rss_loaded": rss_loaded,
        "rss": _rss(),
        "findings": dict(Counter(f.severity for f in report.findings)),
        "codes": dict(Counter(f"{f.severity}:{f.code}" for f in report.findings)),
        "relations": report.coverage.relations,
        "checked": report.coverage.checked,
        **verdict,
    }


def worker_pint(
    corpus_dir: Path, rules: Path, cache: Path, repeat: int, budget: float, manifest: Path
) -> dict[str, Any]:
    """The per-claim pint loop, ``repeat`` times; verify its errors like the engine's."""
    from factcheck.corpus import load_corpus

    corpus = load_corpus(corpus_dir, rules, cache=cache)
    claims = corpus.claims  # materialised before timing: the loaded corpus, as for check
    reads: list[float] = []
    checks: list[float] = []
    cpus: list[float] = []
    result: PintLoop | None = None
    while len(checks) < repeat and sum(reads) + sum(checks) <= budget:
        loop = PintLoop(corpus.registry)
        t_read, _ = _timed(lambda loop=loop: loop.read(claims))  # type: ignore[misc]
        t_check, _ = _timed(loop.check)
        reads.append(t_read)
        checks.append(t_check)
        cpus.append(LAST_CPU)
        result = result or loop
    assert result is not None
    errors = [(code, keys, metric) for code, sev, keys, metric in result.findings if sev == "error"]
    verdict = verify(errors, _planted(manifest), _real_metrics(corpus.registry))
    return {
        "read_times": reads,
        "check_times": checks,
        "check_cpu": cpus,
        "operations": result.operations,
        "rss": _rss(),
        **verdict,
    }


# --------------------------------------------------------------------------- verification


def _planted(manifest: Path) -> dict[str, str]:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return {p["key"]: p["kind"] for p in data["planted"]}


def _real_metrics(registry: Any) -> set[str]:
    return {m.name for m in registry.metrics if m.basis == "real"}


def _kind(key: str) -> str:
    """The claim kind the generator put in the id (``u12-m3-yoy-2023`` → ``yoy``)."""
    parts = key.split("#", 1)[-1].split("-")
    return parts[2] if len(parts) > 2 else "?"


def verify(
    errors: Sequence[tuple[str, list[str], str | None]], planted: dict[str, str], real: set[str]
) -> dict[str, Any]:
    """Planted errors found and missed; error findings that name no planted claim, by cause.

    A false error is put down to the generator's known traps where its claims say so:
    ``basis-pair`` (a real and a nominal growth of the same figure, kind ``yoyx``) and
    ``real-terms`` (a real-terms growth — a real metric's yoy/cagr or a ``basis: real``
    claim — held to a ratio of nominal levels, which the issue says may only warn).
    """
    found: set[str] = set()
    false: list[tuple[str, list[str]]] = []
    causes: Counter[str] = Counter()
    for code, keys, metric in errors:
        hit = planted.keys() & set(keys)
        found |= hit
        if hit:
            continue
        kinds = {_kind(k) for k in keys}
        if "yoyx" in kinds:
            causes["basis-pair"] += 1
        elif (
            (metric in real and kinds & {"yoy", "cagr", "yoyb"})
            or "yoyb" in kinds
            or (metric in real and code in ("FC110", "FC111"))
        ):
            causes["real-terms"] += 1
        else:
            causes["other"] += 1
        false.append((code, keys))
    missed = sorted(planted.keys() - found)
    return {
        "planted": len(planted),
        "found": len(found),
        "missed": missed[:50],
        "missed_kinds": dict(Counter(planted[k] for k in missed)),
        "false_errors": len(false),
        "false_causes": dict(causes),
        "false_examples": [
            f"{c} {' '.join(k)}" for c, k in false if "yoyx" not in {_kind(x) for x in k}
        ][:10],
    }


# =========================================================================== the pint loop


@dataclass
class _Fig:
    """One claim read with pint: both readings as (low, high) quantities."""

    index: int
    key: str
    s: tuple[Any, Any]
    l: tuple[Any, Any]  # noqa: E741 - the lenient reading, named like the engine's columns
    cap: str


@dataclass
class PintLoop:
    """The checks a user would script: one claim at a time, pint scalar quantities, dicts.

    It checks the stated relations the engine checks (share, yoy, 百分点, cagr, multiple,
    change, part ≤ whole, district ≤ city, 上半年 ≤ 全年 for flows, agreement), under both
    readings, with the same
    severity caps (estimates and real-terms growth at most warn), but derives nothing.
    """

    registry: Any
    findings: list[tuple[str, str, list[str], str]] = field(default_factory=list)
    operations: int = 0
    figs: list[_Fig | None] = field(default_factory=list)
    claims: tuple[Any, ...] = ()

    def read(self, claims: tuple[Any, ...]) -> None:
        """Each claim's value read into pint quantities, both readings."""
        from factcheck import parse_quantity
        from factcheck.units import ureg

        self.claims = claims
        neg, pos = Decimal("-Infinity"), Decimal("Infinity")
        for i, c in enumerate(claims):
            readings = []
            for reading in ("strict", "lenient"):
                fig = parse_quantity(c.value, reading)
                lo = fig.low if fig.low is not None else ureg.Quantity(neg, fig.unit)
                hi = fig.high if fig.high is not None else ureg.Quantity(pos, fig.unit)
                if c.measure == "multiple" and fig.change:
                    lo, hi = lo + 1, hi + 1  # 增长2倍 is three times
                readings.append((lo, hi))
            cap = "warning" if c.status in ("estimate", "preliminary") else "error"
            self.figs.append(_Fig(i, f"{c.document}#{c.id}", readings[0], readings[1], cap))

    # ----------------------------------------------------------------- helpers

    def _cls(self, status: str) -> str:
        return {"target": "T", "capacity": "C"}.get(status, "A")

    def _sel(self, sel: Any, c: Any) -> tuple[str, str, str, str]:
        m = (sel.metric if sel else None) or c.metric
        scope = (sel.scope if sel else None) or (c.scope if m == c.metric else None) or ""
        return (
            sel.subject if sel and sel.subject else c.subject,
            m,
            (sel.period if sel else None) or c.period,
            scope,
        )

    def _basis(self, c: Any, metric_name: str | None = None) -> str:
        """The claim's own basis, else the metric's (``metric_name``: another metric's)."""
        metric = self.registry.metrics.resolve(metric_name or c.metric)
        default = metric.basis if metric else "nominal"
        return default if metric_name else (c.basis or default)

    def _real(self, c: Any) -> bool:
        return self._basis(c) == "real"

    def _op(self, fn: Callable[[], Any], lo_default: Any) -> Any:
        self.operations += 1
        try:
            return fn()
        except (InvalidOperation, ZeroDivisionError):
            return lo_default

    def _div(self, a: tuple[Any, Any], b: tuple[Any, Any]) -> tuple[Any, Any] | None:
        if b[0].magnitude <= 0:
            return None  # a denominator that may be 0: nothing to say
        lo = self._op(lambda: (a[0] / b[1]).to("dimensionless"), None)
        hi = self._op(lambda: (a[1] / b[0]).to("dimensionless"), None)
        return None if lo is None or hi is None else (lo, hi)

    @staticmethod
    def _overlap(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
        return not (a[0] > b[1] or b[0] > a[1])

    def _judge(
        self,
        code: str,
        computed: dict[str, tuple[Any, Any] | None],
        stated: _Fig,
        operands: list[_Fig],
        cap: str = "error",
    ) -> None:
        ok = {}
        for reading in ("s", "l"):
            comp = computed[reading]
            if comp is None:
                return
            ok[reading] = self._overlap(comp, getattr(stated, reading))
            self.operations += 1
        if ok["s"] and ok["l"]:
            return
        sev = "error" if not ok["l"] else "warning"
        caps = [cap, stated.cap, *(o.cap for o in operands)]
        if sev == "error" and "warning" in caps:
            sev = "warning"
        metric = self.claims[stated.index].metric
        self.findings.append((code, sev, [stated.key, *(o.key for o in operands)], metric))

    # ----------------------------------------------------------------- the loop

    def check(self) -> None:
        """Index levels and rates in dicts, then visit every claim once."""
        from factcheck.periods import PeriodError, parse_period

        levels: dict[tuple[str, str, str, str], list[_Fig]] = {}
        # A growth rate in real terms and one at current prices are different figures: the
        # basis is part of the key of a growth rate, as in the engine.
        yoys: dict[tuple[str, str, str, str, str], list[_Fig]] = {}
        # Shares by their own key and the key of their whole.
        shares: dict[tuple[tuple[str, ...], tuple[str, ...]], list[_Fig]] = {}
        groups: dict[tuple[str, ...], list[_Fig]] = {}
        by_id: dict[tuple[str, str], int] = {}
        periods: dict[str, Any] = {}
        # The periods each series of levels is printed for, and which period holds which.
        series: dict[tuple[str, str, str], set[str]] = {}
        holds: dict[tuple[str, str], bool] = {}

        def contains(big: str, small: str) -> bool:
            if (big, small) not in holds:
                b, s = period(big), period(small)
                holds[(big, small)] = (
                    b is not None
                    and s is not None
                    and "date" not in (b.kind, s.kind)
                    and b != s
                    and b.contains(s)
                )
            return holds[(big, small)]

        def period(text: str) -> Any:
            if text not in periods:
                try:
                    periods[text] = parse_period(text)
                except PeriodError:
                    periods[text] = None
            return periods[text]

        for fig in self.figs:
            assert fig is not None
            c = self.claims[fig.index]
            by_id[(c.document, c.id)] = fig.index
            cls = self._cls(c.status)
            scope = c.scope or ""
            of = "@".join(self._sel(c.of, c)) if c.of else ""
            against = (
                "~".join(f"{k}={v}" for k, v in sorted(c.against.to_mapping().items()))
                if c.against
                else ""
            )
            measure = f"{c.measure}:{self._basis(c)}" if c.measure in ("yoy", "cagr") else c.measure
            if cls in ("A", "T"):
                groups.setdefault(
                    (c.subject, c.metric, measure, c.period, scope, cls, of, against), []
                ).append(fig)
            if cls != "A":
                continue
            if c.measure == "level":
                levels.setdefault((c.subject, c.metric, c.period, scope), []).append(fig)
                series.setdefault((c.subject, c.metric, scope), set()).add(c.period)
            elif c.measure == "yoy":
                yoys.setdefault((c.subject, c.metric, c.period, scope, self._basis(c)), []).append(
                    fig
                )
            elif c.measure == "share" and c.of:
                shares.setdefault(
                    ((c.subject, c.metric, c.period, scope), self._sel(c.of, c)), []
                ).append(fig)

        for fig in self.figs:
            assert fig is not None
            c = self.claims[fig.index]
            if self._cls(c.status) != "A":
                continue
            scope = c.scope or ""
            own = (c.subject, c.metric, c.period, scope)
            real_cap = "warning" if self._real(c) else "error"
            if c.measure == "share":
                for part in levels.get(own, ()):
                    for whole in levels.get(self._sel(c.of, c), ()):
                        comp = {
                            r: self._pct(self._div(getattr(part, r), getattr(whole, r)))
                            for r in ("s", "l")
                        }
                        self._judge("FC201", comp, fig, [part, whole])
            elif c.measure == "yoy":
                p = period(c.period)
                if p is None:
                    continue
                prev = (c.subject, c.metric, p.shift(-1).text, scope)
                for cur in levels.get(own, ()):
                    for before in levels.get(prev, ()):
                        comp = {
                            r: self._growth(self._div(getattr(cur, r), getattr(before, r)))
                            for r in ("s", "l")
                        }
                        self._judge("FC202", comp, fig, [cur, before], real_cap)
            elif c.measure == "pp" and c.against and not c.of:
                other = self._sel(c.against, c)
                basis = self._basis(c)
                other_basis = basis if other[1] == c.metric else self._basis(c, other[1])
                for mine in yoys.get((*own, basis), ()):
                    for theirs in yoys.get((*other, other_basis), ()):
                        comp = {
                            r: self._points(getattr(mine, r), getattr(theirs, r))
                            for r in ("s", "l")
                        }
                        self._judge("FC203", comp, fig, [mine, theirs])
            elif c.measure == "pp" and c.against and c.of:
                self._share_points(c, fig, scope, shares, levels)
            elif c.measure in ("cagr", "multiple", "change"):
                self._span(c, fig, scope, levels, period, real_cap)
            elif c.measure == "level":
                if c.part_of is not None:
                    whole_i = by_id.get((c.document, c.part_of))
                    whole_fig = self.figs[whole_i] if whole_i is not None else None
                    whole_c = self.claims[whole_fig.index] if whole_fig is not None else None
                    # 其中上半年 is a part of the year's time, checked as FC210 where it flows.
                    if (
                        whole_fig is not None
                        and whole_c is not None
                        and whole_c.measure == "level"
                        and whole_c.period == c.period
                    ):
                        self._order("FC207", fig, whole_fig)
                metric = self.registry.metrics.resolve(c.metric)
                if metric is not None and metric.additive:
                    for parent in self.registry.subjects.ancestors(c.subject):
                        for big in levels.get((parent, c.metric, c.period, scope), ()):
                            self._order("FC208", fig, big)
                if metric is not None and metric.flow and c.status != "cumulative":
                    for whole in series[(c.subject, c.metric, scope)]:
                        if contains(whole, c.period):
                            for big in levels[(c.subject, c.metric, whole, scope)]:
                                self._order("FC210", fig, big)
        for members in groups.values():
            if len(members) > 1:
                self._agree(members)

    def _share_points(
        self,
        c: Any,
        fig: _Fig,
        scope: str,
        shares: dict[tuple[tuple[str, ...], tuple[str, ...]], list[_Fig]],
        levels: dict[tuple[str, str, str, str], list[_Fig]],
    ) -> None:
        """占比…比上年提高…个百分点: this year's share as stated, the other share as stated or,
        printed nowhere, worked out from its two levels (final figures before estimates)."""
        own = (c.subject, c.metric, c.period, scope)
        other = self._sel(c.against, c)
        whole = self._sel(c.of, c)
        # The whole of the other share: what ``of`` names, the rest as ``against`` moves it.
        moved = c.with_(subject=other[0], metric=other[1], period=other[2], scope=other[3] or None)
        other_whole = self._sel(c.of, moved)
        mine_all = shares.get((own, whole), [])
        theirs: list[tuple[dict[str, Any], list[_Fig]]] = [
            ({r: getattr(f, r) for r in ("s", "l")}, [f])
            for f in shares.get((other, other_whole), [])
        ]
        if not theirs:

            def final(figs: list[_Fig]) -> list[_Fig]:
                return [f for f in figs if f.cap == "error"] or figs

            for part in final(levels.get(other, [])):
                for total in final(levels.get(other_whole, [])):
                    comp = {
                        r: self._pct(self._div(getattr(part, r), getattr(total, r)))
                        for r in ("s", "l")
                    }
                    if all(v is not None for v in comp.values()):
                        theirs.append((comp, [part, total]))
        for mine in mine_all:
            for share0, operands in theirs:
                comp = {r: self._points(getattr(mine, r), share0[r]) for r in ("s", "l")}
                self._judge("FC203", comp, fig, [mine, *operands])

    def _pct(self, ratio: tuple[Any, Any] | None) -> tuple[Any, Any] | None:
        if ratio is None:
            return None
        self.operations += 2
        return ratio[0].to("percent"), ratio[1].to("percent")

    def _growth(self, ratio: tuple[Any, Any] | None) -> tuple[Any, Any] | None:
        if ratio is None:
            return None
        self.operations += 4
        return (ratio[0] - 1).to("percent"), (ratio[1] - 1).to("percent")

    def _points(self, a: tuple[Any, Any], b: tuple[Any, Any]) -> tuple[Any, Any] | None:
        from factcheck.units import ureg

        self.operations += 4
        try:
            lo = (a[0] - b[1]).to("percent").magnitude
            hi = (a[1] - b[0]).to("percent").magnitude
        except InvalidOperation:
            return None
        return ureg.Quantity(lo, "个百分点"), ureg.Quantity(hi, "个百分点")

    def _span(
        self,
        c: Any,
        fig: _Fig,
        scope: str,
        levels: dict[Any, list[_Fig]],
        period: Callable[[str], Any],
        real_cap: str,
    ) -> None:
        p = period(c.period)
        if p is None:
            return
        base = period(c.base) if c.base else None
        if c.measure == "cagr":
            if p.kind != "span":
                return
            base_year = base.end.year if base else p.start.year - 1
            current, before, n = str(p.end.year), str(base_year), p.end.year - base_year
        elif c.measure == "multiple":
            current = str(p.end.year) if p.kind == "span" else c.period
            if base is not None:
                before = base.text
            elif c.against and c.against.period:
                before = c.against.period
            elif p.kind == "span":
                before = str(p.start.year - 1)
            else:
                return
            n = 1
        else:
            current = c.period
            before = base.text if base is not None else p.shift(-1).text
            n = 1
        for cur in levels.get((c.subject, c.metric, current, scope), ()):
            for old in levels.get((c.subject, c.metric, before, scope), ()):
                comp: dict[str, tuple[Any, Any] | None] = {}
                for r in ("s", "l"):
                    a, b = getattr(cur, r), getattr(old, r)
                    if c.measure == "change":
                        self.operations += 2
                        comp[r] = (a[0] - b[1], a[1] - b[0])
                        continue
                    ratio = self._div(a, b)
                    if ratio is None or c.measure == "multiple":
                        comp[r] = ratio
                        continue
                    k = Decimal(1) / Decimal(n)
                    self.operations += 6
                    comp[r] = ((ratio[0] ** k - 1).to("percent"), (ratio[1] ** k - 1).to("percent"))
                code = {"cagr": "FC204", "multiple": "FC205", "change": "FC206"}[c.measure]
                self._judge(code, comp, fig, [cur, old], real_cap)

    def _order(self, code: str, small: _Fig, big: _Fig) -> None:
        self.operations += 2
        try:
            if small.l[0] > big.l[1]:
                sev = "error" if small.cap == big.cap == "error" else "warning"
            elif small.s[0] > big.s[1]:
                sev = "warning"
            else:
                return
        except Exception:  # pint: different dimensions (a 万元 part of a 家 whole) are not compared
            return
        self.findings.append((code, sev, [small.key, big.key], self.claims[small.index].metric))

    def _agree(self, members: list[_Fig]) -> None:
        for reading in ("l", "s"):
            top = max(members, key=lambda f: getattr(f, reading)[0])
            bottom = min(members, key=lambda f: getattr(f, reading)[1])
            self.operations += 2 * len(members) + 1
            if getattr(top, reading)[0] > getattr(bottom, reading)[1]:
                c = self.claims[top.index]
                statuses = {c.status, self.claims[bottom.index].status}
                if c.status == "target":
                    sev = "info"
                elif statuses & {"estimate", "preliminary"}:
                    sev = "warning"
                else:
                    sev = "error" if reading == "l" else "warning"
                self.findings.append(("FC101", sev, [top.key, bottom.key], c.metric))
                return


# =========================================================================== the driver


@dataclass
class Options:
    """What the driver was asked to do."""

    out: Path
    rules: Path
    seed: int
    repeat: int
    pint_sizes: set[str]
    timeout: float
    budget: float


def _work(name: str, *args: str, timeout: float = 7200) -> dict[str, Any]:
    """Run a worker in a fresh interpreter and return its JSON result.

    Raises:
        subprocess.TimeoutExpired: the worker ran longer than ``timeout`` (it is killed).
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"worker {name} failed:\n{proc.stderr[-4000:]}")
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _median(xs: Iterable[float]) -> float:
    return statistics.median(list(xs))


def measure(label: str, n: int, opt: Options) -> dict[str, Any]:
    """Every measurement for one size; generates the corpus first if it is not there."""
    sys.path.insert(0, str(HERE))
    import generate

    base = opt.out / f"c{label}-s{opt.seed}"
    manifest = base / "manifest.json"
    corpus = base / "claims"
    cache = base / "cache"
    # factcheck may change while a long run goes on: the code is recorded at both ends.
    res: dict[str, Any] = {"label": label, "target": n, "code_start": _git()}
    existing = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None
    if existing is None or existing.get("requested") != n or existing.get("seed") != opt.seed:
        _say(f"[{label}] generating …")
        t, m = _timed(lambda: generate.generate(n, base, opt.seed, rules=opt.rules))
        res["generate_s"] = t
        existing = m
    res["claims"], res["files"], res["planted"] = (
        existing["claims"],
        existing["files"],
        len(existing["planted"]),
    )
    res["bytes"] = sum(f.stat().st_size for f in corpus.glob("*.yaml"))
    big = n >= 1_000_000
    slow_reps = 1 if big else opt.repeat
    args = [str(corpus), str(opt.rules)]

    _say(f"[{label}] baseline (CSafeLoader + pandera) ×{slow_reps}")
    runs = [_work("baseline", *args) for _ in range(slow_reps)]
    res["baseline"] = {
        k: _median(r[k] for r in runs)
        for k in ("yaml_s", "validate_s", "baseline_s", "baseline_cpu")
    }
    res["baseline"]["rss"] = max(r["rss"] for r in runs)

    _say(f"[{label}] cold load ×{slow_reps}")
    runs = [_work("cold", *args, "-") for _ in range(slow_reps)]
    res["cold_s"] = _median(r["seconds"] for r in runs)
    res["cold_cpu"] = _median(r["cpu"] for r in runs)
    res["cold_runs"] = [r["seconds"] for r in runs]
    res["cold_rss"] = max(r["rss"] for r in runs)

    _say(f"[{label}] cold load writing the cache")
    shutil.rmtree(cache, ignore_errors=True)
    res["cold_cache_s"] = _work("cold", *args, str(cache))["seconds"]

    _say(f"[{label}] warm load ×{opt.repeat}")
    runs = [_work("warm", *args, str(cache)) for _ in range(opt.repeat)]
    res["warm_runs"] = [(r["seconds"], r["new_entries"]) for r in runs]
    res["warm_s"] = _median(r["seconds"] for r in runs)
    res["warm_cpu"] = _median(r["cpu"] for r in runs)
    res["warm_new_entries"] = max(r["new_entries"] for r in runs)
    res["warm_rss"] = max(r["rss"] for r in runs)

    _say(f"[{label}] one file changed ×{opt.repeat}")
    kept = set(cache.glob("*.pickle"))
    runs = [_work("changed", *args, str(cache), f"{os.getpid()}-{i}") for i in range(opt.repeat)]
    res["changed"] = {k: _median(r[k] for r in runs) for k in ("changed_s", "alone_s", "touched_s")}
    res["changed"]["added_entries"] = sorted({r["added_entries"] for r in runs})
    res["changed"]["touch_added_entries"] = sorted({r["touch_added_entries"] for r in runs})
    res["changed"]["sees_new_text"] = all(r["sees_new_text"] for r in runs)
    # Leave the cache as the unchanged corpus finds it. The workers' last loads already put
    # the restored files' entries back in place of the edited texts'; this drops anything a
    # worker killed half-way left behind.
    for entry in set(cache.glob("*.pickle")) - kept:
        entry.unlink()

    # Repeats stop once a phase has used its time budget: a slow check is run once.
    more = [str(opt.repeat), str(opt.budget), str(manifest)]
    _say(f"[{label}] check ×{opt.repeat} (budget {opt.budget:.0f} s)")
    res["check"] = res["check_s"] = res["check_cpu"] = None
    try:
        r = _work("check", *args, str(cache), *more, timeout=opt.timeout)
    except subprocess.TimeoutExpired:
        res.setdefault("timeouts", []).append("check")
        res["timeout"] = opt.timeout
    else:
        res["check"] = r
        res["check_s"] = _median(r["times"])
        res["check_cpu"] = _median(r["cpu"])
        res["rules_s"] = _median(r["rules_times"])
        res["rules_cpu"] = _median(r["rules_cpu"])

    if label in opt.pint_sizes:
        _say(f"[{label}] per-claim pint loop ×{opt.repeat} (budget {opt.budget:.0f} s)")
        try:
            r = _work("pint", *args, str(cache), *more, timeout=opt.timeout)
        except subprocess.TimeoutExpired:
            res.setdefault("timeouts", []).append("pint")
        else:
            res["pint"] = r
            res["pint_check_s"] = _median(r["check_times"])
            res["pint_check_cpu"] = _median(r["check_cpu"])
            res["pint_read_s"] = _median(r["read_times"])
    res["code_end"] = _git()
    _say(f"[{label}] done")
    return res


# --------------------------------------------------------------------------- the report


def _s(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def _gb(b: int | None) -> str:
    return "—" if b is None else f"{b / 1024**3:.2f} GB"


def machine() -> dict[str, Any]:
    mem = None
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            mem = int(handle.readline().split()[1]) * 1024
    except OSError:
        pass
    import numpy
    import pandas
    import pint
    import yaml

    return {
        "git": _git(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "nproc": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": _cpu(),
        "versions": {
            "pandas": pandas.__version__,
            "numpy": numpy.__version__,
            "pint": pint.__version__,
            "pyyaml": yaml.__version__,
            "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        },
    }


def _git() -> str:
    """The commit, and whether factcheck/ differs from it (read-only git commands)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "factcheck"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}" + (f" + {len(dirty)} uncommitted files in factcheck/" if dirty else "")


def _cpu() -> str:
    try:
        for line in (
            Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines()
        ):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _wc(wall: float | None, cpu: float | None) -> str:
    """Wall seconds, with CPU seconds in brackets when they differ by more than 10 %."""
    if wall is None:
        return "—"
    if cpu is None or abs(wall - cpu) <= 0.1 * wall:
        return _s(wall)
    return f"{_s(wall)} ({_s(cpu)})"


def _code(r: dict[str, Any]) -> str:
    start, end = r.get("code_start"), r.get("code_end")
    if start == end:
        return f"{r['label']} at {start}"
    return f"{r['label']} at {start} → {end} (**factcheck changed during the run**)"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(results: list[dict[str, Any]], info: dict[str, Any], command: str) -> str:
    """The markdown report: load table, check table, targets."""
    v = info["versions"]
    out = [
        f"Command: `{command}`  ",
        f"Machine: {info['nproc']} cores ({info['cpu']}), {_gb(info['memory'])} RAM, "
        f"Python {info['python']}, pandas {v['pandas']}, numpy {v['numpy']}, pint {v['pint']}, "
        f"PyYAML {v['pyyaml']} (libyaml: {v['libyaml']})  ",
        "Code: " + "; ".join(_code(r) for r in results) + "  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M')}; load average at the end {info['load']}",
        "",
        "Seconds are wall-clock medians; where CPU seconds differ by more than 10 % they follow in",
        "brackets (the process waited for a core: another job was running).",
        "",
        "### Load",
        "",
        _row(("claims", "files", "MB", "yaml.load (C)", "+ pandera", "baseline", "cold load",
              "cold ÷ baseline", "cold + cache write", "warm load", "warm, 1 file changed",
              "that file alone", "peak RSS cold")),
        _row(["---:"] * 13),
    ]  # fmt: skip
    for r in results:
        b, ch = r["baseline"], r["changed"]
        cells = (
            f"{r['claims']:,}", str(r["files"]), f"{r['bytes'] / 1e6:.0f}", _s(b["yaml_s"]),
            _s(b["validate_s"]), _wc(b["baseline_s"], b["baseline_cpu"]),
            _wc(r["cold_s"], r["cold_cpu"]), f"{r['cold_s'] / b['baseline_s']:.2f}×",
            _s(r["cold_cache_s"]), _wc(r["warm_s"], r["warm_cpu"]), _s(ch["changed_s"]),
            _s(ch["alone_s"]), _gb(r["cold_rss"]),
        )  # fmt: skip
        out.append(_row(cells))
    out += [
        "",
        "### Check",
        "",
        _row(("claims", "check", "peak RSS (load + check)", "RSS after load", "relations",
              "findings e/w/i", "pint loop: check", "pint loop: read", "engine speed-up",
              "planted found", "false errors (engine)", "pint loop: found / false",
              "check with rules/", "its relations / findings")),
        _row(["---:"] * 14),
    ]  # fmt: skip
    for r in results:
        c, pint = r["check"], r.get("pint")
        if c is None:
            out.append(_row((f"{r['claims']:,}", f"killed after {r.get('timeout', '?')} s",
                             *["—"] * 12)))  # fmt: skip
            continue
        f = c["findings"]
        speed = f"{r['pint_check_s'] / r['check_s']:.2f}×" if pint else "—"
        causes = ", ".join(f"{k} {n}" for k, n in sorted(c["false_causes"].items())) or "none"
        check_cells = (
            f"{r['claims']:,}", _wc(r["check_s"], r["check_cpu"]), _gb(c["rss"]),
            _gb(c["rss_loaded"]), f"{c['relations']:,}",
            f"{f.get('error', 0)}/{f.get('warning', 0)}/{f.get('info', 0)}",
            _wc(r.get("pint_check_s"), r.get("pint_check_cpu")), _s(r.get("pint_read_s")), speed,
            f"{c['found']}/{c['planted']}", f"{c['false_errors']} ({causes})",
            f"{pint['found']}/{pint['planted']} / {pint['false_errors']}" if pint else "—",
            _wc(r.get("rules_s"), r.get("rules_cpu")),
            f"{c['rules_relations']:,} / {c['rules_findings']:,}" if "rules_s" in r else "—",
        )  # fmt: skip
        out.append(_row(check_cells))
    out += ["", "### Targets", "", *targets(results), ""]
    return "\n".join(out)


def targets(results: list[dict[str, Any]]) -> list[str]:
    """Each target of the issue: the figure and met / not met / not measured.

    Verdicts are on wall-clock time, as the targets are; the CPU time follows where the
    machine was busy, and a verdict that CPU time would change is flagged.
    """
    by = {r["label"]: r for r in results}
    lines = []

    def row(name: str, ok: bool | None, figure: str, cpu_ok: bool | None = None) -> None:
        mark = "not measured" if ok is None else ("**met**" if ok else "**not met**")
        if ok is not None and cpu_ok is not None and cpu_ok != ok:
            mark += f" (by CPU time: {'met' if cpu_ok else 'not met'})"
        lines.append(f"- {name}: {figure} — {mark}")

    def secs(r: dict[str, Any] | None, key: str) -> tuple[float | None, float | None]:
        if r is None:
            return None, None
        return r.get(f"{key}_s"), r.get(f"{key}_cpu")

    m1 = by.get("1m")
    wall, cpu = secs(m1, "check")
    row("check 1M ≤ 10 s", None if wall is None else wall <= CHECK_1M_SECONDS,
        f"{_wc(wall, cpu)} s" if wall is not None else "not measured at 1M",
        None if cpu is None else cpu <= CHECK_1M_SECONDS)  # fmt: skip
    wall, cpu = secs(m1, "rules")
    row("check 1M with the shipped rules/ ≤ 10 s (the check `factcheck check` runs)",
        None if wall is None else wall <= CHECK_1M_SECONDS,
        f"{_wc(wall, cpu)} s" if wall is not None else "not measured at 1M",
        None if cpu is None else cpu <= CHECK_1M_SECONDS)  # fmt: skip
    rss = m1["check"]["rss"] if m1 and m1.get("check") else None
    row("check 1M peak ≤ 4 GB", None if rss is None else rss <= CHECK_1M_BYTES,
        _gb(rss) if rss else "not measured at 1M")  # fmt: skip
    small, large = ("100k", "1m") if m1 else ("10k", "100k")
    a, b = by.get(small), by.get(large)
    if a and b and a.get("check_s") and b.get("check_s"):
        ratio = b["check_s"] / a["check_s"]
        cpu_ratio = b["check_cpu"] / a["check_cpu"]
        row(f"check linear: {small} → {large} ≤ 12×" + ("" if m1 else " (1M not run)"),
            ratio <= LINEAR_FACTOR, f"{ratio:.1f}× (CPU {cpu_ratio:.1f}×)",
            cpu_ratio <= LINEAR_FACTOR)  # fmt: skip
    for label in ("10k", "100k"):
        r = by.get(label)
        if r and r.get("pint_check_s") and r.get("check_s"):
            x = r["pint_check_s"] / r["check_s"]
            xc = r["pint_check_cpu"] / r["check_cpu"]
            row(f"check ≥ 50× faster than the pint loop ({label})", x >= PINT_SPEEDUP,
                f"{x:.2f}× (CPU {xc:.2f}×)", xc >= PINT_SPEEDUP)  # fmt: skip
    for r in results:
        c = r.get("check")
        if c is None:
            continue
        row(f"every planted error found ({r['label']})", c["found"] == c["planted"],
            f"{c['found']}/{c['planted']}")  # fmt: skip
        row(f"no other error ({r['label']})", c["false_errors"] == 0,
            f"{c['false_errors']} false errors {c['false_causes']}")  # fmt: skip
    wall, cpu = secs(m1, "warm")
    row("warm load 1M ≤ 5 s", None if wall is None else wall <= WARM_1M_SECONDS,
        f"{_wc(wall, cpu)} s" if wall is not None else "not measured at 1M",
        None if cpu is None else cpu <= WARM_1M_SECONDS)  # fmt: skip
    for r in results:
        ch = r["changed"]
        ok = (ch["added_entries"] == [1] and ch["touch_added_entries"] == [0]
              and ch["sees_new_text"] and r["warm_new_entries"] == 0)  # fmt: skip
        row(f"changed file re-parsed alone, stale cache never used ({r['label']})", ok,
            f"cache entries added: file changed {ch['added_entries']}, touched "
            f"{ch['touch_added_entries']}, unchanged {r['warm_new_entries']}; "
            f"new text seen: {ch['sees_new_text']}")  # fmt: skip
    for r in results:
        b = r["baseline"]
        ratio = r["cold_s"] / b["baseline_s"]
        cpu_ratio = r["cold_cpu"] / b["baseline_cpu"]
        row(f"cold load no slower than yaml.load + validation ({r['label']})", ratio <= 1.0,
            f"{ratio:.2f}× (CPU {cpu_ratio:.2f}×)", cpu_ratio <= 1.0)  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="10k,100k", help="comma-separated: 10k, 100k, 1m (default 10k,100k)"
    )
    parser.add_argument("--full", action="store_true", help="add 1M claims")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement (slow phases at 1M: one)"
    )
    parser.add_argument(
        "--pint-sizes", default="10k,100k", help="sizes at which to time the pint loop"
    )
    parser.add_argument(
        "--out",
        default=str(DEFAULT_OUT),
        help="corpora, caches and reports (default benchmarks/out)",
    )
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--timeout",
        type=float,
        default=3600,
        help="seconds before a check or pint worker is killed",
    )
    parser.add_argument(
        "--budget", type=float, default=300, help="seconds after which check/pint stop repeating"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.worker:
        return _worker(args.worker, rest)
    labels = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    if args.full and "1m" not in labels:
        labels.append("1m")
    unknown = [x for x in labels if x not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; use {', '.join(SIZES)}")
    opt = Options(
        Path(args.out).resolve(),
        Path(args.rules).resolve(),
        args.seed,
        max(1, args.repeat),
        {s.strip().lower() for s in args.pint_sizes.split(",")},
        args.timeout,
        args.budget,
    )
    opt.out.mkdir(parents=True, exist_ok=True)
    command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    results = []
    for label in labels:
        results.append(measure(label, SIZES[label], opt))
        info = machine()
        text = render(results, info, command.strip())
        (opt.out / "report.md").write_text(text + "\n", encoding="utf-8")
        (opt.out / "results.json").write_text(
            json.dumps(
                {"machine": info, "command": command, "results": results},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    print(text)
    return 0


def _worker(name: str, rest: list[str]) -> int:
    corpus, rules = Path(rest[0]), Path(rest[1])
    if name == "baseline":
        out = worker_baseline(corpus, rules)
    elif name == "cold":
        out = worker_cold(corpus, rules, None if rest[2] == "-" else Path(rest[2]))
    elif name == "warm":
        out = worker_warm(corpus, rules, Path(rest[2]))
    elif name == "changed":
        out = worker_changed(corpus, rules, Path(rest[2]), rest[3])
    elif name == "check":
        out = worker_check(
            corpus, rules, Path(rest[2]), int(rest[3]), float(rest[4]), Path(rest[5])
        )
    elif name == "pint":
        out = worker_pint(corpus, rules, Path(rest[2]), int(rest[3]), float(rest[4]), Path(rest[5]))
    else:
        raise SystemExit(f"unknown worker {name}")
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
