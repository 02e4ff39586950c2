"""Table tests for the extractor: one report sentence, the claims it must yield.

The sentences are written for these tests in the style of 统计公报 and 政府工作报告; none is
taken from the seed texts, so that the extractor is not tuned to five documents. A tiny
registry (below) stands in for ``rules/``: what the tests assert does not move when the
project's registry grows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck import parse_quantity
from factcheck.claims import Claim, Selector
from factcheck.cli import main
from factcheck.extract import claims_to_yaml, document_for, extract, write_claims
from factcheck.registry import Registry, load_registry

METRICS = """
地区生产总值: {aliases: [生产总值, GDP], unit: 元, basis: real}
第一产业增加值: {unit: 元, basis: real}
第二产业增加值: {unit: 元, basis: real}
第三产业增加值: {unit: 元, basis: real}
规上工业增加值: {aliases: [规模以上工业增加值], unit: 元, basis: real}
规上工业营业收入: {aliases: [规模以上工业企业营业收入], unit: 元}
规上工业利润总额: {aliases: [规模以上工业企业利润总额], unit: 元}
土地流转面积: {aliases: [土地流转], unit: 亩}
养老床位数: {aliases: [养老床位], unit: 张}
新增耕地面积: {aliases: [新增耕地], unit: 亩}
现代农业园区数量: {aliases: [现代农业园区], unit: 个}
居民消费价格指数涨幅: {aliases: [居民消费价格涨幅], unit: '%'}
工业生产者出厂价格涨幅: {unit: '%'}
税收收入: {unit: 元}
城镇居民人均可支配收入: {unit: 元/人}
农村公路建设里程: {aliases: [农村公路里程], unit: 公里}
社会消费品零售总额: {aliases: [社零], unit: 元}
一般公共预算收入: {unit: 元}
固定资产投资: {unit: 元}
进出口总额: {aliases: [外贸进出口总额], unit: 元}
出口总额: {aliases: [出口额], unit: 元}
实际使用外资: {aliases: [实际利用外资], unit: 美元}
贷款余额: {aliases: [各项贷款余额], unit: 元}
旅游总收入: {aliases: [旅游收入], unit: 元}
接待游客人次: {aliases: [接待游客], unit: 人次}
城镇新增就业: {aliases: [新增城镇就业], unit: 人}
高校毕业生就业人数: {aliases: [高校毕业生就业], unit: 人}
城镇登记失业率: {aliases: [登记失业率], unit: '%'}
常住人口: {aliases: [年末常住人口], unit: 人}
户籍人口: {aliases: [年末户籍人口], unit: 人}
出生率: {unit: ‰}
自然增长率: {unit: ‰}
城镇化率: {aliases: [常住人口城镇化率], unit: '%'}
居民人均可支配收入: {aliases: [城乡居民人均可支配收入], unit: 元/人}
高新技术企业数量: {aliases: [高新技术企业], unit: 家}
企业数量: {aliases: [企业], unit: 家}
市场主体数量: {aliases: [市场主体], unit: 户}
专精特新小巨人企业数量: {aliases: [专精特新“小巨人”企业], unit: 家}
规上工业企业数量: {aliases: [规上工业企业, 规模以上工业企业], unit: 家}
5G基站数量: {aliases: [5G基站], unit: 座}
粮食总产量: {aliases: [粮食产量], unit: 吨}
粮食单产: {aliases: [粮食亩产], unit: 公斤/亩}
新建改扩建中小学幼儿园数量: {aliases: [新建改扩建中小学幼儿园], unit: 所}
高层次人才数量: {aliases: [高层次人才], unit: 人}
空气质量优良天数: {aliases: [优良天数], unit: 天}
空气质量优良率: {aliases: [优良率], unit: '%'}
PM2.5平均浓度: {aliases: [PM2.5浓度], unit: 微克/立方米}
森林覆盖率: {unit: '%'}
造林面积: {aliases: [造林, 新造林], unit: 亩}
口袋公园数量: {aliases: [口袋公园], unit: 处}
新能源汽车产量: {unit: 辆}
海洋生产总值: {unit: 元, basis: real}
制造业增加值: {unit: 元, basis: real}
整车产量: {aliases: [汽车产量], unit: 辆}
跨境电商出口额: {unit: 元}
燃气重卡日产能: {unit: 辆}
社会救助保障标准: {aliases: [保障标准], unit: 元/人}
社会救助保障标准类别数: {unit: 类}
存款余额: {aliases: [各项存款余额], unit: 元}
纱锭规模: {aliases: [纺纱产能], unit: 锭}
一般性支出: {unit: 元}
专利授权量: {unit: 件}
发明专利授权量: {unit: 件}
棚户区改造签约用时: {unit: 天}
技术改造奖励上限: {unit: 元}
获奖乡村振兴项目数量: {unit: 个}
参展企业数量: {unit: 家}
泊位吨级: {unit: 吨}
船舶吨位: {aliases: [船吨级], unit: 吨}
"""

SUBJECTS = """
全国: {kind: region}
山东省: {kind: region, parent: 全国}
青岛市: {kind: region, parent: 山东省, aliases: [青岛]}
即墨区: {kind: region, parent: 青岛市, aliases: [即墨]}
青岛即发集团股份有限公司: {kind: company, parent: 即墨区, aliases: [即发集团, 即发]}
青岛蓝谷: {kind: park, parent: 即墨区, aliases: [蓝谷]}
即墨经济开发区: {kind: park, parent: 即墨区, aliases: [即墨经开区]}
汽车产业: {kind: industry}
"""


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    (rules / "subjects.yaml").write_text(SUBJECTS, encoding="utf-8")
    return load_registry(rules)


def read(
    text: str, registry: Registry, date: str = "2024-02", region: str = "即墨区"
) -> list[Claim]:
    return extract(text, date, region, document="t", registry=registry)


def field_of(claim: Claim, name: str) -> Any:
    value = getattr(claim, name)
    return value.to_mapping() if isinstance(value, Selector) else value


def assert_claims(claims: list[Claim], expected: list[dict[str, Any]]) -> None:
    """Exactly the expected figures, in order, with the fields each expectation names."""
    assert [c.value for c in claims] == [e["value"] for e in expected]
    for claim, want in zip(claims, expected, strict=True):
        got = {name: field_of(claim, name) for name in want}
        assert got == want


# --------------------------------------------------------------------------- 统计公报

BULLETIN: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "level-and-growth",
        "2023年，全区实现地区生产总值1520.3亿元，按可比价格计算，比上年增长6.1%。",
        [
            {
                "value": "1520.3亿元",
                "metric": "地区生产总值",
                "period": "2023",
                "measure": "level",
                "subject": "即墨区",
                "basis": "real",
                "status": "actual",
            },
            {"value": "6.1%", "metric": "地区生产总值", "period": "2023", "measure": "yoy"},
        ],
    ),
    (
        "sector-structure",
        "三次产业结构调整为3.0:40.3:56.7。",
        [
            {
                "value": "3.0%",
                "metric": "第一产业增加值",
                "measure": "share",
                "of": {"metric": "地区生产总值"},
            },
            {
                "value": "40.3%",
                "metric": "第二产业增加值",
                "measure": "share",
                "of": {"metric": "地区生产总值"},
            },
            {
                "value": "56.7%",
                "metric": "第三产业增加值",
                "measure": "share",
                "of": {"metric": "地区生产总值"},
            },
        ],
    ),
    (
        "pp-against-province",
        "全年规模以上工业增加值增长7.2%，高于全省平均水平1.5个百分点。",
        [
            {
                "value": "7.2%",
                "metric": "规上工业增加值",
                "measure": "yoy",
                "scope": "规上",
                "period": "2023",
            },
            {
                "value": "1.5个百分点",
                "metric": "规上工业增加值",
                "measure": "pp",
                "against": {"subject": "山东省"},
            },
        ],
    ),
    (
        "reach-and-yoy",
        "全年社会消费品零售总额达到856.4亿元，同比增长8.3%。",
        [
            {"value": "856.4亿元", "metric": "社会消费品零售总额", "measure": "level"},
            {"value": "8.3%", "metric": "社会消费品零售总额", "measure": "yoy"},
        ],
    ),
    (
        "decline-keeps-its-sign",
        "全年一般公共预算收入完成98.6亿元，下降2.4%。",
        [
            {"value": "98.6亿元", "metric": "一般公共预算收入"},
            {"value": "下降2.4%", "metric": "一般公共预算收入", "measure": "yoy"},
        ],
    ),
    (
        "two-levels",
        "城镇新增就业2.1万人，城镇登记失业率为2.8%。",
        [
            {"value": "2.1万人", "metric": "城镇新增就业", "measure": "level"},
            {"value": "2.8%", "metric": "城镇登记失业率", "measure": "level"},
        ],
    ),
    (
        "pp-on-last-year",
        "年末全区常住人口132.5万人，常住人口城镇化率提高0.9个百分点。",
        [
            {"value": "132.5万人", "metric": "常住人口"},
            {
                "value": "0.9个百分点",
                "metric": "城镇化率",
                "measure": "pp",
                "against": {"period": "2022"},
            },
        ],
    ),
    (
        "break-through",
        "全区高新技术企业突破800家。",
        [{"value": "突破800家", "metric": "高新技术企业数量", "measure": "level"}],
    ),
    (
        "new-entities-are-a-change",
        "全年新增市场主体3.2万户。",
        [
            {
                "value": "3.2万户",
                "metric": "市场主体数量",
                "measure": "change",
                "against": {"period": "2022"},
            }
        ],
    ),
    (
        "foreign-currency",
        "全年实际使用外资5.6亿美元，增长21.3%。",
        [
            {"value": "5.6亿美元", "metric": "实际使用外资"},
            {"value": "21.3%", "metric": "实际使用外资", "measure": "yoy"},
        ],
    ),
    (
        "as-of-year-end",
        "截至2023年末，全区各项贷款余额1856亿元。",
        [{"value": "1856亿元", "metric": "贷款余额", "period": "2023"}],
    ),
    (
        "months-cumulated",
        "1—11月，全区固定资产投资增长5.3%。",
        [
            {
                "value": "5.3%",
                "metric": "固定资产投资",
                "measure": "yoy",
                "period": "2023-01..2023-11",
            }
        ],
    ),
    (
        "respectively",
        "全年接待游客1850万人次，实现旅游总收入210亿元，分别增长15.2%和18.6%。",
        [
            {"value": "1850万人次", "metric": "接待游客人次"},
            {"value": "210亿元", "metric": "旅游总收入"},
            {"value": "15.2%", "metric": "接待游客人次", "measure": "yoy"},
            {"value": "18.6%", "metric": "旅游总收入", "measure": "yoy"},
        ],
    ),
    (
        "per-capita-printed-in-yuan",
        "城乡居民人均可支配收入42360元，增长5.6%。",
        [
            {"value": "42360元", "metric": "居民人均可支配收入"},
            {"value": "5.6%", "metric": "居民人均可支配收入", "measure": "yoy"},
        ],
    ),
    (
        "yield-per-mu-is-a-rate",
        "全年粮食总产量42.6万吨，粮食亩产达到485公斤。",
        [
            {"value": "42.6万吨", "metric": "粮食总产量"},
            {"value": "485公斤/亩", "metric": "粮食单产", "measure": "rate"},
        ],
    ),
    (
        "days-and-rate",
        "空气质量优良天数达到298天，优良率81.6%。",
        [
            {"value": "298天", "metric": "空气质量优良天数"},
            {"value": "81.6%", "metric": "空气质量优良率", "measure": "level"},
        ],
    ),
    (
        "compound-unit-and-name-with-digits",
        "PM2.5平均浓度降至32微克/立方米。",
        [{"value": "32微克/立方米", "metric": "PM2.5平均浓度", "measure": "rate"}],
    ),
    (
        "per-mille-and-negative",
        "年末户籍人口98.3万人，出生率6.52‰，自然增长率-1.2‰。",
        [
            {"value": "98.3万人", "metric": "户籍人口"},
            {"value": "6.52‰", "metric": "出生率", "measure": "rate"},
            {"value": "-1.2‰", "metric": "自然增长率", "measure": "rate"},
        ],
    ),
    (
        "area",
        "森林覆盖率达到40.5%，全年完成造林1.2万亩。",
        [
            {"value": "40.5%", "metric": "森林覆盖率", "measure": "level"},
            {"value": "1.2万亩", "metric": "造林面积"},
        ],
    ),
    (
        "quoted-name-in-metric",
        "全区拥有国家级专精特新“小巨人”企业15家。",
        # The level is a scope, as the corpus writes 市级以上创新平台68个 (scope 市级以上).
        [{"value": "15家", "metric": "专精特新小巨人企业数量", "scope": "国家级"}],
    ),
    (
        "grew-twofold",
        "全年新能源汽车产量增长2倍。",
        [{"value": "2倍", "metric": "新能源汽车产量", "measure": "multiple"}],
    ),
    (
        "times-a-base-year",
        "全区旅游总收入是2020年的2.1倍。",
        [
            {
                "value": "2.1倍",
                "metric": "旅游总收入",
                "measure": "multiple",
                "against": {"period": "2020"},
                "period": "2023",
            }
        ],
    ),
    (
        "contribution",
        "消费拉动全区经济增长2.1个百分点。",
        [{"value": "2.1个百分点", "measure": "contribution"}],
    ),
    (
        "city-subject",
        "全市规模以上工业企业实现营业收入2350亿元。",
        [{"value": "2350亿元", "subject": "青岛市", "metric": "规上工业营业收入", "scope": "规上"}],
    ),
    (
        "province-then-district",
        "全省生产总值增长6.0%，我区增速高于全省1.2个百分点。",
        [
            {"value": "6.0%", "subject": "山东省", "metric": "地区生产总值", "measure": "yoy"},
            {
                "value": "1.2个百分点",
                "subject": "即墨区",
                "metric": "地区生产总值",
                "measure": "pp",
                "against": {"subject": "山东省"},
            },
        ],
    ),
    (
        "ocr-spaces",
        "全年外贸进出口总额 3 1 2 . 7 亿元，增长 4 . 5 %。",
        [{"value": "312.7亿元", "metric": "进出口总额"}, {"value": "4.5%", "measure": "yoy"}],
    ),
    (
        "full-width",
        "全区生产总值增长６．１％。",
        [{"value": "6.1%", "metric": "地区生产总值", "measure": "yoy"}],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BULLETIN], ids=[c[0] for c in BULLETIN]
)
def test_bulletin_sentences(registry: Registry, text: str, expected: list[dict[str, Any]]) -> None:
    assert_claims(read(text, registry), expected)


# --------------------------------------------------------------------------- 政府工作报告

REPORT: list[tuple[str, str, str, list[dict[str, Any]]]] = [
    (
        "expected-targets",
        "2024-02",
        "今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%以上。",
        [
            {
                "value": "6%左右",
                "metric": "地区生产总值",
                "measure": "yoy",
                "status": "target",
                "period": "2024",
            },
            {"value": "5%以上", "metric": "一般公共预算收入", "measure": "yoy", "status": "target"},
        ],
    ),
    (
        "strive-for",
        "2024-02",
        "力争规上工业企业数量达到700家以上。",
        [
            {
                "value": "700家以上",
                "metric": "规上工业企业数量",
                "status": "target",
                "period": "2024",
                "scope": "规上",
            }
        ],
    ),
    (
        "within-the-year",
        "2024-02",
        "年内新建5G基站1000座。",
        [{"value": "1000座", "metric": "5G基站数量", "status": "target", "period": "2024"}],
    ),
    (
        "five-year-plan-cagr",
        "2021-02",
        "“十四五”期间，全区生产总值年均增长7%左右。",
        [
            {
                "value": "7%左右",
                "metric": "地区生产总值",
                "measure": "cagr",
                "period": "2021..2025",
                "status": "target",
            }
        ],
    ),
    (
        "past-five-years",
        "2021-02",
        "过去五年，新建改扩建中小学、幼儿园82所，累计引进高层次人才5000余人。",
        [
            {
                "value": "82所",
                "metric": "新建改扩建中小学幼儿园数量",
                "period": "2016..2020",
                "status": "actual",
            },
            {
                "value": "5000余人",
                "metric": "高层次人才数量",
                "period": "2016..2020",
                "status": "cumulative",
            },
        ],
    ),
    (
        "estimate",
        "2023-12",
        "预计全年粮食总产量42.6万吨。",
        [{"value": "42.6万吨", "metric": "粮食总产量", "status": "estimate", "period": "2023"}],
    ),
    (
        "cumulative",
        "2024-02",
        "累计建成5G基站3200座。",
        [{"value": "3200座", "metric": "5G基站数量", "status": "cumulative"}],
    ),
    (
        "doubling-on-a-base-year",
        "2021-02",
        "力争到2025年全区生产总值比2020年翻一番。",
        [
            {
                "value": "翻一番",
                "metric": "地区生产总值",
                "measure": "multiple",
                "period": "2025",
                "status": "target",
                "base": "2020",
            }
        ],
    ),
    (
        "break-a-round-figure",
        "2024-02",
        "全区地区生产总值首次突破千亿元大关。",
        [{"value": "突破千亿元", "metric": "地区生产总值"}],
    ),
    (
        "capacity-of-a-company",
        "2024-02",
        "即发集团新建成的无水染色生产线年产能可达1万吨。",
        [{"value": "1万吨", "status": "capacity", "subject": "青岛即发集团股份有限公司"}],
    ),
    (
        "quarter",
        "2024-05",
        "一季度，全区规上工业增加值同比增长9.1%。",
        [{"value": "9.1%", "period": "2024Q1", "measure": "yoy", "metric": "规上工业增加值"}],
    ),
    (
        "first-three-quarters",
        "2024-11",
        "前三季度，全区社会消费品零售总额增长6.6%。",
        [{"value": "6.6%", "period": "2024Q1-Q3", "metric": "社会消费品零售总额"}],
    ),
    (
        "as-of-a-month-end",
        "2024-09",
        "截至6月底，全区各项贷款余额1856亿元。",
        # The month's stock, as 6月末 is: the same balance printed both ways is one figure.
        [{"value": "1856亿元", "period": "2024-06", "metric": "贷款余额"}],
    ),
    (
        "last-year-in-a-feature",
        "2024-09",
        "去年全区海洋生产总值280亿元。",
        [{"value": "280亿元", "period": "2023", "metric": "海洋生产总值"}],
    ),
    (
        "park-subject",
        "2024-02",
        "蓝谷集聚高层次人才1200余人。",
        [{"value": "1200余人", "subject": "青岛蓝谷", "metric": "高层次人才数量"}],
    ),
    (
        "marine-economy-list",
        "2024-02",
        "2023年，全区海洋生产总值达280亿元、同比增长6.5%，占全区GDP的35.2%、占全市海洋生产总值的10.1%。",
        [
            {"value": "280亿元", "metric": "海洋生产总值", "measure": "level", "subject": "即墨区"},
            {"value": "6.5%", "metric": "海洋生产总值", "measure": "yoy", "subject": "即墨区"},
            {
                "value": "35.2%",
                "metric": "海洋生产总值",
                "measure": "share",
                "of": {"metric": "地区生产总值"},
            },
            {
                "value": "10.1%",
                "metric": "海洋生产总值",
                "measure": "share",
                "of": {"subject": "青岛市"},
            },
        ],
    ),
    (
        "break-through-a-magnitude",
        "2024-02",
        "新建生产线单线产能突破万吨。",
        [{"value": "突破万吨", "status": "capacity"}],
    ),
    (
        "last-three-years-in-a-mid-year-review",
        "2024-09",
        "近三年，全区累计引进高层次人才1200余人。",
        [
            {
                "value": "1200余人",
                "metric": "高层次人才数量",
                "period": "2022..2024",
                "status": "cumulative",
            }
        ],
    ),
    (
        "by-the-end-of-a-year",
        "2024-02",
        "到2025年底，力争高新技术企业达到1000家。",
        [{"value": "1000家", "metric": "高新技术企业数量", "period": "2025", "status": "target"}],
    ),
    (
        "ensure",
        "2024-02",
        "确保全年粮食总产量稳定在42万吨以上。",
        [{"value": "42万吨以上", "metric": "粮食总产量", "status": "target", "period": "2024"}],
    ),
    (
        "plan",
        "2024-02",
        "计划新建改扩建中小学、幼儿园12所。",
        [{"value": "12所", "metric": "新建改扩建中小学幼儿园数量", "status": "target"}],
    ),
    (
        "must",
        "2024-02",
        "今年要新建5G基站800座。",
        [{"value": "800座", "metric": "5G基站数量", "status": "target", "period": "2024"}],
    ),
    (
        "shall",
        "2024-09",
        "全区要新建口袋公园20处，重要节点亮化工程全部完工。",
        [{"value": "20处", "metric": "口袋公园数量", "status": "target", "period": "2024"}],
    ),
    (
        "important-is-not-shall",
        "2024-09",
        "主要指标中，全区口袋公园达到120处。",
        [{"value": "120处", "metric": "口袋公园数量", "status": "actual"}],
    ),
    (
        "annual-capacity-of-a-plant",
        "2024-02",
        "年产30万辆的整车基地开工建设。",
        [{"value": "30万辆", "metric": "整车产量", "status": "capacity"}],
    ),
    (
        "pp-down",
        "2024-02",
        "城镇登记失业率下降0.3个百分点。",
        [
            {
                "value": "下降0.3个百分点",
                "metric": "城镇登记失业率",
                "measure": "pp",
                "against": {"period": "2022"},
            }
        ],
    ),
    (
        "share-of-gdp-reaches",
        "2024-02",
        "制造业增加值占地区生产总值比重达到35.6%。",
        [
            {
                "value": "35.6%",
                "metric": "制造业增加值",
                "measure": "share",
                "of": {"metric": "地区生产总值"},
            }
        ],
    ),
    (
        "quoted-count-with-its-list",
        "2024-02",
        "实施科技创新、产业升级、城市更新“三大工程”。",
        [{"value": "三项"}],
    ),
]


@pytest.mark.parametrize(
    ("date", "text", "expected"), [c[1:] for c in REPORT], ids=[c[0] for c in REPORT]
)
def test_work_report_sentences(
    registry: Registry, date: str, text: str, expected: list[dict[str, Any]]
) -> None:
    assert_claims(read(text, registry, date), expected)


# --------------------------------------------------------------------------- constructs

#: Constructs of report language that name a figure away from it, or by a word that is not
#: the registry's: a qualifier named earlier in the sentence, a park without its place, kinds
#: of a thing, contracted pairs, units that name what they count, a rate said after the
#: figure, a part of a total, how long a task took, a ceiling, an award, a fair, a size class.
CONSTRUCTS: list[tuple[str, str, str, list[dict[str, Any]]]] = [
    (
        "qualifier-named-earlier-narrows-generic-metric",
        "2024-02",
        "用好跨境电商综合试验区政策，出口额达到42亿元。",
        [{"value": "42亿元", "metric": "跨境电商出口额", "measure": "level"}],
    ),
    (
        "qualifier-in-a-list-is-one-kind-among-several",
        "2024-02",
        "扩大商用车、新能源车产能，全年汽车产量达到30万辆。",
        [{"value": "30万辆", "metric": "整车产量"}],
    ),
    (
        "qualifier-names-a-capacity",
        "2024-02",
        "加快燃气重卡生产线改造，日产能可达300辆。",
        [{"value": "300辆", "metric": "燃气重卡日产能", "status": "capacity"}],
    ),
    (
        "park-named-without-its-place",
        "2024-02",
        "经济开发区，新落地重点项目32个。",
        [{"value": "32个", "subject": "即墨经济开发区"}],
    ),
    (
        "kinds-of-a-standard-and-the-standard-rises",
        "2024-02",
        "低保、特困供养等五类保障标准比上年提高8%。",
        [
            {"value": "五类", "metric": "社会救助保障标准类别数", "measure": "level"},
            {"value": "8%", "metric": "社会救助保障标准", "measure": "yoy"},
        ],
    ),
    (
        "contracted-pair-both-pass-one-mark",
        "2024-02",
        "年末金融机构存贷款余额双双突破2000亿元。",
        [
            {"value": "突破2000亿元", "metric": "存款余额"},
            {"value": "突破2000亿元", "metric": "贷款余额"},
        ],
    ),
    (
        "spindles-name-the-spinning-capacity",
        "2024-02",
        "建成5万锭紧密纺生产线。",
        [{"value": "5万锭", "metric": "纱锭规模", "status": "capacity"}],
    ),
    (
        "rate-of-a-cut-said-after-the-figure",
        "2024-02",
        "对一般性支出按照5%的比例压减。",
        [{"value": "下降5%", "metric": "一般性支出", "measure": "yoy"}],
    ),
    (
        "part-of-a-total-after-wei",
        "2024-02",
        "全年专利授权量3200件，其中60%以上为发明专利。",
        [
            {"value": "3200件", "metric": "专利授权量", "measure": "level"},
            {
                "value": "60%以上",
                "metric": "发明专利授权量",
                "measure": "share",
                "of": {"metric": "专利授权量"},
            },
        ],
    ),
    (
        "duration-of-the-task-done-after-it",
        "2024-02",
        "东城片区仅用15天完成棚户区改造签约。",
        [{"value": "15天", "metric": "棚户区改造签约用时"}],
    ),
    (
        "ceiling-of-a-scheme",
        "2024-02",
        "企业技术改造最高给予200万元奖励。",
        [{"value": "200万元", "metric": "技术改造奖励上限"}],
    ),
    (
        "count-of-award-winners",
        "2024-02",
        "其中4个项目获得全市乡村振兴项目评比一等奖。",
        [{"value": "4个", "metric": "获奖乡村振兴项目数量"}],
    ),
    (
        "count-of-exhibitors",
        "2024-02",
        "组织80家企业参加广交会等境内外展会。",
        [{"value": "80家", "metric": "参展企业数量"}],
    ),
    (
        "size-class-of-a-berth",
        "2024-02",
        "建成10万吨级码头泊位2个。",
        [{"value": "10万吨", "metric": "泊位吨级"}, {"value": "2个"}],
    ),
    (
        "size-class-of-a-named-ship",
        "2024-02",
        "首艘5万吨级散货船“即墨号”顺利下水。",
        [{"value": "5万吨", "metric": "船舶吨位", "subject": "即墨号"}],
    ),
    (
        "at-least-n-in-a-year-not-over-is-a-target",
        "2024-05",
        "全区新增高新技术企业50家以上。",
        [{"value": "50家以上", "period": "2024", "status": "target"}],
    ),
    (
        "at-least-n-in-a-year-looked-back-on-is-done",
        "2024-02",
        "全区新增高新技术企业50家以上。",
        [{"value": "50家以上", "period": "2023", "status": "actual"}],
    ),
    (
        # 上年为… names no figure of its own: it is the one just named, a year earlier.
        "the-year-before-named-alone-is-the-figure-just-named",
        "2025-03",
        "山海市2024年国民经济和社会发展统计公报\n\n全年税收收入120.5亿元，上年为110.2亿元。",
        [
            {"value": "120.5亿元", "metric": "税收收入", "period": "2024"},
            {"value": "110.2亿元", "metric": "税收收入", "period": "2023"},
        ],
    ),
    (
        # …, and the sentences after it are of the bulletin's year again, not of 上年's.
        "the-year-before-does-not-become-the-year-spoken-of",
        "2025-03",
        "山海市2024年国民经济和社会发展统计公报\n\n"
        "全年一般公共预算收入80.2亿元，比上年增加5.1亿元，上年为75.1亿元。"
        "全年城镇居民人均可支配收入65751元。",
        [
            {"value": "80.2亿元", "period": "2024"},
            {"value": "5.1亿元", "metric": "一般公共预算收入", "measure": "change"},
            {"value": "75.1亿元", "metric": "一般公共预算收入", "period": "2023"},
            {"value": "65751元", "metric": "城镇居民人均可支配收入", "period": "2024"},
        ],
    ),
    # Constructs the held-out texts (tests/data/holdout) showed the extractor misread.
    (
        "bulletin-title-names-the-year-it-reports",
        "2025-03",
        "山海市2024年国民经济和社会发展统计公报\n\n全年实现地区生产总值1200.5亿元，比上年增长5.2%。",
        [{"value": "1200.5亿元", "period": "2024"}, {"value": "5.2%", "period": "2024"}],
    ),
    (
        "section-heading-names-the-year-planned",
        "2025-01",
        "二、2025年工作安排\n\n全年实施重点项目80个以上，新建5G基站300个。",
        [
            {"value": "80个以上", "period": "2025", "status": "target"},
            {"value": "300个", "period": "2025", "status": "target"},
        ],
    ),
    (
        "work-report-title-year-is-when-it-is-delivered",
        "2021-02",
        "2021年即墨区政府工作报告\n\n全区完成固定资产投资300亿元。",
        [{"value": "300亿元", "period": "2020", "status": "actual"}],
    ),
    (
        "part-of-year-opening-a-paragraph-frames-it",
        "2024-07",
        "上半年，全区实现地区生产总值186.4亿元，同比增长5.9%。分产业看，第一产业增加值9.2亿元，增长3.5%。",
        [
            {"value": "186.4亿元", "period": "2024H1"},
            {"value": "5.9%", "period": "2024H1"},
            {"value": "9.2亿元", "period": "2024H1", "metric": "第一产业增加值"},
            {"value": "3.5%", "period": "2024H1"},
        ],
    ),
    (
        "part-of-year-holds-across-a-semicolon",
        "2024-08",
        "今年1—6月，全区完成规模以上工业总产值218.6亿元；完成固定资产投资45.3亿元。",
        [
            {"value": "218.6亿元", "period": "2024H1"},
            {"value": "45.3亿元", "period": "2024H1", "status": "actual"},
        ],
    ),
    (
        "period-after-bi-is-what-is-compared-with",
        "2024-07",
        "上半年，全区地区生产总值同比增长5.9%，增速比一季度加快0.6个百分点。",
        [{"value": "5.9%", "period": "2024H1"}, {"value": "0.6个百分点", "period": "2024H1"}],
    ),
    (
        "preliminary-holds-for-the-sentence-and-its-qizhong",
        "2025-03",
        "初步核算，全年实现地区生产总值1200.5亿元，比上年增长5.2%；人均地区生产总值9.1万元。"
        "其中，第一产业增加值98.1亿元，增长3.1%。",
        [
            {"value": "1200.5亿元", "status": "preliminary"},
            {"value": "5.2%", "status": "preliminary"},
            {"value": "9.1万元", "status": "preliminary"},
            {"value": "98.1亿元", "status": "preliminary"},
            {"value": "3.1%", "status": "preliminary"},
        ],
    ),
    (
        "company-named-by-its-ending",
        "2024-08",
        "今年上半年，青岛海川新材料有限公司研发投入1.2亿元。",
        [{"value": "1.2亿元", "subject": "青岛海川新材料有限公司", "period": "2024H1"}],
    ),
    (
        "gongsi-refers-back-and-a-quote-is-its-speakers",
        "2024-08",
        "走进青岛海川新材料有限公司的车间，生产线满负荷运转。\n\n"
        "公司研发投入达到1.2亿元。\n\n"
        "“去年公司研发投入达到1.1亿元。”青岛远航装备有限公司董事长王明说。",
        [
            {"value": "1.2亿元", "subject": "青岛海川新材料有限公司"},
            {"value": "1.1亿元", "subject": "青岛远航装备有限公司", "period": "2023"},
        ],
    ),
    (
        "a-years-word-before-chanzhi-is-not-a-capacity",
        "2024-08",
        "青岛远航装备有限公司去年产值突破8000万元。",
        [{"value": "突破8000万元", "status": "actual", "period": "2023"}],
    ),
]

#: Constructs that need the document's own region (a place the registry does not know).
REGION_CONSTRUCTS: list[tuple[str, str, str, str, list[dict[str, Any]]]] = [
    (
        "park-named-by-its-place-and-ending",
        "2024-08",
        "溪南区",
        "走进溪南经济开发区，新材料企业加快集聚。\n\n目前，开发区拥有高新技术企业92家。",
        [{"value": "92家", "subject": "溪南经济开发区", "metric": "高新技术企业数量"}],
    ),
    (
        "verb-before-a-park-word-is-no-park",
        "2024-08",
        "溪南区",
        "尽快完善经济开发区配套，全区新增高新技术企业50家。",
        [{"value": "50家", "subject": "溪南区"}],
    ),
    (
        "month-end-is-the-months-stock",
        "2024-11",
        "松岭县",
        "10月末，全县金融机构各项贷款余额286.4亿元，较年初增加21.7亿元。",
        [
            {"value": "286.4亿元", "metric": "贷款余额", "period": "2024-10", "status": "actual"},
            {"value": "21.7亿元", "measure": "change", "period": "2024-10"},
        ],
    ),
    (
        "year-end-is-the-years-stock",
        "2025-02",
        "松岭县",
        "年末全县土地流转面积18.2万亩。",
        [{"value": "18.2万亩", "metric": "土地流转面积", "period": "2024"}],
    ),
    (
        "plan-heading-names-the-year-planned",
        "2025-01",
        "松岭县",
        "二、2025年工作计划\n\n新建改造农村公路40公里。",
        [{"value": "40公里", "period": "2025", "status": "target"}],
    ),
    (
        "qualifier-holds-across-a-semicolon",
        "2024-08",
        "松岭县",
        "1—6月，全县规模以上工业企业实现营业收入208.5亿元；实现利润总额11.2亿元。",
        [
            {"value": "208.5亿元", "metric": "规上工业营业收入"},
            {"value": "11.2亿元", "metric": "规上工业利润总额", "period": "2024H1"},
        ],
    ),
    (
        "newly-recognised-adds-to-a-stock",
        "2025-02",
        "松岭县",
        "新认定国家高新技术企业22家，新登记市场主体3150户，新增养老床位300张。",
        [
            {"value": "22家", "metric": "高新技术企业数量", "measure": "change"},
            {"value": "3150户", "metric": "市场主体数量", "measure": "change"},
            {"value": "300张", "metric": "养老床位数", "measure": "change"},
        ],
    ),
    (
        "new-in-the-registrys-own-name-is-a-flow",
        "2025-02",
        "松岭县",
        "城镇新增就业8600人，新增耕地面积900亩。",
        [
            {"value": "8600人", "metric": "城镇新增就业", "measure": "level"},
            {"value": "900亩", "metric": "新增耕地面积", "measure": "level"},
        ],
    ),
    (
        "total-is-of-what-the-sentence-counted",
        "2025-02",
        "松岭县",
        "新培育现代农业园区3个，总数达到17个。",
        [
            {"value": "3个", "metric": "现代农业园区数量", "measure": "change"},
            {"value": "17个", "metric": "现代农业园区数量", "measure": "level"},
        ],
    ),
    (
        "a-price-rise-is-the-level-of-its-rate",
        "2025-02",
        "松岭县",
        "全年居民消费价格比上年上涨0.6%，工业生产者出厂价格下降1.4%。",
        [
            {"value": "0.6%", "metric": "居民消费价格指数涨幅", "measure": "level"},
            {"value": "下降1.4%", "metric": "工业生产者出厂价格涨幅", "measure": "level"},
        ],
    ),
    (
        "from-a-years-figure-to-now",
        "2025-01",
        "松岭县",
        "全县森林覆盖率由2020年的35.2%提高到39.8%。",
        [
            {"value": "35.2%", "metric": "森林覆盖率", "period": "2020"},
            {"value": "39.8%", "metric": "森林覆盖率", "period": "2024"},
        ],
    ),
    (
        "from-last-years-share-to-now",
        "2024-10",
        "松岭县",
        "前三季度，税收收入占一般公共预算收入的比重由上年同期的71.5%提高到73.0%。",
        [
            {"value": "71.5%", "metric": "税收收入", "measure": "share", "period": "2023Q1-Q3"},
            {"value": "73.0%", "metric": "税收收入", "measure": "share", "period": "2024Q1-Q3"},
        ],
    ),
    (
        "from-to-after-an-average-is-its-level",
        "2025-01",
        "松岭县",
        "五年来，城镇居民人均可支配收入年均增长5.2%，由2019年的38100元提高到49000元。",
        [
            {"value": "5.2%", "measure": "cagr", "period": "2020..2024"},
            {"value": "38100元", "metric": "城镇居民人均可支配收入", "period": "2019"},
            {"value": "49000元", "metric": "城镇居民人均可支配收入", "period": "2024"},
        ],
    ),
]


@pytest.mark.parametrize(
    ("date", "region", "text", "expected"),
    [c[1:] for c in REGION_CONSTRUCTS],
    ids=[c[0] for c in REGION_CONSTRUCTS],
)
def test_region_constructs(
    registry: Registry, date: str, region: str, text: str, expected: list[dict[str, Any]]
) -> None:
    assert_claims(read(text, registry, date, region), expected)


@pytest.mark.parametrize(
    ("date", "text", "expected"), [c[1:] for c in CONSTRUCTS], ids=[c[0] for c in CONSTRUCTS]
)
def test_report_constructs(
    registry: Registry, date: str, text: str, expected: list[dict[str, Any]]
) -> None:
    assert_claims(read(text, registry, date), expected)


# --------------------------------------------------------------------------- what is not a figure

NOT_FIGURES = [
    ("metro-line-and-5g", "地铁7号线二期工程开工建设，5G网络实现全覆盖。"),
    ("congress-and-plan-names", "深入学习贯彻党的二十大精神，编制“十四五”规划中期评估报告。"),
    ("institute", "中船重工725所青岛分部落户蓝谷。"),
    ("anniversary", "隆重庆祝建党100周年。"),
    ("phone-numbers", "咨询电话：0532-88881234，服务热线12345。"),
    ("dates", "2023年3月15日，第一批项目集中开工。"),
    ("ordinals", "创新奇智成为国内“AI+制造”第一股，二十八中新校区启用。"),
    ("slogans", "全力当好“三个排头兵”，抓牢“五条战线”，落实“四个全面”。"),
    ("eight-rules", "严格落实中央八项规定精神。"),
    ("boilerplate", "欢迎投稿，版权所有，联系电话 400-123-4567，本站已收录1200篇文章。"),
    ("size-words", "规划建设17个千亩园区和千万千瓦级基地。"),
]


@pytest.mark.parametrize(
    "text", [c[1] for c in NOT_FIGURES[:-1]], ids=[c[0] for c in NOT_FIGURES[:-1]]
)
def test_names_dates_and_furniture_are_not_figures(registry: Registry, text: str) -> None:
    assert read(text, registry) == []


def test_size_words_are_not_figures_but_counts_are(registry: Registry) -> None:
    # 17个 counts parks; 千亩 and 千万千瓦 say how big each is.
    assert [c.value for c in read(NOT_FIGURES[-1][1], registry)] == ["17个"]


def test_list_markers_are_not_figures(registry: Registry) -> None:
    claims = read("①全区生产总值增长6%；②固定资产投资增长8%。", registry)
    assert [(c.value, c.metric) for c in claims] == [("6%", "地区生产总值"), ("8%", "固定资产投资")]


# --------------------------------------------------------------------------- structure


def test_subset_of_a_total_across_a_semicolon_list(registry: Registry) -> None:
    text = (
        "2023年，全区实现地区生产总值1520.3亿元，比上年增长6.1%。"
        "其中，第一产业增加值45.6亿元，增长3.2%；第二产业增加值612.8亿元，增长5.9%。"
    )
    claims = read(text, registry)
    total = claims[0]
    parts = {c.value: c.part_of for c in claims[2:]}
    assert parts == {"45.6亿元": total.id, "3.2%": None, "612.8亿元": total.id, "5.9%": None}
    # The year carries over from the first sentence.
    assert {c.period for c in claims} == {"2023"}
    assert len(claims) == 6


def test_subset_picks_a_total_in_the_same_unit(registry: Registry) -> None:
    claims = read("建成口袋公园30处，新增城镇就业2.3万人，其中高校毕业生就业1.1万人。", registry)
    by_value = {c.value: c for c in claims}
    assert by_value["30处"].metric == "口袋公园数量"
    assert by_value["1.1万人"].part_of == by_value["2.3万人"].id
    assert by_value["1.1万人"].metric == "高校毕业生就业人数"


def test_a_level_is_a_scope_unless_the_metric_is_named_by_it() -> None:
    shipped = load_registry(Path(__file__).resolve().parents[1] / "rules")
    # 已开工市级攻坚项目104个 is the 市级 part of the review's 195, not the 195 itself.
    (projects,) = read("全区已开工市级攻坚项目104个。", shipped)
    assert (projects.metric, projects.scope) == ("城市更新项目数量", "市级")
    (platforms,) = read("全区拥有市级以上创新平台68个。", shipped)
    assert (platforms.metric, platforms.scope) == ("创新平台数量", "市级以上")
    # 新认定市级智能工厂…: the level is part of the metric's name.
    (factories,) = read("新认定市级智能工厂、数字化车间、自动化生产线项目4个。", shipped)
    assert "市级" in factories.metric
    assert factories.scope is None


def test_a_part_of_its_wholes_metric_takes_its_level_as_scope() -> None:
    # Without 市级/区级 the parts would be keyed as the 195 itself. (The shipped registry
    # knows 攻坚项目 as 城市更新项目数量.)
    shipped = load_registry(Path(__file__).resolve().parents[1] / "rules")
    claims = read("全区已开工攻坚项目195个，其中104个市级攻坚项目、区级攻坚项目91个。", shipped)
    assert [(c.value, c.metric, c.scope, c.part_of) for c in claims] == [
        ("195个", "城市更新项目数量", None, None),
        ("104个", "城市更新项目数量", "市级", claims[0].id),
        ("91个", "城市更新项目数量", "区级", claims[0].id),
    ]


def test_exports_part_of_trade_and_growth_is_the_parts(registry: Registry) -> None:
    claims = read("全年进出口总额312.7亿元，其中出口总额201.3亿元，增长12.4%。", registry)
    assert [(c.value, c.metric, c.part_of) for c in claims] == [
        ("312.7亿元", "进出口总额", None),
        ("201.3亿元", "出口总额", claims[0].id),
        ("12.4%", "出口总额", None),
    ]


def test_unknown_metric_is_kept_as_written_and_flagged(registry: Registry) -> None:
    (claim,) = read("全区建成智慧停车场12处。", registry)
    assert claim.metric == "智慧停车场数量"
    assert dict(claim.extra) == {"unresolved_metric": True}
    known = read("全区建成口袋公园12处。", registry)[0]
    assert "unresolved_metric" not in dict(known.extra)
    assert claim.confidence is not None
    assert known.confidence is not None
    assert claim.confidence < known.confidence


def test_share_without_denominator_is_flagged(registry: Registry) -> None:
    (claim,) = read("全区研发人员占比达到12.5%。", registry)
    assert claim.measure == "share"
    assert claim.of is None
    assert dict(claim.extra)["unresolved_of"] is True


def test_company_named_before_is_the_subject_of_that_enterprise(registry: Registry) -> None:
    text = "即发集团建成数字化纺纱工厂。目前，该企业年产能可达5万锭。全区规上工业企业达到650家。"
    claims = read(text, registry)
    assert [(c.value, c.subject) for c in claims] == [
        ("5万锭", "青岛即发集团股份有限公司"),
        ("650家", "即墨区"),
    ]


def test_examples_before_etc_are_not_the_subject(registry: Registry) -> None:
    (claim,) = read("即发集团、海尔等12家企业入选省级单项冠军。", registry)
    assert claim.subject == "即墨区"


@pytest.mark.parametrize(
    ("region", "city"),
    [
        ("即墨区", "青岛市"),  # a district's report: 全市 is the city it lies in
        ("青岛市", "青岛市"),  # the city's own report: 全市 is the region itself
        ("莱阳市", "莱阳市"),  # a county-level city the registry does not know
    ],
)
def test_quanshi_is_the_city_the_region_is_or_lies_in(
    registry: Registry, region: str, city: str
) -> None:
    (claim,) = read("全市地区生产总值增长6%。", registry, region=region)
    assert claim.subject == city


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # The examples' count is of those that did what the clause says, not the total.
        ("推动恒泰机械等10家企业与树根互联等十大双跨平台结对改造。", "恒泰机械等"),
        ("海尔、海信等20家高新技术企业参加展会。", "海尔、海信等"),
        ("创新奇智总部、华为科技城等156个重点项目相继落地。", "华为科技城等"),
        # Where the clause says nothing more, or names the metric by its verb, no scope.
        ("全区拥有海尔、海信等120家企业。", None),
        ("日辰食品、森麒麟等5家企业成功上市。", None),
    ],
)
def test_a_count_of_listed_examples_is_kept_apart(
    registry: Registry, text: str, scope: str | None
) -> None:
    (claim,) = read(text, registry, date="2021-02")
    assert claim.scope == scope


@pytest.mark.parametrize(
    ("text", "metric", "scope"),
    [
        # Some of the region's firms doing something: those that did, not all there are.
        ("全区20家高新技术企业参加广交会。", "高新技术企业数量", "参加广交会"),
        ("15家企业入选省级专精特新名单。", "企业数量", "入选省级专精特新名单"),
        # All of them, in a bulletin's words: no scope.
        ("全区共有高新技术企业650家。", "高新技术企业数量", None),
        ("全区650家高新技术企业实现营业收入。", "高新技术企业数量", None),
        # A kind of firm the registry only names as 企业: the kind is the scope.
        ("全区外贸备案企业1200家。", "企业数量", "外贸备案"),
        ("新材料企业85家，实现产值120亿元。", "企业数量", "新材料"),
        # Words that say what happened to them, or that name all of them, are not a kind.
        ("全区各类企业5200家。", "企业数量", None),
        ("其中新登记企业1386户。", "企业数量", None),
    ],
)
def test_a_count_of_some_of_a_kind_is_kept_apart_from_the_total(
    registry: Registry, text: str, metric: str, scope: str | None
) -> None:
    claim = read(text, registry, date="2024-10")[0]
    assert (claim.metric, claim.scope) == (metric, scope)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # What accrues since January is a bulletin's 1—9月 (2024Q1-Q3), 1—6月 (2024H1) …
        ("截至9月末，全区实际使用外资3.2亿美元。", "2024Q1-Q3"),
        ("截至6月底，全区进出口总额186.3亿元。", "2024H1"),
        ("截至8月末，全区进出口总额150.2亿元。", "2024-01..2024-08"),
        ("截至9月末，全区固定资产投资增长5.2%。", "2024Q1-Q3"),
        # … a balance or a count is the stock at the month's end, as 9月末 is.
        ("截至9月末，全区存款余额1250.6亿元。", "2024-09"),
        ("截至9月末，全区市场主体12.5万户。", "2024-09"),
        # A day within a month is not a month's total.
        ("截至9月15日，全区实际使用外资2.1亿美元。", "2024-09-15"),
    ],
)
def test_a_flow_up_to_a_months_end_is_the_total_since_january(
    registry: Registry, text: str, period: str
) -> None:
    (claim,) = read(text, registry, date="2024-10")
    assert claim.period == period


@pytest.mark.parametrize(
    "heading",
    [
        "# 松岭县2024年上半年经济运行情况",
        "松岭县2024年上半年经济运行情况",
        "# 经济运行",
        "松岭县2024年1—6月经济运行简况",
    ],
)
def test_a_heading_is_not_joined_to_the_paragraph_below(registry: Registry, heading: str) -> None:
    # Joined, the heading would open the paragraph, and 上半年 would no longer frame the
    # sections after 分产业看: 15.2亿元 would be read as the whole year's.
    text = f"{heading}\n\n上半年，全区地区生产总值186.4亿元。分产业看，第一产业增加值15.2亿元。\n"
    assert [c.period for c in read(text, registry, date="2024-07")] == ["2024H1", "2024H1"]


@pytest.mark.parametrize("number", ["二、", "（二）", "2."])
def test_a_section_title_run_into_its_paragraph_does_not_break_its_frame(
    registry: Registry, number: str
) -> None:
    # 1—6月 opens the section's first sentence: it frames the sentences after it. Read as the
    # whole year's, 208.5亿元 in a July release was a target for 2024.
    text = f"{number}工业。1—6月，全县规上工业增加值增长7.2%。规上工业企业实现营业收入208.5亿元。\n"
    periods = [(c.period, c.status) for c in read(text, registry, date="2024-07")]
    assert periods == [("2024H1", "actual"), ("2024H1", "actual")]


def test_no_region_leaves_the_subject_open(registry: Registry) -> None:
    (claim,) = extract("全区生产总值增长6%。", "2024-02", None, registry=registry)
    assert claim.subject is None


def test_date_forms(registry: Registry) -> None:
    for date in ("2024-02", "2024-02-20", dt.date(2024, 2, 20)):
        (claim,) = extract("今年生产总值增长6%左右。", date, "即墨区", registry=registry)
        assert claim.period == "2024"
    with pytest.raises(ValueError, match="日期"):
        extract("今年生产总值增长6%。", "二月", "即墨区", registry=registry)


# --------------------------------------------------------------------------- locators


def test_line_column_offsets_and_quote_on_wrapped_text(registry: Registry) -> None:
    text = "全区规上工业增加\n值增长7.2%，\n全年社会消费品零\n售总额856.4亿元。\n"
    first, second = read(text, registry)
    assert (first.value, first.metric, first.line, first.column) == ("7.2%", "规上工业增加值", 2, 4)
    assert text[first.start : first.end] == "7.2%"
    assert (second.value, second.metric, second.line, second.column) == (
        "856.4亿元",
        "社会消费品零售总额",
        4,
        4,
    )
    assert text[second.start : second.end] == "856.4亿元"
    assert second.quote == "售总额856.4亿元"  # the clause, clipped to the figure's line


def test_spaced_figure_offsets_cover_the_printed_text(registry: Registry) -> None:
    text = "全年外贸进出口总额 3 1 2 . 7 亿元。"
    (claim,) = read(text, registry)
    assert text[claim.start : claim.end] == "3 1 2 . 7 亿元"
    assert claim.value == "312.7亿元"
    assert parse_quantity(claim.value).nominal == parse_quantity("312.7亿元").nominal


def test_ids_are_unique_and_name_the_line(registry: Registry) -> None:
    claims = read("生产总值增长6%，固定资产投资增长8%。\n社零增长5%。", registry)
    assert [c.id for c in claims] == ["l1-1", "l1-2", "l2-1"]


# --------------------------------------------------------------------------- output and CLI


def test_yaml_is_the_corpus_format(registry: Registry) -> None:
    claims = read("2023年，全区海洋生产总值达280亿元、同比增长6.5%，占全区GDP的35.2%。", registry)
    document = document_for(
        "即墨-draft.md", "2024-02", "即墨区", text="\n即墨区政府工作报告（草稿）\n正文"
    )
    data = yaml.safe_load(claims_to_yaml(document, claims))
    assert data["document"] == {
        "id": "draft",
        "title": "即墨区政府工作报告（草稿）",
        "published": "2024-02",
        "region": "即墨区",
        "source": "即墨-draft.md",
    }
    first, _growth, share = data["claims"]
    assert "subject" not in first  # the region is the default subject
    assert first["period"] == "2023"
    assert share["of"] == {"metric": "地区生产总值"}
    assert share["measure"] == "share"


def test_write_claims_refuses_to_replace_without_force(registry: Registry, tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("keep me", encoding="utf-8")
    document = document_for("d.txt", "2024-02", "即墨区")
    claims = read("全区生产总值增长6%。", registry)
    with pytest.raises(FileExistsError):
        write_claims(target, document, claims)
    assert target.read_text(encoding="utf-8") == "keep me"
    write_claims(target, document, claims, force=True)
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["claims"][0]["value"] == "6%"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml"]  # no temporary file left


def test_cli_extract_prints_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("2023年，全区生产总值增长6.1%。", encoding="utf-8")
    assert main(["extract", str(draft), "--date", "2024-02", "--region", "即墨区"]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["claims"][0]["value"] == "6.1%"
    assert data["claims"][0]["measure"] == "yoy"


def test_cli_extract_output_file_and_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("全区生产总值增长6.1%。", encoding="utf-8")
    out = tmp_path / "claims.yaml"
    assert main(["extract", str(draft), "-o", str(out), "--date", "2024-02"]) == 0
    assert main(["extract", str(draft), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["extract", str(draft), "-o", str(out), "--force"]) == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "找不到文件"),
        ("gbk.txt", "全区生产总值增长6%".encode("gbk"), "不是 UTF-8"),
    ],
)
def test_cli_extract_bad_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert name in err
    assert "Traceback" not in err


def test_cli_extract_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("全区生产总值增长6%。", encoding="utf-8")
    assert main(["extract", str(draft), "--date", "明年"]) == 2
    assert "日期" in capsys.readouterr().err


# --------------------------------------------------------------------------- regressions


def test_magnitude_alone_after_break_through_reads_as_one() -> None:
    # 突破万吨 is 1万吨 at least (quantity.py reads a bare magnitude after a qualifier).
    figure = parse_quantity("突破万吨")
    assert figure.low_value == 1
    assert figure.high_value is None


def test_a_month_the_calendar_does_not_have_is_read_as_no_period():
    # Found by the report-text property: "0月0处" crashed the reader with a ValueError.
    # The figure is still read, in the period a text with no time phrase gets.
    (claim,) = extract("0月0处", "2024-02", "即墨区")
    (plain,) = extract("共0处", "2024-02", "即墨区")
    assert (claim.value, claim.period) == ("0处", plain.period)
