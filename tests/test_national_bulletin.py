"""The shipped national-accounts rules on a real bulletin: 国家统计局《中华人民共和国2023年国民经济
和社会发展统计公报》 (2024-02-29), its headline figures as printed.

Hand checks: 89755 + 482589 + 688238 = 1260582 (亿元); 7.1 + 38.3 + 54.6 = 100 (%);
237726 + 179842 = 417568 (亿元); 21691 ≤ 39218 ≤ 51821 (元); 181129 ≤ 216784; 工业 399103 and
建筑业 85691 each ≤ 第二产业 482589 (亿元); 93267 / 140967 = 66.16 % (城镇化率); 6.39 − 7.87
= −1.48 (‰, 自然增长率); 夏粮 14615 + 早稻 2834 + 秋粮 52092 = 69541 (万吨); 粮食 69541万吨 on
118969千公顷 is 6.9541e8 t / 1.18969e8 ha = 5.8453 t/ha, the printed 5845公斤/公顷; 人均GDP
89358 元 against 1260582亿 / 140967万 = 89425 元/人 (the bulletin divides by the year's average
population, (141175 + 140967) / 2 万, which gives its 89358); 社会消费品零售总额 471495 =
城镇 407490 + 乡村 64005 = 商品零售 418605 + 餐饮收入 52890 (亿元); 城乡居民人均可支配收入比值 2.39
against 51821 / 21691 = 2.389; 出生人口 902万 / 140967万 = 6.399 ‰ (出生率 6.39 ‰) and 死亡人口
1110万 / 140967万 = 7.874 ‰ (死亡率 7.87 ‰), the bulletin again dividing by the year's average.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import check, load_rules
from factcheck.claims import Claim, Document
from factcheck.registry import load_registry
from factcheck.testing import ClaimSet, corpus_of

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "rules")
BULLETIN = Document(
    id="natl-2023-bulletin",
    title="中华人民共和国2023年国民经济和社会发展统计公报",
    publisher="国家统计局",
    published="2024-02-29",
    region="全国",
)
FIGURES = {
    # id: (metric, value, measure)
    "gdp": ("地区生产总值", "1260582亿元", "level"),
    "gdp-per-capita": ("人均地区生产总值", "89358元", "level"),
    "va1": ("第一产业增加值", "89755亿元", "level"),
    "va2": ("第二产业增加值", "482589亿元", "level"),
    "va3": ("第三产业增加值", "688238亿元", "level"),
    "va1-share": ("第一产业增加值", "7.1%", "share"),
    "va2-share": ("第二产业增加值", "38.3%", "share"),
    "va3-share": ("第三产业增加值", "54.6%", "share"),
    "industry": ("工业增加值", "399103亿元", "level"),
    "construction": ("建筑业增加值", "85691亿元", "level"),
    "trade": ("进出口总额", "417568亿元", "level"),
    "retail": ("社会消费品零售总额", "471495亿元", "level"),
    "retail-urban": ("城镇消费品零售额", "407490亿元", "level"),
    "retail-rural": ("乡村消费品零售额", "64005亿元", "level"),
    "retail-goods": ("商品零售额", "418605亿元", "level"),
    "catering": ("餐饮收入", "52890亿元", "level"),
    "exports": ("出口总额", "237726亿元", "level"),
    "imports": ("进口总额", "179842亿元", "level"),
    "income": ("居民人均可支配收入", "39218元", "level"),
    "income-urban": ("城镇居民人均可支配收入", "51821元", "level"),
    "income-rural": ("农村居民人均可支配收入", "21691元", "level"),
    "income-ratio": ("城乡居民收入比", "2.39", "level"),
    "revenue": ("一般公共预算收入", "216784亿元", "level"),
    "tax": ("税收收入", "181129亿元", "level"),
    "population": ("常住人口", "140967万人", "level"),
    "urban-population": ("城镇常住人口", "93267万人", "level"),
    "urbanisation": ("城镇化率", "66.16%", "level"),
    # Extracted from text, a ‰ figure is a rate (claims/README.md); curated, often a level.
    # Either way it is the metric's own value and the rules find it.
    "births": ("出生人口", "902万人", "level"),
    "deaths": ("死亡人口", "1110万人", "level"),
    "birth-rate": ("出生率", "6.39‰", "rate"),
    "death-rate": ("死亡率", "7.87‰", "level"),
    "natural-growth": ("自然增长率", "-1.48‰", "level"),
    "grain": ("粮食总产量", "69541万吨", "level"),
    "summer-grain": ("夏粮产量", "14615万吨", "level"),
    "autumn-grain": ("秋粮产量", "52092万吨", "level"),
    "early-rice": ("早稻产量", "2834万吨", "level"),
    "grain-area": ("粮食播种面积", "118969千公顷", "level"),
    "grain-yield": ("粮食单产", "5845公斤/公顷", "rate"),
}


def _bulletin(**changed: str) -> ClaimSet:
    claims = []
    for cid, (metric, value, measure) in FIGURES.items():
        value = changed.get(cid, value)
        extra = {"of": {"metric": "地区生产总值"}} if measure == "share" else {}
        claims.append(
            Claim(
                id=cid,
                document=BULLETIN.id,
                subject="全国",
                metric=metric,
                period="2023",
                measure=measure,
                value=value,
                quote=f"{metric}{value}",
                **extra,
            )
        )
    return ClaimSet(BULLETIN, tuple(claims), {})


@pytest.fixture(scope="module")
def rules():
    return load_rules(ROOT / "rules", REGISTRY)


def test_the_bulletin_as_printed_raises_nothing(rules):
    report = check(corpus_of([_bulletin()], REGISTRY), rules)
    assert report.findings == ()
    # Every figure took part in a check (each is in at least one identity).
    assert report.coverage.unchecked == ()


def test_a_secondary_industry_figure_off_by_589_yi_breaks_the_identity_and_its_share(rules):
    # 89755 + 482000 + 688238 = 1259993 against 1260582: 589亿元 short, beyond any rounding.
    # The share 482000 / 1260582 = 38.236% misses 38.3% → [38.25, 38.35] strictly; 482000
    # may be rounded to the thousand ([481500, 482500] → [38.197%, 38.276%]): a warning.
    report = check(corpus_of([_bulletin(va2="482000亿元")], REGISTRY), rules)
    found = {
        (f.code, f.severity, f.rule) for f in report.findings if "va2" in {c.id for c in f.claims}
    }
    assert ("FC401", "error", "gdp-three-industries") in found
    assert ("FC201", "warning", None) in found
    assert report.errors == 1


def test_urban_income_printed_below_the_average_is_an_error(rules):
    # 38000 → [37999.5, 38000.5] (lenient [37500, 38500]) is below the all-residents 39218:
    # the average of urban and rural incomes cannot exceed the urban one.
    # It also breaks the ratio of incomes: 38000 / 21691 = 1.752, not 2.39.
    report = check(corpus_of([_bulletin(**{"income-urban": "38000元"})], REGISTRY), rules)
    between, ratio = sorted(report.findings, key=lambda f: f.rule or "")
    assert (between.code, between.severity, between.rule) == (
        "FC401",
        "error",
        "income-between-rural-and-urban",
    )
    assert {c.id for c in between.claims} == {"income", "income-urban"}
    assert (ratio.severity, ratio.rule) == ("error", "urban-rural-income-ratio")
    assert {c.id for c in ratio.claims} == {"income-urban", "income-rural", "income-ratio"}


@pytest.mark.parametrize(
    ("changed", "rule"),
    [
        # 93267 / 140967 = 66.16 %: 67.16 % is a point off.
        ({"urbanisation": "67.16%"}, "urbanisation-rate"),
        # 6.39 − 7.87 = −1.48 ‰, not −0.48 ‰.
        ({"natural-growth": "-0.48‰"}, "natural-growth-identity"),
        # The birth rate printed as a rate still meets the rule: 5.39 − 7.87 = −2.48 ≠ −1.48.
        # (It also falls short of 902万 / 140967万 × 0.95 = 6.079 ‰: a warning, below.)
        ({"birth-rate": "5.39‰"}, "natural-growth-identity"),
        # 14615 + 62092 = 76707 > 69541, and with 早稻 79541 ≠ 69541.
        ({"autumn-grain": "62092万吨"}, {"grain-seasons-within-total", "grain-seasons-sum"}),
        # 14615 + 3834 + 52092 = 70541 ≠ 69541.
        ({"early-rice": "3834万吨"}, "grain-seasons-sum"),
        # 6.9541e8 t / 1.18969e8 ha = 5845 kg/ha, not 5945; on 128969千公顷 it would be 5392.
        ({"grain-yield": "5945公斤/公顷"}, "grain-yield"),
        ({"grain-area": "128969千公顷"}, "grain-yield"),
        # 407490 + 65005 = 472495 ≠ 471495; 418605 + 51890 = 470495 ≠ 471495.
        ({"retail-rural": "65005亿元"}, "retail-by-location"),
        ({"catering": "51890亿元"}, "retail-by-kind"),
        # 51821 / 21691 = 2.389, not 2.49 (nor 2.29).
        ({"income-ratio": "2.49"}, "urban-rural-income-ratio"),
        ({"income-ratio": "2.29"}, "urban-rural-income-ratio"),
    ],
)
def test_population_and_grain_identities(rules, changed, rule):
    report = check(corpus_of([_bulletin(**changed)], REGISTRY), rules)
    broken = {rule} if isinstance(rule, str) else rule
    warned = {"birth-rate-not-below"} if "birth-rate" in changed else set()
    assert {(f.code, f.severity, f.rule) for f in report.findings} == {
        ("FC401", "error", r) for r in broken
    } | {("FC401", "warning", r) for r in warned}


def test_a_per_mille_rule_is_printed_in_per_mille_with_chinese_labels(rules):
    # 6.39 − 7.87 = −1.48 ‰ against the −0.48 ‰ printed: the message shows the report's unit.
    # As printed, 6.39 is [6.385, 6.395] and 7.87 is [7.865, 7.875]: the difference is
    # [6.385 − 7.875, 6.395 − 7.865] = [−1.49, −1.47].
    from factcheck.render import RenderOptions, render

    report = check(corpus_of([_bulletin(**{"natural-growth": "-0.48‰"})], REGISTRY), rules)
    (finding,) = report.findings
    assert "左边 [-0.485, -0.475]‰，右边 [-1.49, -1.47]‰" in finding.message
    text = render(report, "text", RenderOptions())
    assert "  左边 [-0.485, -0.475]‰  右边 [-1.49, -1.47]‰" in text


@pytest.mark.parametrize(
    ("printed", "rule"),
    [
        # 1260582亿 / 140967万 = 89425 元/人; 5 % either way is [84954, 93896].
        ("99358元", "per-capita-gdp-not-above"),
        ("79358元", "per-capita-gdp-not-below"),
    ],
)
def test_a_per_capita_gdp_far_from_gdp_over_population_is_a_warning(rules, printed, rule):
    report = check(corpus_of([_bulletin(**{"gdp-per-capita": printed})], REGISTRY), rules)
    (finding,) = report.findings
    assert (finding.code, finding.severity, finding.rule) == ("FC401", "warning", rule)
    assert {c.id for c in finding.claims} == {"gdp-per-capita", "gdp", "population"}
    # The ratio of 亿元 to 万人 is printed per person.
    assert "元/人" in finding.message


@pytest.mark.parametrize(
    ("changed", "rule"),
    [
        # 902万 / 140967万 = 6.399 ‰; 5 % either way is [6.079, 6.719] ‰.
        ({"birth-rate": "7.39‰"}, "birth-rate-not-above"),
        # 1002万 / 140967万 = 7.108 ‰, whose 95 % (6.753 ‰) is above the 6.39 ‰ printed.
        ({"births": "1002万人"}, "birth-rate-not-below"),
        # 1110万 / 140967万 = 7.874 ‰; 5 % either way is [7.480, 8.268] ‰.
        ({"death-rate": "8.87‰"}, "death-rate-not-above"),
        ({"deaths": "1310万人"}, "death-rate-not-below"),  # 9.293 ‰ × 0.95 = 8.83 ‰ > 7.87 ‰
    ],
)
def test_a_birth_or_death_rate_far_from_its_count_over_population_is_a_warning(
    rules, changed, rule
):
    # The rate is of the year's average population, which the bulletin does not print: the
    # year-end figure stands in for it within 5 %, and beyond that the rule only warns.
    report = check(corpus_of([_bulletin(**changed)], REGISTRY), rules)
    (finding,) = (f for f in report.findings if f.rule == rule)
    assert (finding.code, finding.severity) == ("FC401", "warning")
    assert set(changed) <= {c.id for c in finding.claims}
    # Both sides in the rate's ‰ (the ratio of two counts of people was printed in %).
    assert re.search(r"左边 \[[\d.]+, [\d.]+\]‰，右边 \[[\d.]+, [\d.]+\]‰", finding.message)


def test_a_ratio_of_incomes_is_printed_as_a_bare_number(rules):
    # 51821 / 21691 = 2.38905 (either side's rounding moves it by under 0.0001), printed to
    # four digits; the 2.49 printed is [2.485, 2.495]. Neither side is a percentage.
    report = check(corpus_of([_bulletin(**{"income-ratio": "2.49"})], REGISTRY), rules)
    (finding,) = report.findings
    assert "左边 2.389，右边 [2.485, 2.495]；" in finding.message
