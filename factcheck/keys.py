"""Figure keys as integer codes.

A figure's key says what it is about, in eight parts: subject, metric, measure (with the
basis for growth rates, ``yoy:real``), period, scope, status class (A actual, T target,
C capacity), the figure it is a share of, and what it is compared with. Two figures are
the same figure exactly when every part is equal.

The engine joins millions of keys. As strings (``青岛市|地区生产总值|level|2023|||A||``)
each had to be built and then hashed, scattered in memory, which cost more than the checks
themselves. As parts, each part has a few hundred distinct texts, numbered in a
:class:`Vocabulary`; most keys a relation asks for are a claim's own parts with one part
changed, so they are built on whole integer columns; and the parts are packed into one
integer per key. Codes are dense (0 … n−1), fixed once built, and the same key always gets
the same code, whether a figure states it or a relation only asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

PARTS = ("subject", "metric", "measure", "period", "scope", "cls", "of", "against")
SUBJECT, METRIC, MEASURE, PERIOD, SCOPE, CLS, OF, AGAINST = range(len(PARTS))

#: Keys as parts: an integer column per part (part codes; −1 in a row: that row has no key).
Block = Sequence[np.ndarray]


class Vocabulary:
    """The texts of one key part, numbered in the order first seen."""

    def __init__(self) -> None:
        self._code: dict[str, int] = {}
        self._texts: list[str] = []

    def __len__(self) -> int:
        return len(self._texts)

    def code(self, text: str) -> int:
        """The text's number, numbering it if it is new."""
        code = self._code.get(text)
        if code is None:
            code = self._code[text] = len(self._texts)
            self._texts.append(text)
        return code

    def get(self, text: str) -> int:
        """The text's number, −1 for a text never numbered."""
        return self._code.get(text, -1)

    def codes(self, column: np.ndarray) -> np.ndarray:
        """Numbers for a whole column of texts (new ones are numbered)."""
        return _per_distinct(column, self.code)

    def find(self, column: np.ndarray) -> np.ndarray:
        """Numbers for a column of texts, −1 for a text never numbered."""
        return _per_distinct(column, self.get)

    def texts(self, codes: np.ndarray) -> np.ndarray:
        return np.asarray(self._texts, dtype=object)[np.asarray(codes, dtype=np.int64)]


class KeyCodes:
    """Every key of a run, coded once.

    Args:
        vocabularies: one per part, holding every part text the blocks use.
        blocks: the keys to code (see :data:`Block`).

    Attributes:
        codes: the code of each row, block by block (−1: no key).
    """

    def __init__(self, vocabularies: Sequence[Vocabulary], blocks: Sequence[Block]) -> None:
        self.vocabularies = vocabularies
        sizes = [len(block[0]) for block in blocks]
        part_codes = [
            np.concatenate([np.asarray(block[j], dtype=np.int32) for block in blocks])
            for j in range(len(PARTS))
        ]
        self._sizes = [len(v) for v in vocabularies]
        self._widths = [max(n, 1).bit_length() for n in self._sizes]
        self._stages: list[np.ndarray] = []
        packed = self._pack(part_codes, build=True)
        present = np.flatnonzero(packed >= 0)
        # Hashing beats sorting here; codes are numbered in order of first appearance, so a
        # code's first row is where the running maximum of the codes grows.
        dense, uniques = pd.factorize(packed[present])
        dense = np.asarray(dense, dtype=np.int64)
        grows = np.ones(len(dense), dtype=bool)
        grows[1:] = dense[1:] > np.maximum.accumulate(dense)[:-1]
        # The parts of each code, for figures derived under a key nobody stated.
        rows = present[grows]
        self._parts = [c[rows] for c in part_codes]
        # For lookups: the packed keys sorted, and the code of each.
        uniques = np.asarray(uniques, dtype=np.int64)
        self._order = np.argsort(uniques)
        self._keys = uniques[self._order]
        all_codes = np.full(len(packed), -1, dtype=np.int64)
        all_codes[present] = dense
        self.codes: list[np.ndarray] = []
        start = 0
        for size in sizes:
            self.codes.append(all_codes[start : start + size])
            start += size

    def __len__(self) -> int:
        return len(self._keys)

    def _pack(self, part_codes: Sequence[np.ndarray], *, build: bool) -> np.ndarray:
        """Parts into one integer per key (−1: no key): bit fields while they fit in 62 bits,
        then the packed prefix is replaced by its rank among the prefixes seen when the codes
        were built, and packing goes on."""
        n = len(part_codes[0])
        absent = np.zeros(n, dtype=bool)
        value = np.zeros(n, dtype=np.int64)
        bits = 0
        stage = 0
        for j, codes in enumerate(part_codes):
            absent |= codes < 0
            width = self._widths[j]
            if bits + width > 62:
                if build:
                    self._stages.append(np.unique(value[~absent]))
                prefixes = self._stages[stage]
                stage += 1
                rank, found = _find(prefixes, value)
                absent |= ~found
                value = np.where(found, rank, 0)
                bits = max(len(prefixes), 1).bit_length()
            value = (value << width) | np.where(codes < 0, 0, codes)
            bits += width
        return np.where(absent, -1, value)

    def lookup(self, block: Block) -> np.ndarray:
        """Codes of keys given as parts (−1 where no key of the run is that key)."""
        parts = [np.asarray(c, dtype=np.int64) for c in block]
        # A part numbered after the codes were built is in no key of the run.
        known = [np.where(c < self._sizes[j], c, -1) for j, c in enumerate(parts)]
        packed = self._pack(known, build=False)
        rank, found = _find(self._keys, packed)
        return np.where(found & (packed >= 0), self._order[rank], -1).astype(np.int64)

    def part_codes(self, codes: np.ndarray) -> list[np.ndarray]:
        """The parts of keys as part codes, a column per part (codes must be ≥ 0)."""
        codes = np.asarray(codes, dtype=np.int64)
        return [p[codes] for p in self._parts]

    def parts(self, codes: np.ndarray) -> list[np.ndarray]:
        """The parts of keys as texts, a column per part (codes must be ≥ 0)."""
        return [v.texts(c) for v, c in zip(self.vocabularies, self.part_codes(codes), strict=True)]

    def text(self, codes: np.ndarray) -> np.ndarray:
        """Keys as strings, ``subject|metric|measure|period|scope|class|of|against``."""
        columns = self.parts(codes)
        return np.array(["|".join(map(str, row)) for row in zip(*columns, strict=True)], object)


def _per_distinct(column: np.ndarray, number: Callable[[str], int]) -> np.ndarray:
    """``number`` applied once per distinct text of a column, spread back over the column."""
    local, uniques = pd.factorize(np.asarray(column, dtype=object))
    table = np.array([number(str(t)) for t in uniques], dtype=np.int32)
    return table[local] if len(table) else np.full(len(local), -1, dtype=np.int32)


def _find(sorted_values: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of values in a sorted array, and whether each is there."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=np.int64), np.zeros(len(values), dtype=bool)
    rank = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return rank, sorted_values[rank] == values
