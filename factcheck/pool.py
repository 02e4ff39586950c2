"""The figure pool: every figure of a run, stated or derived, as columns.

Figure ids are row positions. The first rows are the stated figures, one per claim and in the
claims' order, so a stated figure's id is its claim's row and its own provenance; derived
figures are appended round by round with the claims and the chain of steps they came from.
The pool also keeps the run's key codes (:mod:`factcheck.keys`) and an index of figures by
key code for joins. Severity caps are integers so that a finding's severity is a ``min``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from factcheck.corpus import Corpus
from factcheck.findings import ClaimRef, RelationCheck
from factcheck.keys import PARTS, KeyCodes, Vocabulary

#: Severities as ranks (a cap is the highest severity a figure may take part in).
ERROR, WARNING, INFO = 3, 2, 1
SEVERITY = {ERROR: "error", WARNING: "warning", INFO: "info"}


class Provenance(dict[int, tuple[int, ...]]):
    """The claims behind each figure. A stated figure is its own claim (figure ids below
    ``stated`` are claim rows), so only derived figures are stored: a million one-element
    tuples cost a fifth of a second and a hundred megabytes."""

    def __init__(self, stated: int) -> None:
        super().__init__()
        self.stated = stated

    def get(self, fid: int, default: Any = ()) -> Any:
        if 0 <= fid < self.stated:
            return (fid,)
        return super().get(fid, default)


class Pool:
    """Every figure, stated or derived, as columns (row position = figure id)."""

    def __init__(
        self,
        frame: Frame | pd.DataFrame,
        chains: dict[int, tuple[str, ...]],
        provenance: Provenance,
    ) -> None:
        #: every figure key as an integer code (``frame["code"]``), set by ``engine._code_keys``
        self.coder: KeyCodes | None = None
        #: the texts of each key part, and the stated figures' keys as part codes
        self.vocabularies = [Vocabulary() for _ in PARTS]
        self.parts: list[np.ndarray] = []
        self.chains = chains
        self.provenance = provenance
        self._chunks: list[Frame] = []
        self.frame = as_frame(frame)
        #: figures below this id are stated, each the claim of the same row
        self.stated = len(self)
        #: every relation evaluated, when the caller asked for them (JUnit lists them)
        self.records: list[RelationCheck] | None = None
        #: key codes stated by an estimate and by the final figure that revised it
        self.revised_codes: np.ndarray = np.array([], dtype=np.int64)

    def record(self, code: str, name: str, title: str, fids: Iterable[int], outcome: str) -> None:
        if self.records is None:
            return
        claims: set[int] = set()
        for fid in fids:
            claims.update(self.provenance.get(int(fid), ()))
        self.records.append(
            RelationCheck(code, name, title, tuple(sorted(map(str, claims))), outcome)
        )

    @property
    def frame(self) -> Frame:
        """Every figure in one frame; the figures added since it was last read are joined
        to it here, so a run joins its text columns once, not once a derivation round."""
        if len(self._chunks) > 1:
            self._chunks = [
                {c: np.concatenate([chunk[c] for chunk in self._chunks]) for c in self._chunks[0]}
            ]
        return self._chunks[0]

    @frame.setter
    def frame(self, frame: Frame) -> None:
        self._chunks = [frame]
        self._length = rows_of(frame)
        self.cell = Columns(frame)
        self._index: CodeIndex | None = None
        #: the last index built before the pool grew: its groups are kept (see CodeIndex)
        self._base: CodeIndex | None = None

    def extend(self, frame: Frame | pd.DataFrame) -> None:
        """Add figures (with the next ids, in order) and the same columns."""
        frame = as_frame(frame)
        self._chunks.append(frame)
        self._length += rows_of(frame)
        self.cell = self.cell.extended(frame)
        self._base, self._index = self._index or self._base, None

    def __len__(self) -> int:
        return self._length

    def key_parts(self, fids: np.ndarray) -> list[np.ndarray]:
        """Figures' keys as part codes (a column per part, to change one and look it up)."""
        assert self.coder is not None
        return self.coder.part_codes(self.cell.array("code")[fids])

    def lookup(self, block: list[np.ndarray]) -> np.ndarray:
        """Figure ids of keys given as parts: a pair of (query row, figure id) arrays, one
        pair per match (figures with no match are left out)."""
        assert self.coder is not None
        left, right = self.index.left_join(self.coder.lookup(block))
        hit = right >= 0
        return np.stack([left[hit], right[hit]])

    @property
    def index(self) -> CodeIndex:
        """The figures by key code (needs the ``code`` column), built again when the pool
        has grown."""
        if self._index is None:
            self._index = CodeIndex(self.cell, self._base)
        return self._index


@dataclass(frozen=True)
class Context:
    table: pd.DataFrame
    corpus: Corpus
    metric_basis: Mapping[str, str]
    metric_unit: Mapping[str, str]
    cell: Columns
    #: metric → a stated level claim of it (the unit derived figures are printed in)
    level_claim: Mapping[str, int]
    #: claim rows of each 其中 part and of the whole it names (``orders.part_pairs``)
    parts: tuple[np.ndarray, np.ndarray]
    #: claim row → how findings name it, filled as findings are built
    refs: dict[int, ClaimRef] = field(default_factory=dict)
    #: figure id → its label (figure ids are never reused within a run)
    labels: dict[int, str] = field(default_factory=dict)
    #: figure id → how a message quotes it, and the unit it is printed in
    texts: dict[int, str] = field(default_factory=dict)
    units: dict[int, tuple[str, float]] = field(default_factory=dict)


#: What a relation instance carries of each operand (float: NaN where it is missing).
OPERAND_COLUMNS = ("fid", "lo_s", "hi_s", "lo_l", "hi_l", "cap")


class CodeIndex:
    """The pool's figures grouped by key code, for left joins. Codes are dense (0 … n−1), so
    where a code's figures start and how many there are is read from two arrays, not
    searched for.

    The pool grows once a round by the figures that round derived, a small part of it;
    sorting a million codes again each round cost more than every join made with them. So
    an index built on a grown pool keeps the groups of the figures its ``base`` had first
    (the stated ones) and sorts only the figures added since, and a join reads both.
    """

    def __init__(self, cell: Columns, base: CodeIndex | None = None) -> None:
        codes = cell.array("code")
        self._groups: list[_Groups]
        if base is None or base._groups[0].end > len(codes):
            self._groups = [_Groups(codes, 0)]
        else:
            first = base._groups[0]
            self._groups = [first, _Groups(codes[first.end :], first.end)]
        self.columns = {c: cell.array(c, float) for c in OPERAND_COLUMNS}

    def left_join(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row numbers into ``codes`` and into the pool (-1: no figure), one pair per match,
        every row of ``codes`` at least once, in the order of ``codes`` and of the pool."""
        codes = np.asarray(codes, dtype=np.int64)
        spans = [(group, *group.span(codes)) for group in self._groups]
        spans = [span for span in spans if span[2].any()]
        count = sum((n for _, _, n in spans), np.zeros(len(codes), dtype=np.int64))
        reps = np.maximum(count, 1)
        left = np.repeat(np.arange(len(codes)), reps)
        # A match's place among its query row's matches: the first group's come first.
        offset = np.arange(len(left)) - np.repeat(np.cumsum(reps) - reps, reps)
        if len(spans) == 1:
            group, low, n = spans[0]
            found = np.repeat(n, reps) > 0
            pos = np.minimum(np.repeat(low, reps) + offset, len(group.order) - 1)
            return left, np.where(found, group.order[pos], -1)
        right = np.full(len(left), -1, dtype=np.int64)
        before = np.zeros(len(left), dtype=np.int64)
        for group, low, n in spans:
            n_rep = np.repeat(n, reps)
            inside = np.flatnonzero((offset >= before) & (offset < before + n_rep))
            right[inside] = group.order[np.repeat(low, reps)[inside] + (offset - before)[inside]]
            before += n_rep
        return left, right


class _Groups:
    """Figures ``offset`` … ``end`` − 1 of the pool in order of key code (stable)."""

    def __init__(self, codes: np.ndarray, offset: int) -> None:
        codes = np.asarray(codes, dtype=np.int64)
        self.end = offset + len(codes)
        self.order = np.argsort(codes, kind="stable") + offset
        keyed = codes[codes >= 0]
        self.count = np.bincount(keyed) if len(keyed) else np.zeros(0, dtype=np.int64)
        # Figures without a key (−1) sort first.
        self.start = len(codes) - len(keyed) + np.cumsum(self.count) - self.count

    def span(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each code's figures start in ``order``, and how many there are."""
        known = (codes >= 0) & (codes < len(self.count))
        at = np.where(known, codes, 0)
        if not len(self.count):
            return np.zeros(len(codes), dtype=np.int64), np.zeros(len(codes), dtype=np.int64)
        return self.start[at], np.where(known, self.count[at], 0)


#: Named columns of one length, as the pool keeps its figures. Not a DataFrame: the pool's
#: columns are only ever read whole, and pandas spent tens of microseconds on each column
#: read and milliseconds on each frame built, several times a round (about 7 ms of a 77 ms
#: check at 10k claims).
Frame = dict[str, np.ndarray]


def frame_of(columns: Mapping[str, Any], n: int) -> Frame:
    """Columns of ``n`` rows; a scalar fills its column."""
    return {
        name: values if isinstance(values, np.ndarray) else np.full(n, values)
        for name, values in columns.items()
    }


def as_frame(frame: Frame | pd.DataFrame) -> Frame:
    if isinstance(frame, pd.DataFrame):
        return {str(c): frame[c].to_numpy() for c in frame.columns}
    return frame


def rows_of(frame: Frame) -> int:
    return len(next(iter(frame.values()))) if frame else 0


def isin(values: Any, test: Any) -> np.ndarray:
    """Whether each of ``values`` (integer codes or ids) is among ``test``: pandas hashes,
    where ``np.isin`` sorts both sides, ten times the cost at a million keys."""
    return np.asarray(pd.Index(np.asarray(values)).isin(np.asarray(test)), dtype=bool)


def among(values: np.ndarray, options: Iterable[Any]) -> np.ndarray:
    """Whether each of ``values`` (texts, usually) is one of a few ``options``: ``np.isin``
    sorts object arrays, pandas hashes them."""
    return np.asarray(pd.Index(values, dtype=object).isin(list(options)), dtype=bool)


class Columns:
    """Scalar access by position through cached column arrays.

    ``DataFrame.at`` costs tens of microseconds a call; building a finding reads dozens of
    cells, so a run with thousands of findings would spend seconds there. (Python lists
    would index faster, but at a million rows the lists of boxed values cost more in
    memory and collector time than they save.) Several frames are read as one, one after
    the other: a column is joined only when it is read, and into a buffer with room to
    spare (see :class:`_Grown`). The arrays returned are read-only: they are shared.
    """

    def __init__(self, *frames: Frame | pd.DataFrame) -> None:
        self.frames = frames
        self._arrays: dict[tuple[str, Any], np.ndarray] = {}
        #: the buffers behind joined columns, shared with every Columns extended from this
        self._grown: dict[tuple[str, Any], _Grown] = {}

    def extended(self, frame: Frame | pd.DataFrame) -> Columns:
        """These frames and one more. A column joined for the old frames is joined again
        only with the new one."""
        out = Columns(*self.frames, frame)
        out._grown = self._grown
        return out

    def __call__(self, row: Any, column: str) -> Any:
        array = self._arrays.get((column, None))
        if array is None:
            array = self.array(column)
        return array[int(row)]

    def array(self, column: str, dtype: Any = None) -> np.ndarray:
        """A column whole; with ``dtype``, converted (and the conversion kept too)."""
        key = (column, dtype)
        array = self._arrays.get(key)
        if array is not None:
            return array
        grown = self._grown.get(key)
        done = grown.covered(self.frames) if grown is not None else 0
        parts = [_column(frame, column) for frame in self.frames[done:]]
        if dtype is not None:
            parts = [np.asarray(part, dtype=dtype) for part in parts]
        if grown is not None and done:
            parts.insert(0, grown.tip)
        if len(parts) == 1:
            array = parts[0]
        else:
            array = self._grown.setdefault(key, _Grown()).joined(parts, self.frames)
        self._arrays[key] = array
        return array


class _Grown:
    """A column joined across frames, in a buffer with a quarter to spare.

    Each derivation round appends a few figures to a pool of a million: joining a column
    anew each round copied the whole of it, ten times a run for each column read, into
    fresh pages the system had to map (at a million claims 0.4–0.7 s of an 8–9 s check).
    Parts appended to the column this buffer last returned (``tip``, the frames ``frames``)
    are written after it in place.
    """

    def __init__(self) -> None:
        self.buffer: np.ndarray | None = None
        self.tip: np.ndarray = np.empty(0)
        self.frames: tuple[Any, ...] = ()

    def covered(self, frames: tuple[Any, ...]) -> int:
        """How many of ``frames`` the tip holds: all of its frames, or none if they are not
        where ``frames`` starts."""
        mine = self.frames
        if len(mine) > len(frames) or any(a is not b for a, b in zip(mine, frames, strict=False)):
            return 0
        return len(mine)

    def joined(self, parts: list[np.ndarray], frames: tuple[Any, ...]) -> np.ndarray:
        dtype = np.result_type(*parts)
        total = sum(len(part) for part in parts)
        buffer = self.buffer
        if (
            buffer is not None
            and parts[0] is self.tip
            and buffer.dtype == dtype
            and len(buffer) >= total
        ):
            at = len(parts[0])
            parts = parts[1:]
        else:
            buffer = np.empty(total + max(total // 4, 64), dtype=dtype)
            at = 0
        for part in parts:
            buffer[at : at + len(part)] = part
            at += len(part)
        self.buffer = buffer
        self.tip = buffer[:total]
        self.tip.flags.writeable = False
        self.frames = frames
        return self.tip


def _column(frame: Frame | pd.DataFrame, name: str) -> np.ndarray:
    values = frame[name]
    return values if isinstance(values, np.ndarray) else values.to_numpy()


def claims_of(pool: Pool, fids: Any) -> np.ndarray:
    """The claim rows behind figures: a stated figure is its own claim (its id is the claim's
    row), a derived one stands for every claim it was derived from."""
    fids = np.unique(np.asarray(list(fids) if isinstance(fids, set) else fids, dtype=float))
    fids = fids[~np.isnan(fids)].astype(np.int64)
    stated = int(pool.stated)
    derived = [pool.provenance.get(f, ()) for f in fids[fids >= stated].tolist()]
    rows = [c for claims in derived for c in claims]
    return np.concatenate([fids[fids < stated], np.asarray(rows, dtype=np.int64)])
