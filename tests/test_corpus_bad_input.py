"""Bad claims files: each answered by one problem naming the file, the line, the value, the fix.

Every case below is a small claims file with one fault. The line the problem must point at is
marked ``# ←`` in the text (on the key at fault, or on the claim when a key is missing). The
loader must never raise anything but :class:`InputErrors`, and every problem must read
``file:line: message``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims import Document
from factcheck.corpus import load_corpus
from factcheck.errors import InputErrors, Problem
from factcheck.figures import figure_row
from factcheck.registry import Registry, load_registry
from factcheck.schema import CLAIMS_SCHEMA, COLUMNS, validate_table

METRICS = """\
地区生产总值:
  aliases: [GDP, 生产总值]
  unit: 元
  basis: real
海洋生产总值:
  unit: 元
  basis: real
整车产量:
  aliases: [汽车产量]
  unit: 辆
  accepts: [台]
"""
SUBJECTS = """\
全国: {kind: region}
山东省: {kind: region, parent: 全国}
青岛市: {kind: region, parent: 山东省}
即墨区: {kind: region, parent: 青岛市, aliases: [即墨]}
"""
MARK = "# ←"


@pytest.fixture
def claims_dir(tmp_path: Path) -> Path:
    """An empty claims folder with a tiny rules folder beside it."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    (rules / "subjects.yaml").write_text(SUBJECTS, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    return tmp_path / "claims"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def marked_line(text: str) -> int:
    """The 1-based line of the text marked ``# ←``."""
    [line] = [n for n, t in enumerate(textwrap.dedent(text).splitlines(), 1) if MARK in t]
    return line


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(InputErrors) as caught:
        load_corpus(folder)
    for problem in caught.value.problems:
        assert problem.path, f"no file: {problem}"
        assert problem.line, f"no line: {problem}"
        assert str(problem).startswith(f"{problem.path}:{problem.line}:")
    return caught.value.problems


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    says: tuple[str, ...]  # substrings of the message: the value found, what was expected

    def __str__(self) -> str:
        return self.id


DOC = """\
document:
  id: jimo-test
  published: 2024-09
  region: 即墨区
claims:
"""

CASES = [
    Case(
        "invalid-yaml",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值: 全区  # ←
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
""",
        ("YAML 语法错误", "海洋生产总值: 全区", "应为合法的 YAML"),
    ),
    Case(
        "duplicate-claim-id",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
  - id: marine-output  # ←
    metric: 海洋生产总值
    period: '2023'
    value: 560亿元
    quote: 全区560亿元
""",
        ("声明 id「marine-output」", "重复", "应唯一", "第一次出现在第 6 行"),
    ),
    Case(
        "missing-value",
        DOC
        + """\
  - id: marine-output  # ←
    metric: 海洋生产总值
    period: 2024H1
    quote: 全区海洋生产总值达345亿元
""",
        ("声明「marine-output」缺少 value", "id、metric、value、period"),
    ),
    Case(
        "missing-quote",
        DOC
        + """\
  - id: marine-output  # ←
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    line: 47
""",
        ("声明「marine-output」缺少 quote", "id、metric、value、period、quote"),
    ),
    Case(
        "unknown-unit",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿英镑  # ←
    quote: 全区345亿英镑
""",
        ("345亿英镑", "未知单位「亿英镑」", "应为已知单位"),
    ),
    Case(
        "unknown-metric",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总额  # ←
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
""",
        ("未知指标「海洋生产总额」", "rules/metrics.yaml", "是否是指「海洋生产总值」"),
    ),
    Case(
        "unit-of-another-dimension",
        DOC
        + """\
  - id: vehicle-output
    metric: 整车产量
    period: '2023'
    value: 3万吨  # ←
    quote: 全区3万吨
""",
        ("数值「3万吨」的单位「万吨」不符", "应为 辆（或 台）", "整车产量"),
    ),
    Case(
        "share-above-100",
        DOC
        + """\
  - id: marine-share
    metric: 海洋生产总值
    measure: share
    of: {metric: 地区生产总值}
    period: 2024H1
    value: 142.4%  # ←
    quote: 全区142.4%
""",
        ("占比「142.4%」超出 0–100% 的范围", "0% 与 100% 之间", "of: {status: target}"),
    ),
    Case(
        "unreadable-period",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024年上半年  # ←
    value: 345亿元
    quote: 全区345亿元
""",
        ("期间「2024年上半年」无法识别", "2024H1", "2023Q1-Q3"),
    ),
    Case(
        "unknown-measure",
        DOC
        + """\
  - id: marine-growth
    metric: 海洋生产总值
    measure: growth  # ←
    period: 2024H1
    value: 7.7%
    quote: 全区7.7%
""",
        ("未知的 measure「growth」", "level、yoy、share"),
    ),
    Case(
        "unknown-status",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    status: planned  # ←
    period: '2025'
    value: 600亿元
    quote: 全区600亿元
""",
        ("未知的 status「planned」", "actual、preliminary、estimate、target"),
    ),
    Case(
        "of-on-a-level",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    of: {metric: 地区生产总值}  # ←
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
""",
        ("of「metric: 地区生产总值」只用于占比", "measure: share", "「level」"),
    ),
    Case(
        "share-without-of",
        DOC
        + """\
  - id: marine-share
    metric: 海洋生产总值
    measure: share  # ←
    period: 2024H1
    value: 42.4%
    quote: 全区42.4%
""",
        ("占比缺少 of", "of: {metric: 地区生产总值}"),
    ),
    Case(
        "part-of-naming-no-claim",
        DOC
        + """\
  - id: vehicle-output
    metric: 整车产量
    period: '2023'
    value: 30万辆
    quote: 全区30万辆
  - id: nev-output
    metric: 整车产量
    part_of: vehicle-ouput  # ←
    period: '2023'
    value: 8万辆
    quote: 全区8万辆
""",
        ("part_of「vehicle-ouput」不存在", "同一文档中另一条声明的 id"),
    ),
    Case(
        "document-without-id",
        """\
document:  # ←
  title: 即墨区政府工作报告
  region: 即墨区
claims: []
""",
        ("document 缺少 id", "语料中唯一的文档标识"),
    ),
    Case("empty-file", "# 只有注释  # ←\n", ("文件为空", "document 和 claims")),
    Case(
        "a-list-not-a-mapping",
        """\
- id: marine-output  # ←
  metric: 海洋生产总值
""",
        ("文件顶层应为映射", "列表"),
    ),
    Case(
        "duplicate-key",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
    period: '2024'  # ←
""",
        ("键「period」重复", "只能出现一次"),
    ),
    Case(
        "blank-quote",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    quote: '  '  # ←
""",
        ("声明「marine-output」的 quote 为空", "非空的 id、metric、value、period、quote"),
    ),
    Case(
        "a-claim-that-is-not-a-mapping",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
  - 全区海洋生产总值达345亿元  # ←
""",
        ("声明应为映射", "全区海洋生产总值达345亿元"),
    ),
    Case(
        "line-not-a-number",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
    line: 第47行  # ←
""",
        ("line「第47行」无效", "正整数"),
    ),
    Case(
        "unreadable-base-period",
        DOC
        + """\
  - id: vehicle-output-multiple
    metric: 整车产量
    measure: multiple
    base: 2011年底  # ←
    period: '2016'
    value: 2.3倍
    quote: 全区2.3倍
""",
        ("基期 base「2011年底」无法识别", "2022、2024H1"),
    ),
    Case(
        "unknown-basis",
        DOC
        + """\
  - id: gdp-growth
    metric: 地区生产总值
    measure: yoy
    basis: comparable  # ←
    period: '2023'
    value: 5.5%
    quote: 全区5.5%
""",
        ("未知的 basis「comparable」", "real 或 nominal"),
    ),
    Case(
        "unknown-metric-in-of",
        DOC
        + """\
  - id: marine-share
    metric: 海洋生产总值
    measure: share
    of: {metric: 地区总产值}  # ←
    period: 2024H1
    value: 42.4%
    quote: 全区42.4%
""",
        ("of 中的未知指标「地区总产值」", "是否是指「地区生产总值」"),
    ),
    Case(
        "of-not-a-mapping",
        DOC
        + """\
  - id: marine-share
    metric: 海洋生产总值
    measure: share
    of: [地区生产总值]  # ←
    period: 2024H1
    value: 42.4%
    quote: 全区42.4%
""",
        (
            "of 应为选择器映射",
            "{metric: 地区生产总值}",
            "或一个指标、地区或时期的名字",
            "['地区生产总值']",
        ),
    ),
    Case(
        # One name may stand for the selector; a misspelt one is still named, with a guess.
        "unknown-name-as-of",
        DOC
        + """\
  - id: marine-share
    metric: 海洋生产总值
    measure: share
    of: 地区总产值  # ←
    period: 2024H1
    value: 42.4%
    quote: 全区42.4%
""",
        ("of 中的未知指标「地区总产值」", "是否是指「地区生产总值」"),
    ),
    Case(
        "unreadable-published-date",
        """\
document:
  id: jimo-test
  published: 2024年9月  # ←
  region: 即墨区
claims: []
""",
        ("document.published '2024年9月' 无法识别",),
    ),
    Case(
        "unreadable-value",
        DOC
        + """\
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 几百亿元  # ←
    quote: 全区海洋生产总值几百亿元
""",
        ("无法读取数字「几百亿元」", "见到「几」", "应为数字"),
    ),
    Case(
        "duplicate-key-in-document",
        """\
document:
  id: jimo-test
  region: 即墨区
  region: 青岛市  # ←
claims: []
""",
        ("document 中键「region」重复", "只能出现一次"),
    ),
    Case(
        "claims-key-misspelt",
        """\
document:
  id: jimo-test
  region: 即墨区
claim:  # ←
  - id: marine-output
    metric: 海洋生产总值
    period: 2024H1
    value: 345亿元
    quote: 全区345亿元
""",
        ("缺少 claims 部分", "见到顶层键「claim」", "应为 claims"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_one_fault_gives_one_problem_at_its_line(case: Case, claims_dir: Path):
    path = write(claims_dir, "jimo-test.yaml", case.text)

    [problem] = problems_of(claims_dir)

    assert problem.path == str(path)
    assert problem.line == marked_line(case.text)
    for words in case.says:
        assert words in problem.message


def test_a_file_that_is_not_utf8(claims_dir: Path):
    text = DOC + "  - id: marine-output\n    metric: 海洋生产总值\n"
    path = claims_dir / "gbk.yaml"
    path.write_bytes(text.encode("gbk"))

    [problem] = problems_of(claims_dir)

    assert (problem.path, problem.line) == (str(path), 4)  # region: 即墨区, the first non-ASCII
    assert "不是 UTF-8 编码" in problem.message
    assert "0xbc" in problem.message  # 即 is BC B4 in GBK
    assert "另存为 UTF-8" in problem.message


def test_two_documents_with_the_same_id(claims_dir: Path):
    first = write(claims_dir, "a.yaml", DOC)
    second = write(claims_dir, "b.yaml", DOC)

    [problem] = problems_of(claims_dir)

    assert (problem.path, problem.line) == (str(second), 2)  # its `id:` line
    assert "文档 id「jimo-test」重复" in problem.message
    assert str(first) in problem.message
    assert "应唯一" in problem.message


def test_one_bad_file_does_not_hide_the_problems_of_another(claims_dir: Path):
    unknown_metric = next(c for c in CASES if c.id == "unknown-metric")
    duplicate_key = next(c for c in CASES if c.id == "duplicate-key")
    dangling = next(c for c in CASES if c.id == "part-of-naming-no-claim")
    a = write(claims_dir, "a.yaml", unknown_metric.text)
    b = write(claims_dir, "b.yaml", duplicate_key.text.replace("jimo-test", "jimo-b"))
    c = write(claims_dir, "c.yaml", "document:\n  id: [\n")  # not even YAML
    d = write(claims_dir, "d.yaml", dangling.text.replace("jimo-test", "jimo-d"))

    problems = problems_of(claims_dir)

    assert [(p.path, p.line) for p in problems] == [
        (str(a), marked_line(unknown_metric.text)),
        (str(b), marked_line(duplicate_key.text)),
        (str(c), 3),
        (str(d), marked_line(dangling.text)),
    ]


def test_every_problem_of_one_file_is_reported(claims_dir: Path):
    write(
        claims_dir,
        "a.yaml",
        DOC
        + """\
  - id: a
    metric: 海洋生产总额
    period: 2024H1
    value: 345亿元
    quote: 全区海洋生产总值达345亿元
  - id: b
    metric: 海洋生产总值
    period: 2024年
    value: 345亿元
    quote: 全区海洋生产总值达345亿元
  - id: c
    metric: 海洋生产总值
    period: 2024H1
    quote: 全区海洋生产总值达345亿元
""",
    )

    problems = problems_of(claims_dir)

    assert [(p.line, p.code) for p in problems] == [(7, "FC010"), (13, "FC010"), (16, "FC005")]


def test_a_folder_without_claims_files(claims_dir: Path):
    with pytest.raises(InputErrors) as caught:
        load_corpus(claims_dir)

    [problem] = caught.value.problems
    assert problem.path == str(claims_dir)
    assert "找不到声明文件（*.yaml）" in problem.message


# --------------------------------------------------------------------------- never a traceback

VALID = (
    DOC
    + """\
  - id: marine-output
    metric: 海洋生产总值
    measure: share
    of: {metric: 地区生产总值, subject: 青岛市}
    period: 2024H1
    value: 12.9%
    quote: 占全市海洋生产总值的12.9%
    line: 49
    ignore: {FC201: 口径不同}
"""
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    line=st.integers(0, VALID.count("\n") - 1),
    replacement=st.text(max_size=30)
    | st.sampled_from(
        ["  - ", "    of: 3", "    line: -1", "    value: ~", "  -", ": :", "[", "{"]
    ),
)
def test_any_one_line_replaced_gives_problems_with_file_and_line_or_loads(
    line: int, replacement: str, tmp_path_factory: pytest.TempPathFactory
):
    folder = tmp_path_factory.mktemp("claims")
    (folder.parent / "rules").mkdir(exist_ok=True)
    (folder.parent / "rules" / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    (folder.parent / "rules" / "subjects.yaml").write_text(SUBJECTS, encoding="utf-8")
    lines = VALID.splitlines()
    lines[line] = replacement
    (folder / "a.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="replace")

    try:
        corpus = load_corpus(folder)
    except InputErrors as exc:
        problems = exc.problems
    else:
        problems = []
        assert all(c.quote.strip() for c in corpus.claims)
        assert len(corpus.claims) == len(corpus.table)  # rebuilding claims never fails either

    for problem in problems:
        assert str(problem).startswith(f"{problem.path}:{problem.line}:")


# --------------------------------------------------------------------------- the pandera schema


@pytest.fixture(scope="module")
def tiny_registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    (rules / "subjects.yaml").write_text(SUBJECTS, encoding="utf-8")
    return load_registry(rules)


GOOD = {
    "id": "marine-output",
    "metric": "海洋生产总值",
    "period": "2024H1",
    "value": "345亿元",
    "quote": "全区海洋生产总值达345亿元",
}


def table_of(registry: Registry, *records: dict[str, object]) -> pd.DataFrame:
    """The claims table the loader would build from these claim records (no YAML involved)."""
    doc = Document(id="jimo-test", region="即墨区", published="2024-09")
    rows = [
        figure_row(
            {**r, "__file__": "jimo-test.yaml", "__line__": 6 + 5 * i, "__key_lines__": {}},
            doc,
            registry,
        )
        for i, r in enumerate(records)
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


SCHEMA_CASES = [
    pytest.param({"id": ""}, "id_given", "id 为空", id="empty-id"),
    pytest.param({"metric": "海洋生产总额"}, "metric_known", "海洋生产总值", id="unknown-metric"),
    pytest.param({"value": "345亿英镑"}, "value_readable", "亿英镑", id="unknown-unit"),
    pytest.param(
        {"metric": "整车产量", "value": "3万吨"}, "unit_fits", "应为 辆", id="wrong-dimension"
    ),
    pytest.param(
        {"measure": "share", "of": {"metric": "地区生产总值"}, "value": "142.4%"},
        "share_in_range",
        "142.4%",
        id="share-above-100",
    ),
    pytest.param({"period": "2024年上半年"}, "period_ok", "2024年上半年", id="unreadable-period"),
    pytest.param({"measure": "growth"}, "measure_known", "growth", id="unknown-measure"),
    pytest.param({"status": "planned"}, "status_known", "planned", id="unknown-status"),
    pytest.param(
        {"of": {"metric": "地区生产总值"}}, "of_with_share", "只用于占比", id="of-on-level"
    ),
    pytest.param(
        {"measure": "share", "value": "42.4%"}, "of_with_share", "缺少 of", id="share-without-of"
    ),
    pytest.param({"quote": " "}, "quote_not_blank", "quote 为空", id="blank-quote"),
    pytest.param({"line": "abc"}, "line_valid", "line「abc」", id="line-not-a-number"),
    pytest.param({"line": 0}, "line_valid", "line「0」", id="line-zero"),
    pytest.param({"base": "2011年"}, "base_ok", "2011年", id="unreadable-base"),
    pytest.param({"basis": "comparable"}, "basis_known", "comparable", id="unknown-basis"),
    pytest.param(
        {"measure": "share", "value": "4%", "of": {"metric": "地区生产总值", "period": "去年"}},
        "selector_periods_ok",
        "of 中的期间「去年」",
        id="unreadable-period-in-of",
    ),
]


@pytest.mark.parametrize(("change", "check", "says"), SCHEMA_CASES)
def test_the_pandera_schema_rejects_each_bad_input_kind(
    change: dict[str, object], check: str, says: str, tiny_registry: Registry
):
    table = table_of(tiny_registry, {**GOOD, **change})

    with pytest.raises(pa.errors.SchemaErrors) as caught:
        CLAIMS_SCHEMA.validate(table, lazy=True)
    assert set(caught.value.failure_cases["check"]) == {check}

    [problem] = validate_table(table, tiny_registry)
    assert (problem.path, problem.line, problem.code) == ("jimo-test.yaml", 6, "FC010")
    assert says in problem.message


def test_the_pandera_schema_rejects_a_duplicate_id(tiny_registry: Registry):
    table = table_of(tiny_registry, GOOD, {**GOOD, "period": "2023"})

    with pytest.raises(pa.errors.SchemaErrors) as caught:
        CLAIMS_SCHEMA.validate(table, lazy=True)
    assert "multiple_fields_uniqueness" in set(caught.value.failure_cases["check"])

    [problem] = validate_table(table, tiny_registry)
    assert problem.line == 11  # the second claim; the first is on line 6
    assert "第一次出现在第 6 行" in problem.message


def test_the_pandera_schema_accepts_a_good_table(tiny_registry: Registry):
    table = table_of(
        tiny_registry,
        GOOD,
        {**GOOD, "id": "share", "measure": "share", "of": {"metric": "GDP"}, "value": "100%"},
        {**GOOD, "id": "zero", "measure": "share", "of": {"metric": "GDP"}, "value": "0%"},
    )

    CLAIMS_SCHEMA.validate(table, lazy=True)
    assert validate_table(table, tiny_registry) == []


def test_a_table_missing_a_column_is_reported_not_passed(tiny_registry: Registry):
    table = table_of(tiny_registry, GOOD).drop(columns=["unit_ok"])

    [problem] = validate_table(table, tiny_registry)

    assert "unit_ok" in problem.message
    assert (problem.path, problem.line) == ("jimo-test.yaml", 6)
