"""The shipped corpus, checked by hand.

Every finding the engine reports on the five seed documents is listed here with the
pencil-and-paper arithmetic that shows it is right, and so are the derived figures the issue
names. Bounds are the strict readings of the printed figures: 345亿元 is [344.5, 345.5] 亿元.

The complete list of findings on the shipped corpus (claims/ with rules/):

1. FC202 warning — 国际陆港 tonnage. 2022: 600万吨 → strict [599.5, 600.5]; 2023: 突破1000万吨
   → [1000, ∞); stated growth 66% → [65.5, 66.5]%. Growth implied by the levels:
   1000 / 600.5 − 1 = 66.53% at the least, above 66.5%: inconsistent if 600 is exact.
   Lenient reading of 600 (last non-zero digit: [550, 650]): 1000 / 650 − 1 = 53.85% … ∞,
   which contains 66%. Consistent only if 600 was rounded → a warning, not an error.
2. FC103 info — 周戈庄新村 羊肚菌: 规划建设160亩 and 扩大种植规模至1000亩 are both targets
   the 2022 item states; 160 ≠ 1000, but two targets of different horizons are a plan that
   grows, not a contradiction → info.
3. FC301 info — 2023 新认定市级智能工厂…: target 15个以上 → [15, ∞); result 4个 → 4 (a count
   of projects is whole; as a bare interval [3.5, 4.5]); 4 < 15 → 未完成 (missed).
4. FC301 info — 2023 高新技术企业: target 突破700家 (stated twice in the plan, headline and
   body) → [700, ∞); result 突破600家 → [600, ∞): the result may or may not reach 700 →
   无法判定 (undecidable). One finding names the result and both printings of the target.

Nothing else: in particular no error. 2020 汽车产业产值突破千亿 and 2023 规上汽车产业产值突破700亿
have different periods and scopes, so they are never compared; 104 市级攻坚项目 (其中) is within
195 开工攻坚项目 and yields no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import check, load_corpus, load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report():
    rules = load_rules(ROOT / "rules")
    return check(load_corpus(ROOT / "claims", ROOT / "rules"), rules)


def claim_ids(finding) -> set[str]:
    return {c.id for c in finding.claims}


def derived(report, subject, metric, measure, period):
    found = [
        f
        for f in report.figures
        if f.derived
        and (f.subject, f.metric, f.measure, f.period) == (subject, metric, measure, period)
    ]
    assert found, f"{subject} {metric} {measure} {period} was not derived"
    return found[0]


def test_the_shipped_corpus_has_exactly_the_findings_listed_above(report):
    summary = sorted((f.code, f.severity) for f in report.findings)
    assert summary == [
        ("FC103", "info"),
        ("FC202", "warning"),
        ("FC301", "info"),
        ("FC301", "info"),
    ]
    assert report.errors == 0


def test_inland_port_growth_is_a_warning_because_600_may_be_rounded(report):
    (finding,) = [f for f in report.findings if f.code == "FC202"]
    assert finding.severity == "warning"
    assert claim_ids(finding) == {
        "inland-port-throughput-2023-yoy",  # 增速66%
        "inland-port-throughput-2023",  # 突破1000万吨
        "logistics-parks-throughput-2022",  # 600万吨
    }
    # 1000 / 600.5 − 1 = 0.66528 → "≥66.53%"; lenient 1000 / 650 − 1 = 0.53846 → "≥53.85%".
    assert "≥66.53%" in finding.message
    assert "≥53.85%" in finding.message


def test_high_tech_target_700_against_result_600_is_undecidable(report):
    (finding,) = [
        f for f in report.findings if f.code == "FC301" and f.metric == "高新技术企业数量"
    ]
    assert finding.severity == "info"
    # The plan states the target twice, in its headline and in its section: one comparison.
    assert claim_ids(finding) == {
        "high-tech-enterprises-2023",
        "high-tech-firms-2023-target-lead",
        "high-tech-firms-2023-target",
    }
    assert "（≥700家，该文档共 2 处）" in finding.message
    assert "无法判定" in finding.message


def test_smart_factory_target_was_missed(report):
    (finding,) = [f for f in report.findings if f.code == "FC301" and "智能工厂" in f.metric]
    assert "未完成" in finding.message  # 4个 < 15


def test_two_targets_of_different_horizons_are_only_a_note(report):
    (finding,) = [f for f in report.findings if f.code == "FC103"]
    assert finding.severity == "info"
    assert claim_ids(finding) == {"morel-area-expansion-target", "coop-morel-area-planned"}


def test_jimo_gdp_2024h1_implied_by_marine_output_and_its_share(report):
    # 345亿元 at 42.4% of GDP: GDP = part / share.
    # low  = 344.5 / 0.4245 = 811.543 亿元;  high = 345.5 / 0.4235 = 815.821 亿元.
    fig = derived(report, "即墨区", "地区生产总值", "level", "2024H1")
    assert fig.unit == "亿元"
    assert fig.low == pytest.approx(811.543, abs=0.01)
    assert fig.high == pytest.approx(815.821, abs=0.01)
    assert {
        "jimo-2024-reform#marine-output-2024h1",
        "jimo-2024-reform#marine-output-2024h1-share-gdp",
    } <= set(fig.claims)


def test_qingdao_marine_output_implied_by_the_12_9_percent_share(report):
    # 345亿元 is 12.9% of the city's:
    # low = 344.5 / 0.1295 = 2660.23; high = 345.5 / 0.1285 = 2688.72.
    fig = derived(report, "青岛市", "海洋生产总值", "level", "2024H1")
    assert fig.low == pytest.approx(2660.23, abs=0.01)
    assert fig.high == pytest.approx(2688.72, abs=0.01)


def test_qingdao_industrial_growth_implied_by_points_above_it(report):
    # 即墨 15.8% [15.75, 15.85], 高于青岛市10.3个百分点 [10.25, 10.35]:
    # 青岛 = 15.75 − 10.35 … 15.85 − 10.25 = [5.40, 5.60] %.
    fig = derived(report, "青岛市", "规上工业增加值", "yoy", "2020")
    assert fig.low == pytest.approx(5.40, abs=1e-6)
    assert fig.high == pytest.approx(5.60, abs=1e-6)


def test_gas_truck_prior_sales_and_market_size(report):
    # 一汽解放 2023 前三季度 3.4万余辆 → [3.4, 3.5) 万辆; 同比增长230% → ×[3.295, 3.305].
    # 2022 前三季度 = [3.4 / 3.305, 3.5 / 3.295] = [1.0287, 1.0622] 万辆.
    prior = derived(report, "一汽解放青岛汽车有限公司", "燃气重卡销量", "level", "2022Q1-Q3")
    assert prior.low == pytest.approx(1.0287, abs=1e-4)
    assert prior.high == pytest.approx(1.0622, abs=1e-4)
    # 市场占有率26.8% → [26.75, 26.85] %:
    # market = [3.4 / 0.2685, 3.5 / 0.2675] = [12.663, 13.084] 万辆.
    market = derived(report, "全国", "燃气重卡销量", "level", "2023Q1-Q3")
    assert market.low == pytest.approx(12.663, abs=1e-3)
    assert market.high == pytest.approx(13.084, abs=1e-3)


def test_city_projects_within_all_projects_are_checked_and_consistent(report):
    # 其中104个市级攻坚项目 ≤ 开工攻坚项目195个: checked, no finding.
    keys = {
        "jimo-2022-review#urban-renewal-city-projects-started-2022",
        "jimo-2022-review#urban-renewal-projects-started-2022",
    }
    assert not keys & set(report.coverage.unchecked)
    assert not [f for f in report.findings if keys & {c.key for c in f.claims}]


def test_auto_output_of_2020_and_above_scale_output_of_2023_are_not_compared(report):
    # 突破千亿元 (2020, all enterprises) and 突破700亿元 (2023 estimate, 规上 only): a fall
    # from ≥1000 to ≥700 would look alarming, but scope and period differ, so no relation ties
    # them: not a single finding may name both.
    both = {
        "jimo-2021-work-report#auto-industry-output-2020",
        "jimo-2023-review#auto-output-value-2023-est",
    }
    assert not [f for f in report.findings if both <= {c.key for c in f.claims}]
    table = load_corpus(ROOT / "claims", ROOT / "rules").table
    rows = table[table["id"].isin(["auto-industry-output-2020", "auto-output-value-2023-est"])]
    assert sorted(rows["scope"].fillna("").tolist()) == ["", "规上"]
