"""Word lists and sentence helpers of the extractor (:mod:`factcheck.extract`).

The words a report uses to say what a figure is — 增长, 占, 高于, 力争, 年产, 其中 — as
compiled patterns, and the small pure functions that cut a paragraph into sentences,
clauses and segments and read the words around a figure. Nothing here knows the registry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from factcheck.claims import Claim, Selector
from factcheck.extract_patterns import _LIST_SEPARATORS, PART, RATIO_MOVES, RawFigure, TimePhrase
from factcheck.periods import Period
from factcheck.quantity import parse_quantity
from factcheck.units import parse_unit, same_dimension

# --------------------------------------------------------------------------- word lists

_SENTENCE_END = "。!?;"
_CLAUSE_END = ",:…."  # NFKC folds …… to ......; a point between digits is kept (_in_number)
_LIST_SEP = "、和及与"
_FILLER = re.compile(r"[“”\"'‘’「」、\-—·]|各类|各项|各种|线上线下")

_RELATIVE_SUBJECTS = {
    "全区": "region",
    "我区": "region",
    "本区": "region",
    "全县": "region",
    "该区": "region",
    "全市": "parent",
    "我市": "parent",
    "本市": "parent",
    "全省": "province",
    "我省": "province",
    "全国": "country",
    "我国": "country",
}
_RELATIVE_RE = re.compile("|".join(_RELATIVE_SUBJECTS))
_ANAPHOR = re.compile(r"该(?:企业|公司|工厂|项目|基地|园区|集团)|其中?(?!他)")
_COUNTRY = "全国"

#: An annual average of a level (年均完成, 年均新增): 年均增加 is a change, 年均增长 a rate.
_AVERAGE = re.compile(r"年均(?:完成|新增|实现|投资|引进|达到|达|为)?$")
_CAGR = re.compile(r"年均(?:分别)?(?:增长|增速|递增|提高)(?:分别)?(?:达到|达|为)?$")
_UP = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年|环比)?(?:同期)?(?:增长|增加|提高|提升|上升|上涨|增速|增幅|涨幅|递增)"
    r"(?:了|分别)?(?:达到|达|为|是)?$"
)
_DOWN = re.compile(
    r"(?:同比|比上年|较上年|环比)?(?:下降|减少|降低|回落|下滑|下跌|降幅|缩减)(?:了|分别)?(?:达到|达|为)?$"
)
_DOWN_WORDS = ("下降", "减少", "降低", "回落", "下滑", "下跌", "缩减")
_CHANGE_WORD = re.compile(
    r"增长|增加|提高|提升|上升|上涨|增速|增幅|涨幅|递增|下降|减少|降低|回落|下滑|下跌|降幅|缩减"
)
#: 城乡居民收入比…比上年缩小0.04: the word the ratio moved by, before its change.
RATIO_MOVED = re.compile(f"(?:{RATIO_MOVES})$")
_COMPARATOR = re.compile(r"(高于|低于|快于|慢于|超出|领先)")
#: 比全国(平均水平)高N个百分点: a place compared with, where 高于 would stand after it.
_PLACE_COMPARED = re.compile(
    r"比((?:全国|全省|全市|全区|全县|[\u4e00-\u9fff]{1,8}?[省市区县])(?:的)?(?:平均水平|平均)?)"
    r"(?:增速)?(?:高出|高|低|快|慢)$"
)
_SHARE_WORD = re.compile(r"(?:占比|比重|比例|份额|占有率)(?:为|达|达到|是|超过|约)?$")
_OF_TAIL = re.compile(r"(?:的)?(?:比重|比例|份额)?(?:的)?(?:为|达到|达|是|超过|约)?$")
_MULTIPLE = re.compile(r"(?:是|相当于|为)(.*?)的$")
#: A level as a percentage of the same figure in another year (恢复到2019年同期的105%): a
#: multiple, 1.05 times that year's.
_PERCENT_OF_YEAR = re.compile(
    r"(?:是|相当于|为|恢复到|恢复至|达到|达)((?:(?:19|20)\d{2}年|上年|去年)(?:同期)?)(?:水平)?的$"
)
_RATE_LEAD = re.compile(r"(亩产|亩均|每(亩|人|斤|公斤|吨|平方米|户|家))")
#: Over a span, these verbs make a figure a flow over the whole span (新建125公里); a
#: level without one is a stock, stated for the span's last year (发展到275家).
_FLOW_VERB = re.compile(
    r"实施|完成|开通|新建|建成|引进|累计|新增|创建|新创|打通|落地|入选|上市|认定|脱贫|摘帽|造林|整治|治理|改造"
    r"|大修|大中修|筹建|建设|推进|培育|引入|承接|压减|压缩|获评|成立|配建|开工|投产|扩建|新改建|落实|减税|开展|举办"
    r"|亮化"
)
_LEVEL_VERBS = re.compile(
    r"(?:达到|达|为|是|有|完成|实现|突破|超过|累计|共计|共|总计|分别为|分别达到|分别|发展到|提高到|提升到|增至"
    r"|降至|降为|增加到|压减至|已|已经|全部|均|都|合计|约|近|逾|超|首次|同比|仅用|用时|历时|共有"
    # What a plan says a figure will be (产能将达到, 产量力争突破): the modal is no name.
    r"|将|将会|有望|可望|力争|争取|确保)+$"
)

_TARGET = re.compile(
    r"力争|目标|计划|确保|争取|预期目标|力求|规划建设|拟"
    # 要 as "shall": after a clause break, a time word or who shall (全区要新建…); not 重要, 主要.
    r"|(?:^|[,:;]|今年|全年|年内|明年|全区|全市|我们|各级)要(?!求|素|点|是)"
)
#: A goal named as what work was steered by, not a target set: 紧紧围绕全年发展目标不动摇，
#: …集中力量推进15个攻势 reports what was done.
_GOAL_OBJECT = re.compile(r"(?:围绕|紧扣|锚定|对标|瞄准|聚焦)[^,:;。]{0,8}目标")
_ESTIMATE = re.compile(r"预计")
_PRELIMINARY = re.compile(r"初步核算")
#: 年产 of 年产30万辆 (not 去年|产值, 今年|产量: a year's word running into 产).
_CAPACITY = re.compile(r"(?<![去今明当前上])年产|日产|产能|可达|能力|设计规模")
_STRONG_CAPACITY = re.compile(r"产能|可达|能力|设计规模")
_CUMULATIVE = re.compile(r"累计|累积|先后|共计|总计|共完成|已惠及|已经为|已为")
#: Words saying a count was added to a stock in the period: 新增, 新认定 (a 高新技术企业
#: recognised this year joins those already recognised), 新登记, 新培育, 净增, 新建 (an area or a
#: count built up year by year: 新建高标准农田5.2万亩 adds to 累计建成86.4万亩) ….
_NEW = re.compile(r"新增(?!加)|增设|新认定|新登记|新培育|新认证|新组建|新设立|净增|新建")
#: 占 introducing a denominator; not 占比, 占用, 占有 or 占地(面积) — but 占地区生产总值 is one.
_DENOMINATOR = re.compile(r"占(?!比|用|有|地(?!区))")
_INNER_VERB = re.compile(r"实现|完成|达到|累计|平均")
_BASE_YEAR = re.compile(r"(?:比|较)(\d{4})年(?:底|末)?")
_NEW_NAME = re.compile(r"^新|新增|新建|新引进|新开通|新创|新设|新认定|新上市")
_NOW = re.compile(r"目前|当前|现在|如今|截至目前")
_SCOPE = (
    ("规模以上", "规上"),
    ("规上", "规上"),
    ("限额以上", "限上"),
    ("限上", "限上"),
    ("全口径", "全口径"),
)
_LEVEL_SCOPE = re.compile(r"(国家级|省级以上|省市级|省级|市级以上|市级|区级以上|区级|镇级)")
#: Where the noun after a count ends (520户回迁村民喜领… stops nowhere useful; 项目投产 at 投产).
_STOP_NOUN = re.compile(
    r"全部|入选|成为|相继|先后|加快|正式|实现|投产|参加|享受|用上|提供|完成|落户|建成|开工|纳入|分别|获评|获批"
    r"|[的已被均都将在于为是由从与及,，。;:…]"
)
_INDUSTRY_METRIC = re.compile(
    r"(?:规上|规模以上)?(?:工业)?(?:实现|完成)?(产值|总产值|增加值|进出口|出口|营业收入|主营业务收入|产量|销量)"
)
#: Verbs that registry names begin with (完成重大工程数量, 新建扩建输变电工程数量).
_NAME_VERB_WORDS: tuple[str, ...] = (
    "新建改建",
    "新建扩建",
    "新建改造",
    "新改建",
    "建成开放",
    "建成启用",
    "竣工交付",
    "竣工投产",
    "新引进",
    "新开通",
    "新打造",
    "新认定",
    "新建",
    "改建",
    "扩建",
    "建成",
    "开通",
    "完成",
    "实施",
    "新增",
    "引进",
    "培育",
    "新创",
    "创建",
    "整治",
    "改造",
    "认定",
    "筹建",
    "入选",
    "增设",
    "新设",
    "盘活",
    "带动",
    "组织",
    "确定",
    "梳理",
    "联系",
    "涉及",
    "综合治理",
    "大中修",
    "整修",
    "淘汰",
    "配建",
    "征迁改造",
    "享受签约服务",
    "参展",
    "新上市",
    "上市",
    "脱贫摘帽",
    "脱贫",
    "摘帽",
    "被认定",
    "获评",
    "投产",
    "申请",
    "授权",
)
_NAME_VERB = re.compile("|".join(sorted(_NAME_VERB_WORDS, key=len, reverse=True)))
#: A verb whose object names what is counted: 企业入选国家试点示范 (国家试点示范企业),
#: 河流获评省级美丽示范河湖 (美丽示范河湖), 项目入列市海洋重点项目, 为17个项目提供了
#: “竣工即投产”服务 (竣工即投产服务项目).
_BECOME = re.compile(
    r"^(?:成功)?(?:入选|获评|被认定为|认定为|被评为|评为|成为|列入|入列|纳入|获批|提供了?|享受)"
)
#: Words inside a listed name that the registry leaves out (行业“隐形冠军”或独角兽企业).
_NAME_FILLER = re.compile(r"^行业|或")
#: How long a counted noun (企业, 80岁以上老人) and what is said of it may be.
_PREDICATE_NOUN = 8
_PREDICATE_WORDS = 10
#: Words that make what follows a name a predicate, not the rest of a list item
#: (一汽锻造项目当年落户、当年开工: the project is the subject, not one of a list).
_PREDICATE = re.compile(r"当年|今年|落户|开工|完工|投产|建成|实现|完成|入选|获评|成为|达到|突破")
#: A clause saying when, not who: 在10月份青岛突发新增确诊病例后.
_ADVERBIAL = re.compile(r"^在.*(?:后|之后|时|期间|之际|以来)[,:]?$")
#: Who said a quotation: “…”即墨区供电公司有关负责人说.
_SAYS = re.compile(
    r"(?:有关|相关)?(?:(?:负责人|董事长|总经理|党委书记|书记|主任|工作人员)"
    r"(?:[\u4e00-\u9fff]{2,3}?)?)?(?:说|表示|介绍|称|指出|告诉记者)"
)
#: Names an organisation gives itself, found by their ending where the registry does not know
#: them: a report on a park or company of its own region names ones no registry lists.
_ORG_SUFFIX = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|经济技术开发区|高新技术产业开发区|经济开发区|高新区)"
)
_PARK_SUFFIXES = ("开发区", "高新区")
#: What a name cannot run back across: punctuation, digits, list marks and the words that
#: precede a name (走进, 位于, 在, 的 …).
_NAME_STOP = re.compile(
    r"走进|来到|位于|作为|[\d,，。、;；:：“”\"'()（）《》【】!?！？\s■□•●◆▲的在与和及对从向为据由将把被让给是]"
)
#: A text's short word for the company or park it has named: 公司 for 云川恒远新材料有限公司;
#: only where no name runs into it (强村共富公司 is another company).
_GENERIC_ORG = {"公司": "company", "开发区": "park", "高新区": "park"}
_GENERIC_RE = re.compile(r"(?:^|(?<=[,，。、;；:：“”该本其年后了]))(?:公司|开发区|高新区)")
#: A total that names nothing itself: 省市级智能工厂等总数达到105个.
_TOTAL_WORDS = frozenset({"总数", "总量", "数量", "总计", "合计"})
#: A level said to have held (连续5年稳定在25万吨以上): the figure the sentence just named.
_HELD_AT = re.compile(
    r"(?:连续[\d一二三四五六七八九十]+年|多年|持续|始终|继续|长期)?(?:稳定|保持|维持|稳居|稳)在"
)
#: A figure named by the year before alone (全年粮食总产量300.5万吨，上年为290.2万吨): the
#: figure the sentence just named, a year earlier.
_YEAR_BEFORE = re.compile(r"(?:上年|去年)(?:同期|末|底)?(?:为|是|的|达|有)?")
#: Verbs that open a list of examples (推动恒泰机械等10家企业…): not part of the examples.
_EXAMPLE_VERB = re.compile(r"^(?:推动|带动|支持|引导|鼓励|组织|依托|通过|推进|促成|助力|指导|帮助)")
#: A short relative clause before the counted noun: 9个投产的整车项目.
_MODIFIER = re.compile(r"^(?:已)?(?:投产|建成|在建|开工|落地|签约|入选|获批|新建|竣工)的")


def _name_verbs(text: str) -> list[str]:
    """Every verb of :data:`_NAME_VERB_WORDS` in ``text`` (脱贫摘帽 gives 脱贫 and 摘帽 too).

    Not a verb that only modifies a noun (投产的整车项目)."""
    return [v for v in _NAME_VERB_WORDS if re.search(re.escape(v) + "(?!的)", text)]


#: Counters (units_zh.txt): a figure in one of them counts things, and its metric's name
#: ends in 数量 (户数, 套数 where the registry says so).
_COUNT_UNITS = frozenset(
    "个项条家处类张所座户套只件种艘批基辆台床架栋间头株棵篇部场款块片支册轮宗幢锭"
) | {"车道"}
#: The word a metric's name ends with, by its unit (registry style: 造林面积, 管网长度).
_UNIT_WORDS = (
    (frozenset({"亩"}), ("面积", "种植面积")),  # 160亩羊肚菌: 羊肚菌种植面积
    (frozenset({"平方米", "公顷", "平方公里"}), ("面积",)),
    (frozenset({"公里", "米"}), ("长度", "里程")),
    (frozenset({"元", "美元"}), ("额", "金额", "总额")),
    (frozenset({"吨"}), ("量", "产量", "产能", "容量")),  # 年产1000吨X: X产能
    (frozenset({"瓦", "兆瓦"}), ("装机容量", "容量")),  # 300兆瓦光伏发电设施
    # 历时17个月建设 (建设周期), 项目仅用17个月 (项目建设周期)
    (frozenset({"天", "日", "个月", "月", "小时"}), ("用时", "周期", "时长", "建设周期")),
    (frozenset({"人", "名", "位"}), ("人数", "数量")),
    (frozenset({"人次"}), ("人次",)),
)

_BASE_CONFIDENCE = 0.9
#: How far into a paragraph a place must be named to be the paragraph's topic.
_TOPIC_WINDOW = 40
#: How many sentences back 该企业/其 may refer.
_CARRY_SENTENCES = 3


# --------------------------------------------------------------------------- structure


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@dataclass
class _Draft:
    """A claim being built; turned into a :class:`Claim` once its id is known."""

    figure: RawFigure
    value: str
    metric: str
    resolved: bool
    measure: str = "level"
    period: Period | None = None
    period_guessed: bool = False
    subject: str | None = None
    status: str = "actual"
    of: Selector | None = None
    against: Selector | None = None
    scope: str | None = None
    basis: str | None = None
    part_of: str | None = None
    base: str | None = None
    group: tuple[str, ...] = ()  # 分别: the names the figures of a list take in turn
    group_index: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Context:
    s: str
    sentence: _Span
    clause: _Span
    segment: _Span
    figure: RawFigure
    times: list[TimePhrase]
    subjects: list[tuple[int, int, str]]
    carried: str | None
    topic: str | None = None
    siblings: tuple[RawFigure, ...] = ()  # the figures of the clause from this one on
    earlier: tuple[_Draft, ...] = ()  # the figures read before, in the sentence
    in_clause: tuple[RawFigure, ...] = ()  # every figure of the clause

    @property
    def lead(self) -> str:
        return self.s[self.segment.start : self.figure.start]

    @property
    def tail(self) -> str:
        return self.s[self.figure.end : self.segment.end]

    @property
    def sentence_text(self) -> str:
        return self.s[self.sentence.start : self.sentence.end]

    @property
    def clause_text(self) -> str:
        return self.s[self.clause.start : self.clause.end]

    @property
    def carried_explicit(self) -> bool:
        return any(
            t.end <= self.sentence.start and t.kind in ("year", "relative") for t in self.times
        )


def _split(s: str, start: int, end: int, stops: str) -> list[_Span]:
    spans = []
    a = start
    for i in range(start, end):
        if s[i] in stops and not _in_number(s, i):
            spans.append(_Span(a, i + 1))
            a = i + 1
    if a < end:
        spans.append(_Span(a, end))
    return spans


def _in_number(s: str, i: int) -> bool:
    # 1,300 and 1:1 keep their separators; 5.8:50.3:43.9 is one ratio.
    return 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit()


def _segments(s: str, clause: _Span, figures: Sequence[RawFigure]) -> list[_Span]:
    """Cut a clause between its figures, at the last 、/和/及 between two of them."""
    if not figures:
        return []
    cuts: list[tuple[int, int]] = []
    for left, right in pairwise(figures):
        gap = s[left.end : right.start]
        at = max(gap.rfind(ch) for ch in _LIST_SEP)
        # No separator: the words between belong to both (三大核心物流园区完成货物吞吐量600万吨).
        cuts.append((left.end + at, left.end + at + 1) if at >= 0 else (right.start, left.end))
    starts = [clause.start] + [c[1] for c in cuts]
    ends = [c[0] for c in cuts] + [clause.end]
    return [_Span(a, b) for a, b in zip(starts, ends, strict=True)]


def _bare(lead: str) -> bool:
    # Nothing but connectors between this figure and the list it continues: 、42%, 和437家.
    return not re.sub(r"[、和及与,分别为达到以上及]", "", lead)


def _measure(figure: RawFigure, lead: str) -> tuple[str, str, str]:
    """The measure, the words its metric is named in, and what it is compared with."""
    unit = figure.unit
    if figure.doubling:
        return "multiple", _before_change(lead), ""
    if figure.pure:  # 城乡居民收入比为1.95，比上年缩小0.04
        moved = RATIO_MOVED.search(lead)
        return ("change", _COMPARED_WITH.sub("", lead[: moved.start()]), "") if moved else (
            "level", lead, "")  # fmt: skip
    if unit.endswith("百分点"):
        if "拉动" in lead:
            return "contribution", lead[: lead.rfind("拉动")], ""
        comparator = _last(_COMPARATOR, lead)
        if comparator is not None:
            return "pp", lead[: comparator.start()], lead[comparator.end() :]
        place = _PLACE_COMPARED.search(lead)
        if place is not None:
            # 比全国平均水平高0.6个百分点: against the country, not the year before.
            return "pp", lead[: place.start()], place.group(1)
        return "pp", _before_change(lead), ""
    if unit == "倍":
        multiple = _MULTIPLE.search(lead)
        if multiple:
            return "multiple", lead[: multiple.start()], multiple.group(1)
        return "multiple", _before_change(lead), ""
    near = lead[-14:]
    if unit in ("%", "‰"):
        of_year = _PERCENT_OF_YEAR.search(near)
        if of_year:
            return "multiple", lead[: len(lead) - len(near) + of_year.start()], of_year.group(1)
        if _CAGR.search(near):
            return "cagr", lead[: lead.rfind("年均")], ""
        if _UP.search(near) or _DOWN.search(near):
            return "yoy", _before_change(lead), ""
        at = _denominator_at(lead)
        if at >= 0:
            return "share", lead[:at], ""
        if _SHARE_WORD.search(near):
            return "share", lead, ""
        return "level", lead, ""
    if re.search(r"(?:增加|减少)(?:了)?$", near):
        return "change", _before_change(lead), ""
    average = _AVERAGE.search(near)
    if average:
        # 年均完成投资320亿元 over 十三五: each year's mean, not the five years' total.
        cut = len(lead) - len(near) + average.start()
        return "average", lead[:cut] + average.group()[2:], ""
    return "level", lead, ""


def _denominator_at(lead: str) -> int:
    """Where 占 introduces a denominator (占全区GDP的), -1 when it does not (占比, 占地)."""
    found = _last(_DENOMINATOR, lead)
    return found.start() if found else -1


def _before_change(lead: str) -> str:
    m = _last(_CHANGE_WORD, lead)
    text = lead[: m.start()] if m else lead
    return _COMPARED_WITH.sub("", text)


#: What a change is measured from, at the end of the words before it: not part of the name
#: (规上工业增加值…，比1—5月提高0.3个百分点 is about the same 规上 figure).
_COMPARED_WITH = re.compile(
    rf"(?:同比|环比|年均|(?:增速|增幅|涨幅|降幅)?[比较](?:(?:上年|去年|(?:19|20)\d{{2}}年)同?期?"
    rf"|上月|年初|{PART})?)$"
)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _compact(text: str) -> str:
    return _FILLER.sub("", text)


#: What may stand between the items of a list: 2022年、2023年和2024年; 5.1%、6.3%和7.0%.
_LIST_GAP = re.compile(rf"\s*(?:{_LIST_SEPARATORS.pattern}|,|以及)?\s*")


def _listed_times(
    ctx: _Context,
) -> tuple[list[TimePhrase], list[RawFigure]] | None:
    """A list of times that 分别 pairs, in turn, with a list of figures of the same length:
    2021年、2022年、2023年，全市地区生产总值分别达到520.3亿元、561.2亿元和602.8亿元.

    The times are the run of phrases nearest before 分别 in the sentence, nothing but list
    words between them; the figures the run after 分别 in its clause. None when the figure
    is not in such a pair of lists (the counts differ, or a name list is what 分别 splits).
    """
    at = ctx.s.rfind("分别", ctx.clause.start, ctx.figure.start)
    if at < 0:
        return None
    times = [t for t in ctx.times if ctx.sentence.start <= t.start and t.end <= at]
    run = times[-1:]
    for earlier in reversed(times[:-1]):
        if not _LIST_GAP.fullmatch(ctx.s[earlier.end : run[0].start]):
            break
        run.insert(0, earlier)
    figures = [f for f in ctx.in_clause if f.start > at]
    chain = figures[:1]
    for f in figures[1:]:
        if not _LIST_GAP.fullmatch(ctx.s[chain[-1].end : f.start]):
            break
        chain.append(f)
    if len(run) < 2 or len(chain) != len(run) or ctx.figure not in chain:
        return None
    if len({t.text for t in run}) < len(run):
        return None
    return run, chain


def _group_names(s: str, start: int, end: int) -> list[str]:
    head = s[start:end]
    head = head[: head.rfind("分别")]
    # …收入年均分别增长5.6%、7.2%, …收入年均增长分别为…: 年均 says how, not what.
    head = _CHANGE_WORD.sub("", head).removesuffix("年均")
    return [n for n in re.split(r"[、和及与]", head) if n]


def _subject_position(s: str, mention: tuple[int, int, str]) -> bool:
    """Whether a mention can be who a figure is about, wherever the figure stands.

    Not: an item of a list (一汽大众、一汽解放…), a denominator or comparison (占全市,
    高于青岛市), a relative word saying where a first was achieved (全国首个, 在全省率先),
    a newspaper (青岛日报).
    """
    start, end, word = mention
    before = s[max(0, start - 4) : start]
    after = s[end : end + 8]
    listed = re.match(r"([^,:;。、等和与及]{0,6})[、等和与及]", after)
    # 全省159个国家和省级开发区, 对全区180个重点项目进行梳理: whose the figure right after is.
    owns = word in _RELATIVE_SUBJECTS and re.match(r"[\d零〇一二两三四五六七八九十]", after)
    if before.endswith("、") or (listed and not owns and not _PREDICATE.search(listed.group(1))):
        return False
    if re.search(r"(?:占|高于|低于|快于|慢于|比|较|相当于|超过)$", before):
        return False
    if re.search(r"(?:与|同|向|对)$", before) and not owns:
        return False
    if after.startswith(("日报", "晚报", "新闻", "记者", "报社", "电视")):
        return False
    return not (
        word in _RELATIVE_SUBJECTS
        and (
            before.endswith("在")
            or re.match(r"(?:首|第一|率先|唯一|最|领先|前列|首创|推介|排名|同类)", after)
        )
    )


#: What may come before a clause's topic: a time (2023年末, 全年, 年内) or 在/由/据.
_TIME_OR_PREPOSITION = re.compile(
    r"^(?:[\d年月日份上下半季度前今去本末底初]+|全年度?|年内|在|由|据|[,:])"
)


def _clause_initial(ctx: _Context, start: int) -> bool:
    """Whether a mention opens its clause (after a time phrase, 在/由): the clause's topic."""
    return _opens_clause(ctx.s, ctx.sentence, ctx.subjects, start)


def _opens_clause(
    s: str, sentence: _Span, subjects: Sequence[tuple[int, int, str]], start: int
) -> bool:
    """:func:`_clause_initial` for a mention at ``start`` in ``sentence``."""
    clause = next(
        c for c in _split(s, sentence.start, sentence.end, _CLAUSE_END) if c.start <= start < c.end
    )
    head = s[clause.start : start]
    for a, b, _word in reversed(subjects):
        if clause.start <= a and b <= start:
            head = head[: a - clause.start] + head[b - clause.start :]  # 青岛市即墨区: one place
    previous = None
    while head != previous:
        previous = head
        head = _TIME_OR_PREPOSITION.sub("", head)
    return not head


def _named_example(ctx: _Context, start: int, end: int) -> bool:
    # 创新奇智总部、华为科技城等156个重点项目: examples of what is counted (same clause);
    # not the place before them (在高新区集聚中科院海洋所等30余家科研院所).
    if ctx.s[max(start - 1, 0) : start] == "在":
        return False
    return start >= ctx.clause.start and "等" in ctx.s[end : ctx.figure.start]


def _time_clause(ctx: _Context, phrase: TimePhrase) -> bool:
    """Whether the phrase is a clause of its own (2022年11月5日清晨，…): it dates the sentence."""
    clause = next(
        c
        for c in _split(ctx.s, ctx.sentence.start, ctx.sentence.end, _CLAUSE_END)
        if c.start <= phrase.start < c.end
    )
    rest = ctx.s[clause.start : clause.end].replace(phrase.text, "", 1)
    return bool(re.fullmatch(r"[,:]?(?:清晨|上午|下午|晚上|凌晨|当天)?[,:]?", rest))


def _is_stock(ctx: _Context, draft: _Draft) -> bool:
    if _FLOW_VERB.search(ctx.clause_text):
        return False
    return not re.search(r"改善率|增长率|下降率|降幅|增幅", draft.metric + ctx.lead)


#: What a 截至9月末 names on the day itself: balances, stocks and counts, not what accrued. By
#: the name's end: 固定资产投资 accrues, 总资产 does not.
_BALANCE = re.compile(
    r"(?:余额|存量|保有量|资产|市值|人口|数量|户数|个数|人数|面积|容量|规模|库存|床位数?|里程|价格|指数|率)$"
)
_ACCRUING = re.compile(
    r"产量|销量|吞吐量|发电量|用电量|客运量|货运量|周转量|进出口|出口|进口|外资|投资"
)


def _accrues(metric: str, unit: str) -> bool:
    """Whether a figure of ``metric`` as of a month's end is what accrued since January.

    截至9月末，全区实际使用外资3.2亿美元 is the total of January to September, the period a
    bulletin prints it for (1—9月); 截至9月末，存款余额1200亿元 is the balance on that day.
    Money that is no balance, and the outputs and flows of :data:`_ACCRUING`, accrue.
    """
    if _BALANCE.search(metric):
        return False
    return unit.split("/")[0].endswith("元") or bool(_ACCRUING.search(metric))


def _last_now(ctx: _Context) -> int:
    return max(m.start() for m in _NOW.finditer(ctx.s, ctx.sentence.start, ctx.figure.start))


def _strip_of(text: str) -> str:
    return re.sub(r"的$", "", text)


def _per(value: str, lead: str) -> str:
    m = _last(_RATE_LEAD, lead[-6:])
    per = "亩" if m is None or m.group(2) is None else m.group(2)
    return f"{value}/{per}"


def _scope(text: str) -> str | None:
    for word, scope in _SCOPE:
        if word in text:
            return scope
    return None


_LIST_BREAK = re.compile(r"[、，,；;。]")


def _level(text: str, metric: str) -> str | None:
    """The level a figure is limited to (市级以上创新平台68个: 市级以上), the corpus's scope for
    it; none where the metric's own name holds it (新认定市级智能工厂数字化车间数量)."""
    found = _LEVEL_SCOPE.search(text)
    if found is None or found.group(1) in metric:
        return None
    return found.group(1)


def _listed(lead: str, tail: str, metric: str) -> str | None:
    """The examples a count is of, as its scope, where the metric is only the noun counted.

    恒泰机械等10家企业与…结对改造 counts the firms that paired up, not the region's 企业数量:
    read as 企业数量 it would meet the region's total and raise a false alarm. The scope
    (``恒泰机械等``) keeps it apart. Only when the clause goes on to say what they did;
    拥有海尔等120家企业 is the total.
    """
    before = _compact(lead)
    if not before.endswith("等"):
        return None
    noun = _tail_noun(tail)
    if not noun or metric.removesuffix("数量").removesuffix("数") != noun:
        return None
    rest = _compact(tail)[len(noun) :]
    rest = re.split(r"[,，。;；:：!！?？]", rest, maxsplit=1)[0]
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) < 2:
        return None
    examples = re.split(r"[,，;；:：]", lead.strip())[-1].strip().removesuffix("等")
    examples = _EXAMPLE_VERB.sub("", examples)
    if len(examples) > 10:
        examples = examples.split("、")[-1][-10:]  # 创新奇智总部、华为科技城等 → 华为科技城等
    return f"{examples}等" if examples else None


#: What some of the firms (projects, people) counted did: 20家企业参加广交会 counts those that
#: took part, not all there are. Not 实现/完成 (全区650家规上工业企业实现营业收入…: all of
#: them, as bulletins word their totals).
_ACTIVITY = re.compile(
    r"^(?:参加|参与|参展|出展|亮相|入选|获评|获得|荣获|获批|获|被评为|被认定为?|被授予|被列为|被列入"
    r"|列入|纳入|签约|落户|入驻|上榜|登榜|申报|通过|达成|开展|接受|享受|承担|牵头)"
)
#: Words before a counted noun that say what happened to them or when, not what kind they
#: are: 新登记企业, 其中新开工项目, 在建重点项目, 年末…. 新材料 and 新能源 are kinds.
_NOT_A_KIND = re.compile(
    r"其中|新增|新建|新创|新认|新组|新登|新开|新引|新培|新设|新入|新落|新签|在建|在册|在营|建成|实施|确定"
    r"|力争|争取|引进|培育|认定|认证|组建|登记|增设|累计|计划|年|季|月|末|全|共|各|所有|现有|[的之有是为和及与]"
)


#: Verbs before a kind (开发区已集聚新材料企业45家): the kind is what follows the last of them.
_GATHERED = re.compile(
    r"^.*(?:已|集聚|聚集|拥有|共有|现有|引进|培育|入驻|落户|吸引|新增|新建|新创|新认定|新认证|新组建"
    r"|新登记|新开工|新引进|新培育|新设立|新落地|新签约|累计)"
)


def _doing(lead_words: str, tail: str, metric: str) -> str | None:
    """What the counted ones did, as the scope of a count printed before its noun.

    全区20家高新技术企业参加广交会 counts the firms at the fair: read as the region's
    高新技术企业数量 it would disagree with the region's total (650家) and raise a false alarm.
    Only for a count with nothing of its own before it (20家…, not 共有650家…), whose metric
    is the noun counted, followed by one of :data:`_ACTIVITY`.
    """
    if lead_words:
        return None
    noun = _tail_noun(tail)
    bare = metric.removesuffix("数量").removesuffix("数")
    if not noun or not noun.endswith(bare):
        return None
    rest = _compact(tail)
    rest = rest[rest.find(noun) + len(noun) :] if noun in rest else ""
    if not _ACTIVITY.match(rest):
        return None
    phrase = re.split(r"[,，。;；:：!！?？、]", rest, maxsplit=1)[0]
    return phrase[:10] or None


def _qualified(noun: str, metric: str) -> str | None:
    """The kind of a counted noun the registry names only in general, as the scope.

    外贸备案企业1200家 and 新材料企业85家 are both read as 企业数量, the registry's name for the
    firms of a region: without a scope they would be one figure printed twice, disagreeing,
    and 高新技术企业 (650家) would exceed the 85. The words before the registry's noun
    (``外贸备案``, ``新材料``) keep each apart. Not words that say what happened to them or
    name every one of a kind (新登记企业, 各类企业: :data:`_NOT_A_KIND`).
    """
    bare = metric.removesuffix("数量").removesuffix("数")
    # Only a registry noun of one word (企业, 项目): a longer one (创新平台) is a kind already.
    if len(bare) != 2 or not noun.endswith(bare) or noun == bare:
        return None
    kind = _GATHERED.sub("", noun[: -len(bare)])
    if "的" in kind:
        # 有进出口实绩的外贸企业: the kind is 外贸; 有进出口实绩的企业: the clause says which.
        clause, _, after = kind.rpartition("的")
        kind = after if len(after) >= 2 else clause[-8:]
    if not 2 <= len(kind) <= 8 or not re.fullmatch(r"[\u4e00-\u9fff]+", kind):
        return None
    return None if _NOT_A_KIND.search(kind) else kind


def _part_level(s: str, whole_at: int, start: int, end: int, metric: str) -> str | None:
    """The level a 其中 part is limited to, its noun before the number or after it: 市级 in
    其中市级攻坚项目104个 and in 其中104个市级攻坚项目; 区级 for the 91 of …、区级攻坚项目91个."""
    before = _LIST_BREAK.split(s[whole_at:start])[-1]
    after = _LIST_BREAK.split(s[end:], maxsplit=1)[0]
    return _level(before, metric) or _level(after, metric)


def _unit_fits(registry_unit: str, printed: str) -> bool:
    base = printed.lstrip("十百千万亿")
    if not registry_unit or not base:
        return True  # 突破千亿: the unit is the metric's
    if registry_unit in _COUNT_UNITS and base in _COUNT_UNITS:
        return True  # 个, 家, 项 count the same things in different words
    try:
        if same_dimension(parse_unit(registry_unit), parse_unit(printed)):
            return True
        # 人均可支配收入 is counted in 元/人 and printed in 元.
        return "/" in registry_unit and same_dimension(
            parse_unit(registry_unit.split("/")[0]), parse_unit(printed)
        )
    except ValueError:
        return True


def _same_counter(registry_unit: str, printed: str) -> bool:
    try:
        return same_dimension(parse_unit(registry_unit), parse_unit(printed)) or {
            registry_unit,
            printed,
        } <= {"辆", "台"}
    except ValueError:
        return False


def _counted(figure: RawFigure) -> bool:
    base = figure.unit.lstrip("十百千万亿")
    return base in _COUNT_UNITS


def _persons(figure: RawFigure) -> bool:
    """Whether a figure counts people (1.5万名, 200余人)."""
    return figure.unit.lstrip("十百千万亿") in ("人", "名", "位", "人次")


def _count_name(name: str, figure: RawFigure, suffixes: tuple[str, ...] = ()) -> str:
    """The name an unknown metric is written with: 数量 after a count, 面积 after an area …"""
    if figure.big:
        suffixes = ("数量",)
    if suffixes and not name.endswith(suffixes) and not name.endswith(("数", "率", "量", "额")):
        return name + suffixes[0]
    return name


def _suffixes(unit: str) -> tuple[str, ...]:
    base = unit.lstrip("十百千万亿")
    if base in ("户", "套"):
        return (f"{base}数", "数量")
    if base in ("辆", "台", "艘", "架", "件"):
        return ("数量", "数", "产量")  # 生产整车4万辆: 整车产量
    if base in _COUNT_UNITS:
        return ("数量", "数")
    for units, words in _UNIT_WORDS:
        if base in units:
            return words
    return ()


def _tail_noun(tail: str) -> str:
    tail = re.sub(r"(?<=[\u4e00-\u9fff])[、和及](?=[\u4e00-\u9fff])", "", tail)  # 中小学和幼儿园
    tail = _MODIFIER.sub("", tail)
    m = _STOP_NOUN.search(tail)
    noun = tail[: m.start()] if m else tail
    noun = _compact(noun)[:12]
    return noun if len(noun) >= 2 else ""


def _lead_noun(words: str) -> str:
    text = words[words.rfind("等") + 1 :][-12:]
    return text if len(text) >= 2 else ""


def _subset_marker(s: str, at: int) -> int | None:
    """Where 其中 opens the list a figure belongs to (up to the end of the sentence, 。)."""
    head = s[:at]
    marker = head.rfind("其中")
    if marker < 0 or "。" in head[marker:]:
        return None
    return marker


def _whole_of(draft: _Draft, earlier: list[tuple[_Draft, Claim]]) -> str | None:
    """其中N个: the nearest earlier figure of the paragraph counted in the same unit.

    Where the figure just before 其中 is a rate, the whole is a level of its metric or there
    is none: 固定资产投资增长5.2%，其中工业投资增长12.3%；社会消费品零售总额128.6亿元 names no
    level of the investment, and the 128.6 is no part of the budget revenue printed before it.
    """
    unit = _unit_of(draft.value)
    if unit is None or not earlier:
        return None
    last = earlier[-1][0]
    metric = None if last.measure == "level" else last.metric
    for other, claim in reversed(earlier):
        if (
            other.measure == "level"
            and _same_unit(unit, _unit_of(other.value))
            and (metric is None or other.metric == metric)
            # 日均接待游客69.48万人次，其中10月3日…86.42万人次: an average has no parts.
            and not re.search(r"日均|人均|平均", claim.quote)
        ):
            return claim.id
    return None


def _unit_of(value: str) -> Any:
    try:
        return parse_quantity(value).unit
    except ValueError:
        return None


def _same_unit(a: Any, b: Any) -> bool:
    return b is not None and same_dimension(a, b)


def _parses(value: str) -> bool:
    try:
        parse_quantity(value)
    except ValueError:
        return False
    return True


def _confidence(draft: _Draft) -> float:
    score = _BASE_CONFIDENCE
    if not draft.resolved:
        score -= 0.3
    if draft.period_guessed:
        score -= 0.1
    if draft.figure.chinese:
        score -= 0.15
    if draft.measure == "share" and draft.of is None:
        score -= 0.1
    return round(max(0.05, min(score, 0.99)), 2)
