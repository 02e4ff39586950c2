"""The lexical layer of the extractor: paragraphs, figures and time phrases in report text.

Everything here works on a *folded* paragraph: NFKC plus the report foldings of
:func:`factcheck.quantity.normalise`, with every whitespace character removed, so that OCR
text (``3 . 4 万余辆``, ``2 0 2 3 年``) and hard-wrapped lines read like clean text. Each
folded character remembers the offset of the character of the source it came from, so a
figure found here can be pointed at in the source (line, column, offsets).

:func:`scan_figures` finds the printed figures of a paragraph and what is *inside* them
(qualifier, number, magnitude, 余/多, unit, range, 以上/以下); :func:`scan_time_phrases`
finds the phrases that name a period. What a figure *means* (metric, measure, period,
subject) is decided in :mod:`factcheck.extract` from the words around it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Protocol

from factcheck.errors import QuantityError
from factcheck.quantity import normalise, parse_quantity
from factcheck.units import UnknownUnitError, parse_unit, ureg

# --------------------------------------------------------------------------- paragraphs

#: Ends of a sentence; a paragraph that does not end with one continues on the next
#: paragraph when it is long enough to be a wrapped line rather than a heading.
_TERMINAL = "。！？!?；;：:…”’」』)）"
_MIN_WRAPPED_LINE = 8
_MAX_WRAPPED_LINE = 20
_STANDALONE = "■□•●◆▲【#＃"  # … and a Markdown heading (# 标题)
#: The kinds of document a title line names at its end.
_TITLE_ENDINGS = (
    "工作报告",
    "统计公报",
    "公报",
    "通报",
    "实施方案",
    "行动方案",
    "规划纲要",
    "运行情况",
    "执行情况",
    "简况",
    "概况",
    "简报",
    "快报",
    "综述",
)
#: A section heading numbered the way reports number them: 一、 （一） 第一部分.
_NUMBERED_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部章节]"
)

#: A paragraph with one of these words is the hosting site's furniture, not the report.
_BOILERPLATE = (
    "投稿",
    "稿件",
    "版权所有",
    "免责声明",
    "服务条款",
    "本协议",
    "联系我们",
    "咨询热线",
    "招商中心",
    "阅读原文",
    "扫码关注",
    "责任编辑",
    "责编",
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the source, folded for reading.

    Attributes:
        text: the folded text (no whitespace, NFKC, 萬/億/全角 folded).
        where: for each character of ``text``, the offset of its source character.
        start, end: the paragraph's span in the source.
        boilerplate: the paragraph is site furniture (contributor notes, hotlines …).
    """

    text: str
    where: tuple[int, ...]
    start: int
    end: int
    boilerplate: bool = False

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets ``[a, b)`` of the folded characters ``[start, end)``."""
        return self.where[start], self.where[end - 1] + 1


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` at blank lines and fold each paragraph.

    A paragraph that stops mid-sentence (no closing punctuation, at least
    ``_MIN_WRAPPED_LINE`` characters) is joined with the next one: OCR and page layouts
    often leave blank lines inside a sentence (``围绕六大主`` / ``导产业``). Site furniture
    (a block with a word of ``_BOILERPLATE``) is kept apart and never joined.
    """
    merged: list[tuple[int, int, bool]] = []
    last = ""  # the last block on its own: a chain of wrapped lines is judged line by line
    for start, end in _blocks(text):
        block = text[start:end]
        furniture = _is_boilerplate(block)
        if merged and not furniture and not merged[-1][2] and _continues(last, block):
            merged[-1] = (merged[-1][0], end, False)
        else:
            merged.append((start, end, furniture))
        last = block
    out = []
    for start, end, furniture in merged:
        folded, where = _without_glosses(*normalise(text[start:end]))
        out.append(Paragraph(folded, tuple(start + w for w in where), start, end, furniture))
    return out


#: A Latin abbreviation glossing the Chinese name before it: 细颗粒物（PM2.5）, 研究与试验发展
#: （R&D）. Read without it, the name is the registry's (细颗粒物年均浓度).
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([A-Za-z][A-Za-z0-9.&\-]*\)")


def _without_glosses(folded: str, where: list[int]) -> tuple[str, list[int]]:
    if "(" not in folded:
        return folded, where
    keep = [True] * len(folded)
    for m in _GLOSS.finditer(folded):
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    return (
        "".join(c for c, k in zip(folded, keep, strict=True) if k),
        [w for w, k in zip(where, keep, strict=True) if k],
    )


def _is_boilerplate(block: str) -> bool:
    return any(word in block for word in _BOILERPLATE)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if start is None:
                start = offset
            end = offset + len(line.rstrip("\r\n"))
        elif start is not None:
            yield start, end
            start = None
        offset += len(line)
    if start is not None:
        yield start, end


def _continues(block: str, following: str) -> bool:
    """Whether ``following`` continues the sentence ``block`` leaves unfinished.

    Two cases: a narrow-column line cut mid-sentence (OCR of a newspaper page: 围绕六大主 /
    导产业), and a long paragraph cut by a page break (…，即墨区 / 将重点实施…). A headline,
    a caption (■), a byline (□) or a photo credit stands alone.
    """
    stripped = "".join(block.split())
    after = "".join(following.split())
    if not stripped or not after or stripped[-1] in _TERMINAL or "\n" in block.strip():
        return False
    if stripped[0] in _STANDALONE or after[0] in _STANDALONE:
        return False
    if _NUMBERED_HEADING.match(stripped) and len(stripped) <= _MAX_WRAPPED_LINE:
        return False  # 二、2025年工作安排 / （一）综合: a numbered section heading
    if stripped.endswith(_TITLE_ENDINGS):
        return False  # 2021年即墨区政府工作报告: a title names the kind of document it heads
    if _MIN_WRAPPED_LINE <= len(stripped) <= _MAX_WRAPPED_LINE:
        return True
    return len(stripped) > _MAX_WRAPPED_LINE and len(after) > _MAX_WRAPPED_LINE


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class RawFigure:
    """A printed figure found in folded text, before its meaning is known.

    Attributes:
        start, end: folded offsets of the printed figure, qualifiers included.
        core: the figure normalised for :func:`parse_quantity` (``3.4万余辆``, ``突破600家``,
            ``5天以内``); a change word is not part of it.
        unit: the unit as printed, magnitude included (``亿元``, ``%``, ``个百分点``);
            empty for 突破千亿 with no unit word.
        chinese: the number is written in Chinese numerals (四, 两万).
        big: a ``N大`` count (六大主导产业): the counter is chosen later.
        milestone: an ordinal with a magnitude (第100万辆): a cumulative count.
        doubling: 翻一番 / 翻两番.
    """

    start: int
    end: int
    core: str
    unit: str
    chinese: bool = False
    big: bool = False
    milestone: bool = False
    doubling: bool = False
    ratio_part: int = 0  # 三次产业结构 a:b:c — which of the three (1, 2, 3)
    pure: bool = False  # a bare number of a ratio: 城乡居民收入比为1.95, 比上年缩小0.04


_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")
_ZH_MAGNITUDE_ONLY = re.compile(r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百|十)")
_MAGNITUDE = re.compile(r"万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百")
_NOT_MAGNITUDE = ("千瓦", "千克", "千米", "千伏", "百分点")
_DOUBLING = re.compile(r"翻([一两二三四]|\d)番")
_SECTOR_RATIO = re.compile(
    r"(?:三次产业|产业)(?:结构|比例|构成)[^。;]{0,12}?(\d+(?:\.\d+)?):(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)"
)
_SECTOR_RATIO_MOVED = re.compile(
    r"(?:调整|优化|优化调整|转变|变化|演变|提升|升级)?(?:为|到|至)[^。;:\d]{0,8}?"
    r"(?:\d{4}年(?:底|末)?的?)?(\d+(?:\.\d+)?):(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)"
)
#: 城乡居民收入比为1.95, 收入比值缩小到2.39:1: a ratio of two figures, printed as a bare number.
#: Bare numbers are read nowhere else: unitless, most of them are names or codes.
_PURE_RATIO = re.compile(
    r"(?:收入比|比值|之比)(?:为|是|达到?|降至|降到|下降到|缩小到|缩小至)?"
    r"(?P<number>\d+(?:\.\d+)?)(?::1(?![\d.]))?(?=[,，。;；、)）]|$)"
)
#: How a ratio moves: words no other figure changes by (a gap 缩小, it does not 增长).
RATIO_MOVES = "缩小|扩大|下降|降低|减少|提高|增加|上升"
#: …，比上年缩小0.04: the change of that ratio, in the same sentence.
_PURE_RATIO_CHANGE = re.compile(
    rf"[,，]?(?:比|较)(?:上年同期|去年同期|上年|去年|\d{{4}}年)?(?:{RATIO_MOVES})"
    r"(?P<number>\d+(?:\.\d+)?)(?=[,，。;；、)）]|$)"
)

#: Qualifiers printed before a number; longest first.
_PREFIXES = (
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "不多于",
    "超过",
    "突破",
    "至少",
    "至多",
    "多于",
    "少于",
    "接近",
    "将近",
    "大约",
    "不到",
    "不足",
    "逾",
    "近",
    "约",
    "超",
)
#: Magnitude words alone are a figure only after these (突破千亿, 达到千亿): elsewhere
#: 千亩, 万村, 千年 are names.
_MAGNITUDE_LEADS = ("突破", "超过", "超", "逾", "达到", "达", "近", "接近")
_SUFFIXES = ("以上", "以下", "以内", "之内", "左右")
_RANGE_SEPARATORS = ("-", "至", "到", "~")

#: Units that, after a number, make a date, an age or a name rather than a figure.
_DENIED_UNITS = frozenset({"年", "月", "日", "周", "期", "伏", "千伏", "号", "时"})
#: Counters a Chinese numeral may count with (两条, 九类, 六个方面).
_ZH_COUNTERS = frozenset(
    {
        "个",
        "项",
        "条",
        "家",
        "处",
        "名",
        "位",
        "类",
        "张",
        "所",
        "座",
        "户",
        "套",
        "只",
        "件",
        "种",
        "艘",
    }
)
#: Nouns that make an ``N大…`` count a list of projects or campaigns (counted in 项).
_PROJECT_NOUNS = ("工程", "行动", "专项", "攻坚", "任务", "举措")
_OPEN_QUOTES = "“\"「‘'『"
_CLAUSE_STOPS = "，,；;。！？!?:：()（）"
_LIST_SEPARATORS = re.compile(r"、|和|及|与")

#: Circled and parenthesised digits fold to plain digits under NFKC: they are list markers.
_MARKER_CATEGORY = "No"
_MAX_UNIT_LENGTH = 7  # 微克/立方米


def scan_figures(
    para: Paragraph, source: str, masked: frozenset[int] = frozenset()
) -> list[RawFigure]:
    """Find the figures of a folded paragraph.

    Args:
        para: the paragraph.
        source: the whole source text (to tell list markers ① from digits).
        masked: folded positions to ignore (inside 《书名》).

    Returns:
        The figures in reading order; names with numbers (5G, 地铁7号线, 725所, 二十大),
        dates, ordinals, ratios (1:1), list markers and phone numbers are left out.
    """
    s = para.text
    found: list[RawFigure] = []
    pos = 0
    for m in _DOUBLING.finditer(s):
        if m.start() not in masked:
            found.append(RawFigure(m.start(), m.end(), m.group(0), "倍", doubling=True))
    for m in _SECTOR_RATIO.finditer(s):
        # 三次产业结构为3.0:40.3:56.7: three shares of GDP, written 3.0% … as curators do.
        # 由2018年的6.5:42.1:51.4调整为2023年的5.2:40.3:54.5 prints a second structure.
        moved = _SECTOR_RATIO_MOVED.match(s, m.end())
        for triple in (m, moved) if moved else (m,):
            for part in (1, 2, 3):
                found.append(
                    RawFigure(
                        triple.start(part),
                        triple.end(part),
                        triple.group(part) + "%",
                        "%",
                        ratio_part=part,
                    )
                )
    for m in _PURE_RATIO.finditer(s):
        if m.start() in masked:
            continue
        found.append(RawFigure(m.start("number"), m.end(), m.group("number"), "", pure=True))
        change = _PURE_RATIO_CHANGE.match(s, m.end())
        if change:
            at = change.start("number")
            found.append(RawFigure(at, change.end(), change.group("number"), "", pure=True))
    while True:
        number = _NUMBER.search(s, pos)
        if number is None:
            break
        number = _grouped(s, number, para, source) or number
        pos = number.end()
        if number.start() in masked or any(f.start <= number.start() < f.end for f in found):
            continue
        figure = _read_figure(s, number, para, source)
        if figure is not None:
            found.append(figure)
            pos = max(pos, figure.end)
    found.sort(key=lambda f: f.start)
    return found


#: 21,846元: digits in groups of three. Folding makes a clause's ， a comma as well, so the
#: source decides: only a half-width comma between the digits groups them.
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")


def _grouped(s: str, number: re.Match[str], para: Paragraph, source: str) -> re.Match[str] | None:
    if not s.startswith(",", number.end()):
        return None
    grouped = _GROUPED.match(s, number.start())
    if grouped is None:
        return None
    commas = (i for i in range(grouped.start(), grouped.end()) if s[i] == ",")
    return grouped if all(source[para.where[i]] == "," for i in commas) else None


def _read_figure(s: str, m: re.Match[str], para: Paragraph, source: str) -> RawFigure | None:
    token = m.group(0)
    if token[0].isdigit():
        return _read_arabic(s, m, para, source)
    return _read_chinese(s, m)


def _read_arabic(s: str, m: re.Match[str], para: Paragraph, source: str) -> RawFigure | None:
    start, end = m.start(), m.end()
    if any(
        unicodedata.category(source[para.where[i]]) == _MARKER_CATEGORY for i in range(start, end)
    ):
        return None
    if _is_name_context(s, start, end):
        return None
    number = m.group(0)
    big = read_big_arabic(s, start, end)
    if big is not None:
        return big if _quoted_count_ok(s, start, number) else None
    milestone = start > 0 and s[start - 1] == "第"
    pos = end
    magnitude = _take_magnitude(s, pos)
    pos += len(magnitude)
    if milestone and not magnitude:
        return None  # an ordinal: 第3批
    approx = s[pos] if pos < len(s) and s[pos] in "余多" else ""
    pos += len(approx)
    unit = _take_unit(s, pos)
    pos += len(unit)
    full_unit = magnitude + unit
    if not approx:
        ranged = _read_range(s, pos, full_unit)
        if ranged is not None:
            full_unit, pos = ranged
    base_unit = full_unit[len(magnitude) :] if full_unit.startswith(magnitude) else full_unit
    if (
        not base_unit
        or base_unit in _DENIED_UNITS
        or _unit_is_name(s, pos, base_unit, number, approx)
    ):
        return None
    sign = ""
    if (
        start > 0
        and s[start - 1] == "-"
        and not (start > 1 and (s[start - 2].isdigit() or s[start - 2] == "%"))
    ):
        sign = "-"  # 自然增长率-1.2‰
    printed = sign + s[start:pos]
    if base_unit == "方面":
        printed = printed[: -len("方面")] + "个"  # 12方面 counts 12 (个) areas
        full_unit = full_unit[: -len("方面")] + "个"
    klass = 1 if s.startswith("级", pos) else 0  # 10万吨级: a size class, read as 10万吨
    printed_suffix, suffix = _take_suffix(s, pos + klass, base_unit)
    prefix = "" if milestone else _prefix_before(s, start)
    core = f"{prefix}{printed}{suffix}"
    if not _readable(core):
        return None
    begin = start - len(sign) - len(prefix)
    return RawFigure(begin, pos + klass + len(printed_suffix), core, full_unit, milestone=milestone)


def _read_chinese(s: str, m: re.Match[str]) -> RawFigure | None:
    start, end = m.start(), m.end()
    run = m.group(0)
    if start > 0 and s[start - 1] in "第初星周礼双单":
        return None
    if _ZH_MAGNITUDE_ONLY.fullmatch(run):
        return _read_magnitude_only(s, start, end, run)
    if run[0] in "百千万亿":
        return None  # 千万千瓦级, 千亩园区: a size word, not a count
    if run == "一":
        return None  # 一条条, 一处, 一批: an article, not a count
    if s.startswith("大", end):
        return _read_big_count(s, start, end, run)
    # 三百多亿元, 二十余家: 多/余 after the number, then its magnitude and unit.
    approx = s[end] if end < len(s) and s[end] in "余多" and run[-1] in "十百千万亿" else ""
    magnitude = _take_magnitude(s, end + 1) if approx else ""
    unit = _take_unit(s, end + len(approx) + len(magnitude))
    if not unit or unit in _DENIED_UNITS:
        return None
    if unit not in _ZH_COUNTERS and not any(ch in run + magnitude for ch in "万亿"):
        return None
    after = end + len(approx) + len(magnitude) + len(unit)
    if after < len(s) and s[after] == unit[-1]:
        return None  # 一个个, 两条条: reduplication
    if not _quoted_count_ok(s, start, run) or s.startswith("规定", after):
        return None  # “四个全面”; 八项规定
    # Qualifiers as for digits: 超过三百亿元 is at least 300亿, 近三百亿元 just under it.
    prefix = _prefix_before(s, start)
    printed_suffix, suffix = _take_suffix(s, after, unit)
    core = f"{prefix}{run}{approx}{magnitude}{unit}{suffix}"
    if not _readable(core):
        return None
    return RawFigure(
        start - len(prefix), after + len(printed_suffix), core, magnitude + unit, chinese=True
    )


def _read_magnitude_only(s: str, start: int, end: int, run: str) -> RawFigure | None:
    lead = next((w for w in _MAGNITUDE_LEADS if s.endswith(w, 0, start)), "")
    if not lead:
        return None
    unit = _take_unit(s, end)
    if unit in _DENIED_UNITS:
        return None
    prefix = lead if lead in _PREFIXES else ""
    core = f"{prefix}{run}{unit}"
    if unit and not _readable(core):
        return None
    return RawFigure(start - len(prefix), end + len(unit), core, run + unit, chinese=True)


def _read_big_count(s: str, start: int, end: int, run: str) -> RawFigure | None:
    # 六大主导产业, 4大整车: a count of the things named after 大. 二十大, 十九大 are
    # party congresses, not counts; nothing counted in 大 runs past ten.
    value = _small_value(run)
    if value is None or not 2 <= value <= 10:
        return None
    if not _quoted_count_ok(s, start, run):
        return None
    counter = "项" if s.startswith(_PROJECT_NOUNS, end + 1) else "个"
    return RawFigure(start, end + 1, run + counter, counter, chinese=True, big=True)


def read_big_arabic(s: str, start: int, end: int) -> RawFigure | None:
    """``4大整车``: an Arabic count printed with 大 (scan_figures sees no unit there)."""
    if not s.startswith("大", end) or not s[start:end].isdigit():
        return None
    value = int(s[start:end])
    if not 2 <= value <= 10:
        return None
    counter = "项" if s.startswith(_PROJECT_NOUNS, end + 1) else "个"
    return RawFigure(start, end + 1, s[start:end] + counter, counter, big=True)


_SMALL = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _small_value(run: str) -> int | None:
    return _SMALL.get(run)


def _quoted_count_ok(s: str, start: int, run: str) -> bool:
    """A quoted count (“三大普查”) is a figure only when the list before it has that many items.

    Slogans are quoted counts with nothing listed before them: “四个全面”, “五条战线”.
    """
    if start == 0 or s[start - 1] not in _OPEN_QUOTES:
        return True
    expected = _small_value(run)
    if expected is None:
        return False
    head = s[: start - 1]
    cut = max(head.rfind(ch) for ch in _CLAUSE_STOPS)
    items = [x for x in _LIST_SEPARATORS.split(head[cut + 1 :]) if x]
    return len(items) == expected >= 2


def _is_name_context(s: str, start: int, end: int) -> bool:
    before = s[start - 1] if start > 0 else ""
    after = s[end] if end < len(s) else ""
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return True  # 5G, A3, T9, PM2.5, CO2, 3A
    if (before and before in "+:/") or (after and after in "+:"):
        return True  # 4+4, 1:1
    if before == "." and start > 1 and s[start - 2].isdigit():
        return True  # 1.1 as a section number
    return bool(after == "-" and re.match(r"-\d{3,4}-\d", s[end : end + 8]))  # phone numbers


def _take_magnitude(s: str, pos: int) -> str:
    if s.startswith(_NOT_MAGNITUDE, pos):
        return ""
    m = _MAGNITUDE.match(s, pos)
    return m.group(0) if m else ""


def _take_unit(s: str, pos: int) -> str:
    """The longest unit the registry knows at ``pos`` (个百分点 before 个, 人次 before 人)."""
    for length in range(min(_MAX_UNIT_LENGTH, len(s) - pos), 0, -1):
        candidate = s[pos : pos + length]
        if _known_unit(candidate):
            return candidate
    if s.startswith("方面", pos):
        return "方面"
    return ""


@lru_cache(maxsize=1)
def _unit_edges() -> tuple[frozenset[str], frozenset[str]]:
    """Characters unit names start and end with (亿元 starts like 亿, ends like 元).

    A cheap test before pint is asked: most text after a number is not a unit, and pint
    takes a millisecond to say so.
    """
    names = [str(n) for n in getattr(ureg, "_units", {})] + [
        str(p) for p in getattr(ureg, "_prefixes", {}) if p
    ]
    names += ["%", "‰"]
    return frozenset(n[0] for n in names if n), frozenset(n[-1] for n in names if n)


@lru_cache(maxsize=8192)
def _known_unit(text: str) -> bool:
    if not text or not all(_unit_char(ch) for ch in text):
        return False
    if text[0] == "/" or text[-1] == "/":
        return False
    starts, ends = _unit_edges()
    if starts and (text[0] not in starts or text[-1] not in ends):
        return False
    try:
        parse_unit(text)
    except UnknownUnitError:
        return False
    return True


def _unit_char(ch: str) -> bool:
    return ch in "%‰/" or "\u4e00" <= ch <= "\u9fff"


def _unit_is_name(s: str, pos: int, unit: str, number: str, approx: str) -> bool:
    rest = s[pos : pos + 4]
    if unit == "周" and rest.startswith("年"):
        return True  # 100周年
    if unit in ("小时",) and number == "24":
        return True  # 24小时: round the clock
    if unit == "所" and not approx and "." not in number and int(number) >= 100:
        # 725所 is an institute; a count of schools says which (50余所高校).
        return not rest.startswith(
            ("学校", "小学", "中学", "中小学", "高校", "院校", "大学", "幼儿园", "医院")
        )
    return False


def _read_range(s: str, pos: int, unit: str) -> tuple[str, int] | None:
    """The rest of a range after its first number: 5至6个月, 80-120元, 5万至6万吨."""
    sep = next((x for x in _RANGE_SEPARATORS if s.startswith(x, pos)), "")
    if not sep:
        return None
    m = _ARABIC.match(s, pos + len(sep))
    if m is None:
        return None
    after = m.end()
    magnitude = _take_magnitude(s, after)
    second = magnitude + _take_unit(s, after + len(magnitude))
    if not second and not unit:
        return None
    if unit and second and unit != second and not second.endswith(unit):
        return None
    return second or unit, after + len(second)


def _take_suffix(s: str, pos: int, unit: str) -> tuple[str, str]:
    """The qualifier after a figure as printed, and as parse_quantity reads it."""
    for word in _SUFFIXES:
        if s.startswith(word, pos):
            return word, word
    if s.startswith("上下", pos) and not s.startswith("上下游", pos):
        return "上下", "左右"
    if s.startswith("内", pos) and unit in ("天", "个月", "小时", "年", "分钟", "周"):
        return "内", "以内"  # 5天内
    return "", ""


def _prefix_before(s: str, start: int) -> str:
    for word in _PREFIXES:
        if s.endswith(word, 0, start):
            return word
    return ""


@lru_cache(maxsize=8192)
def _readable(core: str) -> bool:
    try:
        parse_quantity(core)
    except (QuantityError, ValueError):
        return False
    return True


# --------------------------------------------------------------------------- time phrases


@dataclass(frozen=True)
class TimePhrase:
    """A phrase naming a period, found in folded text.

    Attributes:
        start, end: folded offsets.
        text: the phrase.
        kind: ``year`` (has a four-digit year), ``relative`` (今年, 去年 …), ``bare`` (a part
            of a year with no year: 上半年, 前三季度, 12月14日), ``span`` (近三年, 十三五期间,
            2023-2025年).
        to_date: the phrase counts up to the time of writing (今年以来, 近三年).
    """

    start: int
    end: int
    text: str
    kind: str
    to_date: bool = False


#: A part of a year as reports name it: 上半年, 前三季度, 一季度, 1—5月份, 6月末, 12月14日.
PART = (
    r"(?:上半年|下半年|前[一二三四1-4]个?季度|第?[一二三四1-4]季度"
    r"|\d{1,2}(?:-|至|到)\d{1,2}月份?|\d{1,2}月份?(?:底|末|\d{1,2}日)?)"
)
_SPAN_N = r"(?:\d{1,2}|[一二两三四五六七八九十]+)"
_TIME = re.compile(
    "|".join(
        (
            r"(?P<span_years>(?<![\d.])(?:19|20)\d{2}年?(?:-|至|到)(?:19|20)\d{2}年)",
            rf"(?P<year>(?:截至|截止|到|至)?(?<![\d.])(?:19|20)\d{{2}}年(?:{PART}|年?底|末|以来|全年)?)",
            rf"(?P<relative>(?:截至|到)?(?:今年|去年|上年|前年|明年|本年)(?:{PART}|底|末|以来)?)",
            rf"(?P<span>(?:近|最近|过去){_SPAN_N}年|{_SPAN_N}年(?:来|以来|间|(?=累计|共计|合计))"
            r"|十[一二三四五]五[”\"'」]?(?:期间|时期|以来|(?=下降|降低|增长|提高|累计|年均)))",
            rf"(?P<bare>(?:截至|截止|到)?(?:{PART}|年内|全年|(?<![上去今明前本])年(?:末|底)))",
        )
    )
)
#: 去年 after these is the base a change is measured from (比去年增长), not the period.
_BASE_LEADS = ("比", "较", "与", "同", "是", "相当于")


def scan_time_phrases(s: str, masked: frozenset[int] = frozenset()) -> list[TimePhrase]:
    """Find the phrases of folded text that name a period (see :class:`TimePhrase`)."""
    found = []
    for m in _TIME.finditer(s):
        if m.start() in masked:
            continue
        kind = m.lastgroup or "bare"
        text = m.group(0)
        if kind == "span_years":
            kind = "span"
        if kind in ("relative", "year") and (
            s.endswith(_BASE_LEADS, 0, m.start()) or s.startswith(("同期", "的基础", "的"), m.end())
        ):
            continue  # 比去年增长, 是2020年的2.1倍: the base of a comparison, not the period
        if (
            kind == "bare"
            and re.fullmatch(r"\d{1,2}月份?", text)
            and s.startswith("个", m.start() - 1)
        ):
            continue
        to_date = text.endswith("以来") or (kind == "span" and not text.startswith("十"))
        found.append(TimePhrase(m.start(), m.end(), text, kind, to_date))
    return found


def masked_positions(s: str) -> frozenset[int]:
    """Positions inside 《书名》 and 【栏目】: titles of documents, not statements."""
    out: set[int] = set()
    for m in re.finditer(r"《[^《》]*》|【[^【】]*】", s):
        out.update(range(m.start(), m.end()))
    return frozenset(out)


# --------------------------------------------------------------------------- registry words


class _Table(Protocol):
    def resolve(self, name: str) -> Any: ...

    def names(self) -> Iterable[str]: ...


class RegistryLike(Protocol):
    """What the extractor needs of :class:`factcheck.registry.Registry`."""

    @property
    def metrics(self) -> _Table: ...

    @property
    def subjects(self) -> _Table: ...


#: Subjects of these kinds are never the subject of a claim: a region's industry figure is
#: the region's (rules/README.md), so 汽车产业 names a metric, not who the figure is about.
_NON_SUBJECT_KINDS = frozenset({"industry"})


@dataclass(frozen=True)
class Lexicon:
    """The registry's names as words to find in text.

    Attributes:
        metrics: every metric name and alias → the canonical metric name.
        metric_units: canonical metric name → its registry unit (元, 家, % …).
        subjects: every subject name and alias → canonical name (industries left out).
        parents: canonical subject name → its parent (None at the root).
    """

    metrics: dict[str, str]
    metric_units: dict[str, str]
    subjects: dict[str, str]
    parents: dict[str, str | None]
    kinds: dict[str, str] = field(default_factory=dict)
    industries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_registry(cls, registry: RegistryLike | None) -> Lexicon:
        """Collect the words of a registry (an empty lexicon for ``None``)."""
        metrics: dict[str, str] = {}
        units: dict[str, str] = {}
        subjects: dict[str, str] = {}
        parents: dict[str, str | None] = {}
        kinds: dict[str, str] = {}
        industries: dict[str, str] = {}
        if registry is None:
            return cls(metrics, units, subjects, parents, kinds, industries)
        for name in registry.metrics.names():
            entry = registry.metrics.resolve(name)
            canonical = str(getattr(entry, "name", name))
            units[canonical] = str(getattr(entry, "unit", "") or "")
            for word in (canonical, *(getattr(entry, "aliases", None) or ())):
                metrics.setdefault(fold(str(word)), canonical)
        for name in registry.subjects.names():
            entry = registry.subjects.resolve(name)
            canonical = str(getattr(entry, "name", name))
            parent = getattr(entry, "parent", None)
            parents[canonical] = None if parent is None else str(parent)
            kinds[canonical] = str(getattr(entry, "kind", "") or "")
            if getattr(entry, "kind", None) in _NON_SUBJECT_KINDS:
                for word in (canonical, *(getattr(entry, "aliases", None) or ())):
                    industries.setdefault(fold(str(word)), canonical)
                continue
            for word in (canonical, *(getattr(entry, "aliases", None) or ())):
                subjects.setdefault(fold(str(word)), canonical)
        return cls(metrics, units, subjects, parents, kinds, industries)

    @cached_property
    def _metric_index(self) -> dict[str, tuple[str, ...]]:
        return _first_char_index(self.metrics)

    @cached_property
    def _subject_index(self) -> dict[str, tuple[str, ...]]:
        return _first_char_index(self.subjects)

    @cached_property
    def _industry_index(self) -> dict[str, tuple[str, ...]]:
        return _first_char_index(self.industries)

    @cached_property
    def _qualified_index(self) -> dict[str, tuple[tuple[str, str], ...]]:
        # Every registry name cut into a qualifier of three characters or more and the
        # generic rest (市场采购贸易|出口额, 燃气重卡|日产能): shorter qualifiers (海洋, 工业)
        # are too common in report prose to say what a later figure is about.
        index: dict[str, list[tuple[str, str]]] = {}
        for word, canonical in self.metrics.items():
            for k in range(3, len(word) - 1):
                index.setdefault(word[k:], []).append((word[:k], canonical))
        return {k: tuple(v) for k, v in index.items()}

    def qualified(self, head: str) -> tuple[tuple[str, str], ...]:
        """``(qualifier, canonical)`` of the registry names that are a qualifier + ``head``."""
        return self._qualified_index.get(head, ())

    def industry_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, canonical)`` of every industry word in ``text`` (汽车产业, 纺织服装业)."""
        return _mentions(text, self._industry_index, self.industries)

    def industry_words(self, canonical: str) -> list[str]:
        """Every name of an industry, longest first."""
        return sorted(
            (w for w, c in self.industries.items() if c == canonical), key=len, reverse=True
        )

    def metric_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, canonical)`` of every metric word in ``text``, longest at each start.

        A word right after 非 is its opposite (非税收入 is no 税收), unless the registry names
        the whole (then that longer word is the mention).
        """
        found = _mentions(text, self._metric_index, self.metrics)
        return [m for m in found if not (m[0] > 0 and text[m[0] - 1] == "非")]

    def subject_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, canonical)`` of every subject word in ``text``, longest at each start."""
        return _mentions(text, self._subject_index, self.subjects)

    def resolve_metric(self, name: str) -> str | None:
        """The canonical metric for a name or alias, ``None`` when the registry does not know it."""
        found = self.metrics.get(name)
        return found if found is not None else self.metrics.get(fold(name))

    def lookup_metric(self, folded: str) -> str | None:
        """:meth:`resolve_metric` for a name already folded (words cut from folded text)."""
        return self.metrics.get(folded)

    def lineage(self, subject: str) -> list[str]:
        """The subject and its ancestors, nearest first (a cycle in the registry ends it)."""
        out: list[str] = []
        current: str | None = subject
        while current and current not in out:
            out.append(current)
            current = self.parents.get(current)
        return out

    def province_of(self, region: str) -> str | None:
        """The province a region is or lies in (the first of its lineage ending in 省)."""
        return next((s for s in self.lineage(region) if s.endswith("省")), None)

    def city_of(self, region: str) -> str | None:
        """The city a region is or lies in (the first of its lineage ending in 市)."""
        return next((s for s in self.lineage(region) if s.endswith("市")), None)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word as it reads in folded text (NFKC, no whitespace)."""
    return normalise(word)[0]


def _first_char_index(words: dict[str, str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        if word:
            index.setdefault(word[0], []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _mentions(
    text: str, index: dict[str, tuple[str, ...]], words: dict[str, str]
) -> list[tuple[int, int, str]]:
    out = []
    for i, ch in enumerate(text):
        for word in index.get(ch, ()):
            if text.startswith(word, i):
                out.append((i, i + len(word), words[word]))
                break
    return out
