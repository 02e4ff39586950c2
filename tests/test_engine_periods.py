"""A flow over part of a period is at most the same flow over the whole period (FC210).

Flows are the metrics the registry marks ``flow: true``: non-negative amounts counted over a
period (零售额, 产值, 新建学校数). 上半年 ≤ 全年, 前三季度 ≤ 全年, one year ≤ the years of a
plan that include it. Stocks (余额, 企业数量) and amounts that can be negative (利润) are not
checked this way. Every figure below is printed without trailing zeros unless a test says
otherwise, so the strict and the lenient readings are the same interval.
"""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.claims import Claim, Document
from factcheck.testing import ClaimSet, corpus_of

H1 = Document(id="jm-2023h1", title="即墨区2023年上半年经济运行情况", published="2023-07")
YEAR = Document(id="jm-2023", title="即墨区2023年国民经济和社会发展统计公报", published="2024-03")


def _claim(doc: Document, cid: str, metric: str, period: str, value: str, **kw) -> Claim:
    kw.setdefault("subject", "即墨区")
    return Claim(
        id=cid,
        document=doc.id,
        metric=metric,
        period=period,
        value=value,
        quote=f"{metric}{value}",
        **kw,
    )


def _findings(*claims_by_doc: tuple[Document, tuple[Claim, ...]]):
    return check(
        corpus_of([ClaimSet(document=d, claims=c, truth={}) for d, c in claims_by_doc])
    ).findings


def _retail(h1: str, year: str, **h1_fields) -> tuple:
    return (
        (H1, (_claim(H1, "retail-h1", "社会消费品零售总额", "2023H1", h1, **h1_fields),)),
        (YEAR, (_claim(YEAR, "retail-2023", "社会消费品零售总额", "2023", year),)),
    )


def test_half_a_year_above_the_whole_year_is_an_error_naming_both():
    # 上半年 312.6亿元 is at least 312.55; the year's 298.4亿元 is at most 298.45.
    (finding,) = _findings(*_retail("312.6亿元", "298.4亿元"))
    assert (finding.code, finding.severity) == ("FC210", "error")
    assert [c.key for c in finding.claims] == ["jm-2023h1#retail-h1", "jm-2023#retail-2023"]
    assert finding.message.startswith(
        "部分期间的数字大于全期（流量指标）：即墨区 社会消费品零售总额 2023H1 「312.6亿元」"
        "（jm-2023h1） 的下限 312.55亿元 超过 即墨区 社会消费品零售总额 2023 「298.4亿元」"
        "（jm-2023） 的上限 298.45亿元"
    )
    # The part is the figure offered for a fix: at most the top of the year's figure.
    assert finding.fix is not None
    assert (finding.fix.claim, finding.fix.unit) == ("jm-2023h1#retail-h1", "亿元")
    assert finding.fix.high == pytest.approx(298.45)


def test_half_a_year_below_the_whole_year_is_not_reported():
    # 150.2 of 298.4: about half, as a half year is.
    assert _findings(*_retail("150.2亿元", "298.4亿元")) == ()


def test_a_half_year_above_the_year_only_under_the_strict_reading_is_a_warning():
    # 300亿元 read strictly is [299.5, 300.5], above 298.45; read leniently (the zeros not
    # significant) it is [250, 350], which reaches below. The same in either order of printing.
    (finding,) = _findings(*_retail("300亿元", "298.4亿元"))
    assert (finding.code, finding.severity) == ("FC210", "warning")


def test_one_year_above_the_years_of_the_plan_that_include_it_is_an_error():
    # 2022 alone built 37 schools; 2022—2024 together are said to have built 35.
    plan = Document(id="jm-2024", title="即墨区2024年改革工作总结", published="2024-12")
    (finding,) = _findings(
        (YEAR, (_claim(YEAR, "schools-2022", "新建改扩建中小学幼儿园数量", "2022", "37所"),)),
        (plan, (_claim(plan, "schools", "新建改扩建中小学幼儿园数量", "2022..2024", "35所"),)),
    )
    assert (finding.code, finding.severity) == ("FC210", "error")
    assert [c.id for c in finding.claims] == ["schools-2022", "schools"]


def test_nine_months_and_a_quarter_are_within_their_year_and_half():
    claims = (
        _claim(YEAR, "q1-q3", "固定资产投资", "2023Q1-Q3", "260.5亿元"),
        _claim(YEAR, "year", "固定资产投资", "2023", "240.1亿元"),
        _claim(YEAR, "q2", "固定资产投资", "2023Q2", "131.2亿元"),
        _claim(YEAR, "h1", "固定资产投资", "2023H1", "120.3亿元"),
    )
    found = {(f.code, tuple(c.id for c in f.claims)) for f in _findings((YEAR, claims))}
    # 前三季度 260.5 > the year's 240.1, and 二季度 131.2 > 上半年 120.3. The half year and the
    # nine months overlap without either containing the other: no order between them.
    assert found == {("FC210", ("q1-q3", "year")), ("FC210", ("q2", "h1"))}


def test_a_balance_is_no_flow_and_may_fall_within_the_year():
    # Deposits stood higher at the end of June than at the end of December: nothing wrong.
    claims = (
        _claim(YEAR, "deposits-h1", "存款余额", "2023H1", "1203.5亿元"),
        _claim(YEAR, "deposits", "存款余额", "2023", "1180.2亿元"),
    )
    assert _findings((YEAR, claims)) == ()


def test_a_profit_can_shrink_over_the_year_and_is_not_checked():
    # A loss in the second half leaves the year's profit below the first half's.
    claims = (
        _claim(YEAR, "profit-h1", "规上工业利润总额", "2023H1", "35.2亿元", scope="规上"),
        _claim(YEAR, "profit", "规上工业利润总额", "2023", "31.4亿元", scope="规上"),
    )
    assert _findings((YEAR, claims)) == ()


def test_targets_and_other_scopes_are_not_compared():
    year = ((YEAR, (_claim(YEAR, "retail-2023", "社会消费品零售总额", "2023", "298.4亿元"),)),)
    # A half-year target above the year's result says nothing about what happened.
    assert _findings(*_retail("312.6亿元", "298.4亿元", status="target")) == ()
    # 限上 retail is another figure than all retail of the year.
    assert _findings(*_retail("312.6亿元", "298.4亿元", scope="限上")) == ()
    # Another subject's half year is compared with nothing here.
    other = (H1, (_claim(H1, "h1", "社会消费品零售总额", "2023H1", "312.6亿元", subject="城阳区"),))
    assert _findings(other, *year) == ()


def test_an_as_of_date_is_no_stretch_of_time_and_contains_nothing():
    claims = (
        _claim(YEAR, "sales-to-date", "商品房销售额", "2023-06-30", "95.3亿元"),
        _claim(YEAR, "sales", "商品房销售额", "2023", "80.2亿元"),
    )
    assert _findings((YEAR, claims)) == ()


def test_a_running_total_of_part_of_a_year_is_compared_but_not_one_dated_to_a_year():
    # 1—9月累计 is the first nine months: 1520亿元 of them cannot exceed the year's 1488.2亿元.
    claims = (
        _claim(YEAR, "q1-q3", "规上工业营业收入", "2023Q1-Q3", "1520.3亿元", status="cumulative"),
        _claim(YEAR, "year", "规上工业营业收入", "2023", "1488.2亿元"),
    )
    (finding,) = _findings((YEAR, claims))
    assert (finding.code, finding.severity) == ("FC210", "error")
    # 累计完成投资 dated 2023 may count from before 2023 (since the project began): it is no
    # part of the three years 2021—2023 it is compared with here.
    claims = (
        _claim(YEAR, "since-start", "固定资产投资", "2023", "1856.2亿元", status="cumulative"),
        _claim(YEAR, "three-years", "固定资产投资", "2021..2023", "1288.4亿元"),
    )
    assert _findings((YEAR, claims)) == ()


# --------------------------------------------------------------------------- annual averages

REVIEW = Document(id="jm-2021-report", title="2021年即墨区政府工作报告", published="2021-02")


def _five_years(average: str, year_2020: str) -> tuple:
    # 十三五期间固定资产投资年均完成…亿元; 2020年完成…亿元.
    return (
        (
            REVIEW,
            (
                _claim(REVIEW, "fai-avg", "固定资产投资", "2016..2020", average, measure="average"),
                _claim(REVIEW, "fai-2020", "固定资产投资", "2020", year_2020),
            ),
        ),
    )


def test_an_annual_average_is_not_read_as_the_five_years_total():
    # 年均320亿元 is 5 × [319.5, 320.5] = [1597.5, 1602.5] over 2016..2020: 2020's 412亿元 is
    # well within it (read as a total of 320, it would have been an error).
    assert _findings(*_five_years("320亿元", "412亿元")) == ()


def test_one_year_above_five_times_the_annual_average_is_an_error():
    # 年均78亿元: 5 × [77.5, 78.5] = [387.5, 392.5]; 2020's 412亿元 is at least 411.5.
    (finding,) = _findings(*_five_years("78亿元", "412亿元"))
    assert (finding.code, finding.severity) == ("FC210", "error")
    assert [c.id for c in finding.claims] == ["fai-2020", "fai-avg"]
    assert (
        "「78亿元」（jm-2021-report，年均值，乘以年数即全期合计） 的上限 392.5亿元"
        in finding.message
    )


def _jobs(average: str) -> tuple:
    # 累计新增城镇就业6.1万人，年均新增…万人 (2016..2020).
    return (
        (
            REVIEW,
            (
                _claim(
                    REVIEW, "jobs", "城镇新增就业", "2016..2020", "6.1万人", status="cumulative"
                ),
                _claim(
                    REVIEW, "jobs-avg", "城镇新增就业", "2016..2020", average, measure="average"
                ),
            ),
        ),
    )


def test_an_annual_average_agrees_with_the_total_it_divides():
    # 6.1 / 5 = 1.22: 5 × [1.215, 1.225] = [6.075, 6.125] meets [6.05, 6.15].
    assert _findings(*_jobs("1.22万人")) == ()


def test_an_annual_average_off_the_total_is_an_error_whose_fix_is_an_average():
    # 5 × [1.515, 1.525] = [7.575, 7.625] misses [6.05, 6.15]; the fix for the average is
    # the total over five: [6.05, 6.15] / 5 = [1.21, 1.23].
    (finding,) = _findings(*_jobs("1.52万人"))
    assert (finding.code, finding.severity) == ("FC101", "error")
    assert finding.fix is not None
    assert finding.fix.claim == "jm-2021-report#jobs-avg"
    assert (finding.fix.low, finding.fix.high) == pytest.approx((1.21, 1.23))
