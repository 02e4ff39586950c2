"""Printed figures as the intervals they round from.

A figure in a report is not a number: ``345亿元`` is every value that rounds to 345 亿元,
[344.5, 345.5] 亿元. :func:`parse_quantity` reads a figure as printed in Chinese text and
returns a :class:`Figure`: an interval with a pint unit. :func:`format_quantity` prints it
back the way a report prints it, so a claim survives a YAML round-trip unchanged.

Readings. Each figure has a *strict* and a *lenient* interval:

========================== ================================== ==============================
printed                    strict                             lenient
========================== ================================== ==============================
``345亿元``                [344.5, 345.5] 亿元                same
``600万吨`` (trailing 0s)  [599.5, 600.5]: zeros significant  [550, 650]: last non-zero digit
``3.4万余辆``, ``20多个``  [3.4, 3.5) 万辆: up to the next    same
                           step of the last non-zero digit
``逾N``                    as ``N余``                         same
``超过/突破/N以上/不低于N`` [N, ∞)                            same
``不到/不足N``,            (−∞, N]                            same
``N以下/以内``
``近/接近/将近N``          [0.95·N, N]                        [0.90·N, N]
``约/大约N``, ``N左右``    plain band ∪ N ± 5 %               lenient band ∪ N ± 10 %
``5至6个月``, ``5—6``      [5, 6]                             [4.5, 6.5]
``下降5至6个百分点``        [−6, −5]                           [−6.5, −4.5]
``增长7.7%``/``下降13.5%`` ±[7.65, 7.75] %                    as the number
``年均增长8.1%``           +[8.05, 8.15] %                    as the number
``提高到39.6%``/``降至5%`` a level, read as ``39.6%``/``5%``  as the number
``增长2倍``                +[1.5, 2.5] 倍 (= +150…250 %)      as the number
``翻一番``/``翻两番``      +1 倍 / +3 倍 exactly (×2, ×4)     same
========================== ================================== ==============================

The bands for 近 (5 % / 10 % below N) and 约 (5 % / 10 % either side, never narrower than
the rounding band) are choices: Chinese style guides give no number, and these are as wide
as a careful reader would allow before calling a figure wrong.

Chinese numerals are read place by place (二十八, 一百零五, 两万, 一万亿, 一亿五千万); a last
digit straight after a place word is the next place down, as said aloud (三千五 = 3500,
两万五 = 25000). Their precision is that of the Arabic figure a report would print in their
place: 三千五百 is 3500 (strict [3499.5, 3500.5], lenient [3450, 3550]), 两万 is 2万
([15000, 25000]: 万 and 亿 are magnitude words), and a spoken short form is as coarse as it
sounds (三千五 is [3450, 3550]). 八点五 is 8.5; 百分之三十 is 30%; 三成 is 3 成 = 30%, read to the
成 ([25%, 35%]); 上万人 is at least 1万人. A magnitude word alone with a qualifier counts one of
it: 突破万吨 is [1, ∞) 万吨, 万余人 is [1, 2) 万人.

A figure may have at most 24 significant digits; longer digit strings (OCR runs, serial
numbers) are refused, so that every edge is computed exactly.

Edges are exact ``Decimal`` numbers: a value exactly on a rounding edge is inside.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from factcheck.errors import QuantityError
from factcheck.units import Unit, UnknownUnitError, base_factor, parse_unit, ureg

Reading = Literal["strict", "lenient"]

#: Bands for approximate figures, as fractions of the stated number (see the module docstring).
NEAR_BAND: dict[str, Decimal] = {"strict": Decimal("0.05"), "lenient": Decimal("0.10")}
ABOUT_BAND: dict[str, Decimal] = {"strict": Decimal("0.05"), "lenient": Decimal("0.10")}

_HALF = Decimal("0.5")

# Qualifiers, longest first so that 接近 is not read as 近 plus garbage.
_PREFIX_QUALIFIERS: dict[str, str] = {
    "不低于": "at_least",
    "不少于": "at_least",
    "超过": "at_least",
    "突破": "at_least",
    "至少": "at_least",
    "多于": "at_least",
    "高于": "at_least",
    "大于": "at_least",
    "超": "at_least",
    "上": "at_least",  # 上万人, 上千家: at least one 万 / 千
    "逾": "plus",
    "将近": "near",
    "接近": "near",
    "近": "near",
    "不超过": "at_most",  # 赤字率不超过3%: targets and caps
    "不高于": "at_most",
    "不多于": "at_most",
    "至多": "at_most",
    "最多": "at_most",
    "不到": "at_most",
    "不足": "at_most",
    "少于": "at_most",
    "低于": "at_most",
    "小于": "at_most",
    "大约": "about",
    "约为": "about",
    "约": "about",
}
_SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "about",
    "上下": "about",
}
_UP_WORDS = ("增长", "增加", "提高", "上升", "提升", "上涨", "扩大", "延长", "增", "涨")
_DOWN_WORDS = ("下降", "减少", "降低", "下滑", "回落", "下跌", "缩小", "缩减", "缩短", "减", "降")
_CHANGE_LEADS = ("同比", "比上年", "较上年", "比去年", "较去年", "环比", "年均")
# 提高到39.6%, 降至0.8%: a change word followed by one of these states the level reached.
_LEVEL_MARKS = ("到", "至")

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "亿": 10**8}
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_MAGNITUDE = re.compile(r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百|十)")
_RANGE_SEPARATORS = ("至", "到", "~", "-")
# Units whose name starts with a magnitude word: 千瓦 is not 千 × 瓦-something, 三千瓦 is 3 千瓦.
_MAGNITUDE_UNITS = ("百分点", "千瓦", "千克", "千米", "千伏")
#: The longest figure read, in significant digits: Decimal's 28-digit context then keeps
#: every edge (N ± half a step, N·(1 ± band), N × 10¹²) exact.
MAX_DIGITS = 24
_DOUBLING = re.compile(r"翻([一两二三四五六七八九十]+)番")


def _longest_first(words: Iterable[str]) -> re.Pattern[str]:
    """One of ``words`` at a position, the longest that fits (比上年 before 比), as one
    regular expression: a figure is read at every load, and trying each word in turn
    dominated reading."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))


_CHANGE_LEAD_WORDS = _longest_first(_CHANGE_LEADS)
_CHANGE_WORDS = _longest_first(_UP_WORDS + _DOWN_WORDS)
_LEVEL_MARK_WORDS = _longest_first(_LEVEL_MARKS)
_PREFIX_WORDS = _longest_first(_PREFIX_QUALIFIERS)
_PER_CENT_WORDS = _longest_first(("百分之",))
_RANGE_SEPARATOR_WORDS = _longest_first(_RANGE_SEPARATORS)
_SUFFIX_WORDS = _longest_first(_SUFFIX_QUALIFIERS)


# What NFKC leaves alone but a report still writes in many ways.
_EXTRA_NORMALISATION = str.maketrans(
    {
        "萬": "万",
        "億": "亿",
        "兩": "两",
        "—": "-",
        "–": "-",
        "―": "-",
        "－": "-",
        "〜": "~",
        "～": "~",
        "−": "-",
        "％": "%",
    }
)


@dataclass(frozen=True, eq=False)
class Figure:
    """A printed figure read as an interval.

    ``low``/``high`` are pint quantities in the printed unit (``None`` for an open side);
    ``low_value``/``high_value`` are their exact magnitudes. ``low_open``/``high_open`` say
    whether the edge itself is excluded (``3.4万余辆`` is below 3.5万, not at it).

    Attributes:
        text: the text it was read from (not part of equality).
        unit: the printed unit as a pint unit (亿元, 万辆, percent, 个百分点, 倍 …).
        low_value, high_value: the interval's edges in ``unit``; ``None`` is unbounded.
        nominal: the number as printed, signed by its change word (下降13.5% is −13.5).
        qualifier: ``None`` for a plain figure, else one of ``plus``, ``at_least``,
            ``at_most``, ``near``, ``about``, ``range``, ``doubling``.
        change: +1 for 增长/提高…, −1 for 下降/减少…, 0 when no change word is printed.
        step: the size of the last printed digit, in ``unit``.
        reading: ``strict`` or ``lenient``.
    """

    text: str
    unit: Unit
    low_value: Decimal | None
    high_value: Decimal | None
    nominal: Decimal
    qualifier: str | None = None
    change: int = 0
    step: Decimal = Decimal(1)
    reading: Reading = "strict"
    low_open: bool = False
    high_open: bool = False
    #: How the figure was printed, so that :func:`format_quantity` prints it back.
    spelling: _Spelling = field(default=None, repr=False)  # type: ignore[assignment]

    @property
    def low(self) -> Any:
        """The lower edge as a pint quantity, ``None`` when unbounded below."""
        return None if self.low_value is None else ureg.Quantity(self.low_value, self.unit)

    @property
    def high(self) -> Any:
        """The upper edge as a pint quantity, ``None`` when unbounded above."""
        return None if self.high_value is None else ureg.Quantity(self.high_value, self.unit)

    @property
    def value(self) -> Any:
        """The number as printed, as a pint quantity."""
        return ureg.Quantity(self.nominal, self.unit)

    def _key(self) -> tuple[object, ...]:
        return (
            self.low_value,
            self.high_value,
            str(self.unit),
            self.nominal,
            self.qualifier,
            self.change,
            self.reading,
            self.low_open,
            self.high_open,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def in_base_units(self) -> tuple[Decimal | None, Decimal | None, Unit]:
        """The edges converted to the registry's base units (亿元 → 元), exactly."""
        factor, base = base_factor(self.unit)
        lo = None if self.low_value is None else self.low_value * factor
        hi = None if self.high_value is None else self.high_value * factor
        return lo, hi, base

    def contains(self, value: Any) -> bool:
        """Whether a pint quantity (or a bare number in ``unit``) lies in the interval."""
        if hasattr(value, "to"):
            # Convert an exact copy: a float magnitude times the registry's Decimal factors
            # would raise TypeError (and would not be exact).
            exact = ureg.Quantity(Decimal(str(value.magnitude)), value.units)
            magnitude = Decimal(exact.to(self.unit).magnitude)
        else:
            magnitude = Decimal(str(value))
        if self.low_value is not None and (
            magnitude < self.low_value or (self.low_open and magnitude == self.low_value)
        ):
            return False
        return not (
            self.high_value is not None
            and (magnitude > self.high_value or (self.high_open and magnitude == self.high_value))
        )

    def __str__(self) -> str:
        return format_quantity(self)


@dataclass(frozen=True)
class _Spelling:
    """The printed parts of a figure: enough to print it back as the report did."""

    number: str
    magnitude: str
    unit: str
    prefix: str = ""
    suffix: str = ""
    approx: str = ""  # 余 or 多, between the magnitude and the unit
    change_word: str = ""
    number_high: str = ""  # the second number of a range
    separator: str = ""
    unit_low: str = ""  # what a range prints after its first number: 5万元至6万元
    approx_last: bool = False  # 一年多: the 余/多 comes after the unit
    per_cent: bool = False  # 百分之三十: the % is printed in words before the number


# --------------------------------------------------------------------------- normalising


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC plus the report-specific foldings, with spaces removed.

    Returns the normalised text and, for each of its characters, the index of the
    character of ``text`` it came from (so errors point into what the user wrote).
    pint silently misreads un-normalised text (``５.8万亩`` as 0.8 万亩, ``7.7％`` as a bare
    7.7), so nothing reaches pint before this.
    """
    if unicodedata.is_normalized("NFKC", text):
        # Most figures: every character is its own NFKC form, and the foldings map one
        # character to one, so positions only shift where spaces are dropped.
        folded = text.translate(_EXTRA_NORMALISATION)
        if not any(c.isspace() for c in folded):
            return folded, list(range(len(folded)))
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).translate(_EXTRA_NORMALISATION)
        for c in folded:
            if c.isspace():
                continue
            out.append(c)
            where.append(i)
    return "".join(out), where


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class _Number:
    value: Decimal
    step: Decimal  # size of the last printed digit
    nonzero_step: Decimal  # size of the last non-zero digit (lenient precision)
    text: str
    end: int


def _last_nonzero_step(value: Decimal, step: Decimal) -> Decimal:
    if value == 0:
        return step
    digits = abs(value)
    s = step
    while (digits / (s * 10)) == (digits / (s * 10)).to_integral_value() and s * 10 <= digits:
        s *= 10
    return max(s, step)


def _read_arabic(text: str, pos: int) -> _Number | None:
    m = _ARABIC.match(text, pos)
    if not m:
        return None
    raw = m.group(0)
    digits = raw.replace(",", "")
    if digits.startswith("."):
        digits = "0" + digits
    value = Decimal(digits)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    step = Decimal(1).scaleb(exponent)
    nonzero = step if "." in digits else _last_nonzero_step(value, step)
    return _Number(value, step, nonzero, raw, m.end())


def _zh_numeral_value(numeral: str) -> tuple[int, int] | None:
    """Value of a Chinese numeral and the place of its last written digit, or None.

    Place words must fall within each group of four (十十 and 百千 are not numbers); 万 and
    亿 close a group (一万亿 is 10¹², 一亿五千万 is 1.5 × 10⁸). A last digit straight after a
    place word is the next place down, as said aloud (三千五 is 3500, 两万五 is 25000); after
    零 it is the units digit (一千零五 is 1005).
    """
    total = 0  # the closed groups
    section = 0  # the open group, below 万
    digit: int | None = None
    small = 10**4  # the last 十/百/千 of the open group: the next one must be smaller
    wan_closed = False  # 万 has closed a group since the last 亿
    last_place = 1
    for ch in numeral:
        if ch in _ZH_DIGITS:
            d = _ZH_DIGITS[ch]
            if d == 0:
                if digit is not None:
                    return None  # 五零 is not a number (二〇二三 is a year, not a figure)
                continue
            if digit is not None:
                return None  # two digits in a row: 二三 is not a number
            digit = d
        elif ch in _ZH_SMALL:
            place = _ZH_SMALL[ch]
            if place >= small:
                return None
            small = place
            section += (1 if digit is None else digit) * place
            last_place = place
            digit = None
        else:
            big = _ZH_BIG[ch]
            group = section + (digit or 0)
            if digit is not None:
                last_place = 1
            if big == 10**8:
                total = ((total + group) or 1) * big
                wan_closed = False
            else:
                if wan_closed or (group == 0 and total):
                    return None  # 一万二万, 一亿万
                total += (group or 1) * big
                wan_closed = True
            last_place *= big
            section = 0
            digit = None
            small = 10**4
    if digit is not None:
        before = numeral[-2] if len(numeral) >= 2 else ""
        place = 1
        if before in ("百", "千"):
            place = _ZH_SMALL[before] // 10
        elif before in _ZH_BIG:
            place = _ZH_BIG[before] // 10
        section += digit * place
        last_place = place
    return total + section, last_place


def zh_integer(numeral: str) -> int | None:
    """The value of a Chinese numeral (十三 → 13, 二十八 → 28), or ``None`` if it is not one."""
    if not _ZH_NUMERAL.fullmatch(numeral):
        return None
    parsed = _zh_numeral_value(numeral)
    return None if parsed is None else parsed[0]


def _read_chinese(text: str, pos: int) -> _Number | None:
    m = _ZH_NUMERAL.match(text, pos)
    # 万 and 亿 alone are magnitudes, not numbers: 亿元 is a unit with no figure.
    if not m or m.group(0)[0] in _ZH_BIG:
        return None
    end = m.end()
    # 三千千瓦 is 三千 + 千瓦, not 三千千 + 瓦.
    for k in range(pos + 1, end):
        if text.startswith(_MAGNITUDE_UNITS, k):
            end = k
            break
    raw = text[pos:end]
    parsed = _zh_numeral_value(raw)
    if parsed is None:
        return None
    value, place = parsed
    # Read as the Arabic figure a report would print: 三千五百 is 3500 (zeros significant
    # under the strict reading, as in 600), 两万 is 2万 (万 and 亿 are magnitude words).
    nonzero = Decimal(place)
    if len(raw) >= 2 and raw[-1] in _ZH_DIGITS and raw[-2] in "百千万亿":
        step = nonzero  # 三千五, 两万五: the spoken short form is as coarse as it sounds
    else:
        step = Decimal(_closing_magnitude(raw))
    number = Decimal(value)
    # 八点五, 百分之三十五点二: 点 then plain digits is a decimal fraction.
    if place == 1 and end < len(text) and text[end] == "点":
        k = end + 1
        while k < len(text) and text[k] in _ZH_DIGITS:
            k += 1
        if k > end + 1:
            digits = "".join(str(_ZH_DIGITS[c]) for c in text[end + 1 : k])
            number = Decimal(f"{value}.{digits}")
            step = nonzero = Decimal(1).scaleb(-len(digits))
            raw, end = text[pos:k], k
    return _Number(number, step, nonzero, raw, end)


def _closing_magnitude(numeral: str) -> int:
    """The magnitude word a Chinese numeral ends with (两万 → 10⁴), else 1."""
    if numeral.endswith("万亿"):
        return 10**12
    if numeral.endswith("亿"):
        return 10**8
    if numeral.endswith("万"):
        return 10**4
    return 1


def _too_long(number: _Number) -> bool:
    """Whether a number has more significant digits than :data:`MAX_DIGITS`."""
    if number.value == 0:
        return False
    return (number.value / number.step).adjusted() + 1 > MAX_DIGITS


def _read_number(text: str, pos: int) -> _Number | None:
    return _read_arabic(text, pos) or _read_chinese(text, pos)


# --------------------------------------------------------------------------- the reader


class _Reader:
    """Reads one figure from normalised text; positions map back to the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text, self.where = normalise(original)
        self.pos = 0

    def fail(self, expected: str, at: int | None = None, reason: str = "") -> QuantityError:
        at = self.pos if at is None else at
        origin = self.where[at] if at < len(self.where) else len(self.original)
        return QuantityError(self.original, origin, expected, reason=reason)

    def take(self, words: re.Pattern[str]) -> str:
        """The word of ``words`` (see :func:`_longest_first`) at the position, consumed."""
        m = words.match(self.text, self.pos)
        if m is None:
            return ""
        self.pos = m.end()
        return m.group(0)

    def rest(self) -> str:
        return self.text[self.pos :]


def parse_quantity(text: str, reading: Reading = "strict") -> Figure:
    """Read a figure as printed in a Chinese report.

    Args:
        text: one figure with its unit and qualifiers: ``345亿元``, ``3.4万余辆``,
            ``突破600家``, ``近5000万元``, ``5至6个月``, ``下降13.5%``, ``提高0.8个百分点``,
            ``翻一番``, ``两万``, ``３ . ４ 万余辆`` (full-width and OCR spaces are folded).
        reading: ``strict`` or ``lenient`` (see the module docstring for the bands).

    Returns:
        The figure as an interval in its printed unit.

    Raises:
        QuantityError: the text is not a figure; the message quotes it, points at the
            position and says what was expected there.
    """
    if reading not in ("strict", "lenient"):
        raise ValueError(f"reading={reading!r}: expected 'strict' or 'lenient'")
    return _read(text)(reading)


def parse_readings(text: str) -> tuple[Figure, Figure]:
    """Both readings of a figure, strict then lenient, reading the text once.

    The same as ``parse_quantity(text, "strict"), parse_quantity(text, "lenient")``, in half
    the time: the readings differ only in the band put around the number at the end.
    """
    build = _read(text)
    return build("strict"), build("lenient")


def _read(text: str) -> Callable[[Reading], Figure]:
    """Read ``text`` up to the reading: what is left is a function of the reading."""
    if not isinstance(text, str):
        raise QuantityError(str(text), 0, "一段文字", reason=f"不是文字而是 {type(text).__name__}")
    r = _Reader(text)
    if not r.text:
        raise r.fail("数字（如 345亿元、3.4万余辆、增长7.7%）", reason="没有内容")

    doubling = _DOUBLING.fullmatch(r.text)
    if doubling:
        count = doubling.group(1)
        return lambda reading: _doubling(text, count, reading, r)

    lead = r.take(_CHANGE_LEAD_WORDS)
    change_word = r.take(_CHANGE_WORDS)
    if lead and not change_word:
        raise r.fail("增长或下降等变化词")
    change = 0
    if change_word:
        change = 1 if change_word in _UP_WORDS else -1
        level = r.take(_LEVEL_MARK_WORDS)
        if level:  # 提高到39.6% states the level reached, not the change
            change = 0
        change_word = lead + change_word + level
    prefix = r.take(_PREFIX_WORDS)
    sign = 1
    if not change and r.text.startswith(("-", "+"), r.pos):
        sign = -1 if r.text[r.pos] == "-" else 1
        r.pos += 1

    per_cent = r.take(_PER_CENT_WORDS)  # 百分之三十 is 30%, 百分之八点五 is 8.5%
    number = _read_number(r.text, r.pos)
    alone = r.text.startswith(("万", "亿"), r.pos)
    if number is None and alone and (prefix or r.text.startswith(("余", "多"), r.pos + 1)):
        # 突破万吨, 逾亿元, 万余人: a magnitude word alone with a qualifier means one of it.
        number = _Number(Decimal(1), Decimal(1), Decimal(1), "", r.pos)
    if number is None:
        raise r.fail("数字（阿拉伯数字或汉字数字）")
    if _too_long(number):
        raise r.fail(f"至多 {MAX_DIGITS} 位有效数字", reason="数字位数过多")
    if number.end < len(r.text) and r.text[number.end] in ".,":
        raise r.fail("数字", at=number.end + 1 if number.end + 1 < len(r.text) else number.end)
    r.pos = number.end

    magnitude = ""
    magnitude_start = r.pos
    if not number.text or _ZH_NUMERAL.fullmatch(number.text) is None:  # 1.2万, 3.4万余
        m = _MAGNITUDE.match(r.text, r.pos)
        if m and not r.text.startswith(_MAGNITUDE_UNITS, r.pos):
            magnitude = m.group(0)
            r.pos = m.end()
    approx = ""
    if r.text.startswith(("余", "多"), r.pos):
        approx = r.text[r.pos]
        r.pos += 1

    # A range: 5至6个月, 5-6万吨, 5万至6万吨, 5万元至6万元.
    high_number: _Number | None = None
    separator = ""
    unit_start = r.pos
    unit_at = magnitude_start if magnitude else unit_start  # where an unknown unit is shown
    unit_text = _take_unit(r)
    printed_unit = unit_text
    unit_low = ""
    if not approx and not prefix:
        sep = r.take(_RANGE_SEPARATOR_WORDS)
        if sep:
            separator = sep
            if sign < 0:
                raise r.fail("正数的范围（减少写作 下降5至6个百分点）", at=0, reason="范围前有负号")
            high_number = _read_number(r.text, r.pos)
            if high_number is None:
                raise r.fail("范围的第二个数字（如 5至6个月）")
            if _too_long(high_number):
                raise r.fail(f"至多 {MAX_DIGITS} 位有效数字", reason="数字位数过多")
            if high_number.value < number.value:
                raise r.fail(f"不小于 {number.text} 的数字", reason="范围的上限小于下限")
            r.pos = high_number.end
            unit_low = magnitude + unit_text
            second_start = r.pos
            second_unit = _take_unit(r)
            if unit_text and second_unit and unit_low != second_unit:
                raise r.fail(f"与第一个数字相同的单位「{unit_low}」", at=second_start)
            printed_unit = second_unit
            if not second_unit:
                unit_text = unit_low
            elif unit_text or second_unit.startswith(magnitude):
                unit_text = second_unit
                unit_at = second_start
            else:
                # 5万至6吨 prints the magnitude once; it belongs to the one unit.
                unit_text = magnitude + second_unit
                unit_at = second_start
            magnitude = ""

    suffix_start = r.pos
    suffix = r.take(_SUFFIX_WORDS)
    approx_last = False
    if not approx and not suffix and r.text.startswith(("余", "多"), r.pos):
        approx = r.text[r.pos]  # 一年多, 20个多: after the unit
        approx_last = True
        r.pos += 1
    if r.pos != len(r.text):
        raise r.fail("单位或限定词（如 亿元、万辆、%、个百分点、余、以上、左右）")
    if prefix and suffix:
        raise r.fail("至多一个限定词", at=suffix_start, reason=f"同时有「{prefix}」和「{suffix}」")

    if per_cent:
        if magnitude or unit_text or high_number is not None or approx:
            raise r.fail("百分之后只跟数字（如 百分之三十）", at=unit_at)
        unit_text = printed_unit = "%"
    full_unit = magnitude + unit_text
    try:
        unit = parse_unit(full_unit)
    except UnknownUnitError:
        raise r.fail(
            "已知单位（如 元、亿元、吨、辆、家、人、%、个百分点）",
            at=unit_at,
            reason=f"未知单位「{full_unit}」",
        ) from None

    spelling = _Spelling(
        number=number.text,
        magnitude=magnitude,
        unit=printed_unit,
        prefix=prefix,
        suffix=suffix,
        approx=approx,
        change_word=change_word,
        number_high=high_number.text if high_number else "",
        separator=separator,
        unit_low=unit_low,
        approx_last=approx_last,
        per_cent=bool(per_cent),
    )
    signed = change or sign
    kind = _PREFIX_QUALIFIERS.get(prefix) or _SUFFIX_QUALIFIERS.get(suffix)
    if approx:
        kind = "plus"
    if high_number is not None:
        high = high_number
        return lambda reading: _range_figure(text, unit, number, high, change, reading, spelling)
    return lambda reading: _figure(text, unit, number, kind, signed, change, reading, spelling)


def _take_unit(r: _Reader) -> str:
    start = r.pos
    while r.pos < len(r.text):
        rest = r.text[r.pos :]
        if rest.startswith(tuple(_SUFFIX_QUALIFIERS)) or rest[0] in "余多至到~":
            break
        if rest[0] == "-" or rest[0].isdigit() or rest[0] in ".,":
            break
        r.pos += 1
    return r.text[start : r.pos]


def _figure(
    text: str,
    unit: Unit,
    number: _Number,
    kind: str | None,
    signed: int,
    change: int,
    reading: Reading,
    spelling: _Spelling,
) -> Figure:
    n = number.value
    step = number.step if reading == "strict" else number.nonzero_step
    low: Decimal | None
    high: Decimal | None
    low_open = high_open = False
    if kind is None:
        low, high = n - step * _HALF, n + step * _HALF
    elif kind == "plus":
        low, high, high_open = n, n + number.nonzero_step, True
    elif kind == "at_least":
        low, high = n, None
    elif kind == "at_most":
        low, high = None, n
    elif kind == "near":
        low, high = n - n * NEAR_BAND[reading], n
    elif kind == "about":
        band = n * ABOUT_BAND[reading]
        half = step * _HALF
        low, high = n - max(band, half), n + max(band, half)
    else:  # pragma: no cover - every qualifier maps to a kind above
        raise AssertionError(kind)
    if signed < 0:
        low, high = (None if high is None else -high), (None if low is None else -low)
        low_open, high_open = high_open, low_open
        n = n.copy_negate()  # keeps the sign of 逾-0
    return Figure(
        text=text,
        unit=unit,
        low_value=low,
        high_value=high,
        nominal=n,
        qualifier=kind,
        change=change,
        step=number.step,
        reading=reading,
        low_open=low_open,
        high_open=high_open,
        spelling=spelling,
    )


def _range_figure(
    text: str,
    unit: Unit,
    first: _Number,
    second: _Number,
    change: int,
    reading: Reading,
    spelling: _Spelling,
) -> Figure:
    low, high = first.value, second.value
    if reading == "lenient":
        low -= first.nonzero_step * _HALF
        high += second.nonzero_step * _HALF
    nominal = (first.value + second.value) / 2
    if change < 0:  # 下降5至6个百分点 is [−6, −5]
        low, high, nominal = -high, -low, -nominal
    return Figure(
        text=text,
        unit=unit,
        low_value=low,
        high_value=high,
        nominal=nominal,
        qualifier="range",
        change=change,
        step=min(first.step, second.step),
        reading=reading,
        spelling=spelling,
    )


def _doubling(text: str, count: str, reading: Reading, r: _Reader) -> Figure:
    parsed = _zh_numeral_value(count)
    if parsed is None:
        raise r.fail("翻N番中的汉字数字", at=1)
    times = parsed[0]
    increase = Decimal(2**times - 1)
    return Figure(
        text=text,
        unit=parse_unit("倍"),
        low_value=increase,
        high_value=increase,
        nominal=increase,
        qualifier="doubling",
        change=1,
        step=Decimal(1),
        reading=reading,
        spelling=_Spelling(number=count, magnitude="", unit="倍"),
    )


# --------------------------------------------------------------------------- printing


def format_quantity(figure: Figure) -> str:
    """Print a figure the way a Chinese report prints it: ``345亿元``, ``3.4万余辆``, ``下降13.5%``.

    ``parse_quantity(format_quantity(f), f.reading) == f`` for every figure ``f`` that
    :func:`parse_quantity` returns.
    """
    s = figure.spelling
    if s is None:
        return _format_plain(figure)
    if figure.qualifier == "doubling":
        return f"翻{s.number}番"
    # is_signed, not < 0: 逾-0 is (−1, 0] and must print its minus sign back.
    sign = "-" if figure.nominal.is_signed() and not figure.change else ""
    if s.approx_last:
        body = f"{sign}{s.number}{s.magnitude}{s.unit}{s.approx}"
    else:
        body = f"{sign}{s.number}{s.magnitude}{s.approx}{s.unit}"
    if s.number_high:
        body = f"{s.number}{s.unit_low}{s.separator}{s.number_high}{s.unit}"
    if s.per_cent:
        body = f"{sign}百分之{s.number}"
    return f"{s.change_word}{s.prefix}{body}{s.suffix}"


def _format_plain(figure: Figure) -> str:
    unit = str(figure.unit)
    unit = {"percent": "%", "permille": "‰", "dimensionless": ""}.get(unit, unit).replace(" ", "")
    return f"{figure.nominal}{unit}"
