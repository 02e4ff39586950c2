"""The registries: metrics and subjects, their names, the regional hierarchy, bad registries."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.errors import InputErrors, Problem
from factcheck.registry import Registry, load_registry
from factcheck.units import parse_unit

RULES = Path(__file__).parents[1] / "rules"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(RULES)


# --------------------------------------------------------------------------- the shipped registries


def test_the_shipped_registries_load_with_at_least_60_metrics(registry: Registry):
    assert len(registry.metrics) >= 60
    assert len(registry.subjects) > 0
    assert registry.digest  # a content hash, for cache keys


@pytest.mark.parametrize(
    ("name", "basis"),
    [
        ("地区生产总值", "real"),
        ("第一产业增加值", "real"),
        ("第二产业增加值", "real"),
        ("第三产业增加值", "real"),
        ("规上工业增加值", "real"),
        ("海洋生产总值", "real"),
        ("固定资产投资", "nominal"),
        ("社会消费品零售总额", "nominal"),
        ("一般公共预算收入", "nominal"),
        ("进出口总额", "nominal"),
        ("实际使用外资", "nominal"),
        ("居民人均可支配收入", "nominal"),
        ("常住人口", "nominal"),
        ("城镇新增就业", "nominal"),
        ("货物吞吐量", "nominal"),
        ("高新技术企业数量", "nominal"),
        ("规上工业企业数量", "nominal"),
        ("整车产量", "nominal"),
    ],
)
def test_a_required_indicator_is_registered_with_its_growth_basis(
    name: str, basis: str, registry: Registry
):
    metric = registry.metrics.resolve(name)

    assert metric is not None
    assert metric.name == name
    assert metric.basis == basis


@pytest.mark.parametrize(
    ("name", "unit", "additive"),
    [
        ("地区生产总值", "元", True),
        ("实际使用外资", "美元", True),
        ("货物吞吐量", "吨", True),
        ("整车产量", "辆", True),
        ("常住人口", "人", True),
        ("规上工业企业数量", "家", True),
        ("居民人均可支配收入", "元/人", False),  # an average does not add up across districts
        ("城镇化率", "%", False),
    ],
)
def test_a_metric_has_the_unit_and_additivity_its_checks_need(
    name: str, unit: str, additive: bool, registry: Registry
):
    metric = registry.metrics.resolve(name)

    assert metric is not None
    assert (metric.unit, metric.additive) == (unit, additive)


@pytest.mark.parametrize(
    ("name", "flow"),
    [
        ("地区生产总值", True),  # output over a period: 上半年 ≤ 全年
        ("社会消费品零售总额", True),
        ("整车产量", True),
        ("城镇新增就业", True),
        ("新建改扩建中小学幼儿园数量", True),  # what was built in the period
        ("存款余额", False),  # a balance at a date can fall within the year
        ("规上工业企业数量", False),  # a count of what exists
        ("常住人口", False),
        ("规上工业利润总额", False),  # a loss in the second half leaves the year below 上半年
        ("城镇化率", False),
    ],
)
def test_only_non_negative_amounts_over_a_period_are_flows(
    name: str, flow: bool, registry: Registry
):
    metric = registry.metrics.resolve(name)

    assert metric is not None
    assert metric.flow is flow


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("GDP", "地区生产总值"),
        ("生产总值", "地区生产总值"),
        ("规模以上工业增加值", "规上工业增加值"),
        ("汽车产量", "整车产量"),
        ("实际利用外资", "实际使用外资"),
        ("社零", "社会消费品零售总额"),
    ],
)
def test_an_alias_resolves_to_its_metric(alias: str, name: str, registry: Registry):
    metric = registry.metrics.resolve(alias)

    assert metric is not None
    assert metric.name == name


def test_every_metric_unit_is_a_known_unit(registry: Registry):
    for metric in registry.metrics:
        for unit in (metric.unit, *metric.accepts):
            parse_unit(unit)  # raises UnknownUnitError otherwise


def test_a_metric_fits_its_own_and_accepted_units_only(registry: Registry):
    vehicles = registry.metrics.resolve("整车产量")
    assert vehicles is not None

    assert vehicles.fits(parse_unit("万辆"))
    assert vehicles.fits(parse_unit("台"))  # accepted: the same thing counted otherwise
    assert not vehicles.fits(parse_unit("万吨"))


def test_a_near_miss_suggests_the_metric_meant(registry: Registry):
    assert registry.metrics.resolve("海洋生产总额") is None
    assert "海洋生产总值" in registry.metrics.suggest("海洋生产总额")
    # A name that contains a known name points at it.
    assert "海洋生产总值" in registry.metrics.suggest("全区海洋生产总值")


def test_the_regional_hierarchy(registry: Registry):
    assert registry.subjects.ancestors("即墨区") == ["青岛市", "山东省", "全国"]
    assert registry.subjects.ancestors("青岛市") == ["山东省", "全国"]
    assert registry.subjects.ancestors("全国") == []
    assert registry.subjects.parent_region("即墨区") == "青岛市"


def test_parks_and_companies_belong_to_a_region(registry: Registry):
    for name in ("青岛蓝谷", "奇瑞汽车青岛基地"):
        assert "全国" in registry.subjects.ancestors(name), name


@pytest.mark.parametrize(
    ("word", "region", "subject"),
    [
        ("全区", "即墨区", "即墨区"),
        ("我区", "即墨区", "即墨区"),
        ("本区", "即墨区", "即墨区"),
        ("全区", "黄岛区", "黄岛区"),
        ("全市", "即墨区", "青岛市"),  # a district's 全市 is its city
        ("我市", "即墨区", "青岛市"),
        ("全市", "青岛市", "青岛市"),  # a city's 全市 is itself
        ("全市", "胶州市", "胶州市"),  # a county-level city too
        ("全省", "即墨区", "山东省"),
        ("全省", "青岛市", "山东省"),
        ("全国", "即墨区", "全国"),
        ("我国", "即墨区", "全国"),
        ("即墨", "青岛市", "即墨区"),  # an alias, whatever the document's region
        ("即墨市", "青岛市", "即墨区"),
        ("某某公司", "即墨区", "某某公司"),  # unregistered subjects are kept as written
    ],
)
def test_relative_words_resolve_per_document_region(
    word: str, region: str, subject: str, registry: Registry
):
    assert registry.subjects.canonical(word, region) == subject


def test_relative_words_are_not_aliases(registry: Registry):
    for word in ("全区", "我区", "全市", "我市", "全省"):
        assert registry.subjects.resolve(word) is None, word


# --------------------------------------------------------------------------- bad registries

GOOD_METRICS = """\
地区生产总值:
  aliases: [GDP, 生产总值]
  unit: 元
  basis: real
"""
GOOD_SUBJECTS = """\
全国: {kind: region}
山东省: {kind: region, parent: 全国}
"""
MARK = "# ←"


def registry_problems(tmp_path: Path, metrics: str, subjects: str) -> list[Problem]:
    (tmp_path / "metrics.yaml").write_text(textwrap.dedent(metrics), encoding="utf-8")
    (tmp_path / "subjects.yaml").write_text(textwrap.dedent(subjects), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_registry(tmp_path)
    for problem in caught.value.problems:
        assert str(problem).startswith(f"{problem.path}:{problem.line}:")
    return caught.value.problems


def marked_line(text: str) -> int:
    [line] = [n for n, t in enumerate(text.splitlines(), 1) if MARK in t]
    return line


BAD_METRICS = [
    pytest.param(
        GOOD_METRICS
        + """\
整车产量:
  unit: 辆辆  # ←
""",
        ("指标「整车产量」的单位「辆辆」未知", "如 元、吨、辆"),
        id="unknown-unit",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
整车产量:
  unit: 辆
  accepts: [台, 架次次]  # ←
""",
        ("单位「架次次」未知",),
        id="unknown-accepted-unit",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
国内生产总值:
  aliases: [GDP]  # ←
  unit: 元
""",
        ("别名「GDP」同时属于指标「国内生产总值」和「地区生产总值」", "别名应唯一"),
        id="alias-clash",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
海洋生产总值:
  unit: 元
  basis: comparable  # ←
""",
        ("basis「comparable」未知", "real 或 nominal"),
        id="unknown-basis",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
城镇化率:
  unit: '%'
  additive: 'no'  # ←
""",
        ("additive「no」无效", "true 或 false"),
        id="additive-not-a-boolean",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
社会消费品零售总额:
  unit: 元
  flow: 是  # ←
""",
        ("flow「是」无效", "true 或 false"),
        id="flow-not-a-boolean",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
社会消费品零售总额:
  unit: 元
  flwo: true  # ←
""",
        ("指标「社会消费品零售总额」的键「flwo」未知", "additive、flow、basis"),
        id="misspelt-key",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
地区生产总值:  # ←
  unit: 元
""",
        ("指标「地区生产总值」重复定义",),
        id="defined-twice",
    ),
    pytest.param(
        GOOD_METRICS
        + """\
整车产量: 辆  # ←
""",
        ("指标「整车产量」的定义应为映射",),
        id="definition-not-a-mapping",
    ),
]


@pytest.mark.parametrize(("metrics", "says"), BAD_METRICS)
def test_a_bad_metric_registry_names_file_and_line(
    metrics: str, says: tuple[str, ...], tmp_path: Path
):
    [problem] = registry_problems(tmp_path, metrics, GOOD_SUBJECTS)

    assert problem.path == str(tmp_path / "metrics.yaml")
    assert problem.line == marked_line(metrics)
    for words in says:
        assert words in problem.message


BAD_SUBJECTS = [
    pytest.param(
        GOOD_SUBJECTS
        + """\
青岛市:
  kind: region
  parent: 山东  # ←
""",
        ("主体「青岛市」的上级「山东」未登记", "应为 subjects.yaml 中的主体"),
        id="unknown-parent",
    ),
    pytest.param(
        GOOD_SUBJECTS.replace(
            "山东省: {kind: region, parent: 全国}",
            "山东省: {kind: region, parent: 全国, aliases: [鲁]}",
        )
        + """\
青岛市:
  parent: 鲁  # ←
""",
        ("上级「鲁」未登记", "是否是指「山东省」"),
        id="parent-named-by-an-alias",
    ),
    pytest.param(
        GOOD_SUBJECTS
        + """\
即墨区:
  parent: 全国
  aliases: [山东省]  # ←
""",
        ("别名「山东省」同时属于主体「即墨区」和「山东省」", "别名应唯一"),
        id="alias-clash",
    ),
    pytest.param(
        GOOD_SUBJECTS
        + """\
青岛蓝谷:
  kind: zone  # ←
  parent: 山东省
""",
        ("kind「zone」未知", "region、company、park"),
        id="unknown-kind",
    ),
    pytest.param(
        GOOD_SUBJECTS
        + """\
青岛蓝谷:
  kind: park
  parnet: 即墨区  # ←
""",
        ("主体「青岛蓝谷」的键「parnet」未知", "kind、parent、aliases"),
        id="misspelt-key",
    ),
]


@pytest.mark.parametrize(("subjects", "says"), BAD_SUBJECTS)
def test_a_bad_subject_registry_names_file_and_line(
    subjects: str, says: tuple[str, ...], tmp_path: Path
):
    [problem] = registry_problems(tmp_path, GOOD_METRICS, subjects)

    assert problem.path == str(tmp_path / "subjects.yaml")
    assert problem.line == marked_line(subjects)
    for words in says:
        assert words in problem.message


def test_problems_of_both_registries_are_reported_together(tmp_path: Path):
    problems = registry_problems(
        tmp_path,
        GOOD_METRICS + "整车产量: {unit: 辆辆}\n",
        GOOD_SUBJECTS + "青岛市: {parent: 山东}\n",
    )

    assert [Path(p.path or "").name for p in problems] == ["metrics.yaml", "subjects.yaml"]


def test_a_missing_registry_file(tmp_path: Path):
    (tmp_path / "metrics.yaml").write_text(GOOD_METRICS, encoding="utf-8")

    with pytest.raises(InputErrors) as caught:
        load_registry(tmp_path)

    [problem] = caught.value.problems
    assert problem.path == str(tmp_path / "subjects.yaml")
    assert "找不到登记表 subjects.yaml" in problem.message


def test_a_bad_registry_stops_the_corpus_from_loading(tmp_path: Path):
    from factcheck.corpus import load_corpus

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "metrics.yaml").write_text(GOOD_METRICS + "整车产量: {unit: 辆辆}\n", encoding="utf-8")
    (rules / "subjects.yaml").write_text(GOOD_SUBJECTS, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.yaml").write_text("document: {id: a}\n", encoding="utf-8")

    with pytest.raises(InputErrors, match="辆辆") as caught:
        load_corpus(tmp_path / "claims")
    assert caught.value.problems[0].path == str(rules / "metrics.yaml")
