"""Properties of parse_quantity that hold for every figure, checked with hypothesis.

Figures are composed the way a report composes them: an optional change word, one
qualifier at most, a number (Arabic or Chinese), a magnitude, a unit.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from hypothesis import assume, example, given
from hypothesis import strategies as st

from factcheck import (
    Figure,
    QuantityError,
    format_quantity,
    parse_quantity,
    parse_readings,
    ureg,
)
from factcheck.quantity import normalise

READINGS = ("strict", "lenient")

UNITS = (
    *("", "元", "美元", "吨", "辆", "台", "家", "个", "处", "人", "人次", "项", "所", "户"),
    *("%", "个百分点", "倍", "亩", "平方米", "公里", "千瓦", "兆瓦", "年", "个月", "天", "‰"),
)
MAGNITUDES = ("", "", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "万亿")
PREFIXES = (
    *("逾", "超过", "超", "突破", "不低于", "近", "接近", "将近", "不到", "不足", "约", "大约"),
)
SUFFIXES = ("以上", "以下", "以内", "左右")
APPROX = ("余", "多")
CHANGES = ("", "", "增长", "下降", "同比增长", "同比下降", "年均增长", "提高", "减少", "降至")
ZH_NUMBERS = ("五", "十三", "二十八", "一百零五", "三千五百", "两万", "一亿五千万", "两万五")
SEPARATORS = ("至", "-", "—", "~", "到")


@st.composite
def arabic(draw: st.DrawFn) -> str:
    """An Arabic number as printed: 345, 1278.4, 1,278.4, 0.91, 600."""
    integer = draw(st.integers(0, 10**9))
    places = draw(st.integers(0, 3))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    whole = f"{integer:,}" if draw(st.booleans()) else str(integer)
    return f"{whole}.{fraction:0{places}d}" if places else whole


FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def as_printed(draw: st.DrawFn, text: str) -> str:
    """The text as OCR or a full-width font may print it: ３ . ４ 万余辆."""
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    for at in sorted(draw(st.lists(st.integers(0, len(text)), max_size=3)), reverse=True):
        text = text[:at] + " " + text[at:]
    return text


@st.composite
def figure_texts(draw: st.DrawFn) -> str:
    """One figure: [change word][prefix]number[magnitude][余/多]unit[suffix]."""
    change = draw(st.sampled_from(CHANGES))
    if draw(st.booleans()):
        number, magnitude = draw(arabic()), draw(st.sampled_from(MAGNITUDES))
    else:
        number, magnitude = draw(st.sampled_from(ZH_NUMBERS)), ""
    sign = "-" if not change and draw(st.integers(0, 9)) == 0 else ""
    unit = draw(st.sampled_from(UNITS))
    prefix = approx = suffix = ""
    kind = draw(st.sampled_from(("plain", "prefix", "suffix", "approx")))
    if kind == "prefix":
        prefix = draw(st.sampled_from(PREFIXES))
    elif kind == "suffix":
        suffix = draw(st.sampled_from(SUFFIXES))
    elif kind == "approx":
        approx = draw(st.sampled_from(APPROX))
    return as_printed(draw, f"{change}{prefix}{sign}{number}{magnitude}{approx}{unit}{suffix}")


@st.composite
def range_texts(draw: st.DrawFn) -> str:
    """A range: 5至6个月, 80-120元, 下降5至6个百分点."""
    low = draw(st.decimals(0, 10**6, places=draw(st.integers(0, 2))))
    high = low + draw(st.decimals(0, 10**4, places=draw(st.integers(0, 2))))
    change = draw(st.sampled_from(("", "", "增长", "下降")))
    separator = draw(st.sampled_from(SEPARATORS))
    unit = draw(st.sampled_from(UNITS))
    return as_printed(draw, f"{change}{low:f}{separator}{high:f}{unit}")


doubling_texts = st.sampled_from(("一", "两", "二", "三", "四", "十")).map(lambda n: f"翻{n}番")
any_figure = st.one_of(figure_texts(), figure_texts(), range_texts(), doubling_texts)


def below(a: Decimal | None, b: Decimal | None) -> bool:
    """a ≤ b for lower edges, None being −∞."""
    return a is None or (b is not None and a <= b)


def above(a: Decimal | None, b: Decimal | None) -> bool:
    """a ≥ b for upper edges, None being +∞."""
    return a is None or (b is not None and a >= b)


# --------------------------------------------------------------------------- intervals


@given(text=any_figure)
@example(text="3.4万余辆")
@example(text="下降13.5%")
@example(text="近5000万元")
@example(text="缩短5至6个月")
def test_the_printed_number_lies_in_its_own_interval(text: str) -> None:
    for reading in READINGS:
        figure = parse_quantity(text, reading)
        assert figure.contains(figure.nominal), (text, reading)
        assert figure.contains(figure.value), (text, reading)


@given(text=any_figure)
@example(text="600万吨")
@example(text="约5000万元")
@example(text="80-120元")
def test_the_lenient_interval_contains_the_strict_one(text: str) -> None:
    strict, lenient = parse_quantity(text, "strict"), parse_quantity(text, "lenient")
    assert below(lenient.low_value, strict.low_value), text
    assert above(lenient.high_value, strict.high_value), text
    if lenient.low_value == strict.low_value and lenient.low_open:
        assert strict.low_open, text
    if lenient.high_value == strict.high_value and lenient.high_open:
        assert strict.high_open, text


@given(
    coefficient=st.integers(1, 10**12),
    places=st.integers(0, 4),
    qualifier=st.sampled_from(("", "近", "约", "超过", "不到", "余")),
)
@example(coefficient=12784, places=0, qualifier="")  # 12784万元 and 1.2784亿元
def test_wan_and_yi_at_the_same_precision_give_the_same_interval_in_yuan(
    coefficient: int, places: int, qualifier: str
) -> None:
    in_wan = Decimal(coefficient).scaleb(-places)
    in_yi = in_wan.scaleb(-4)  # four more decimal places: the same last digit
    prefix, approx = ("", qualifier) if qualifier == "余" else (qualifier, "")
    if approx and places == 0:
        assume(coefficient % 10 != 0)  # 12780万余 is [12780, 12790) 万: not 4 more places
    wan = parse_quantity(f"{prefix}{in_wan:f}万{approx}元")
    yi = parse_quantity(f"{prefix}{in_yi:f}亿{approx}元")
    assert wan.in_base_units() == yi.in_base_units()
    assert (wan.low_open, wan.high_open) == (yi.low_open, yi.high_open)
    if coefficient % 10:  # lenient reads trailing zeros of integers only
        assert (
            parse_quantity(f"{prefix}{in_wan:f}万{approx}元", "lenient").in_base_units()
            == parse_quantity(f"{prefix}{in_yi:f}亿{approx}元", "lenient").in_base_units()
        )


@given(
    printed=st.integers(0, 10**10),
    places=st.integers(0, 5),
    tenths=st.integers(-5, 5),
    rounding=st.sampled_from((ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN)),
    unit=st.sampled_from(("亿元", "万吨", "%", "个百分点", "人")),
)
def test_any_decimal_printed_to_k_places_is_inside_its_interval_edges_included(
    printed: int, places: int, tenths: int, rounding: str, unit: str
) -> None:
    step = Decimal(1).scaleb(-places)
    # a true value within half a step of a printed number, the two edges included
    true = Decimal(printed) * step + Decimal(tenths) * step / 10
    shown = true.quantize(step, rounding=rounding)
    figure = parse_quantity(f"{shown:f}{unit}")
    assert figure.contains(true)
    assert figure.contains(ureg.Quantity(true, figure.unit).to_base_units())
    assert parse_quantity(f"{shown:f}{unit}", "lenient").contains(true)
    # and nothing more than half a step away
    assert not figure.contains(shown + step * Decimal("0.51"))
    assert not figure.contains(shown - step * Decimal("0.51"))


# --------------------------------------------------------------------------- printing


@given(text=any_figure)
@example(text="3 . 4 万余辆")
@example(text="5万元至6万元")
@example(text="一年多")
@example(text="逾-0")  # the minus sign of a zero must be printed back
def test_format_then_parse_gives_back_the_same_figure(text: str) -> None:
    for reading in READINGS:
        figure = parse_quantity(text, reading)
        printed = format_quantity(figure)
        assert parse_quantity(printed, reading) == figure, (text, printed)


@given(text=any_figure)
def test_a_figure_prints_without_its_spaces_and_full_width_forms(text: str) -> None:
    printed = format_quantity(parse_quantity(text))
    assert " " not in printed
    assert not any("\uff01" <= ch <= "\uff5e" for ch in printed)


# --------------------------------------------------------------------------- fuzz

RELEVANT = (
    "0123456789０１２３４５６７８９.．,，%％‰-—~～ \u3000\n"
    "零〇一二两三四五六七八九十百千万亿元吨辆台家个人次项所倍亩米公里瓦年月天"
    "余多逾近约超过突破以上下内左右不低于到足至翻番增长降提高同比年均个百分点"
    "①②⑦½²·/()（）e+"
)


def read(text: str, reading: str = "strict") -> Figure | QuantityError:
    """The figure, or the QuantityError; any other exception propagates and fails the test."""
    try:
        return parse_quantity(text, reading)  # type: ignore[arg-type]
    except QuantityError as err:
        return err


@given(text=st.one_of(st.text(), st.text(alphabet=RELEVANT, max_size=16)))
@example(text="亿元")
@example(text="12..3%")
@example(text="9" * 40)
@example(text="翻零番")
@example(text="6至5个月")
def test_arbitrary_text_raises_nothing_but_quantity_error(text: str) -> None:
    for reading in READINGS:
        result = read(text, reading)
        assert isinstance(result, Figure | QuantityError)
        if isinstance(result, QuantityError):
            assert result.text == text
            assert 0 <= result.position <= len(text)


@given(text=figure_texts(), noise=st.text(alphabet=RELEVANT, max_size=3), at=st.integers(0, 40))
def test_a_figure_with_noise_inserted_reads_or_raises_quantity_error(
    text: str, noise: str, at: int
) -> None:
    garbled = text[:at] + noise + text[at:]
    result = read(garbled)
    assert isinstance(result, Figure | QuantityError)
    assert result.text == garbled


@given(text=st.one_of(any_figure, st.text(alphabet=RELEVANT, max_size=16)))
@example(text="翻两番")
@example(text="5万元至6万元")
@example(text="翻零番")
def test_both_readings_at_once_are_the_two_readings_one_at_a_time(text: str) -> None:
    alone = (read(text, "strict"), read(text, "lenient"))
    try:
        both: tuple[Figure, Figure] | QuantityError = parse_readings(text)
    except QuantityError as err:
        both = err
    if isinstance(both, QuantityError):
        assert isinstance(alone[0], QuantityError)
        assert (both.position, both.expected) == (alone[0].position, alone[0].expected)
    else:
        assert both == alone
        assert [f.reading for f in both] == ["strict", "lenient"]


def fold_each_character(text: str) -> tuple[str, list[int]]:
    """What normalise means, one character at a time: NFKC, the report foldings, no spaces."""
    out, where = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_FOLDINGS):
            if not c.isspace():
                out.append(c)
                where.append(i)
    return "".join(out), where


_FOLDINGS = str.maketrans({"萬": "万", "億": "亿", "兩": "两", "％": "%", "－": "-", "—": "-"})


@given(text=st.one_of(st.text(alphabet=RELEVANT + "萬億兩", max_size=16), st.text(max_size=8)))
@example(text="345亿元")  # already normal: the quick path
@example(text="３ . ４ 万余辆")
@example(text="1,278.4萬元")  # normal for NFKC, folded by the report foldings only
def test_normalise_is_per_character_folding(text: str) -> None:
    expected = fold_each_character(text)
    if all(ch in RELEVANT + "萬億兩" for ch in text):
        assert normalise(text) == expected
    else:  # other scripts: at least the positions must point into the text, in order
        folded, where = normalise(text)
        assert len(folded) == len(where)
        assert where == sorted(where)
        assert all(0 <= i < len(text) for i in where)
