"""Where a check spends its time: wall-clock seconds per engine stage, without a profiler.

cProfile inflates the engine's many small calls (findings) several times over; this wraps
the stages named below in a timer instead (about a microsecond a call), loads a corpus from
its cache and checks it once. Times are inclusive: ``_check_instances`` contains
``_relation_finding``, which contains ``fmt``.

    python benchmarks/phases.py benchmarks/out/c1m-s1 --cache benchmarks/out/phases-cache-1m
"""

from __future__ import annotations

import argparse
import functools
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

STAGES = (
    "_stated_pool",  # engine, unless named in orders, pool or wording
    "_role_keys",
    "_code_keys",
    "_attach",
    "_check_instances",
    "_relation_findings",
    "prefetch",
    "fmt",
    "_derive",
    "_merge_copies",
    "_add_derived",
    "_not_circular",
    "_agreement",
    "_unstated_rates",
    "_add_implied",
    "_rate_operands",
    "_agreement_finding",
    "part_whole",
    "hierarchy",
    "periods_within",
    "towns_sum",
    "capacity",
    "targets",
    "_dedupe",
)


def timed(fn: Callable[..., Any], name: str, spent: Counter[str], calls: Counter[str]) -> Any:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
            calls[name] += 1

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rules", type=Path, default=Path("rules"))
    parser.add_argument("--cache", type=Path, help="cache folder (default: no cache)")
    args = parser.parse_args()

    from factcheck import engine, orders, pool, wording
    from factcheck.corpus import load_corpus
    from factcheck.registry import load_registry

    spent: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    modules = (engine, orders, pool, wording)
    for name in STAGES:
        # A stage is wrapped wherever a module holds it: its own module and every module
        # that imported it by name.
        fn = next(getattr(m, name) for m in modules if hasattr(m, name))
        wrapper = timed(fn, name, spent, calls)
        for module in modules:
            if getattr(module, name, None) is fn:
                setattr(module, name, wrapper)
    corpus = load_corpus(args.corpus, load_registry(args.rules), cache=args.cache or False)
    start = time.perf_counter()
    report = engine.check(corpus, figures=False)
    total = time.perf_counter() - start
    print(f"check {total:.2f} s, {len(report.findings):,} findings")
    for name, seconds in spent.most_common():
        print(f"  {name:20s} {seconds:6.2f} s {seconds / total:6.1%} {calls[name]:9,d} calls")


if __name__ == "__main__":
    main()
