"""Figures copied from the five seed texts, each read by hand into its interval and unit.

Every row is a figure exactly as a seed prints it (OCR spaces and line breaks of 004
included) and the interval worked out on paper from the rules in :mod:`factcheck.quantity`:

- plain ``N`` whose last printed digit has size u: strict [N − u/2, N + u/2]; lenient takes u
  from the last non-zero digit of an integer (600 → u = 100 → [550, 650]);
- ``N余``/``N多``: [N, N + v) with v the size of N's last non-zero digit;
- ``超过/超/突破N``, ``N以上``: [N, ∞); ``N以下/以内``: (−∞, N];
- ``近N``: [0.95 N, N] strict, [0.90 N, N] lenient;
- ``N左右``: the rounding band widened to N ± 5 % (strict) / N ± 10 % (lenient);
- ``a至b``/``a-b``: [a, b] strict, widened by half a last non-zero digit each side lenient;
- 增长/提高/提升 keep the sign, 下降/缩短 flip it; 提高到/降至/提升到 state a level.

Intervals are written as text: ``[a, b]`` closed, ``[a, b)`` open above, ``∞`` for no bound.
The id of each case is the seed file and the line the figure starts on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck import parse_quantity, ureg

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"

S000 = "000_a13a888047298e0d.txt"
S001 = "001_10918a961b3f8c53.txt"
S002 = "002_f96473a778488334.txt"
S003 = "003_0796cd448d789b7e.txt"
S004 = "004_ba2594cd88357ac4.txt"


@dataclass(frozen=True)
class Interval:
    low: Decimal | None
    high: Decimal | None
    high_open: bool = False

    @classmethod
    def parse(cls, spec: str) -> Interval:
        """``"[344.5, 345.5]"``, ``"[3.4, 3.5)"``, ``"[600, ∞)"``, ``"(−∞, 10]"``."""
        low_text, high_text = (part.strip() for part in spec[1:-1].split(","))
        low = None if low_text == "−∞" else Decimal(low_text.replace("−", "-"))
        high = None if high_text == "∞" else Decimal(high_text.replace("−", "-"))
        return cls(low, high, high_open=spec.endswith(")") and high is not None)


@dataclass(frozen=True)
class Seed:
    source: str  # seed file
    line: int  # line the figure starts on
    text: str  # the figure, verbatim
    unit: str  # the unit it is read in ("" for a pure number)
    strict: str
    lenient: str | None = None  # when it differs from strict
    change: int = 0  # +1 for 增长/提高…, −1 for 下降/缩短, 0 for a level

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


SEED_FIGURES: list[Seed] = [
    # ---- 000: 观海新闻 feature, review of 2022 -------------------------------------------
    Seed(S000, 5, "15条", "条", "[14.5, 15.5]"),
    Seed(S000, 27, "20万台", "万台", "[19.5, 20.5]", "[15, 25]"),
    Seed(S000, 27, "380亿元", "亿元", "[379.5, 380.5]", "[375, 385]"),
    Seed(S000, 27, "20多家", "家", "[20, 30)"),
    Seed(S000, 27, "17个月", "个月", "[16.5, 17.5]"),
    Seed(S000, 29, "100万辆", "万辆", "[99.5, 100.5]", "[50, 150]"),
    Seed(S000, 33, "17个", "个", "[16.5, 17.5]"),
    Seed(S000, 35, "8个", "个", "[7.5, 8.5]"),
    Seed(S000, 35, "560亿元", "亿元", "[559.5, 560.5]", "[555, 565]"),
    Seed(S000, 35, "同比增长7%", "%", "[6.5, 7.5]", change=1),
    Seed(S000, 37, "400多家", "家", "[400, 500)"),
    Seed(S000, 43, "16个", "个", "[15.5, 16.5]"),
    Seed(S000, 45, "26家", "家", "[25.5, 26.5]"),
    Seed(S000, 47, "1300余家", "家", "[1300, 1400)"),
    Seed(S000, 47, "600万吨", "万吨", "[599.5, 600.5]", "[550, 650]"),
    Seed(S000, 49, "40余个", "个", "[40, 50)"),
    Seed(S000, 59, "195个", "个", "[194.5, 195.5]"),
    Seed(S000, 59, "104个", "个", "[103.5, 104.5]"),
    Seed(S000, 67, "4个", "个", "[3.5, 4.5]"),
    Seed(S000, 77, "37处", "处", "[36.5, 37.5]"),
    Seed(S000, 77, "2.4万个", "万个", "[2.35, 2.45]"),
    Seed(S000, 77, "50%", "%", "[49.5, 50.5]", "[45, 55]"),
    Seed(S000, 77, "5%以内", "%", "(−∞, 5]"),
    Seed(S000, 81, "240余个", "个", "[240, 250)"),
    Seed(S000, 81, "20处", "处", "[19.5, 20.5]", "[15, 25]"),
    Seed(S000, 81, "358.6万人次", "万人次", "[358.55, 358.65]"),
    Seed(S000, 81, "提高10%", "%", "[9.5, 10.5]", "[5, 15]", change=1),
    Seed(S000, 83, "2.6万人", "万人", "[2.55, 2.65]"),
    Seed(S000, 83, "9000人", "人", "[8999.5, 9000.5]", "[8500, 9500]"),
    Seed(S000, 83, "7800个", "个", "[7799.5, 7800.5]", "[7750, 7850]"),
    Seed(S000, 83, "1.1万余人", "万人", "[1.1, 1.2)"),
    Seed(S000, 83, "2800余万元", "万元", "[2800, 2900)"),
    # ---- 001: 青岛日报 page, 2023 manufacturing plan ----------------------------------
    Seed(S001, 13, "10万锭", "万锭", "[9.5, 10.5]", "[5, 15]"),
    Seed(S001, 13, "50人", "人", "[49.5, 50.5]", "[45, 55]"),
    Seed(S001, 13, "10人以下", "人", "(−∞, 10]"),
    Seed(S001, 16, "突破600家", "家", "[600, ∞)"),
    Seed(S001, 16, "6%", "%", "[5.5, 6.5]"),
    Seed(S001, 16, "85%", "%", "[84.5, 85.5]"),
    Seed(S001, 22, "16个以上", "个", "[16, ∞)"),
    Seed(S001, 22, "突破700家", "家", "[700, ∞)"),
    Seed(S001, 22, "100家", "家", "[99.5, 100.5]", "[50, 150]"),
    Seed(S001, 24, "10个", "个", "[9.5, 10.5]", "[5, 15]"),
    Seed(S001, 26, "25个", "个", "[24.5, 25.5]"),
    Seed(S001, 26, "43.9%", "%", "[43.85, 43.95]"),
    Seed(S001, 26, "41.8%", "%", "[41.75, 41.85]"),
    Seed(S001, 30, "40%以上", "%", "[40, ∞)"),
    Seed(S001, 34, "30个", "个", "[29.5, 30.5]", "[25, 35]"),
    Seed(S001, 34, "150家以上", "家", "[150, ∞)"),
    Seed(S001, 46, "1000座", "座", "[999.5, 1000.5]", "[500, 1500]"),
    Seed(S001, 46, "15个以上", "个", "[15, ∞)"),
    Seed(S001, 46, "100家以上", "家", "[100, ∞)"),
    Seed(S001, 67, "193处", "处", "[192.5, 193.5]"),
    Seed(S001, 73, "150余", "", "[150, 160)"),
    Seed(S001, 73, "98.5%", "%", "[98.45, 98.55]"),
    Seed(S001, 81, "8车道", "车道", "[7.5, 8.5]"),
    Seed(S001, 85, "520户", "户", "[519.5, 520.5]", "[515, 525]"),
    Seed(S001, 85, "13天", "天", "[12.5, 13.5]"),
    Seed(S001, 85, "100%", "%", "[99.5, 100.5]", "[50, 150]"),
    Seed(S001, 85, "22天", "天", "[21.5, 22.5]"),
    Seed(S001, 107, "170基", "基", "[169.5, 170.5]", "[165, 175]"),
    Seed(S001, 111, "180个", "个", "[179.5, 180.5]", "[175, 185]"),
    Seed(S001, 111, "40项", "项", "[39.5, 40.5]", "[35, 45]"),
    Seed(S001, 111, "85项", "项", "[84.5, 85.5]"),
    # ---- 002: 2021 government work report (one long line) and two short items --------
    Seed(S002, 3, "年均增长8.1%", "%", "[8.05, 8.15]", change=1),
    Seed(S002, 3, "年均增长4.6%", "%", "[4.55, 4.65]", change=1),
    Seed(S002, 3, "50家", "家", "[49.5, 50.5]", "[45, 55]"),
    Seed(S002, 3, "68个", "个", "[67.5, 68.5]"),
    Seed(S002, 3, "307人", "人", "[306.5, 307.5]"),
    Seed(S002, 3, "16项", "项", "[15.5, 16.5]"),
    Seed(S002, 3, "200余家", "家", "[200, 300)"),
    Seed(S002, 3, "突破千亿", "", "[100000000000, ∞)"),
    Seed(S002, 3, "突破600万吨", "万吨", "[600, ∞)"),
    Seed(S002, 3, "40.9亿美元", "亿美元", "[40.85, 40.95]"),
    Seed(S002, 3, "5000多人", "人", "[5000, 6000)"),
    Seed(S002, 3, "降至0.8%", "%", "[0.75, 0.85]"),
    Seed(S002, 3, "年均增长48%", "%", "[47.5, 48.5]", change=1),
    Seed(S002, 3, "2.4万户", "万户", "[2.35, 2.45]"),
    Seed(S002, 3, "125公里", "公里", "[124.5, 125.5]"),
    Seed(S002, 3, "810万平方米", "万平方米", "[809.5, 810.5]", "[805, 815]"),
    Seed(S002, 3, "21.8万平方米", "万平方米", "[21.75, 21.85]"),
    Seed(S002, 3, "提高到39.6%", "%", "[39.55, 39.65]"),
    Seed(S002, 3, "提升到1.3万吨", "万吨", "[1.25, 1.35]"),
    Seed(S002, 3, "5.8万亩", "万亩", "[5.75, 5.85]"),
    Seed(S002, 3, "43万亩", "万亩", "[42.5, 43.5]"),
    Seed(S002, 3, "近2.6万亩", "万亩", "[2.47, 2.6]", "[2.34, 2.6]"),
    Seed(S002, 3, "超过2万亩", "万亩", "[2, ∞)"),
    Seed(S002, 3, "82所", "所", "[81.5, 82.5]"),
    Seed(S002, 3, "85%以上", "%", "[85, ∞)"),
    Seed(S002, 3, "1.5万名", "万人", "[1.45, 1.55]"),
    Seed(S002, 3, "1.2万套", "万套", "[1.15, 1.25]"),
    Seed(S002, 3, "6113名", "人", "[6112.5, 6113.5]"),
    Seed(S002, 3, "提高6.6个百分点", "个百分点", "[6.55, 6.65]", change=1),
    Seed(S002, 3, "40余项", "项", "[40, 50)"),
    Seed(S002, 3, "近142万人", "万人", "[134.9, 142]", "[127.8, 142]"),
    Seed(S002, 3, "4.2亿元", "亿元", "[4.15, 4.25]"),
    Seed(S002, 3, "增长26.2%", "%", "[26.15, 26.25]", change=1),
    Seed(S002, 3, "1278.4亿元", "亿元", "[1278.35, 1278.45]"),
    Seed(S002, 3, "增长5.8%", "%", "[5.75, 5.85]", change=1),
    Seed(S002, 3, "10.3个百分点", "个百分点", "[10.25, 10.35]"),
    Seed(S002, 3, "112亿元", "亿元", "[111.5, 112.5]"),
    Seed(S002, 3, "比上年增长8%左右", "%", "[7.5, 8.5]", "[7.2, 8.8]", change=1),
    Seed(S002, 3, "增长6%以上", "%", "[6, ∞)", change=1),
    Seed(S002, 3, "385亿元以上", "亿元", "[385, ∞)"),
    Seed(S002, 3, "4万平方米", "万平方米", "[3.5, 4.5]"),
    Seed(S002, 3, "3800件以上", "件", "[3800, ∞)"),
    Seed(S002, 3, "30只以上", "只", "[30, ∞)"),
    Seed(S002, 3, "911套", "套", "[910.5, 911.5]"),
    Seed(S002, 3, "30万辆", "万辆", "[29.5, 30.5]", "[25, 35]"),
    Seed(S002, 3, "60万辆以上", "万辆", "[60, ∞)"),
    Seed(S002, 3, "300万元", "万元", "[299.5, 300.5]", "[250, 350]"),
    Seed(S002, 3, "增长20%以上", "%", "[20, ∞)", change=1),
    Seed(S002, 3, "2656亿元", "亿元", "[2655.5, 2656.5]"),
    Seed(S002, 3, "1-2个", "个", "[1, 2]", "[0.5, 2.5]"),
    Seed(S002, 3, "70辆", "辆", "[69.5, 70.5]", "[65, 75]"),
    Seed(S002, 3, "20吨以下", "吨", "(−∞, 20]"),
    Seed(S002, 3, "300兆瓦", "兆瓦", "[299.5, 300.5]", "[250, 350]"),
    Seed(S002, 3, "1万户", "万户", "[0.5, 1.5]"),
    Seed(S002, 3, "220千伏", "千伏", "[219.5, 220.5]", "[215, 225]"),
    Seed(S002, 3, "950人", "人", "[949.5, 950.5]", "[945, 955]"),
    Seed(S002, 15, "80-120 元", "元", "[80, 120]", "[75, 125]"),
    Seed(S002, 15, "3-4 个月", "个月", "[3, 4]", "[2.5, 4.5]"),
    Seed(S002, 15, "800 斤", "斤", "[799.5, 800.5]", "[750, 850]"),
    Seed(S002, 15, "超 3 万元", "万元", "[3, ∞)"),
    Seed(S002, 15, "一年多", "年", "[1, 2)"),
    Seed(S002, 15, "10 倍以上", "倍", "[10, ∞)"),
    Seed(S002, 15, "400 余亩", "亩", "[400, 500)"),
    Seed(S002, 15, "230 亩", "亩", "[229.5, 230.5]", "[225, 235]"),
    Seed(S002, 15, "提升 50%", "%", "[49.5, 50.5]", "[45, 55]", change=1),
    Seed(S002, 15, "2 万元", "万元", "[1.5, 2.5]"),
    Seed(S002, 15, "超 2000 万元", "万元", "[2000, ∞)"),
    Seed(S002, 37, "24 小时", "小时", "[23.5, 24.5]"),
    # ---- 003: 青岛日报 feature, 2024 -----------------------------------------------------
    Seed(S003, 33, "75处", "处", "[74.5, 75.5]"),
    Seed(S003, 45, "50余所", "所", "[50, 60)"),
    Seed(S003, 45, "112家", "家", "[111.5, 112.5]"),
    Seed(S003, 49, "20个", "个", "[19.5, 20.5]", "[15, 25]"),
    Seed(S003, 49, "345亿元", "亿元", "[344.5, 345.5]"),
    Seed(S003, 49, "同比增长7.7%", "%", "[7.65, 7.75]", change=1),
    Seed(S003, 49, "42.4%", "%", "[42.35, 42.45]"),
    Seed(S003, 49, "12.9%", "%", "[12.85, 12.95]"),
    Seed(S003, 57, "70%以上", "%", "[70, ∞)"),
    Seed(S003, 57, "下降13.5%", "%", "[−13.55, −13.45]", change=-1),
    Seed(S003, 57, "52.6亿元", "亿元", "[52.55, 52.65]"),
    Seed(S003, 57, "同比增长16.8%", "%", "[16.75, 16.85]", change=1),
    Seed(S003, 63, "超过1万人", "万人", "[1, ∞)"),
    Seed(S003, 67, "650家", "家", "[649.5, 650.5]", "[645, 655]"),
    Seed(S003, 67, "超过50%", "%", "[50, ∞)"),
    Seed(S003, 67, "1个", "个", "[0.5, 1.5]"),
    Seed(S003, 67, "81家", "家", "[80.5, 81.5]"),
    Seed(S003, 71, "17个月", "个月", "[16.5, 17.5]"),
    Seed(S003, 73, "182个", "个", "[181.5, 182.5]"),
    Seed(S003, 73, "缩短5至6个月", "个月", "[−6, −5]", "[−6.5, −4.5]", change=-1),
    Seed(S003, 84, "190余个", "个", "[190, 200)"),
    Seed(S003, 84, "200余名", "人", "[200, 300)"),
    Seed(S003, 84, "24小时", "小时", "[23.5, 24.5]"),
    Seed(S003, 84, "4500余次", "次", "[4500, 4600)"),
    Seed(S003, 96, "55个", "个", "[54.5, 55.5]"),
    Seed(S003, 100, "8600余人次", "人次", "[8600, 8700)"),
    # ---- 004: OCR of a newspaper feature, 2023 (stray spaces, line breaks) ----------
    Seed(S004, 10, "1000吨", "吨", "[999.5, 1000.5]", "[500, 1500]"),
    Seed(S004, 15, "500 辆", "辆", "[499.5, 500.5]", "[450, 550]"),
    Seed(S004, 16, "3 . 4 万余辆", "万辆", "[3.4, 3.5)"),
    Seed(S004, 17, "同比增长230% ", "%", "[229.5, 230.5]", "[225, 235]", change=1),
    Seed(S004, 17, "26 . 8% ", "%", "[26.75, 26.85]"),
    Seed(S004, 30, "4 万余\n家", "万家", "[4, 5)"),
    Seed(S004, 31, "超过40% ", "%", "[40, ∞)"),
    Seed(S004, 36, "突破4 万辆", "万辆", "[4, ∞)"),
    Seed(S004, 37, "50% ", "%", "[49.5, 50.5]", "[45, 55]"),
    Seed(S004, 39, "12 个", "个", "[11.5, 12.5]"),
    Seed(S004, 42, "44%", "%", "[43.5, 44.5]"),
    Seed(S004, 42, " 42% ", "%", "[41.5, 42.5]"),
    Seed(S004, 46, "缩短 6 个月", "个月", "[−6.5, −5.5]", change=-1),
    Seed(S004, 48, "突破700亿元", "亿元", "[700, ∞)"),
    Seed(S004, 49, "突破38万辆", "万辆", "[38, ∞)"),
    Seed(S004, 55, "55 家", "家", "[54.5, 55.5]"),
    Seed(S004, 56, "800余个", "个", "[800, 900)"),
    Seed(S004, 64, "突\n破1000 万吨", "万吨", "[1000, ∞)"),
    Seed(S004, 65, "66% ", "%", "[65.5, 66.5]"),
    Seed(S004, 68, "30 万平方米", "万平方米", "[29.5, 30.5]", "[25, 35]"),
    Seed(S004, 69, "200家", "家", "[199.5, 200.5]", "[150, 250]"),
    Seed(S004, 82, "430个", "个", "[429.5, 430.5]", "[425, 435]"),
    Seed(S004, 84, "5\n个", "个", "[4.5, 5.5]"),
    Seed(S004, 100, "56 . 7% ", "%", "[56.65, 56.75]"),
    Seed(S004, 101, "634项", "项", "[633.5, 634.5]"),
    Seed(S004, 101, "90%以上", "%", "[90, ∞)"),
    Seed(S004, 111, "3 张", "张", "[2.5, 3.5]"),
    # 千万 as 1000万: strict to the 万, lenient to the last non-zero digit (千万).
    Seed(S004, 118, "千万千瓦", "千瓦", "[9995000, 10005000]", "[5000000, 15000000]"),
    Seed(S004, 126, "突破万吨", "万吨", "[1, ∞)"),
    Seed(S004, 131, "4\n个", "个", "[3.5, 4.5]"),
    Seed(S004, 133, "105个", "个", "[104.5, 105.5]"),
    Seed(S004, 184, "500余家", "家", "[500, 600)"),
    Seed(S004, 185, "突破600家", "家", "[600, ∞)"),
    Seed(S004, 186, "67%", "%", "[66.5, 67.5]"),
    Seed(S004, 198, "35 条", "条", "[34.5, 35.5]"),
    Seed(S004, 205, "10 名", "人", "[9.5, 10.5]", "[5, 15]"),
    Seed(S004, 213, "17 个", "个", "[16.5, 17.5]"),
    Seed(S004, 217, "160 个", "个", "[159.5, 160.5]", "[155, 165]"),
    Seed(S004, 221, "261 家", "家", "[260.5, 261.5]"),
    Seed(S004, 221, "1500\n余个", "个", "[1500, 1600)"),
    Seed(S004, 257, "15 条", "条", "[14.5, 15.5]"),
]


def _ids(seeds: list[Seed]) -> list[str]:
    """``file:line``, with ``#2``, ``#3`` … for further figures on the same line."""
    seen: Counter[str] = Counter()
    ids = []
    for seed in seeds:
        seen[seed.where] += 1
        n = seen[seed.where]
        ids.append(seed.where if n == 1 else f"{seed.where}#{n}")
    return ids


def _unit(text: str):
    return ureg.dimensionless if text == "" else ureg.Unit("percent" if text == "%" else text)


def _assert_reads_as(text: str, reading: str, unit_text: str, spec: str, change: int) -> None:
    figure = parse_quantity(text, reading)
    expected = Interval.parse(spec)
    unit = _unit(unit_text)
    assert figure.unit == unit, f"{text!r}: unit {figure.unit}, expected {unit}"
    assert (figure.low_value, figure.high_value) == (expected.low, expected.high), text
    assert figure.high_open == expected.high_open, text
    assert not figure.low_open, text
    # The Contract: pint quantities in the printed unit, None for an open side.
    for edge, value in ((figure.low, expected.low), (figure.high, expected.high)):
        if value is None:
            assert edge is None
        else:
            assert edge == ureg.Quantity(value, unit)
    assert figure.change == change, text


@pytest.mark.parametrize("seed", SEED_FIGURES, ids=_ids(SEED_FIGURES))
def test_seed_figure_strict(seed: Seed) -> None:
    _assert_reads_as(seed.text, "strict", seed.unit, seed.strict, seed.change)


@pytest.mark.parametrize("seed", SEED_FIGURES, ids=_ids(SEED_FIGURES))
def test_seed_figure_lenient(seed: Seed) -> None:
    _assert_reads_as(seed.text, "lenient", seed.unit, seed.lenient or seed.strict, seed.change)


def test_seed_table_is_large_and_covers_every_seed() -> None:
    per_seed = Counter(seed.source for seed in SEED_FIGURES)
    assert len(SEED_FIGURES) >= 110
    assert set(per_seed) == {S000, S001, S002, S003, S004}
    assert min(per_seed.values()) >= 15, per_seed


def test_seed_table_covers_every_unit_and_qualifier_the_seeds_use() -> None:
    units = {seed.unit for seed in SEED_FIGURES}
    for unit in ("亿元", "万元", "元", "万吨", "吨", "万辆", "辆", "万台", "家", "个", "处"):
        assert unit in units, unit
    for unit in ("人", "人次", "项", "所", "%", "个百分点", "倍", "亩", "万平方米", "公里"):
        assert unit in units, unit
    for unit in ("千瓦", "兆瓦", "年", "个月", "天", "小时", "亿美元", "万锭", "斤", ""):
        assert unit in units, unit
    words = "".join(seed.text for seed in SEED_FIGURES)
    for word in ("余", "多", "超过", "超 ", "突破", "以上", "以下", "以内", "近", "左右"):
        assert word in words, word
    for word in ("至", "-", "增长", "下降", "提高", "提升", "缩短", "年均", "提高到", "降至"):
        assert word in words, word
    spaced = [seed for seed in SEED_FIGURES if seed.source == S004 and " " in seed.text]
    assert len(spaced) >= 15


def test_every_seed_figure_is_copied_verbatim_from_its_line() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed texts not found at {SEEDS_DIR}")
    sources = {seed.source for seed in SEED_FIGURES}
    texts = {name: (SEEDS_DIR / name).read_text(encoding="utf-8") for name in sources}
    for seed in SEED_FIGURES:
        lines = texts[seed.source].splitlines(keepends=True)
        from_line = "".join(lines[seed.line - 1 :])
        at = from_line.find(seed.text.strip(" "))
        assert 0 <= at < len(lines[seed.line - 1]), f"{seed.where}: {seed.text!r} is not there"
