"""parse_quantity and the unit registry, construct by construct.

Each table row is a figure as a report prints it and the interval read from it by hand
(see the rules in :mod:`factcheck.quantity`). Intervals are written ``[a, b]``; ``)`` marks an
open upper edge (``3.4万余辆`` is below 3.5 万), ``∞`` a missing bound.
"""

from __future__ import annotations

import pickle
from decimal import Decimal

import pint
import pytest

import factcheck
from factcheck import QuantityError, format_quantity, parse_quantity, ureg
from factcheck.quantity import normalise
from factcheck.units import is_percent, parse_unit, same_dimension


def edges(spec: str) -> tuple[Decimal | None, Decimal | None, bool]:
    """``"[3.4, 3.5)"`` → (3.4, 3.5, high edge open); ``∞``/``−∞`` → None."""
    low_text, high_text = (part.strip() for part in spec[1:-1].split(","))
    low = None if low_text == "−∞" else Decimal(low_text.replace("−", "-"))
    high = None if high_text == "∞" else Decimal(high_text.replace("−", "-"))
    return low, high, spec.endswith(")") and high is not None


def case(name: str, *values: object):
    """A table row with a readable id (pytest escapes CJK in ids)."""
    return pytest.param(*values, id=name)


def unit_of(text: str):
    return ureg.dimensionless if text == "" else ureg.Unit("percent" if text == "%" else text)


def check(text: str, unit: str, strict: str, lenient: str | None = None) -> None:
    for reading, spec in (("strict", strict), ("lenient", lenient or strict)):
        figure = parse_quantity(text, reading)
        low, high, high_open = edges(spec)
        assert figure.unit == unit_of(unit), (text, reading, figure.unit)
        assert (figure.low_value, figure.high_value) == (low, high), (text, reading)
        assert figure.high_open == high_open, (text, reading)


# --------------------------------------------------------------------------- numbers

NUMBERS = [
    # Arabic digits, decimals, thousands separators
    case("yi-yuan", "345亿元", "亿元", "[344.5, 345.5]", None),
    case("decimal", "1278.4亿元", "亿元", "[1278.35, 1278.45]", None),
    case("thousands-separator", "1,278.4亿元", "亿元", "[1278.35, 1278.45]", None),
    case("thousands-separator-people", "12,345人", "人", "[12344.5, 12345.5]", None),
    case("per-mille", "0.91‰", "permille", "[0.905, 0.915]", None),
    case("trailing-zeros", "600万吨", "万吨", "[599.5, 600.5]", "[550, 650]"),
    case(
        "decimal-trailing-zero", "2.50亿元", "亿元", "[2.495, 2.505]", None
    ),  # a printed decimal zero is precision
    # full-width digits and punctuation
    case("full-width-digits", "３４５亿元", "亿元", "[344.5, 345.5]", None),
    case("full-width-comma-and-point", "１，２７８．４亿元", "亿元", "[1278.35, 1278.45]", None),
    case("full-width-percent", "７．７％", "%", "[7.65, 7.75]", None),
    # stray spaces inside numbers (OCR)
    case("ocr-spaces", "3 . 4 万余辆", "万辆", "[3.4, 3.5)", None),
    case("ocr-spaces-between-digits", "2 6 . 8 %", "%", "[26.75, 26.85]", None),
    case("ocr-spaces-thousands", "1 278 . 4 亿元", "亿元", "[1278.35, 1278.45]", None),
    # Chinese numerals read as the Arabic figure a report would print: 三千五百 as 3500 (zeros
    # significant when strict), 两万 as 2万 (万 and 亿 are magnitude words), 三千五 as said aloud
    case("zh-28", "二十八", "", "[27.5, 28.5]", None),
    case("zh-28-with-unit", "二十八个", "个", "[27.5, 28.5]", None),
    case("zh-13", "十三", "", "[12.5, 13.5]", None),
    case("zh-105-with-zero", "一百零五", "", "[104.5, 105.5]", None),
    case("zh-1005", "一千零五", "", "[1004.5, 1005.5]", None),
    case("zh-liang-wan", "两万", "", "[15000, 25000]", None),
    case("zh-liang-wan-with-unit", "两万吨", "吨", "[15000, 25000]", None),
    case("zh-3500", "三千五百", "", "[3499.5, 3500.5]", "[3450, 3550]"),  # read as 3500
    case(
        "zh-3500-spoken", "三千五", "", "[3450, 3550]", None
    ),  # said aloud: 3500, not 3005; as coarse as it sounds
    case("zh-25000-spoken", "两万五", "", "[24500, 25500]", None),  # 25000, not 20005
    case(
        "zh-150-million", "一亿五千万", "", "[149995000, 150005000]", "[145000000, 155000000]"
    ),  # as 15000万
    case("zh-wan-yi", "一万亿元", "元", "[500000000000, 1500000000000]", None),  # not 1.0001 × 10¹²
    case("zh-with-yu", "二十余家", "家", "[20, 30)", None),
    # mixed: Arabic number, Chinese magnitude
    case("mixed-1.2-wan", "1.2万", "万", "[1.15, 1.25]", None),
    case("mixed-4-wan-yu", "4万余", "万", "[4, 5)", None),
    case("mixed-wan-yi", "1.5万亿元", "万亿元", "[1.45, 1.55]", None),
    case("mixed-qian-wan", "3千万元", "千万元", "[2.5, 3.5]", None),
    case("wan-kilowatt", "300万千瓦", "万千瓦", "[299.5, 300.5]", "[250, 350]"),
    case(
        "zh-before-kilowatt", "三千千瓦", "千瓦", "[2999.5, 3000.5]", "[2500, 3500]"
    ),  # 三千 + 千瓦, not 三千千 + 瓦
]


@pytest.mark.parametrize(("text", "unit", "strict", "lenient"), NUMBERS)
def test_numbers(text: str, unit: str, strict: str, lenient: str | None) -> None:
    check(text, unit, strict, lenient)


def test_mixed_and_chinese_forms_agree_in_base_units() -> None:
    assert parse_quantity("1.2万").in_base_units()[:2] == (Decimal(11500), Decimal(12500))
    assert parse_quantity("两万").in_base_units()[:2] == parse_quantity("2万").in_base_units()[:2]


def test_a_port_counts_containers_in_standard_boxes_however_it_names_them() -> None:
    # 标准箱, 标箱 and TEU are one unit: 1230万标准箱 is 12,295,000 to 12,305,000 boxes.
    boxes = (Decimal(12_295_000), Decimal(12_305_000))
    for text in ("1230万标准箱", "1230万标箱", "1230万TEU"):
        assert parse_quantity(text).in_base_units()[:2] == boxes, text


# --------------------------------------------------------------------------- qualifiers

QUALIFIED = [
    # text, unit, strict, lenient, qualifier
    case("yu-decimal", "3.4万余辆", "万辆", "[3.4, 3.5)", None, "plus"),
    case("yu-trailing-zeros", "1300余家", "家", "[1300, 1400)", None, "plus"),
    case("duo", "20多个", "个", "[20, 30)", None, "plus"),
    case("yu-prefix", "逾500家", "家", "[500, 600)", None, "plus"),
    case("yu-prefix-zh", "逾百家", "家", "[100, 200)", None, "plus"),
    case("zh-qian-yu", "千余人", "人", "[1000, 2000)", None, "plus"),
    case("magnitude-alone-yu", "万余人", "万人", "[1, 2)", None, "plus"),
    case("chaoguo", "超过40%", "%", "[40, ∞)", None, "at_least"),
    case("tupo", "突破600家", "家", "[600, ∞)", None, "at_least"),
    case("tupo-magnitude-alone", "突破万吨", "万吨", "[1, ∞)", None, "at_least"),
    case("yishang", "6%以上", "%", "[6, ∞)", None, "at_least"),
    case("budiyu", "不低于85%", "%", "[85, ∞)", None, "at_least"),
    case("jin", "近5000万元", "万元", "[4750, 5000]", "[4500, 5000]", "near"),
    case("jiejin", "接近3亿元", "亿元", "[2.85, 3]", "[2.7, 3]", "near"),
    case("jiangjin", "将近100人", "人", "[95, 100]", "[90, 100]", "near"),
    case("budao", "不到10%", "%", "(−∞, 10]", None, "at_most"),
    case("buzu", "不足1万元", "万元", "(−∞, 1]", None, "at_most"),
    case("yixia", "10人以下", "人", "(−∞, 10]", None, "at_most"),
    case("yinei", "5%以内", "%", "(−∞, 5]", None, "at_most"),
    case("buchaoguo", "不超过3%", "%", "(−∞, 3]", None, "at_most"),
    case("bugaoyu", "不高于35微克/立方米", "微克/立方米", "(−∞, 35]", None, "at_most"),
    case("zhiduo", "至多5个", "个", "(−∞, 5]", None, "at_most"),
    # 约: the rounding band, widened to N ± 5 % (strict) / N ± 10 % (lenient)
    case("yue", "约5000万元", "万元", "[4750, 5250]", "[4500, 5500]", "about"),
    case("yue-decimal", "约3.4万辆", "万辆", "[3.23, 3.57]", "[3.06, 3.74]", "about"),
    case("zuoyou", "8%左右", "%", "[7.5, 8.5]", "[7.2, 8.8]", "about"),  # ± 0.4 is inside the ± 0.5
    case("dayue", "大约50%", "%", "[47.5, 52.5]", "[45, 55]", "about"),
]


@pytest.mark.parametrize(("text", "unit", "strict", "lenient", "qualifier"), QUALIFIED)
def test_qualifiers(text: str, unit: str, strict: str, lenient: str | None, qualifier: str) -> None:
    check(text, unit, strict, lenient)
    assert parse_quantity(text).qualifier == qualifier


def test_a_plain_figure_has_no_qualifier() -> None:
    assert parse_quantity("345亿元").qualifier is None


def test_two_qualifiers_on_one_figure_are_refused() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("约5000万元左右")
    assert caught.value.position == 7  # the second one, 左右
    assert "左右" in str(caught.value)


# --------------------------------------------------------------------------- ranges

RANGES = [
    case("zhi", "5至6个月", "个月", "[5, 6]", "[4.5, 6.5]"),
    case("em-dash", "5—6", "", "[5, 6]", "[4.5, 6.5]"),
    case("hyphen", "5-6", "", "[5, 6]", "[4.5, 6.5]"),
    case("full-width-tilde", "5～6万吨", "万吨", "[5, 6]", "[4.5, 6.5]"),
    case("magnitude-twice", "5万至6万吨", "万吨", "[5, 6]", "[4.5, 6.5]"),
    case("unit-twice", "5万元至6万元", "万元", "[5, 6]", "[4.5, 6.5]"),
    case("trailing-zeros", "80-120元", "元", "[80, 120]", "[75, 125]"),
    case("decimal", "0.5-1个百分点", "个百分点", "[0.5, 1]", "[0.45, 1.5]"),
    case("decrease", "下降5至6个百分点", "个百分点", "[−6, −5]", "[−6.5, −4.5]"),
]


@pytest.mark.parametrize(("text", "unit", "strict", "lenient"), RANGES)
def test_ranges(text: str, unit: str, strict: str, lenient: str) -> None:
    check(text, unit, strict, lenient)
    assert parse_quantity(text).qualifier == "range"


def test_a_range_must_run_upwards() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("6至5个月")
    assert caught.value.position == 2  # the 5


def test_a_range_prints_one_unit_or_the_same_unit_twice() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("5万元至6元")
    assert caught.value.position == 5  # the second unit, 元
    assert "万元" in caught.value.expected


# --------------------------------------------------------------------------- changes

CHANGES = [
    # text, unit, strict, lenient, change (+1 up, −1 down, 0 a level)
    case("zengzhang", "增长7.7%", "%", "[7.65, 7.75]", None, 1),
    case("tongbi", "同比增长7.7%", "%", "[7.65, 7.75]", None, 1),
    case("xiajiang", "下降13.5%", "%", "[−13.55, −13.45]", None, -1),
    case(
        "bishangnian-jianshao", "比上年减少300万元", "万元", "[−300.5, −299.5]", "[−350, −250]", -1
    ),
    case("nianjun", "年均增长8.1%", "%", "[8.05, 8.15]", None, 1),
    case("bei", "增长2倍", "倍", "[1.5, 2.5]", None, 1),
    case("fan-yi-fan", "翻一番", "倍", "[1, 1]", None, 1),
    case("fan-liang-fan", "翻两番", "倍", "[3, 3]", None, 1),
    case("percentage-points", "提高0.8个百分点", "个百分点", "[0.75, 0.85]", None, 1),
    case("percentage-points-down", "同比下降0.5个百分点", "个百分点", "[−0.55, −0.45]", None, -1),
    case("with-yishang", "增长6%以上", "%", "[6, ∞)", None, 1),
    case("with-jin", "下降近5%", "%", "[−5, −4.75]", "[−5, −4.5]", -1),
    case("suoduan", "缩短 6 个月", "个月", "[−6.5, −5.5]", None, -1),
    # a change word with 到/至 states the level reached, not the change
    case("level-tigao-dao", "提高到39.6%", "%", "[39.55, 39.65]", None, 0),
    case("level-jiang-zhi", "降至0.8%", "%", "[0.75, 0.85]", None, 0),
]


@pytest.mark.parametrize(("text", "unit", "strict", "lenient", "change"), CHANGES)
def test_changes(text: str, unit: str, strict: str, lenient: str | None, change: int) -> None:
    check(text, unit, strict, lenient)
    figure = parse_quantity(text)
    assert figure.change == change
    assert (figure.nominal < 0) == (change < 0)


def test_a_decrease_is_a_signed_quantity() -> None:
    figure = parse_quantity("下降13.5%")
    assert figure.low == ureg.Quantity(Decimal("-13.55"), "percent")
    assert figure.high == ureg.Quantity(Decimal("-13.45"), "percent")
    assert figure.nominal == Decimal("-13.5")


def test_growth_in_times_is_growth_in_percent() -> None:
    figure = parse_quantity("增长2倍")  # +200 %, printed to the nearest 倍
    assert figure.low.to("percent").magnitude == 150
    assert figure.high.to("percent").magnitude == 250


def test_doubling_multiplies_by_a_power_of_two() -> None:
    # 翻一番 ×2 is +1 倍; 翻两番 ×4 is +3 倍; 翻三番 ×8 is +7 倍.
    assert parse_quantity("翻三番").low_value == 7
    assert parse_quantity("翻一番").value == ureg.Quantity(1, "倍")


# --------------------------------------------------------------------------- regressions

REGRESSIONS = [
    # pint read the full-width ５ as nothing and kept the 8: 0.8 万亩
    case("full-width-5-point-8-wan-mu", "５.8万亩", "万亩", "[5.75, 5.85]"),
    # pint dropped the full-width ％ and returned a bare 7.7
    case("full-width-percent", "7.7％", "%", "[7.65, 7.75]"),
    case("full-width-percent-integer", "5％", "%", "[4.5, 5.5]"),
    case("full-width-digit-and-space", "５ 万元", "万元", "[4.5, 5.5]"),
]


@pytest.mark.parametrize(("text", "unit", "strict"), REGRESSIONS)
def test_unnormalised_text_is_read_in_full(text: str, unit: str, strict: str) -> None:
    check(text, unit, strict)
    assert parse_quantity(text).unit != ureg.dimensionless


def test_normalise_folds_full_width_and_spaces_and_maps_back() -> None:
    text, where = normalise("３ . ４ 万余辆")
    assert text == "3.4万余辆"
    assert where == [0, 2, 4, 6, 7, 8]  # the index in the original of each character


def test_percent_is_percent_not_a_bare_number() -> None:
    figure = parse_quantity("7.7％")
    assert is_percent(figure.unit)
    assert figure.low.to("dimensionless").magnitude == Decimal("0.0765")


# --------------------------------------------------------------------------- exact edges


def test_1278_4_yi_yuan_is_exactly_127840000000_yuan() -> None:
    figure = parse_quantity("1278.4亿元")
    low, high, base = figure.in_base_units()
    assert base == ureg.Unit("元")
    assert low == Decimal("127835000000")
    assert high == Decimal("127845000000")
    assert figure.value.to("元").magnitude == Decimal("127840000000")
    # What floats give, and why the registry uses Decimal:
    assert 1278.4 * 1e8 != 127840000000


EDGES = [
    case("lower-rounding-edge", "345亿元", ureg.Quantity(Decimal("344.5"), "亿元")),
    case("upper-rounding-edge", "345亿元", ureg.Quantity(Decimal("345.5"), "亿元")),
    case("edge-in-yuan", "345亿元", ureg.Quantity(Decimal("34450000000"), "元")),
    case("edge-as-float", "345亿元", ureg.Quantity(34450000000.0, "元")),  # read exactly
    case("yu-lower-edge", "3.4万余辆", ureg.Quantity(34000, "辆")),
    case("tupo-edge", "突破600家", ureg.Quantity(600, "家")),
    case("yinei-edge", "5%以内", ureg.Quantity(5, "percent")),
    case("jin-lower-edge", "近5000万元", ureg.Quantity(Decimal("4750"), "万元")),
    case("decrease-edge", "下降13.5%", ureg.Quantity(Decimal("-13.55"), "percent")),
    case("range-edge", "5至6个月", ureg.Quantity(6, "个月")),
]


@pytest.mark.parametrize(("text", "value"), EDGES)
def test_a_value_exactly_on_an_edge_is_inside(text: str, value) -> None:
    assert parse_quantity(text).contains(value)


OUTSIDE = [
    case("below-rounding-edge", "345亿元", ureg.Quantity(Decimal("344.49"), "亿元")),
    case("below-edge-as-float", "345亿元", ureg.Quantity(34449999999.99, "元")),
    case("yu-next-step", "3.4万余辆", ureg.Quantity(35000, "辆")),  # 余 stops short of it
    case("below-tupo", "突破600家", ureg.Quantity(599, "家")),
    case("above-jin", "近5000万元", ureg.Quantity(Decimal("5000.01"), "万元")),
]


@pytest.mark.parametrize(("text", "value"), OUTSIDE)
def test_a_value_just_outside_is_not_inside(text: str, value) -> None:
    assert not parse_quantity(text).contains(value)


def test_contains_takes_a_bare_number_in_the_printed_unit() -> None:
    figure = parse_quantity("345亿元")
    assert figure.contains(Decimal("345.5"))
    assert figure.contains("344.5")
    assert not figure.contains(346)


def test_an_open_bound_contains_anything_on_that_side() -> None:
    assert parse_quantity("突破600家").contains(ureg.Quantity(10**9, "家"))
    assert parse_quantity("不到10%").contains(ureg.Quantity(-50, "percent"))


# --------------------------------------------------------------------------- errors

ERRORS = [
    # text, position of the caret, a word of what was expected
    case("empty", "", 0, "数字"),
    case("letters", "abc", 0, "数字"),
    case("unit-without-number", "亿元", 0, "数字"),
    case("double-point", "12..3%", 3, "数字"),
    case("unknown-unit", "3斤斤", 1, "单位"),  # unknown unit
    case(
        "unknown-unit-after-range", "1000~2000 字", 10, "单位"
    ),  # unknown unit (seed 002), pointed at where it is
    case(
        "unknown-unit-after-ocr-spaces", "3 . 4 万余 字", 6, "单位"
    ),  # positions count the original spaces
    case("trailing-word", "345亿元整", 3, "单位"),
    case("change-without-number", "增长", 2, "数字"),
    case("lead-without-change-word", "同比7%", 2, "变化词"),
    case("year-digits", "二〇二三年", 0, "数字"),  # a year, not a figure
    case(
        "too-many-digits", "1234567890123456789012345", 0, "有效数字"
    ),  # 25 digits: more than MAX_DIGITS
]


@pytest.mark.parametrize(("text", "position", "expected"), ERRORS)
def test_not_a_figure_raises_quantity_error(text: str, position: int, expected: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.text == text
    assert err.position == position
    assert expected in err.expected
    message = str(err)
    assert f"「{text}」" in message  # quotes the text
    assert err.expected in message  # says what was expected
    caret_line = message.splitlines()[2]
    assert caret_line.strip() == "^"


def test_the_caret_lines_up_under_the_character_in_a_terminal() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("12个字")  # 个字 is no unit; CJK characters are two columns wide
    lines = str(caught.value).splitlines()
    assert lines[1] == "  12个字"
    assert lines[2] == "    ^"


def test_a_non_string_is_refused_as_quantity_error() -> None:
    with pytest.raises(QuantityError):
        parse_quantity(345)  # type: ignore[arg-type]


def test_an_unknown_reading_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="reading"):
        parse_quantity("345亿元", "loose")  # type: ignore[arg-type]


def test_quantity_error_survives_pickling() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("12..3%")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.text, copy.position, str(copy)) == ("12..3%", 3, str(caught.value))


# --------------------------------------------------------------------------- units


def test_vehicles_and_tonnes_do_not_add() -> None:
    with pytest.raises(pint.DimensionalityError):
        _ = ureg.Quantity(1, "万辆") + ureg.Quantity(1, "万吨")
    with pytest.raises(pint.DimensionalityError):
        _ = parse_quantity("3.4万余辆").low + parse_quantity("600万吨").low


def test_dollars_never_become_yuan() -> None:
    dollars = parse_quantity("40.9亿美元").low
    for unit in ("元", "亿元"):
        with pytest.raises(pint.DimensionalityError):
            dollars.to(unit)
    assert not same_dimension(ureg.Unit("美元"), ureg.Unit("元"))


def test_percent_and_percentage_points_are_different_things() -> None:
    share, change = parse_quantity("7.7%"), parse_quantity("提高0.8个百分点")
    assert share.unit != change.unit
    assert not same_dimension(share.unit, change.unit)
    with pytest.raises(pint.DimensionalityError):
        _ = share.low + change.low
    assert is_percent(share.unit)
    assert not is_percent(change.unit)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        case("people-vs-person-times", "人", "人次"),
        case("machines-vs-vehicles", "台", "辆"),
        case("firms-vs-people", "家", "人"),
        case("items-vs-projects", "个", "项"),
    ],
)
def test_counted_things_are_distinct_dimensions(a: str, b: str) -> None:
    assert not same_dimension(ureg.Unit(a), ureg.Unit(b))
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, a).to(b)


def test_the_counted_things_are_the_classifiers_and_only_they() -> None:
    from factcheck.units import COUNTED_UNITS

    assert {"辆", "台", "家", "个", "项", "人", "人次", "户", "所"} <= COUNTED_UNITS
    # Physical units, money and periods are measured, not counted.
    assert not {"吨", "亩", "元", "伏", "千瓦", "个月", "年", "天"} & COUNTED_UNITS
    # Each is a unit of its own dimension (幢 is 栋 under another name, so only 栋 is listed).
    for unit in COUNTED_UNITS:
        assert ureg.Quantity(1, unit).to_base_units().units == ureg.Unit(unit)


MAGNITUDES = [
    case("yi", "1亿元", "万元", "10000"),
    case("wan-yi", "1万亿元", "亿元", "10000"),
    case("qian-wan", "1千万元", "万元", "1000"),
    case("bai-wan", "1百万吨", "万吨", "100"),
    case("shi-wan", "1十万人", "万人", "10"),
    case("wan-kilowatt", "1万千瓦", "千瓦", "10000"),
    case("yi-usd", "1亿美元", "美元", "100000000"),
    case("wan-person-times", "1万人次", "人次", "10000"),
    case("wan-mu", "1万亩", "亩", "10000"),
    case("km", "1公里", "米", "1000"),
    case("tonne", "1吨", "公斤", "1000"),
]


@pytest.mark.parametrize(("quantity", "unit", "expected"), MAGNITUDES)
def test_magnitudes_combine_with_any_unit(quantity: str, unit: str, expected: str) -> None:
    number, name = quantity[0], quantity[1:]
    assert ureg.Quantity(Decimal(number), name).to(unit).magnitude == Decimal(expected)


def test_rates_and_per_mille() -> None:
    assert same_dimension(parse_unit("万元/人"), parse_unit("元/人"))
    assert ureg.Quantity(Decimal(1), parse_unit("万元/人")).to("元/人").magnitude == 10000
    assert (
        ureg.Quantity(Decimal(1), parse_unit("公斤/亩")).dimensionality
        == (ureg.Unit("公斤") / ureg.Unit("亩")).dimensionality
    )
    assert parse_quantity("0.91‰").low.to("percent").magnitude == Decimal("0.0905")


def test_there_is_one_registry() -> None:
    assert factcheck.ureg is factcheck.units.ureg
    assert pint.get_application_registry().get() is ureg
    figure = parse_quantity("345亿元")
    assert figure.unit._REGISTRY is ureg
    assert figure.low._REGISTRY is ureg


# --------------------------------------------------------------------------- the Contract


def test_contract_low_high_are_pint_quantities_in_the_printed_unit() -> None:
    figure = factcheck.parse_quantity("345亿元")
    assert isinstance(figure.low, ureg.Quantity)
    assert isinstance(figure.high, ureg.Quantity)
    assert figure.unit == ureg.Unit("亿元")
    assert figure.low == ureg.Quantity(Decimal("344.5"), "亿元")
    assert figure.high.to("元").magnitude == Decimal("34550000000")
    assert figure.reading == "strict"  # the default


@pytest.mark.parametrize(
    ("text", "low_is_none", "high_is_none"),
    [
        case("no-upper-bound", "突破600家", False, True),
        case("no-lower-bound", "5%以内", True, False),
        case("both-bounds", "3.4万余辆", False, False),
    ],
)
def test_contract_open_sides_are_none(text: str, low_is_none: bool, high_is_none: bool) -> None:
    figure = factcheck.parse_quantity(text)
    assert (figure.low is None, figure.high is None) == (low_is_none, high_is_none)


def test_lenient_widens_only_trailing_zeros_of_integers() -> None:
    assert parse_quantity("600万吨", reading="lenient").low_value == 550
    assert parse_quantity("605万吨", reading="lenient").low_value == Decimal("604.5")
    assert parse_quantity("6.0万吨", reading="lenient").low_value == Decimal("5.95")


# --------------------------------------------------------------------------- printing back

PRINTED = [
    case("plain", "345亿元"),
    case("yu", "3.4万余辆"),
    case("duo", "20多个"),
    case("yu-prefix", "逾500家"),
    case("tupo", "突破600家"),
    case("tupo-magnitude-alone", "突破万吨"),
    case("magnitude-alone-yu", "万余人"),
    case("jin", "近5000万元"),
    case("yinei", "5%以内"),
    case("zuoyou", "8%左右"),
    case("range", "5至6个月"),
    case("range-unit-twice", "5万元至6万元"),
    case("decrease", "下降13.5%"),
    case("tongbi", "同比增长7.7%"),
    case("percentage-points", "提高0.8个百分点"),
    case("level", "提高到39.6%"),
    case("doubling", "翻两番"),
    case("duo-after-unit", "一年多"),
    case("zh-numeral", "二十八"),
    case("negative", "-5%"),
]


@pytest.mark.parametrize("text", PRINTED)
def test_format_quantity_prints_a_figure_the_way_it_was_printed(text: str) -> None:
    figure = parse_quantity(text)
    assert format_quantity(figure) == text
    assert str(figure) == text
    assert parse_quantity(format_quantity(figure)) == figure


def test_format_quantity_drops_ocr_spaces_and_full_width_forms() -> None:
    assert format_quantity(parse_quantity("3 . 4 万余辆")) == "3.4万余辆"
    assert format_quantity(parse_quantity("７．７％")) == "7.7%"
