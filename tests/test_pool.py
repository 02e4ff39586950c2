"""The figure pool's plumbing: joins by key code, columns read across appended figures, and
findings without repeats."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine import _dedupe
from factcheck.findings import ClaimRef, Finding
from factcheck.pool import OPERAND_COLUMNS, CodeIndex, Columns, Pool, Provenance


def _figures(codes: list[int]) -> pd.DataFrame:
    n = len(codes)
    frame = pd.DataFrame({c: np.arange(n, dtype=float) for c in OPERAND_COLUMNS})
    frame["code"] = np.asarray(codes, dtype=np.int64)
    return frame


def _naive_join(pool_codes: list[int], query: list[int]) -> list[tuple[int, int]]:
    """Every query row with each pool row of its code, in order; (row, -1) where none."""
    out = []
    for i, code in enumerate(query):
        hits = [j for j, c in enumerate(pool_codes) if c == code and code >= 0]
        out.extend((i, j) for j in hits or [-1])
    return out


@given(
    st.lists(st.integers(-1, 6), max_size=30),
    st.lists(st.integers(-1, 9), max_size=30),
)
def test_a_left_join_by_code_pairs_each_query_with_every_figure_of_its_key(pool_codes, query):
    index = CodeIndex(Columns(_figures(pool_codes)))
    left, right = index.left_join(np.asarray(query, dtype=np.int64))
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == _naive_join(pool_codes, query)


def test_figures_appended_to_the_pool_are_read_after_the_stated_ones():
    pool = Pool(_figures([0, 1, 2]), {}, Provenance(3))
    pool.extend(_figures([1, 5]))
    assert len(pool) == 5
    assert pool.cell.array("code").tolist() == [0, 1, 2, 1, 5]
    assert pool.cell(4, "code") == 5
    left, right = pool.index.left_join(np.array([1, 5, 3]))
    pairs = list(zip(left.tolist(), right.tolist(), strict=True))
    assert pairs == [(0, 1), (0, 3), (1, 4), (2, -1)]
    # The frame, read once everything is in, is the same figures in the same order.
    assert pool.frame["code"].tolist() == [0, 1, 2, 1, 5]
    assert pool.frame["fid"].tolist() == [0.0, 1.0, 2.0, 0.0, 1.0]


@given(
    st.lists(st.lists(st.integers(-1, 6), max_size=8), min_size=1, max_size=6),
    st.lists(st.sets(st.sampled_from(["code", "fid", "lo_s"])), min_size=6, max_size=6),
    st.lists(st.integers(-1, 9), max_size=20),
)
def test_a_pool_grown_round_by_round_reads_and_joins_as_if_built_at_once(rounds, read_after, query):
    """Columns read after some rounds and not others, joins made between: each read and
    each join is what the concatenated figures give, and what was read before stays."""
    pool = Pool(_figures(rounds[0]), {}, Provenance(len(rounds[0])))
    codes = list(rounds[0])
    kept: list[tuple[np.ndarray, list[int]]] = []
    for added, columns in zip([*rounds[1:], []], read_after, strict=False):
        for column in sorted(columns):
            array = pool.cell.array(column)
            if column == "code":
                assert array.tolist() == codes
                kept.append((array, list(codes)))
        left, right = pool.index.left_join(np.asarray(query, dtype=np.int64))
        assert list(zip(left.tolist(), right.tolist(), strict=True)) == _naive_join(codes, query)
        if added:
            pool.extend(_figures(added))
            codes += added
    assert pool.cell.array("fid").tolist() == [float(i) for r in rounds for i in range(len(r))]
    for array, then in kept:
        assert array.tolist() == then


A = ClaimRef("a", "公报")
B = ClaimRef("b", "公报")


def _finding(code: str, message: str, *claims: ClaimRef) -> Finding:
    return Finding(code=code, name="x", severity="error", message=message, claims=claims)


def test_a_finding_repeated_with_its_claims_in_another_order_is_reported_once():
    first = _finding("FC201", "占比不符", A, B)
    assert _dedupe([first, _finding("FC201", "占比不符", B, A)]) == [first]


def test_the_same_message_from_another_check_or_about_other_claims_is_kept():
    findings = [
        _finding("FC201", "占比不符", A, B),
        _finding("FC110", "占比不符", A, B),
        _finding("FC201", "占比不符", A),
        _finding("FC201", "增速不符", A, B),
    ]
    assert _dedupe(findings) == findings
