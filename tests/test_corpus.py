"""The claims corpus: the shipped corpus, round-trips through YAML, atomic writes, the cache."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import corpora

from factcheck.claims import Claim, Document, Selector
from factcheck.corpus import Corpus, dump, dump_document, extend_corpus, load_corpus
from factcheck.errors import InputErrors
from factcheck.registry import Registry, load_registry
from factcheck.yamlio import write_atomic

ROOT = Path(__file__).parents[1]
CLAIMS = ROOT / "claims"
RULES = ROOT / "rules"
SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(RULES)


@pytest.fixture(scope="module")
def shipped(registry: Registry) -> Corpus:
    return load_corpus(CLAIMS, registry)


def by_key(claims: tuple[Claim, ...] | list[Claim]) -> dict[str, Claim]:
    return {c.key: c for c in claims}


# --------------------------------------------------------------------------- the shipped corpus


def test_the_shipped_corpus_loads_clean_with_its_default_rules():
    corpus = load_corpus(CLAIMS)  # rules/ beside claims/ is found without being named

    assert isinstance(corpus, Corpus)
    assert isinstance(corpus.table, pd.DataFrame)
    assert len(corpus) == len(corpus.table) == len(corpus.claims)
    assert len(corpus.documents) == len(list(CLAIMS.glob("*.yaml"))) == 7


def test_claim_ids_are_unique_within_each_document(shipped: Corpus):
    duplicated = shipped.table[shipped.table.duplicated(["document", "id"], keep=False)]
    assert duplicated.empty, duplicated[["document", "id"]].to_string()


def test_every_shipped_claim_has_a_quote_and_a_line(shipped: Corpus):
    without_quote = [c.key for c in shipped.claims if not c.quote.strip()]
    without_line = [c.key for c in shipped.claims if c.line is None]
    assert without_quote == []
    assert without_line == []


def test_every_shipped_claim_names_a_registered_metric(shipped: Corpus):
    assert {c.metric for c in shipped.claims} <= set(shipped.registry.metrics.items)


def test_a_claim_is_found_by_its_key(shipped: Corpus):
    claim = shipped.claim("jimo-2024-reform#marine-output-2024h1")

    assert (claim.subject, claim.metric, claim.period, claim.value) == (
        "即墨区",
        "海洋生产总值",
        "2024H1",
        "345亿元",
    )
    with pytest.raises(KeyError):
        shipped.claim("jimo-2024-reform#no-such-claim")


def test_relative_subjects_and_aliases_are_resolved_when_loading(shipped: Corpus):
    # The share of the city names its denominator as `of: {subject: 青岛市}`; the GDP share
    # names a metric by its canonical name even where the file uses an alias.
    share = shipped.claim("jimo-2024-reform#marine-output-2024h1-share-gdp")
    assert share.of == Selector(metric="地区生产总值")
    assert share.subject == "即墨区"  # not written in the file: the document's region


def test_one_name_stands_for_a_selector(registry: Registry, tmp_path: Path):
    # A metric (by alias), a year written bare (YAML reads 2022 as a number), a place word.
    (tmp_path / "bulletin.yaml").write_text(
        """\
document: {id: qd-bulletin, published: 2024-03-20, region: 即墨区}
claims:
  - {id: share, metric: 海洋生产总值, measure: share, of: GDP, period: 2023,
     value: 29.4%, quote: 占29.4%}
  - {id: change, metric: GDP, measure: change, against: 2022, period: 2023,
     value: 增加839.59亿元, quote: 增加839.59亿元}
  - {id: above, metric: GDP, measure: pp, against: 全市, period: 2023,
     value: 0.6个百分点, quote: 高于全市0.6个百分点}
""",
        encoding="utf-8",
    )
    claims = by_key(load_corpus(tmp_path, registry).claims)
    assert claims["qd-bulletin#share"].of == Selector(metric="地区生产总值")
    assert claims["qd-bulletin#change"].against == Selector(period="2022")
    # 全市 in a district's bulletin is its city.
    assert claims["qd-bulletin#above"].against == Selector(subject="青岛市")


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed texts are not at {SEEDS}")
@pytest.mark.parametrize("claims_file", sorted(CLAIMS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_curated_quote_stands_verbatim_on_its_line(claims_file: Path, registry: Registry):
    corpus = load_corpus(claims_file, registry)
    [document] = corpus.documents.values()
    assert document.source, "a curated document names the seed it was read from"
    lines = (SEEDS / document.source).read_text(encoding="utf-8").splitlines()

    misplaced = [
        f"{c.id}: line {c.line} does not contain {c.quote!r}"
        for c in corpus.claims
        if c.line is None or not 1 <= c.line <= len(lines) or c.quote not in lines[c.line - 1]
    ]
    assert misplaced == []


# --------------------------------------------------------------------------- round-trips


def test_the_shipped_corpus_dumps_and_loads_back_equal(shipped: Corpus, tmp_path: Path):
    written = dump(shipped, tmp_path / "claims")

    again = load_corpus(tmp_path / "claims", shipped.registry)
    assert sorted(p.name for p in written) == sorted(f"{d}.yaml" for d in shipped.documents)
    assert dict(again.documents) == dict(shipped.documents)
    assert by_key(again.claims) == by_key(shipped.claims)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(corpus=corpora())
def test_any_generated_corpus_dumps_and_loads_back_equal(
    corpus: list[tuple[Document, tuple[Claim, ...]]], registry: Registry
):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "claims"
        for document, claims in corpus:
            dump_document(document, claims, folder / f"{document.id}.yaml")

        loaded = load_corpus(folder, registry)

    assert dict(loaded.documents) == {d.id: d for d, _ in corpus}
    assert by_key(loaded.claims) == by_key([c for _, claims in corpus for c in claims])


def test_keys_factcheck_does_not_know_are_kept_through_a_round_trip(
    registry: Registry, tmp_path: Path
):
    text = """\
document:
  id: jimo-notes
  region: 即墨区
  reviewed: {by: 编辑部, date: 2024-10-01}
claims:
  - id: gdp-2023
    metric: GDP
    period: 2023
    value: 1278.4亿元
    quote: 全区生产总值1278.4亿元
    note: 初步核算
    checked_against: [统计公报, 年鉴]
"""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "notes.yaml").write_text(text, encoding="utf-8")
    first = load_corpus(tmp_path / "a", registry)

    dump(first, tmp_path / "b")
    second = load_corpus(tmp_path / "b", registry)

    [claim] = second.claims
    assert claim.metric == "地区生产总值"
    assert dict(claim.extra) == {"note": "初步核算", "checked_against": ["统计公报", "年鉴"]}
    document = second.documents["jimo-notes"]
    assert dict(document.extra)["reviewed"] == {"by": "编辑部", "date": dt.date(2024, 10, 1)}


def test_a_draft_without_a_quote_is_written_without_one_and_then_asks_for_it(
    registry: Registry, tmp_path: Path
):
    document = Document(id="draft", region="即墨区")
    claim = Claim(
        id="gdp", document="draft", metric="地区生产总值", value="100亿元", period="2023", quote=""
    )

    text = dump_document(document, [claim], tmp_path / "claims" / "draft.yaml")

    assert "quote" not in text  # not `quote: ''`
    with pytest.raises(InputErrors, match="声明「gdp」缺少 quote"):
        load_corpus(tmp_path / "claims", registry)


# --------------------------------------------------------------------------- atomic writes


def test_write_atomic_replaces_the_file(tmp_path: Path):
    target = tmp_path / "a.yaml"
    target.write_text("old\n", encoding="utf-8")

    write_atomic(target, "新内容\n")

    assert target.read_text(encoding="utf-8") == "新内容\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "a.yaml"
    target.write_text("old\n", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new\n")

    assert target.read_text(encoding="utf-8") == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_write_that_fails_half_way_leaves_the_old_file(tmp_path: Path):
    target = tmp_path / "a.yaml"
    target.write_text("old\n", encoding="utf-8")

    # A lone surrogate cannot be encoded: the write fails after part of the text went out.
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "前半部分\n" * 1000 + "\ud800")

    assert target.read_text(encoding="utf-8") == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_dump_document_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "doc.yaml"
    target.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError("no")))

    with pytest.raises(OSError, match="no"):
        dump_document(Document(id="doc"), [], target)

    assert target.read_text(encoding="utf-8") == "old\n"


# --------------------------------------------------------------------------- extend_corpus

GDP = Claim(id="gdp", document="draft", metric="GDP", value="900亿元", period="2023", quote="")


def test_extend_corpus_adds_a_draft_validated_like_the_rest(shipped: Corpus):
    bigger = extend_corpus(shipped, Document(id="draft", region="即墨区"), [GDP])

    assert len(bigger) == len(shipped) + 1
    assert bigger.claim("draft#gdp").metric == "地区生产总值"
    assert "draft" not in shipped.documents  # the corpus itself is a value


def test_extend_corpus_refuses_a_taken_document_id(shipped: Corpus):
    with pytest.raises(InputErrors, match="jimo-2024-reform"):
        extend_corpus(shipped, Document(id="jimo-2024-reform"), [])


def test_extend_corpus_refuses_an_invalid_claim(shipped: Corpus):
    with pytest.raises(InputErrors, match="未知指标「GPD」"):
        extend_corpus(shipped, Document(id="draft", region="即墨区"), [GDP.with_(metric="GPD")])


@pytest.mark.parametrize(
    ("metric", "value", "band"),
    [
        # A total of projects is a whole number: 104个 is 104, not [103.5, 104.5].
        ("重点项目数量", "104个", (104, 104)),
        ("重点项目数量", "5至6个", (5, 6)),
        # [2.25, 2.35] holds no whole number: read as the two either side, never narrower.
        ("重点项目数量", "2.3个", (2, 3)),
        # 近10个 says the count is uncertain: read as printed.
        ("重点项目数量", "近10个", (9.5, 10)),
        # Edges already whole: nothing to narrow.
        ("高新技术企业数量", "1.2万家", (11_500, 12_500)),
        # Workers per 10,000 spindles is an average (not additive): it need not be whole.
        ("万锭用工人数", "25人", (24.5, 25.5)),
    ],
)
def test_a_total_of_counted_things_is_read_as_whole_numbers(
    shipped: Corpus, metric: str, value: str, band: tuple[float, float]
):
    claim = Claim(id="n", document="draft", metric=metric, period="2023", value=value, quote=value)
    table = extend_corpus(shipped, Document(id="draft", region="即墨区"), [claim]).table
    row = table[table["document"] == "draft"].iloc[0]
    assert (row["lo_s"], row["hi_s"]) == band


# --------------------------------------------------------------------------- the cache

CLAIMS_TEXT = """\
document:
  id: cached
  region: 即墨区
claims:
  - id: gdp
    metric: 地区生产总值
    period: '2023'
    value: {value}
    quote: 全区生产总值{value}
"""


@pytest.fixture
def cached_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="100亿元"), encoding="utf-8")
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files load_corpus parsed as YAML (rather than took from the cache)."""
    import factcheck.corpus

    seen: list[str] = []
    real = factcheck.corpus.parse_yaml

    def counting(text: str, path: str) -> object:
        seen.append(Path(path).name)
        return real(text, path)

    monkeypatch.setattr(factcheck.corpus, "parse_yaml", counting)
    return seen


def test_a_cached_load_gives_the_same_table_without_parsing_again(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str]
):
    cache = tmp_path / "cache"
    first = load_corpus(cached_folder, registry, cache=cache)
    second = load_corpus(cached_folder, registry, cache=cache)

    pd.testing.assert_frame_equal(first.table, second.table)
    assert first.claims == second.claims
    assert parses == ["a.yaml"]  # the second load read the cache


def test_a_changed_file_is_parsed_again(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str]
):
    cache = tmp_path / "cache"
    load_corpus(cached_folder, registry, cache=cache)
    (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="120亿元"), encoding="utf-8")

    again = load_corpus(cached_folder, registry, cache=cache)

    assert parses == ["a.yaml", "a.yaml"]
    assert again.claim("cached#gdp").value == "120亿元"


def test_a_stale_cache_is_never_used_even_when_the_old_content_comes_back(
    cached_folder: Path, registry: Registry, tmp_path: Path
):
    cache = tmp_path / "cache"
    values = ["100亿元", "120亿元", "100亿元", "130亿元"]
    seen = []
    for value in values:
        (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value=value), encoding="utf-8")
        seen.append(load_corpus(cached_folder, registry, cache=cache).claim("cached#gdp").value)

    assert seen == values


def test_changed_rules_invalidate_the_cache(cached_folder: Path, tmp_path: Path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "subjects.yaml").write_text("即墨区: {kind: region}\n", encoding="utf-8")
    (rules / "metrics.yaml").write_text("地区生产总值: {unit: 元}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    load_corpus(cached_folder, rules, cache=cache)

    (rules / "metrics.yaml").write_text("生产总值: {unit: 元}\n", encoding="utf-8")

    with pytest.raises(InputErrors, match="未知指标「地区生产总值」"):
        load_corpus(cached_folder, rules, cache=cache)


def _entries(cache: Path) -> set[str]:
    return {entry.name for entry in cache.iterdir()}


def _add_second_file(folder: Path) -> None:
    b_text = CLAIMS_TEXT.format(value="7亿元").replace("id: cached", "id: other")
    (folder / "b.yaml").write_text(b_text, encoding="utf-8")


def test_a_changed_file_replaces_its_entry_and_leaves_the_others(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str]
):
    _add_second_file(cached_folder)
    cache = tmp_path / "cache"
    load_corpus(cached_folder, registry, cache=cache)
    before = _entries(cache)
    (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="120亿元"), encoding="utf-8")

    load_corpus(cached_folder, registry, cache=cache)
    after = _entries(cache)
    load_corpus(cached_folder, registry, cache=cache)

    assert len(before) == len(after) == 2  # one entry a file, not one a version
    assert len(after - before) == 1  # a.yaml's new entry, in place of its old one
    assert parses == ["a.yaml", "b.yaml", "a.yaml"]  # b.yaml's entry was kept and used


def test_loading_one_file_keeps_the_entries_of_the_others(
    cached_folder: Path, registry: Registry, tmp_path: Path
):
    _add_second_file(cached_folder)
    cache = tmp_path / "cache"
    load_corpus(cached_folder, registry, cache=cache)
    before = _entries(cache)
    (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="120亿元"), encoding="utf-8")

    load_corpus(cached_folder / "a.yaml", registry, cache=cache)

    # a.yaml loaded on its own is the same path as in the folder: same slot, replaced.
    after = _entries(cache)
    assert len(after) == 2
    assert len(before & after) == 1


def test_pruning_touches_only_the_entries_factcheck_names(
    cached_folder: Path, registry: Registry, tmp_path: Path
):
    cache = tmp_path / "cache"
    cache.mkdir()
    legacy = "ab" * 32 + ".pickle"  # how entries were named before they had a slot
    for name in (legacy, "notes.txt", "mine.pickle"):
        (cache / name).write_text("x", encoding="utf-8")

    load_corpus(cached_folder, registry, cache=cache)

    left = _entries(cache)
    assert legacy not in left
    assert {"notes.txt", "mine.pickle"} <= left
    assert len(left) == 3


def test_a_damaged_cache_entry_is_parsed_again(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str]
):
    cache = tmp_path / "cache"
    load_corpus(cached_folder, registry, cache=cache)
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")

    again = load_corpus(cached_folder, registry, cache=cache)

    assert again.claim("cached#gdp").value == "100亿元"
    assert parses == ["a.yaml", "a.yaml"]


def test_a_file_with_problems_is_not_cached(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str]
):
    (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="100亿英镑"), encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(InputErrors, match="亿英镑"):
            load_corpus(cached_folder, registry, cache=cache)

    assert parses == ["a.yaml", "a.yaml"]


def test_cache_true_keeps_the_cache_beside_the_claims_folder(
    cached_folder: Path, registry: Registry
):
    load_corpus(cached_folder, registry, cache=True)

    assert any((cached_folder.parent / ".factcheck-cache").iterdir())


def test_a_dangling_part_of_is_reported_on_every_load_and_the_file_never_cached(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str]
):
    text = CLAIMS_TEXT.format(value="100亿元") + (
        "  - id: industry\n"
        "    metric: 工业增加值\n"
        "    period: '2023'\n"
        "    value: 40亿元\n"
        "    part_of: gpd\n"
        "    quote: 工业增加值40亿元\n"
    )
    (cached_folder / "a.yaml").write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(InputErrors) as caught:
            load_corpus(cached_folder, registry, cache=cache)
        [problem] = caught.value.problems
        assert (Path(problem.path or "").name, problem.line, problem.code) == (
            "a.yaml",
            14,
            "FC007",
        )
        assert "part_of「gpd」不存在" in problem.message

    assert parses == ["a.yaml", "a.yaml"]
    assert not cache.exists() or not any(cache.iterdir())


def test_a_part_of_naming_a_claim_of_another_document_is_dangling(
    cached_folder: Path, registry: Registry, tmp_path: Path
):
    other = CLAIMS_TEXT.format(value="5亿元").replace("id: cached", "id: other")
    other = other.replace("  - id: gdp\n", "  - id: part\n    part_of: gdp\n")
    (cached_folder / "b.yaml").write_text(other, encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):  # a.yaml, clean, comes from the cache the second time
        with pytest.raises(InputErrors) as caught:
            load_corpus(cached_folder, registry, cache=cache)
        [problem] = caught.value.problems
        assert (Path(problem.path or "").name, problem.code) == ("b.yaml", "FC007")


def test_a_cache_entry_of_other_code_is_never_used(
    cached_folder: Path,
    registry: Registry,
    tmp_path: Path,
    parses: list[str],
    monkeypatch: pytest.MonkeyPatch,
):
    import factcheck.corpus

    cache = tmp_path / "cache"
    load_corpus(cached_folder, registry, cache=cache)
    monkeypatch.setattr(factcheck.corpus, "_code_digest", lambda: "other code")
    load_corpus(cached_folder, registry, cache=cache)
    load_corpus(cached_folder, registry, cache=cache)

    assert parses == ["a.yaml", "a.yaml"]
    assert len(list(cache.iterdir())) == 1  # the new code's entry replaced the old one's


@pytest.mark.parametrize("damage", ["truncate", "append", "other-key", "empty", "flip"])
def test_a_cut_short_or_misplaced_cache_entry_is_parsed_again(
    cached_folder: Path, registry: Registry, tmp_path: Path, parses: list[str], damage: str
):
    cache = tmp_path / "cache"
    load_corpus(cached_folder, registry, cache=cache)
    [entry] = cache.iterdir()
    blob = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "append":
        entry.write_bytes(blob + b"\0")
    elif damage == "other-key":  # a whole entry, but written for other content
        (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="120亿元"), "utf-8")
        load_corpus(cached_folder, registry, cache=cache)
        [other] = [e for e in cache.iterdir() if e != entry]
        entry.write_bytes(other.read_bytes())
        (cached_folder / "a.yaml").write_text(CLAIMS_TEXT.format(value="100亿元"), "utf-8")
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        entry.write_bytes(blob[:-40] + bytes(b ^ 0xFF for b in blob[-40:]))

    again = load_corpus(cached_folder, registry, cache=cache)

    assert again.claim("cached#gdp").value == "100亿元"
    assert parses[-1] == "a.yaml"


def test_a_warm_load_gives_the_table_of_a_cold_one(registry: Registry, tmp_path: Path):
    cache = tmp_path / "cache"
    cold = load_corpus(CLAIMS, registry)
    load_corpus(CLAIMS, registry, cache=cache)
    warm = load_corpus(CLAIMS, registry, cache=cache)

    pd.testing.assert_frame_equal(cold.table, warm.table, check_exact=True)
    assert list(cold.table.dtypes) == list(warm.table.dtypes)
    assert cold.claims == warm.claims
    assert cold.documents == warm.documents


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(
    cached_folder: Path, registry: Registry, enabled: bool
):
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        load_corpus(cached_folder, registry)
        assert gc.isenabled() is enabled
        (cached_folder / "a.yaml").write_text("document: [\n", encoding="utf-8")
        with pytest.raises(InputErrors):
            load_corpus(cached_folder, registry)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


# --------------------------------------------------------------------------- YAML reading

YAML_CASES = [
    "a: 1\nb: [1, 2.5, {c: true}]\nd: ~\ne: ''\nf: '12'\n",
    "line: 12\ncolumn: 3\nperiod: 2023\nvalue: 345亿元\n",
    "published: 2024-05-01\nwhen: 2024-01-02 10:00:00\nnot_a_date: 2024-02-30\n",
    "a: 0x1A\nb: 0o17\nc: 1_000\nd: 1:30\ne: .inf\nf: yes\ng: No\nh: !!str 123\n",
    "a: &x {b: 1}\nc: *x\n",
    "base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  q: 3\n",
    "m:\n  <<: [{a: 1}, {b: 2}]\n  c: 3\n",
    "1: a\nnull: c\n2.5: d\n",
    "a: 1\na: 2\nb: {c: 1, c: 2}\n",
    "- a\n- [b, c]\n- {d: e}\n",
    "a: |\n  multi\n  line\nb: >\n  folded\n  text\n",
    "a: !!binary aGVsbG8=\nb: !!set {x}\nc: !!omap [k: 1]\n",
]


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return [(k, type(k), _plain(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return (type(value), value)


@pytest.mark.parametrize("text", YAML_CASES)
def test_the_line_aware_reader_reads_what_the_safe_loader_reads(text: str):
    import yaml

    from factcheck.yamlio import parse_yaml

    expected = yaml.load(text.replace("not_a_date: 2024-02-30", ""), Loader=yaml.SafeLoader)
    got = parse_yaml(text, "x.yaml")
    if "not_a_date" in text:
        assert got.pop("not_a_date") == "2024-02-30"  # kept as text, for a clear message
    if isinstance(expected, dict):
        expected = {str(k): v for k, v in expected.items()}  # keys are read as text
    assert _plain(got) == _plain(expected)


def test_the_reader_keeps_duplicate_keys_with_their_lines():
    from factcheck.yamlio import parse_yaml

    data = parse_yaml("a: 1\na: 2\nb: {c: 1, c: 2}\n", "x.yaml")
    assert data.duplicates == [("a", 2)]
    assert data["b"].duplicates == [("c", 3)]


def test_the_reader_knows_the_line_of_every_key_and_item():
    from factcheck.yamlio import LineDict, LineList, parse_yaml

    data = parse_yaml("document:\n  id: a\nclaims:\n  - id: x\n    line: 12\n  - id: y\n", "x")
    assert isinstance(data, LineDict)
    assert data.key_lines == {"document": 1, "claims": 3}
    assert data["document"].line == 2
    claims = data["claims"]
    assert isinstance(claims, LineList)
    assert claims.item_lines == [4, 6]
    assert claims[0].key_lines == {"id": 4, "line": 5}
    assert claims[0]["line"] == 12


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a: &x [1, *x]\n", "recursive"),
        ("a: !!python/object:os.system x\n", "python/object"),
        ("m:\n  <<: 1\n", "merging"),
        ("a: !!str {x: 1}\n", "scalar"),
    ],
)
def test_yaml_the_reader_refuses_is_one_problem_with_its_line(text: str, found: str):
    from factcheck.yamlio import YamlFileError, parse_yaml

    with pytest.raises(YamlFileError) as caught:
        parse_yaml(text, "x.yaml")
    problem = caught.value.problem
    assert (problem.path, problem.code) == ("x.yaml", "FC003")
    assert problem.line
    assert found in problem.message


def test_the_cache_key_covers_the_modules_the_rows_come_from():
    from factcheck.corpus import _imported_sources

    package = ROOT / "factcheck"
    names = {p.name for p in _imported_sources(package, "corpus")}
    assert {"corpus.py", "yamlio.py", "figures.py", "quantity.py", "units.py"} <= names
    assert {"schema.py", "periods.py", "registry.py", "claims.py"} <= names
