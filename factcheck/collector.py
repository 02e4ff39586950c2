"""Pausing Python's cyclic garbage collector around bulk work.

Loading a corpus and checking it allocate millions of objects that stay alive until the
work is done (parsed nodes, rows, column arrays, findings). Each collection of the oldest
generation walks all of them, so with the collector on the cost grows faster than the
corpus: a cold load took twice as long, a check of a million claims a seventh longer.
Nothing this work builds relies on the cycle collector; reference counting frees what it
drops, and any cycle left over is collected once the collector runs again.

What survives the block (the loaded corpus, the findings) is long-lived by construction.
Switching the collector back on as such would make the first allocation after it walk all
of it as young objects (0.4 s after checking a million claims), only to promote it. The
block's survivors are promoted to the oldest generation directly instead, unless the
program keeps objects frozen of its own (``gc.freeze()`` before a fork), which are left as
they were.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Switch the cyclic collector off for the block, and back on only if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                # freeze moves every tracked object to the permanent generation and
                # unfreeze moves them all to the oldest one: a promotion without a walk.
                gc.freeze()
                gc.unfreeze()
            gc.enable()
