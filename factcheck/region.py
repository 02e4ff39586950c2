"""Which region a draft speaks of, when nobody said: read from its title, else its body.

A draft says 全区, 全市 or 我县 and means its own place; without that place its figures have no
subject and cannot be checked. When neither ``--region`` nor the configuration names it, the
title usually does: ``2023年某市国民经济和社会发展统计公报``, ``松岭县人民政府工作报告``,
``即墨：以改革“冲击钻”为高质量发展注入新动能``.

The rules, in order:

1. 全国 for a title that opens with 中华人民共和国, 全国 or 中国 (after an optional year).
   Else a region of the subject registry named in the title (its name or an alias); of
   several, the one deepest in the registry (青岛市即墨区 → 即墨区).
2. Else place names at the head of the title, after an optional year and period: the last
   of them (某省某市2023年… → 某市; 前三季度松岭县外贸… → 松岭县). A place here is two to
   eight Chinese characters ending in 省, 市, 区, 县, 旗, 州 or 盟 and followed by a year or
   a word that titles put after a place (国民经济, 政府, 人民, 统计, 经济, 关于, 外贸,
   工业 …), so 高质量发展示范区 is not one.
3. Else the body: the lowest level its relative words speak of (全区/全县, else 全市, else
   全省), and the registered region of that level it names most by full name — at least
   three times and twice as often as any other (a district's feature names its district
   dozens of times, its city a few).
4. Else none: the draft is checked against itself (:func:`unnamed_region`), and the caller
   says that naming the region would check it against the corpus too.

The title is the first line of the text that reads like one (:func:`title_of`). A guess
is never silent: ``factcheck check`` and ``factcheck extract`` say which region they took.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract_patterns import PART, Lexicon, RegistryLike, fold
from factcheck.registry import SELF_WORDS

__all__ = [
    "RegionGuess",
    "draft_region",
    "title_of",
    "title_publication",
    "unnamed_region",
]

_HEADING_MARKS = re.compile(r"^[#>*\s]+|[*\s]+$")
#: A news title may name the period first: 前三季度松岭县外贸进出口稳中有升.
_TITLE_TIME = rf"今年以来|今年|{PART}"
_PLACE = r"[\u4e00-\u9fff]{1,7}?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|旗|州|盟)"
_TITLE_HEAD = re.compile(
    rf"^(?:关于)?(?:\d{{4}}年(?:度)?)?(?:{_TITLE_TIME})?((?:{_PLACE})+)"
    r"(?=\d{4}年|二〇|国民经济|政府|人民|统计|经济|关于|人口|财政|第[一二三四五六七八九十\d]|$"
    r"|外贸|进出口|工业|农业|消费|投资|金融|税收|地区生产总值|GDP"
    r"|教育|科技|文化|卫生|交通|商务|民政|水利|生态|环境|旅游|文旅|人力资源|就业|住房|城乡"
    r"|[\u4e00-\u9fff]{0,16}(?:公报|简况|情况|报告|规划|纲要)$"
    r"|[\s：:，,（(“\"《])"
)
_ONE_PLACE = re.compile(_PLACE)
_NATIONAL = re.compile(r"^(?:关于)?(?:\d{4}年(?:度)?)?(?:中华人民共和国|全国|中国|我国)")
_NOT_A_NAME = re.compile(
    r"^[全我本该各]|[年季月]|^(?:城市|都市|超市|门市|社区|景区|园区|城区|市区|郊区|山区|地区|辖区|小区)$"
)


def title_of(text: str) -> str | None:
    """The first line that reads like a title (4–60 characters, not only digits), unmarked.

    Markdown heading and quote marks are dropped: ``# 标题`` → ``标题``.
    """
    for line in text.splitlines():
        line = _HEADING_MARKS.sub("", line)
        if 4 <= len(line) <= 60 and not re.fullmatch(r"[\d\-\s.:]+", line):
            return line
    return None


#: Titles whose kind says when such a document comes out, from the year they name: a
#: year's 统计公报 in the March after it; a government work report at the start of its year;
#: a report on a year's plan or budget being carried out at the start of the next.
_TITLE_PUBLISHED = (
    (re.compile(r"(\d{4})年[^。]*?统计公报"), 1, "03"),
    (re.compile(r"(\d{4})年[^。]*?(?:计划|预算)执行情况"), 1, "02"),
    (re.compile(r"(\d{4})年[^。]*?政府工作报告"), 0, "02"),
)


def title_publication(title: str | None) -> str | None:
    """When a document titled ``title`` came out (ISO year and month), if its kind says.

    ``2023年某市国民经济和社会发展统计公报`` → ``2024-03``; ``松岭县2024年政府工作报告`` →
    ``2024-02``; ``关于2023年预算执行情况和2024年预算草案的报告`` → ``2024-02``. Other titles
    say nothing (``None``): a news feature's date is not in its title.

    An editor who checks a report after it came out, without ``--date``, would otherwise
    have 今年 and 全年 read as of today's year.
    """
    for pattern, later, month in _TITLE_PUBLISHED:
        if title and (m := pattern.search(title)):
            return f"{int(m[1]) + later}-{month}"
    return None


@dataclass(frozen=True)
class RegionGuess:
    """The region a draft was taken to speak of, and what it was read from.

    Attributes:
        region: the region's name (registered or as the title prints it).
        source: where it was read, in words for the editor: ``标题`` or ``正文``.
    """

    region: str
    source: str


def draft_region(text: str, registry: RegistryLike | None) -> RegionGuess | None:
    """The region a draft's 全区/全市 stands for; ``None`` when the text does not say."""
    lexicon = Lexicon.from_registry(registry)
    title = title_of(text)
    if title is not None:
        if _NATIONAL.match(title):
            return RegionGuess("全国", "标题")
        folded = fold(title)
        known = _registered(folded, lexicon)
        if known is not None:
            return RegionGuess(known, "标题")
        head = _TITLE_HEAD.match(folded)
        if head is not None:
            place: str = _ONE_PLACE.findall(head.group(1))[-1]
            # 2023年上半年全市经济运行情况: a period and a relative word, not a place's name.
            if not _NOT_A_NAME.search(place):
                return RegionGuess(place, "标题")
    body = _from_body(fold(text), lexicon)
    return RegionGuess(body, "正文") if body is not None else None


def _registered(title: str, lexicon: Lexicon) -> str | None:
    regions = {
        word: canonical
        for word, canonical in lexicon.subjects.items()
        if len(word) >= 2 and lexicon.kinds.get(canonical) == "region" and canonical != "全国"
    }
    found = {
        canonical
        for word, canonical in regions.items()
        if any(_stands_alone(title, at, word, regions) for at in _occurrences(title, word))
    }
    if not found:
        return None
    return max(found, key=lambda s: (len(lexicon.lineage(s)), s))


def _occurrences(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _stands_alone(title: str, at: int, word: str, regions: dict[str, str]) -> bool:
    """A full name (即墨区) anywhere; a short alias (市南, 即墨) only where a name can begin.

    That is the title's start, after a character that is not Chinese (“即墨：…”), or right
    after another region (青岛即墨), so 城市南部 does not name 市南区.
    """
    if word == regions[word] and word[-1] in "省市区县旗州盟":
        return True
    before = title[:at]
    if not before or not "\u4e00" <= before[-1] <= "\u9fff":
        return True
    return any(before.endswith(other) for other in regions)


def _from_body(text: str, lexicon: Lexicon) -> str | None:
    """The registered region the text names most at the level its 全区/全县/全市 speaks of.

    A district's feature says 全区 and names its district dozens of times, its city a few
    (青岛市即墨区); the lowest level the text's relative words use is its own. The region
    must be named by its full name at least three times, and twice as often as any other
    region of that level.
    """
    for words, suffixes in _LEVELS:
        if not any(w in text for w in words):
            continue
        # Full names only: an alias (即墨) is also part of other words (即墨古城, 即墨老酒).
        counts = {
            name: text.count(name)
            for name, kind in lexicon.kinds.items()
            if kind == "region" and name.endswith(suffixes)
        }
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < 3:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]
    return None


#: Relative words and the level of place they speak of, lowest level first.
_LEVELS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("全区", "我区", "本区", "全县", "我县", "本县"), ("区", "县")),
    (("全市", "我市", "本市"), ("市",)),
    (("全省", "我省", "本省"), ("省",)),
)


def unnamed_region(document: str, text: str) -> str:
    """A stand-in region for a draft that names none and whose title and body do not tell.

    Its figures still relate to one another: 出口 and 进口 add up to its 进出口, a share is
    taken of its own total. Extracted with the stand-in as its region they are checked
    against each other. The name carries the document id, so two such drafts in one run are
    never taken for one place, and it matches no subject of the corpus, so nothing is
    compared with other documents.

    A draft that says 全区 or 我区 anywhere is a district's, one that says 全县 a county's:
    its 全市 is the city above it (the extractor's ``…所在市``), another place. One that
    says neither speaks of itself as 全市, and its 全市 and its unnamed figures are one
    place. Without that distinction a district's 增长6.1% and its city's 增长4.9% would be
    one figure printed twice, and disagree.
    """
    for word, level in (("县", "县"), ("区", "区"), ("镇", "镇")):
        if any(w in text for w in SELF_WORDS if w.endswith(word)):
            return f"本稿（{document}）所述{level}"
    return f"本稿（{document}）所述市"
