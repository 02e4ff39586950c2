"""Figure keys as integer codes: equal keys get equal codes, different keys different ones,
whether the parts fit one 62-bit integer or need several packing stages."""

from __future__ import annotations

import random

import numpy as np
import pytest

from factcheck.keys import CLS, PARTS, SUBJECT, KeyCodes, Vocabulary


def random_keys(rng: random.Random, n: int, cardinalities: list[int]) -> list[tuple[str, ...]]:
    return [
        tuple(f"{PARTS[j]}{rng.randrange(c)}" for j, c in enumerate(cardinalities))
        for _ in range(n)
    ]


def block_of(vocab: list[Vocabulary], keys: list[tuple[str, ...] | None]) -> list[np.ndarray]:
    columns = []
    for j in range(len(PARTS)):
        column = np.full(len(keys), -1, dtype=np.int32)
        for i, key in enumerate(keys):
            if key is not None:
                column[i] = vocab[j].code(key[j])
        columns.append(column)
    return columns


# Small vocabularies pack into one integer; large ones (about 70 bits of parts) need a stage.
@pytest.mark.parametrize(
    "cardinalities", [[9, 5, 3, 4, 2, 3, 2, 2], [5000, 3000, 40, 200, 30, 3, 2000, 500]]
)
def test_equal_keys_get_equal_codes_and_different_keys_different_codes(cardinalities):
    rng = random.Random(7)
    vocab = [Vocabulary() for _ in PARTS]
    stated = random_keys(rng, 3000, cardinalities)
    asked: list[tuple[str, ...] | None] = [
        rng.choice(stated) if rng.random() < 0.5 else k
        for k in random_keys(rng, 2000, cardinalities)
    ]
    asked[::7] = [None] * len(asked[::7])
    coder = KeyCodes(vocab, [block_of(vocab, stated), block_of(vocab, asked)])

    seen: dict[tuple[str, ...], int] = {}
    for key, code in zip(stated + asked, np.concatenate(coder.codes).tolist(), strict=True):
        if key is None:
            assert code == -1
            continue
        assert seen.setdefault(key, code) == code
    assert len(set(seen.values())) == len(seen) == len(coder)
    assert sorted(seen.values()) == list(range(len(seen)))


def test_a_code_gives_back_its_parts_and_its_text():
    vocab = [Vocabulary() for _ in PARTS]
    key = ("青岛市", "地区生产总值", "level", "2023", "", "A", "", "")
    coder = KeyCodes(vocab, [block_of(vocab, [key])])
    code = coder.codes[0]
    assert [column[0] for column in coder.parts(code)] == list(key)
    assert coder.text(code)[0] == "青岛市|地区生产总值|level|2023||A||"


def test_lookup_finds_a_changed_part_only_where_that_key_exists():
    vocab = [Vocabulary() for _ in PARTS]
    district = ("即墨区", "地区生产总值", "level", "2023", "", "A", "", "")
    city = ("青岛市", "地区生产总值", "level", "2023", "", "A", "", "")
    target = ("即墨区", "地区生产总值", "level", "2023", "", "T", "", "")
    coder = KeyCodes(vocab, [block_of(vocab, [district, city, target])])
    codes = coder.codes[0]

    query = coder.part_codes(codes[[0, 2]])
    query[SUBJECT] = vocab[SUBJECT].find(np.array(["青岛市", "青岛市"], dtype=object))
    query[CLS] = vocab[CLS].find(np.array(["A", "A"], dtype=object))
    assert coder.lookup(query).tolist() == [codes[1], codes[1]]

    query[SUBJECT] = vocab[SUBJECT].find(np.array(["崂山区", "即墨区"], dtype=object))
    assert coder.lookup(query).tolist() == [-1, codes[0]]
