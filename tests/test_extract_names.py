"""How the extractor names what a figure counts, and whose it is: one sentence per construct.

The sentences are written for these tests in the style of 政府工作报告 and news features; none
is taken from the seed texts. The registry below is as small as the constructs need, so that
each assertion shows which words the name was read from.
"""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.claims import Claim
from factcheck.extract import extract
from factcheck.registry import Registry, load_registry

METRICS = """
地区生产总值: {aliases: [生产总值, GDP], unit: 元, basis: real}
第三产业增加值: {aliases: [服务业增加值], unit: 元, basis: real}
工业增加值: {unit: 元, basis: real}
高新技术企业数量: {aliases: [高新技术企业], unit: 家}
专精特新企业数量: {aliases: [专精特新企业], unit: 家}
企业数量: {unit: 家}
绿色工厂数量: {aliases: [绿色工厂], unit: 家}
美丽河湖数量: {unit: 条}
新上市企业数量: {aliases: [成功上市企业], unit: 家}
上市企业数量: {aliases: [上市企业], unit: 家}
上云用云企业数量: {unit: 家}
拿地即开工服务项目数量: {unit: 个}
脱贫人口数量: {aliases: [贫困人口脱贫], unit: 人}
重点项目数量: {aliases: [重点项目, 重点产业项目], unit: 个}
竣工投产重点项目数量: {unit: 个}
重点项目总投资: {aliases: [重点产业项目总投资], unit: 元}
城建项目总投资: {unit: 元}
整车项目数量: {unit: 个}
实际到账外资: {aliases: [到账外资], unit: 美元}
实际到账内资: {aliases: [到账内资], unit: 元}
PM10浓度改善率: {aliases: [PM10改善率], unit: '%'}
PM2.5浓度改善率: {aliases: [PM2.5改善率], unit: '%'}
审批时限压缩幅度: {unit: '%'}
充电桩数量: {aliases: [公共充电桩], unit: 个}
乡村振兴示范片区数量: {aliases: [乡村振兴示范片区], unit: 个}
海洋产业板块数量: {unit: 个}
光伏装机容量: {aliases: [光伏发电装机容量], unit: 千瓦}
项目建设周期: {aliases: [建设周期], unit: 个月}
碳纤维产能: {unit: 吨}
科研院所数量: {aliases: [科研院所], unit: 家}
研发机构数量: {aliases: [研发机构], unit: 家}
高层次人才数量: {aliases: [高层次人才], unit: 人}
开发区数量: {aliases: [开发区], unit: 个}
核酸检测人数: {aliases: [核酸检测], unit: 人}
货物吞吐量: {unit: 吨}
物流园区数量: {aliases: [物流园区], unit: 个}
审批事项数: {aliases: [审批事项], unit: 项}
5G基站数量: {aliases: [5G基站], unit: 座}
工业产值: {unit: 元}
"""

SUBJECTS = """
全国: {kind: region}
山东省: {kind: region, parent: 全国}
青岛市: {kind: region, parent: 山东省, aliases: [青岛]}
即墨区: {kind: region, parent: 青岛市, aliases: [即墨]}
青岛即发集团股份有限公司: {kind: company, parent: 即墨区, aliases: [即发集团, 即发]}
青岛高新区: {kind: park, parent: 青岛市, aliases: [高新区]}
国际陆港: {kind: park, parent: 即墨区}
华东物流园: {kind: park, parent: 国际陆港}
港城物流园: {kind: park, parent: 国际陆港}
海洋产业: {kind: industry, aliases: [涉海产业]}
"""


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    (rules / "subjects.yaml").write_text(SUBJECTS, encoding="utf-8")
    return load_registry(rules)


def read(text: str, registry: Registry, date: str = "2024-02") -> list[Claim]:
    return extract(text, date, "即墨区", document="t", registry=registry)


CASES: list[tuple[str, str, dict[str, dict[str, Any]]]] = [
    # ----------------------------------------------------------- what is said of the counted
    (
        "become-object",
        "今年，8家企业入选国家级绿色工厂，5条河流获评市级美丽河湖。",
        {"8家": {"metric": "绿色工厂数量"}, "5条": {"metric": "美丽河湖数量"}},
    ),
    (
        "predicate-names-the-count",
        "全年3家企业成功上市，带动120家企业上云用云。",
        {"3家": {"metric": "新上市企业数量"}, "120家": {"metric": "上云用云企业数量"}},
    ),
    (
        "service-provided",
        "已为23个项目提供了“拿地即开工”服务。",
        {"23个": {"metric": "拿地即开工服务项目数量"}},
    ),
    (
        "verb-after-the-list",
        "2000名贫困人口和15个贫困村全部脱贫。",
        {"2000名": {"metric": "脱贫人口数量"}},
    ),
    (
        "verb-of-the-next-figure",
        "全区90个重点产业项目全部开工、竣工投产30个。",
        {"90个": {"metric": "重点项目数量"}, "30个": {"metric": "竣工投产重点项目数量"}},
    ),
    (
        "modifier-before-the-noun",
        "全市8个在建的整车项目3个在即墨区。",
        {
            "8个": {"metric": "整车项目数量", "subject": "青岛市"},
            "3个": {"metric": "整车项目数量", "subject": "即墨区"},
        },
    ),
    # ----------------------------------------------------------- names shared across a list
    (
        "parallel-head",
        "全年吸收到账外资5.1亿美元、内资210亿元。",
        {"5.1亿美元": {"metric": "实际到账外资"}, "210亿元": {"metric": "实际到账内资"}},
    ),
    (
        "owner-after-de",
        "推进总投资800亿元的95个重点产业项目、总投资60亿元的40个城建项目。",
        {"800亿元": {"metric": "重点项目总投资"}, "60亿元": {"metric": "城建项目总投资"}},
    ),
    (
        "total-after-examples",
        "市级以上绿色工厂等总数达到58家。",
        {"58家": {"metric": "绿色工厂数量"}},
    ),
    (
        "head-shared-by-a-pair",
        "PM10、PM2.5改善率分别达到20.1%和25.3%。",
        {"20.1%": {"metric": "PM10浓度改善率"}, "25.3%": {"metric": "PM2.5浓度改善率"}},
    ),
    (
        "head-named-earlier",
        "实施乡村振兴示范片区建设，3个片区率先突破。",
        {"3个": {"metric": "乡村振兴示范片区数量"}},
    ),
    (
        "industry-as-topic",
        "涉海产业，培育装备、生物、文旅三大板块。",
        {"三个": {"metric": "海洋产业板块数量"}},
    ),
    # ----------------------------------------------------------- endings by unit
    (
        "percent-cut",
        "审批时限压缩50%以上。",
        {"50%以上": {"metric": "审批时限压缩幅度", "measure": "level"}},
    ),
    (
        "power-capacity",
        "新建150兆瓦光伏发电项目。",
        {"150兆瓦": {"metric": "光伏装机容量"}},
    ),
    (
        "duration",
        "历时10个月建设，新厂区全面投用。",
        {"10个月": {"metric": "项目建设周期"}},
    ),
    (
        "tonnage-capacity",
        "年产5000吨碳纤维生产线建成投产。",
        {"5000吨": {"metric": "碳纤维产能", "status": "capacity"}},
    ),
    # ----------------------------------------------------------- measures
    (
        "new-carries-over-a-bare-clause",
        "2023年新增高新技术企业50家，专精特新企业20家。",
        {
            "50家": {"measure": "change"},
            "20家": {"measure": "change", "metric": "专精特新企业数量"},
        },
    ),
    (
        "added-is-new",
        "2023年增设公共充电桩500个。",
        {"500个": {"measure": "change", "metric": "充电桩数量"}},
    ),
    (
        "sector-share",
        "2023年服务业占比达到55%，工业占比为38%。",
        {
            "55%": {"metric": "第三产业增加值", "measure": "share"},
            "38%": {"metric": "工业增加值", "measure": "share"},
        },
    ),
    # ----------------------------------------------------------- subjects
    (
        "topic-sentence-carries",
        "五年来，我们坚持创新驱动，高新区创新高地加速崛起。集聚研发机构120家、高层次人才800人。"
        "我们坚持民生优先，新建5G基站900座。",
        {
            "120家": {"subject": "青岛高新区"},
            "800人": {"subject": "青岛高新区"},
            "900座": {"subject": "即墨区"},
        },
    ),
    (
        "examples-that-are-not-registered",
        "在高新区集聚中科院海洋所等30余家科研院所。",
        {"30余家": {"subject": "青岛高新区", "metric": "科研院所数量"}},
    ),
    (
        "company-examples-keep-the-region",
        "即发集团入选省百强，甲公司、乙公司等6家企业成功上市。",
        {"6家": {"subject": "即墨区"}},
    ),
    (
        "relative-word-owns-the-figure-after-it",
        "综合实力居全省95个开发区第三位。",
        {"95个": {"subject": "山东省"}},
    ),
    (
        "when-is-not-who",
        "在青岛发生疫情后，3天内完成80万人核酸检测。",
        {"80万人": {"subject": "即墨区", "metric": "核酸检测人数"}},
    ),
    (
        "speaker",
        "“今年我们已办理审批事项260项。”即发集团有关负责人说。",
        {"260项": {"subject": "青岛即发集团股份有限公司", "metric": "审批事项数"}},
    ),
    (
        "name-then-predicate-is-not-a-list",
        "即发集团当年落户、当年开工，年产值达到20亿元。",
        {"20亿元": {"subject": "青岛即发集团股份有限公司"}},
    ),
    (
        "parks-listed-before-their-tonnage",
        "华东物流园、港城物流园两大物流园区完成货物吞吐量300万吨。",
        {"两个": {"subject": "即墨区"}, "300万吨": {"subject": "国际陆港"}},
    ),
    # ----------------------------------------------------------- status
    (
        "goal-as-object-is-not-a-target",
        "我们紧紧围绕全年发展目标，新建5G基站800座。",
        {"800座": {"status": "actual"}},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_names_and_subjects(
    registry: Registry, text: str, expected: dict[str, dict[str, Any]]
) -> None:
    claims = {c.value: c for c in read(text, registry)}
    for value, fields in expected.items():
        assert value in claims, (value, sorted(claims))
        got = {name: getattr(claims[value], name) for name in fields}
        assert got == fields, (value, got)
