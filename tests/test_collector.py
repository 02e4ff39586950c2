"""The collector pause around loading and checking leaves the program's collector as it was."""

from __future__ import annotations

import gc
import weakref

from factcheck.collector import collector_paused


class _Node:
    pass


def test_a_cycle_left_by_the_block_is_still_collected_afterwards():
    was = gc.isenabled()
    gc.enable()
    try:
        with collector_paused():
            assert not gc.isenabled()
            node = _Node()
            node.me = node
            alive = weakref.ref(node)
            del node
        assert gc.isenabled()
        assert alive() is not None  # reference counting alone cannot free a cycle
        gc.collect()
        assert alive() is None
    finally:
        gc.enable() if was else gc.disable()


def test_objects_the_program_froze_stay_frozen():
    # A server freezes its objects before forking so that children share their pages; the
    # pause must not thaw them.
    was = gc.isenabled()
    gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector_paused():
            _ = [_Node() for _ in range(1000)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        gc.enable() if was else gc.disable()


def test_survivors_do_not_wait_in_the_young_generation():
    was = gc.isenabled()
    gc.enable()
    try:
        gc.collect()
        with collector_paused():
            kept = [_Node() for _ in range(5000)]
        # Promoted on the way out: young collections have nothing of them to walk.
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert all(id(k) in oldest for k in kept)
    finally:
        gc.enable() if was else gc.disable()
