"""Draft claims from Chinese report text: what ``factcheck extract`` runs.

:func:`extract` reads a report, a feature or a draft and proposes its claims in the corpus
format, for a person to review. It is a reader of report Chinese, not a parser of all
Chinese: it finds printed figures (:mod:`factcheck.extract_patterns`), then decides from the
words around each one what it is about.

How a figure is read (the choices a reviewer should know):

- **Where.** A paragraph is split into sentences (。！？；), clauses (，：…) and, inside a
  clause, *segments*: a list such as ``达345亿元、同比增长7.7%`` is cut at the 、/和 between
  two figures. ``start``/``end`` are the source offsets of the printed figure, ``line`` and
  ``column`` (1-based) where it starts; ``quote`` is its clause, verbatim from the source,
  clipped to the lines the figure stands on.
- **Measure.** 个百分点 → ``pp`` (拉动 → ``contribution``); % after 增长/增速/下降/提高 →
  ``yoy``, after 年均 → ``cagr``, over a span with neither 年均 nor 同比 → ``multiple`` (a
  cumulative change); a rate said after the figure (按照10%幅度压减) → ``yoy``; 占…的N%,
  占比/比重 and a part of the total before it (…，90%以上为发明专利) → ``share``; 倍 and
  翻一番 → ``multiple``; an amount after 增加/减少 → ``change``, and so is a count of a
  stock after 新增/增设 (a clause with no verb of its own continues the 新增 before it);
  亩产, 亩均, 每X and compound units → ``rate``; otherwise ``level``. 新认定/新登记/新培育 …
  count a stock's growth too, unless the registry's own names of the metric say 新增 (城镇新增
  就业). A price index's rise (居民消费价格上涨0.6%) is the level of its 涨幅 rate. A figure
  listed right after another (``44%、42%``) shares its measure. 环比: a difference
  (环比下降0.2个百分点) is against the month, quarter, half or year before; a 环比 growth rate
  is left out, as no relation can read it (official ones are seasonally adjusted, not the
  ratio of the levels printed), and so is a 环比 of a period with no single one before it
  (前三季度).
- **Metric.** The registry name or alias that covers most of the segment (the figure itself
  removed, so 建成37处中小学、幼儿园 reads 建成中小学幼儿园), built from: the words before
  and after the figure with the ending the unit calls for (面积, 长度, 产能, 装机容量, 周期 …);
  a verb of the segment, or one after the clause's last figure that a whole list shares
  (…3个经济薄弱镇全部脱贫摘帽); what the words after the counted noun say of it
  (23家企业入选国家试点示范 → 国家试点示范企业数量, 5家企业成功上市); the head of the
  item before it in a list (到账外资…、内资 → 到账内资; 开工、竣工投产55个 → 竣工投产项目);
  the noun after 的 and a count (总投资240亿元的149个X项目 → X项目总投资); the words before
  等 when what follows is a bare total (X等总数); the industry a sentence opens with
  (通用航空产业，…三大板块); a registry name earlier in the sentence the counted word is the
  head of (…乡村振兴示范片区建设，由4个片区…); a qualifier named earlier in the sentence
  that narrows a generic word to a registry name (用好市场采购贸易方式试点，…出口额 →
  市场采购贸易出口额; not one kind in a 、 list, nor a word inside a name); the kinds of a
  thing (九类保障标准 → 保障标准类别数); a unit that names what it counts (10万锭 →
  纱锭规模); the work a duration was spent on (5天内完成X → X用时); a ceiling (最高给予N元
  补助 → …补助上限); award winners (分获…奖 → 获奖…) and exhibitors (参加…展会 → 参展…);
  a size class (10万吨级X → X吨位/吨级). A contracted pair said to move together
  (存贷款余额双双突破千亿) gives one claim per half. For a growth, share or difference, the words
  before the change word (a sector's 占比 is that of its 增加值), else the metric of the
  figure before it in the sentence (净增58家 after 规上工业企业达到612家: a change of that
  count, in its scope). A whole named short of the noun its part shares with it (占规上工业的
  比重, after 规模以上工业增加值 in the paragraph) is that level's metric; a scope word after 占
  belongs to the whole, not to the share. An unknown metric is kept as written (``数量`` appended
  for counts) and flagged with ``("unresolved_metric", True)`` in ``extra``.
- **Period.** The nearest time phrase before the figure in its sentence (2024年上半年,
  前三季度, 近三年, 十三五期间, 到2023年底 …), else the year (or span) of the nearest one
  earlier in the paragraph, else the document's year: the year of publication, or the
  year before for a text published in January or February (which looks back on a year).
  Over a span, a level stated as reached (达到, 发展到, 突破 …) is the span's last year.
  N月末/N月底 is that month (a stock at its end; 12月末 the year), 年末 the year. In 由2019年的A
  提高到B (or 从…), A is of 2019 (由上年同期的: the period a year before) and B the same figure
  now, or of the year printed after 到 (增加到2023年的512亿元);
  with no year after 由, A is of the period before B's (五年来…由186家增加到312家: 2018).
  A clause naming only a time (…；6月末为598.7亿元) is the sentence's figure at that time.
  三次产业结构由2018年的a:b:c调整为2023年的d:e:f gives six shares, each of its own year
  (由上年的a:b:c: the year before the sentence's).
- **Subject.** The last subject named before the figure in its sentence — 全区/我区 the
  region, 全市 its city (the region itself in a city's report), 全省 its province, a company
  or park from the registry — unless it is listed as an example (X、Y等), stands in the
  denominator or comparison (占/高于 X), or in a clause saying when (在…后). A park may be
  named without its place (经济开发区 in a report of 即墨区); a size class is of the thing
  named after it (工船“国信1号”). A place after the figure holds it (4个在即墨区); parks
  listed before an amount yield their common parent; a quotation is its speaker's
  (“…”X有关负责人说). A company named in an earlier sentence of the paragraph carries on
  through 该/其, and a park or company that a sentence with no figure names as its topic
  carries on until another is named or 我们… opens the next part. Examples before 等 that
  are companies keep a company named earlier from being the subject. Else the region
  (``factcheck check`` on a draft with no region given reads it from the title:
  :mod:`factcheck.region`).
- **Status.** 预计 → estimate; 初步核算 → preliminary; 力争/目标/计划/确保/争取 (not a
  目标 that work was steered by: 围绕全年发展目标), or an
  explicit period not over at publication (2021年 in a report of February 2021), or an
  "at least N" count of a year not over (新增…16个以上 in March) → target;
  年产/产能/可达/能力, or a metric the registry names a capacity → capacity (X产能 is the
  capacity of X产量: 新能源汽车产能将达到50万辆); 累计/先后/共计 → cumulative; else actual.
  A modal before the verb (将, 有望, 力争, 确保) is no part of a metric's name.
- **Tables.** A Markdown pipe table is read cell by cell (:mod:`factcheck.extract_tables`):
  each cell becomes a sentence of its row's label, its column's header and the figure in its
  unit, read as above; the prose reader never sees the table's lines.
- **Confidence** starts at 0.9 and drops for what is guessed: an unresolved metric, a
  period taken from the paragraph or the document date, a count in Chinese numerals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from factcheck.claims import Claim, Document, Selector
from factcheck.extract_patterns import (
    _SPAN_N,
    Lexicon,
    Paragraph,
    RawFigure,
    RegistryLike,
    TimePhrase,
    masked_positions,
    paragraphs,
    scan_figures,
    scan_time_phrases,
)
from factcheck.extract_tables import cell_paragraphs
from factcheck.extract_words import (
    _ADVERBIAL,
    _ANAPHOR,
    _BASE_YEAR,
    _BECOME,
    _CAPACITY,
    _CARRY_SENTENCES,
    _CHANGE_WORD,
    _CLAUSE_END,
    _COUNT_UNITS,
    _COUNTRY,
    _CUMULATIVE,
    _DOWN,
    _DOWN_WORDS,
    _ESTIMATE,
    _GENERIC_ORG,
    _GENERIC_RE,
    _GOAL_OBJECT,
    _HELD_AT,
    _INDUSTRY_METRIC,
    _INNER_VERB,
    _LEVEL_SCOPE,
    _LEVEL_VERBS,
    _NAME_FILLER,
    _NAME_STOP,
    _NAME_VERB,
    _NEW,
    _NEW_NAME,
    _NOT_A_KIND,
    _NOW,
    _OF_TAIL,
    _ORG_SUFFIX,
    _PARK_SUFFIXES,
    _PREDICATE_NOUN,
    _PREDICATE_WORDS,
    _PRELIMINARY,
    _RATE_LEAD,
    _RELATIVE_RE,
    _RELATIVE_SUBJECTS,
    _SAYS,
    _SENTENCE_END,
    _STRONG_CAPACITY,
    _TARGET,
    _TOPIC_WINDOW,
    _TOTAL_WORDS,
    _UP,
    _YEAR_BEFORE,
    RATIO_MOVED,
    _accrues,
    _bare,
    _clause_initial,
    _compact,
    _confidence,
    _Context,
    _count_name,
    _counted,
    _denominator_at,
    _doing,
    _Draft,
    _group_names,
    _is_stock,
    _last_now,
    _lead_noun,
    _level,
    _listed,
    _listed_times,
    _measure,
    _name_verbs,
    _named_example,
    _opens_clause,
    _parses,
    _part_level,
    _per,
    _persons,
    _qualified,
    _same_counter,
    _scope,
    _segments,
    _Span,
    _split,
    _strip_of,
    _subject_position,
    _subset_marker,
    _suffixes,
    _tail_noun,
    _time_clause,
    _unit_fits,
    _whole_of,
)
from factcheck.markup import Table, blank_tables, find_tables
from factcheck.periods import (
    Period,
    PeriodError,
    months,
    parse_period,
    period_before,
    publication_date,
    resolve_phrase,
    span,
    year,
)
from factcheck.region import title_of

#: A section's number and title run into its first sentence: 一、地区生产总值。 (二)工业。
_INLINE_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[、.])"
    r"[^。!?;,，\d]{1,16}[。.]"
)

#: A figure said to have moved from another: 由2019年的58.3%提高到63.6%.
_FROM_TO = re.compile(
    r"(?:提高|提升|增加|上升|下降|降低|缩小|扩大|减少|回落|回升|收窄|加快|放缓)(?:到|至)|增至|降至"
)
#: …增加到2023年的512亿元: the second figure of a move, at the time named after 到.
_MOVED_TO = re.compile(rf"(?:{_FROM_TO.pattern})(?:\d{{4}}年(?:底|末)?的?)?")
#: 从贸易方式看，/ 按经营地分，/ 分行业看，: what follows is broken down into parts.
_BREAKDOWN_HEAD = re.compile(r"(?:^|[。;!?])(?:从|按|分)[^,。;]{1,8}?(?:来看|看|分|划分)[,:]")
#: The change word after a part's name: 汽车制造业(同比)增长12.1%.
_PART_CHANGE = re.compile(r"(?:同比|比上年|较上年)?(?:增长|下降|增加|减少|提高|回落|上升)$")
#: The end of a metric's name that a part's name repeats: 国有控股企业增加值 of 规上工业增加值.
_VALUE_NOUNS = (
    "营业收入",
    "利润总额",
    "零售额",
    "增加值",
    "总产值",
    "进出口",
    "产值",
    "利润",
    "出口",
    "进口",
    "投资",
    "产量",
    "销量",
)
#: Words that are no part's name (a time, a verb of counting, a clause): 汽车制造业 and
#: 国有控股企业 are, 全年累计 is not.
_NOT_A_PART = re.compile(r"其中|分别|新增|新建|在建|累计|计划|力争|争取|年|季|月|末|[的之是为]")
#: After a whole printed inside a share (占全市产量31.52万辆的比重为59.1%).
_WHOLE_AFTER = re.compile(r"的?(?:比重|比例|份额)")
_WHOLE_THEN_SHARE = re.compile(_WHOLE_AFTER.pattern + r"(?:为|是|达到|达|约为|约)?")
#: 全市常住人口中，: the head of a list of parts of the figure it names.
_AMONG = re.compile(r"(?:全市|全县|全区|全省|全国)?([\u4e00-\u9fff]{2,10}?)中[,:]")
#: What a part's words say besides its kind: 居住在城镇的人口为, 拥有…的人口为.
_AMONG_FILLER = re.compile(r"^(?:居住在|拥有|其中)|(?:为|是|有|达到?|共)$")
#: 小学, 初中, 普通高中, 中等职业学校, 特殊教育学校, 普通高等学校, 幼儿园: kinds of school.
_SCHOOL_KIND = re.compile(r"学校|小学|中学|初中|高中|幼儿园|学前|高校|高等教育|职业教育|中职|高职")
_SCHOOL_METRICS = frozenset({"学校数量", "在校学生人数", "专任教师人数"})
_TRADE_METRICS = frozenset({"进出口总额", "出口总额", "进口总额"})
#: Kinds of trade customs statistics divide trade into, by mode, by firm and by product:
#: before 进出口/出口/进口 they name a part even where no 从…看 opens a breakdown.
_TRADE_KINDS = re.compile(
    r"(?:一般贸易|加工贸易|保税物流|民营企业|国有企业|外商投资企业|外资企业|机电产品"
    r"|高新技术产品|劳动密集型产品|农产品)"
)
#: 对东盟进出口, 向欧盟出口, 与共建“一带一路”国家的贸易额: the partner before the trade noun.
_PARTNER = re.compile(
    r"(?:对|向|与)(.{2,24}?)的?(?:货物)?(?:贸易)?(?:进出口|出口|进口|贸易)[额总值]*$"
)
#: 对外贸易, 与上年相比: no partner.
_NO_PARTNER = re.compile(r"^外|上年|去年|同期|相比|比")
#: Words before a part's name that are not its kind: 其中, the region, the verb.
_BREAKDOWN_FILLER = re.compile(r"^(?:其中|全县|全区|全市|全省|我县|我区|我市)+|(?:实现|完成|的)+$")
#: 完成年初预算186亿元的102.9%: the target printed between the figure and its completion rate.
_BUDGETED = r"(?:全年|年度|全年度|年初)?(?P<adjusted>调整(?:后的?)?)?"
_TARGET_PRINTED = re.compile(rf"(?:完成|为|达到?){_BUDGETED}(?:预算|计划)(?:数)?$")
#: 加上上级补助收入…、调入资金…: items added to a figure, whose 总计 is more than it.
_SUMMED = re.compile(r"加上|再加上|减去|扣除")
#: 为预算的101.2%, 完成年度目标任务的90.2%: a figure against the year's target for it.
_COMPLETION = re.compile(
    rf"(?:完成|为|达到?|占){_BUDGETED}(?:预算|计划|目标任务|目标|任务)(?:数)?的$"
)
#: 比上年同期, 较2023年: the year a difference is taken from; 同期 keeps the part of the year.
_COMPARED_YEAR = re.compile(
    r"[比较](?:(?:上年|去年)|(?P<year>(?:19|20)\d{2})年)(?P<same>同期)?(?:[^年月季]|$)"
)
#: A metric's name followed by the word for its growth rate (增加值增速由…).
_GROWTH_NAMED = re.compile(r"(?:同比)?(?:增速|增幅|增长率|涨幅)$")
#: 由2019年的48.6%提高到52.3%: the year a difference after it is taken from.
_MOVED_FROM_YEAR = re.compile(r"(?:由|从)(\d{4})年(?:底|末)?的[^,;。]*?(?:到|至)")
#: 比2019年增长10.6%: a growth since a year named, over more than one year.
_THAN_YEAR_MOVED = re.compile(
    r"(?:比|较)((?:19|20)\d{2})年(?:同期)?(?:增长|下降|增加|减少|提高|降低|上升)(?:了)?$"
)
_AREA_UNITS = frozenset({"亩", "公顷", "平方米", "平方公里"})
#: 占全年的38.8%: a part of the year's figure as a share of the whole year.
_OF_THE_YEAR = re.compile(r"占全年(?:度)?(?:总量|总额)?的?$")
_FROM = re.compile(r"(?:由|从)((?:\d{4}年|上年同期|上年|去年)(?:底|末)?)的$")
#: 与2010年第六次全国人口普查相比，…增长11.49%: the year every change in the sentence is from.
_COMPARED_WITH = re.compile(r"(?:与|同)((?:19|20)\d{2})年[^。;]{0,30}?相比")
#: 比上年的3.08亿吨增长5.8%, 比上年同期的1249.5亿元, 比上年决算数180.52亿元,
#: 与2010年第六次全国人口普查的2947832人相比: the figure is the one before it, in the period named.
_THAN = re.compile(
    r"(?:比|较|与|同)(?:(上年|去年)(?:同期)?|(\d{4})年(?:同期|底|末)?)"
    r"(?:第[一二三四五六七八九十]次全国[\u4e00-\u9fff]{2,4}普查)?(?:的|决算数|决算|完成数|执行数)$"
)

#: Units that name what they count: 锭 counts spindles, 标箱 containers (个 and 处 do not).
_NAMING_UNITS = frozenset({"锭", "车道", "标箱", "蒸吨"})
#: Counters of kinds, not things: 九类保障标准 counts the kinds of a standard.
_KIND_UNITS = frozenset({"类", "种", "大类"})

#: Contracted pairs (存贷款 = 存款 and 贷款) and the words that say a figure holds for both.
_PAIRS = {"存贷款": ("存款", "贷款"), "进出口": ("进口", "出口"), "产销": ("产", "销")}
#: Contracted pairs that 分别 splits: 城乡居民收入分别达到X和Y is 城镇 X and 农村 Y.
_SPLIT_PAIRS = {"城乡": ("城镇", "农村")}
_COORDINATED = re.compile(r"(存贷款|进出口|产销)([^,:;。、]{0,6}?)(?:双双|均|都)[^,:;。、]{0,4}$")

#: A rate said after the figure: 按照10%幅度压减, 按5%的比例提高.
_SCALED = re.compile(
    r"^(?:的)?(幅度|比例)?(压减|削减|压缩|下调|降低|减少|下降|提高|上调|增加|增长|提升)"
)
_BY = re.compile(r"(?:按照|按)$")
_CUT_WORDS = frozenset({"压减", "削减", "压缩", "下调", "降低", "减少", "下降"})
#: A part of a total before it: 90%以上为发明专利, 六成是…
_PART_IS = re.compile(r"^(?:以上|左右)?(?:为|是|属于)([^,:;。]+)")

#: Durations, and the verbs after one that say what was done in that time.
_DURATION_UNITS = frozenset({"天", "日", "个月", "小时", "周", "个工作日", "天以内", "年"})
_DONE = re.compile(r"(?:完成|办结|实现|建成|落地|投产|通车)")
#: The most a scheme pays (最高给予300万元补助) and what it pays.
_CEILING = re.compile(r"最高(?:给予|补助|奖励|补贴|资助|可获|可享受|可得)?$")
_CEILING_KIND = re.compile(r"补助|奖励|补贴|资助|扶持|奖补")

#: Taking part in a fair: 参加国内高端展会, 参加广交会 (参展).
_EXHIBIT = re.compile(r"^参加[^,:;。]{0,10}?(?:展会|展览|博览会|交易会|广交会|进博会)")
#: Verbs of winning an award: 分获…一、三等奖, 荣获…奖.
_AWARD = re.compile(r"^(?:分获|荣获|喜获|获得|斩获|获)")

__all__ = ["claims_to_yaml", "document_for", "extract", "load_default_registry", "write_claims"]

# --------------------------------------------------------------------------- registry


def load_default_registry(rules_dir: str | Path | None = None) -> RegistryLike | None:
    """The registry the extractor uses when none is given.

    ``rules_dir`` defaults to ``./rules`` when it holds a ``metrics.yaml``, else the
    ``rules`` folder of the project factcheck is installed from. Returns ``None`` when
    neither exists (extraction then flags every metric as unresolved).

    Raises:
        InputErrors: the registry files do not validate (:func:`factcheck.registry.load_registry`).
    """
    from factcheck.registry import load_registry

    candidates = (
        [Path(rules_dir)]
        if rules_dir
        else [Path("rules"), Path(__file__).resolve().parents[1] / "rules"]
    )
    for folder in candidates:
        if (folder / "metrics.yaml").is_file():
            registry: RegistryLike = load_registry(folder)
            return registry
    return None


_LEXICONS: dict[int, tuple[object, Lexicon]] = {}


def _lexicon(registry: RegistryLike | None) -> Lexicon:
    # Keyed by identity and holding the registry, so the id cannot be reused while cached.
    key = id(registry)
    cached = _LEXICONS.get(key)
    if cached is None or cached[0] is not registry:
        cached = (registry, Lexicon.from_registry(registry))
        _LEXICONS[key] = cached
    return cached[1]


_DEFAULT: list[RegistryLike | None] = []


def _default_registry() -> RegistryLike | None:
    if not _DEFAULT:
        _DEFAULT.append(load_default_registry())
    return _DEFAULT[0]


# --------------------------------------------------------------------------- the API


def extract(
    text: str,
    date: dt.date | str | None = None,
    region: str | None = None,
    *,
    document: str = "draft",
    registry: RegistryLike | None = None,
) -> list[Claim]:
    """Propose the claims a text states.

    Args:
        text: the report, feature or draft, as plain text.
        date: when it was published (``2024-09``, ``2024-09-15`` or a date); relative
            phrases (今年, 去年, 近三年) are resolved against it. Default: today.
        region: the region 全区/我区 stands for (``即墨区``); 全市 is the city it is or lies in.
        document: the document id the claims belong to.
        registry: the metric and subject registry; default: the project's ``rules/``.

    Returns:
        One :class:`Claim` per figure, in reading order, with ``line``, ``column``,
        ``start``/``end`` (source offsets of the figure) and ``confidence``.
    """
    published = _published(date)
    reg = registry if registry is not None else _default_registry()
    reader = _Reader(text, published, region, document, _lexicon(reg))
    return reader.read()


def _published(date: dt.date | str | None) -> dt.date:
    if date is None:
        return dt.date.today()
    if isinstance(date, dt.date):
        return date
    try:
        return publication_date(str(date).strip())
    except PeriodError as exc:
        raise ValueError(f"日期 {date!r} 无法识别：应为 2024、2024-09 或 2024-09-15") from exc


# --------------------------------------------------------------------------- reading


class _Reader:
    def __init__(
        self, text: str, published: dt.date, region: str | None, document: str, lexicon: Lexicon
    ) -> None:
        self.text = text
        self.published = published
        self.region = region
        self.document = document
        self.lex = lexicon
        # A text published in January or February looks back on the year before.
        self.base_year = published.year - 1 if published.month <= 2 else published.year
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        # Tables are read cell by cell (extract_tables); the prose reader sees them blank.
        self.tables = find_tables(text)
        self.prose = blank_tables(text, self.tables)
        self.claims: list[Claim] = []
        self.per_line: dict[int, int] = {}
        self._s = ""  # the paragraph being read
        # Whether the year figures default to was named by a title or heading (not guessed).
        self.heading_year = False
        # The part of the year that opened the last paragraph framed by one (今年前三季度，…):
        # in a text written before that year is over, the paragraphs after it with no time
        # of their own (从贸易方式看，…) speak of the same part, not of the whole year.
        self.frame: Period | None = None
        #: The figures read so far in the paragraph (what a breakdown divides, a name's head).
        self._paragraph_drafts: list[_Draft] = []
        # Companies and parks the registry does not know, found by their ending, and the
        # last of each kind named so far (what 公司, 开发区 refer back to).
        self.orgs: dict[str, str] = {}
        self.org_short: dict[str, str] = {}
        for para in paragraphs(self.prose):
            for name, kind in _organisations(para.text):
                if name not in self.lex.subjects:
                    self.orgs.setdefault(name, kind)
        places = self._places()
        parks = {name: _park_name(name, places) for name, kind in self.orgs.items()}
        self.orgs = {
            parks[name] or name: kind
            for name, kind in self.orgs.items()
            if kind == "company" or (parks[name] and parks[name] not in self.lex.subjects)
        }
        for name, kind in self.orgs.items():
            short = _ORG_SUFFIX.sub("", name)
            if kind == "company" and len(short) >= 4 and short not in self.lex.subjects:
                self.org_short.setdefault(short, name)
        self.last_org: dict[str, str] = {}
        #: The place a table's row names (a cell of a table of places is that place's).
        self.row_subject: str | None = None

    def read(self) -> list[Claim]:
        tables = list(self.tables)
        for para in paragraphs(self.prose):
            while tables and tables[0].start < para.start:
                self._table(tables.pop(0))
            if para.boilerplate:
                continue
            named = _heading_year(para.text)
            if named is not None:
                # 云川市2024年国民经济和社会发展统计公报 (published in March 2025), 二、2025年
                # 工作安排: a title or heading names the year the text under it speaks of.
                self.base_year, self.heading_year = named, True
                self.frame = None
                continue
            self._paragraph(para)
            for _start, _end, name in self._org_mentions(para.text):
                self.last_org[self.orgs[name]] = name
        for table in tables:
            self._table(table)
        return self.claims

    def _table(self, table: Table) -> None:
        for cell, place in cell_paragraphs(table, self._best_metric):
            self.row_subject = None if place is None else self._canonical_subject(place) or place
            self._paragraph(cell)
        self.row_subject = None

    def _places(self) -> set[str]:
        """Names a park's name may open with: regions of the registry and the text's region
        without its 区/县/市 (溪南 of 溪南区), so that 尽快完善经济开发区 names no park."""
        places = {w for w, c in self.lex.subjects.items() if self.lex.kinds.get(c) == "region"}
        if self.region:
            places |= {self.region, self.region.rstrip("区县市")}
        return {p for p in places if len(p) >= 2}

    def _org_mentions(self, s: str) -> list[tuple[int, int, str]]:
        """Where ``s`` names an organisation of :attr:`orgs`, by full or short name."""
        found = []
        for words in (self.orgs, self.org_short):
            for word in words:
                at = s.find(word)
                while at >= 0:
                    found.append((at, at + len(word), self.org_short.get(word, word)))
                    at = s.find(word, at + len(word))
        return found

    def _generic_mentions(
        self, s: str, named: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """公司, 开发区 for the company or park of that kind last named (here or earlier)."""
        found = []
        for m in _GENERIC_RE.finditer(s):
            kind = _GENERIC_ORG[m.group(0)]
            before = [n for n in named if n[1] <= m.start() and self.orgs.get(n[2]) == kind]
            who = before[-1][2] if before else self.last_org.get(kind)
            if who is not None:
                found.append((m.start(), m.end(), who))
        return found

    # ----------------------------------------------------------------- structure

    def _paragraph(self, para: Paragraph) -> None:
        s = self._s = para.text
        masked = masked_positions(s)
        figures = scan_figures(para, self.text, masked)
        if not figures:
            return
        times = scan_time_phrases(s, masked)
        subjects = [m for m in self._subject_mentions(s, masked) if _subject_position(s, m)]
        topic = self._paragraph_topic(s, subjects)
        # The last company or park named, how many sentences ago, and whether a sentence with
        # no figure of its own named it as its topic (青岛蓝谷海洋创新高地全面崛起。).
        named: tuple[str, int, bool] | None = None
        chain = False  # the sentence before took the subject over through 该企业, 其 …
        paragraph_claims: list[tuple[_Draft, Claim]] = []
        self._paragraph_drafts = []
        for sentence in _split(s, 0, len(s), _SENTENCE_END):
            text = s[sentence.start : sentence.end]
            anaphor = bool(_ANAPHOR.search(text))
            carried = None
            if (
                named is not None
                and named[1] <= _CARRY_SENTENCES
                and (anaphor or chain or (named[2] and "我们" not in text))
            ):
                # 我们… opens another part of a report: the topic of the last one is over.
                carried = named[0]
            previous: _Draft | None = None
            drafts: list[_Draft] = []
            for clause in _split(s, sentence.start, sentence.end, _CLAUSE_END):
                in_clause = [f for f in figures if clause.start <= f.start < clause.end]
                for index, segment in enumerate(_segments(s, clause, in_clause)):
                    ctx = _Context(
                        s,
                        sentence,
                        clause,
                        segment,
                        in_clause[index],
                        times,
                        subjects,
                        carried,
                        topic,
                        tuple(in_clause[index:]),
                        tuple(drafts),
                        tuple(in_clause),
                    )
                    draft = (
                        self._ratio(ctx) if ctx.figure.ratio_part else self._draft(ctx, previous)
                    )
                    if draft is None:
                        continue
                    for each in self._coordinated(ctx, draft):
                        claim = self._claim(para, ctx, each, paragraph_claims)
                        paragraph_claims.append((each, claim))
                        self._paragraph_drafts.append(each)
                        self.claims.append(claim)
                        drafts.append(each)
                        previous = each
            heading = not any(sentence.start <= f.start < sentence.end for f in figures)
            named = self._named(subjects, sentence, text, named, heading)
            chain = carried is not None and anaphor

    def _coordinated(self, ctx: _Context, draft: _Draft) -> list[_Draft]:
        """One figure said of both halves of a contracted pair: 存贷款余额双双突破千亿.

        存贷款 is 存款 and 贷款, 进出口 进口 and 出口; with 双双 (or 均, 都) one figure is
        stated of each, and each gets its claim where the registry knows both names.
        """
        m = _COORDINATED.search(ctx.lead)
        if m is None or draft.measure not in ("level", "yoy"):
            return [draft]
        rest = _compact(m.group(2))
        names = [self._resolve_name(half + rest) for half in _PAIRS[m.group(1)]]
        if not all(names) or len(set(names)) < 2:
            return [draft]
        return [dataclasses.replace(draft, metric=str(name), resolved=True) for name in names]

    def _named(
        self,
        mentions: list[tuple[int, int, str]],
        sentence: _Span,
        text: str,
        named: tuple[str, int, bool] | None,
        heading: bool,
    ) -> tuple[str, int, bool] | None:
        """The company or park a later sentence may refer back to (这是该工厂…, 该企业…).

        The last one named in this sentence, else the one before, a sentence further away; a
        region named, or 我们, ends the reference. A park or company that opens a clause of a
        sentence stating no figure is the topic of the sentences after it, which carry it
        without 该/其 (五年来…青岛蓝谷海洋创新高地全面崛起。…聚集“国字号”机构50家).
        """
        inside = [m for m in mentions if sentence.start <= m[0] < sentence.end]
        if inside:
            last = self._canonical_subject(inside[-1][2])
            if last is None or self._is_region(last):
                return None
            topic = heading and _opens_clause(self._s, sentence, mentions, inside[-1][0])
            kept = named is not None and named[2] and named[0] == last
            return (last, 0, topic or kept)
        if "我们" in text:
            return None
        return None if named is None else (named[0], named[1] + 1, named[2])

    def _paragraph_topic(self, s: str, mentions: list[tuple[int, int, str]]) -> str | None:
        # A news item that opens with a village or street (青岛即墨周戈庄新村：羊肚菌…) is
        # about it where a sentence names nobody else.
        for start, _end, word in mentions:
            if start > _TOPIC_WINDOW:
                break
            canonical = self._canonical_subject(word)
            if (
                canonical
                and not self._is_region(canonical)
                and word not in _RELATIVE_SUBJECTS
                and self.lex.parents.get(canonical)
                and self._kind(canonical) == "region"
            ):
                return canonical
        return None

    @cached_property
    def _local_names(self) -> dict[str, str]:
        """Parks as the region's own reports name them, without the place: 经济开发区.

        A report of 即墨区 says 经济开发区 and 综合保税区 for 即墨经济开发区 and
        即墨综合保税区: a park in the region whose name (or alias) begins with the name of
        the region or its parent is also known by the rest, where that rest is a word of
        four characters or more that no other park of the region shortens to.
        """
        if not self.region:
            return {}
        places = {
            w
            for r in (self.region, self._relative("parent"))
            if r
            for w in (r, *(a for a, c in self.lex.subjects.items() if c == r))
        }
        places |= {a + b for a in places for b in places if a != b}
        seen: dict[str, set[str]] = {}
        for word, canonical in self.lex.subjects.items():
            if self._kind(canonical) != "park" or self.region not in self.lex.lineage(canonical):
                continue
            for place in places:
                rest = word.removeprefix(place)
                if rest != word and len(rest) >= 4:
                    seen.setdefault(rest, set()).add(canonical)
        return {
            rest: next(iter(owners))
            for rest, owners in seen.items()
            if len(owners) == 1 and rest not in self.lex.subjects
        }

    @cached_property
    def _only_metric(self) -> dict[str, str]:
        """Units that say what they count (锭, 车道), when one registry metric alone uses one."""
        by_unit: dict[str, list[str]] = {}
        for metric, unit in self.lex.metric_units.items():
            by_unit.setdefault(unit, []).append(metric)
        return {
            unit: metrics[0]
            for unit, metrics in by_unit.items()
            if len(metrics) == 1 and unit in _NAMING_UNITS
        }

    @cached_property
    def _capacities(self) -> frozenset[str]:
        """Metrics the registry names as a capacity (纱锭规模, alias 纺纱产能)."""
        return frozenset(c for w, c in self.lex.metrics.items() if w.endswith("产能"))

    def _kind(self, subject: str) -> str | None:
        return self.lex.kinds.get(subject) or self.orgs.get(subject)

    def _new_topic(self, s: str, sentence: _Span, times: list[TimePhrase]) -> bool:
        # A sentence that opens with a time phrase or 预计/目前 starts a new topic.
        if any(t.start == sentence.start for t in times):
            return True
        return s.startswith(("预计", "目前", "同时", "此外", "另外", "截至"), sentence.start)

    def _is_region(self, subject: str) -> bool:
        return subject in (
            self.region,
            self._relative("parent"),
            self._relative("province"),
            _COUNTRY,
        )

    def _subject_mentions(self, s: str, masked: frozenset[int]) -> list[tuple[int, int, str]]:
        found = [m for m in self.lex.subject_mentions(s) if m[0] not in masked]
        for short, canonical in self._local_names.items():
            at = s.find(short)
            while at >= 0:
                if at not in masked:
                    found.append((at, at + len(short), canonical))
                at = s.find(short, at + len(short))
        found += [
            (m.start(), m.end(), m.group(0))
            for m in _RELATIVE_RE.finditer(s)
            if m.start() not in masked
        ]
        if self.orgs:
            orgs = sorted(m for m in self._org_mentions(s) if m[0] not in masked)
            found += orgs
            found += [m for m in self._generic_mentions(s, orgs) if m[0] not in masked]
        found.sort()
        # A relative word inside a longer name (全市 in 全市场) is not a mention.
        return [
            m for m in found if not any(o[0] <= m[0] and m[1] <= o[1] and o != m for o in found)
        ]

    # ----------------------------------------------------------------- one figure

    def _draft(self, ctx: _Context, previous: _Draft | None) -> _Draft | None:
        figure = ctx.figure
        lead, tail = ctx.lead, ctx.tail
        continued = previous is not None and _bare(lead) and previous.figure.end <= figure.start
        measure, metric_region, against_text = _measure(figure, lead)
        if (
            continued
            and previous is not None
            and measure == "level"
            and figure.unit == previous.figure.unit
        ):
            measure = previous.measure
        scaled = _SCALED.match(tail) if figure.unit == "%" and measure == "level" else None
        if scaled and not (scaled.group(1) or _BY.search(lead)):
            scaled = None
        if scaled:
            # 对一般性支出按照10%幅度压减: a change by that rate, named after the figure.
            measure, metric_region = "yoy", _BY.sub("", lead)
        period, guessed, to_date = self._period(ctx)
        moved = _MOVED_TO.fullmatch(ctx.s[previous.figure.end : figure.start]) if previous else None
        if previous is not None and moved is not None:
            # 由2019年的58.3%提高到63.6%: the second figure is the same rate, now.
            now = self._period(ctx)[0]
            if now.kind == "span":
                now = year(now.end.year)  # 五年来…提高到: at the end
            draft = dataclasses.replace(
                previous,
                figure=figure,
                value=figure.core,
                period=now,
                period_guessed=guessed,
                extra={},
            )
            draft.value = self._value(figure, previous.metric, previous.measure, "") or figure.core
            draft.status = self._status(ctx, draft, to_date, previous, continued)
            return draft
        completed = self._inline_target(ctx, previous, measure) or self._completion(
            ctx, previous, measure
        )
        if completed is not None:
            return completed
        earlier = self._level_before(ctx, previous, measure, to_date, continued)
        if earlier is not None:
            return earlier
        since = _FROM.search(lead)
        if since is not None:
            # 由2019年的58.3%: the figure is of the period named after 由 (上年同期 of this one);
            # its metric is named before 由 (a share's before 占).
            then = resolve_phrase(since.group(1), self.published)
            if since.group(1) in ("上年同期", "上年"):
                # 上年 is the year before the one spoken of (2023年…由上年的51.6%: 2022), not
                # the year before publication as 去年 is.
                then = period.shift(-1) if period.kind != "span" else year(period.start.year - 1)
            if then is not None:
                period, guessed = then, False
            if measure != "share":
                metric_region = lead[: since.start()]
                rate = _GROWTH_NAMED.search(metric_region)
                if rate is not None and measure == "level" and ctx.figure.unit == "%":
                    # 增加值增速由上年同期的5.2%提高到6.1%: growth rates, not levels.
                    measure, metric_region = "yoy", metric_region[: rate.start()]
            if (
                measure == "level"
                and not _compact(metric_region)
                and previous is not None
                and previous.resolved
                and previous.figure.start >= ctx.sentence.start
            ):
                # …年均增长7.3%，由2019年的16970元提高到23860元: the level of that metric.
                draft = dataclasses.replace(
                    previous, figure=figure, measure="level", period=period, extra={}
                )
                draft.value = self._value(figure, previous.metric, "level", "") or figure.core
                draft.against = draft.base = draft.of = None
                draft.status = self._status(ctx, draft, to_date, previous, continued)
                return draft
        elif lead.endswith(("由", "从")) and _FROM_TO.match(ctx.tail):
            # 规上工业企业由186家增加到312家 with no year after 由: the figure it moved from is
            # of the period before the one it moved to (五年来: the year before the span).
            period = year(period.start.year - 1) if period.kind == "span" else period.shift(-1)
            guessed = True
        if period.kind == "span" and measure == "yoy" and "同比" not in lead:
            measure = "multiple"  # 近三年下降13.5%: a change over the span, not a yearly rate
        since = _COMPARED_WITH.search(ctx.s, ctx.sentence.start, figure.start)
        if (
            since is not None
            and measure == "yoy"
            and period.kind == "year"
            and int(since.group(1)) < period.start.year - 1
            and "同比" not in lead
        ):
            measure = "multiple"  # 与2010年…相比，增长11.49%: over ten years, from 2010
        than = _THAN_YEAR_MOVED.search(lead)
        if (
            than is not None
            and measure == "yoy"
            and period.kind != "span"
            and int(than.group(1)) < period.start.year - 1
        ):
            measure = "multiple"  # 比2019年增长10.6%: a change since 2019, not a yearly rate
        month_on_month = "环比" in lead[-8:] and measure in ("yoy", "pp", "change")
        before = period_before(period) if month_on_month else None
        if month_on_month and (measure == "yoy" or before is None):
            # 环比增长3.5%: official 环比 rates are seasonally adjusted, not the ratio of the
            # levels printed, and no relation reads them; a 环比 of 前三季度 names no period.
            return None
        price = self._price_rise(metric_region) if measure == "yoy" else None
        part = self._part_is(ctx, measure, previous)
        if part is not None:
            measure = "share"
        metric, resolved, group, group_index = (
            (part, True, (), 0)
            if part is not None
            else self._metric(ctx, measure, metric_region, previous, continued)
        )
        among = self._among(ctx, measure) if part is None and price is None else None
        if among is not None:
            metric, resolved, group, group_index = among[0], True, (), 0
        if price is not None:
            # 居民消费价格同比上涨0.4%: the registry counts the rise of a price index as a
            # rate of its own (居民消费价格指数涨幅), stated as a level (下降 kept in its value).
            metric, resolved, group, group_index = price, True, (), 0
        unit = self.lex.metric_units.get(metric)
        if measure == "share" and unit == "%" and _denominator_at(lead) < 0:
            measure = "level"  # 在园幼儿比例达到85%: the metric is itself a rate
        # 年内新增专精特新企业150家以上，“隐形冠军”“瞪羚”、独角兽企业10家以上: a clause
        # with no verb of its own continues the 新增 before it.
        new = _NEW.search(lead) or (
            previous is not None
            and previous.measure == "change"
            and _NEW.search(ctx.s[ctx.sentence.start : ctx.figure.start])
            and not _NAME_VERB.search(lead)
            and not _LEVEL_VERBS.search(lead)
        )
        if (
            measure == "level"
            and resolved
            and new
            and self._stock_count(metric)
            and not _NEW_NAME.search(metric)
        ):
            measure = "change"  # 新增高新技术企业80家: the stock grows by 80
            against_text = ""
        value = self._value(figure, metric, measure, lead)
        if value is None:
            return None
        if price is not None:
            measure = "level"
        if scaled and scaled.group(2) in _CUT_WORDS:
            value = "下降" + value
        if _RATE_LEAD.search(lead[-6:]) and "/" not in value:
            measure, value = "rate", _per(value, lead)
        elif "/" in figure.unit or (figure.unit == "‰" and measure == "level"):
            measure = "rate"  # claims/README.md: compound units and ‰ are rates
        draft = _Draft(
            figure,
            value,
            metric,
            resolved,
            measure,
            period,
            guessed,
            group=group,
            group_index=group_index,
        )
        self._shape(draft, ctx, against_text, to_date, previous, continued)
        if before is not None:
            draft.against = Selector(period=before.text)  # 环比提高0.5个百分点: the month before
        draft.subject = self._subject(ctx)
        draft.status = self._status(ctx, draft, to_date, previous, continued)
        if part is not None and previous is not None:
            # 累计申请专利634项，90%以上为发明专利: a share of that total, counted alike.
            draft.of = Selector(metric=previous.metric)
            draft.status = previous.status
        if (
            draft.status == "target"
            and draft.period_guessed
            and period.kind == "year"
            and period.end < self.published
        ):
            draft.period = year(self.published.year)  # 力争…: a plan is for the year it is made in
        # 占规模以上工业增加值的61.5%: the 规上 of the whole after 占 is not the part's scope.
        whole_at = _denominator_at(lead) if measure == "share" else -1
        draft.scope = (
            (among[1] if among is not None else None)
            or _scope((lead[:whole_at] if whole_at >= 0 else lead) + tail)
            or _level(lead, draft.metric)
            or _listed(lead, tail, draft.metric)
            or (resolved and self._kind_of_count(ctx, draft))
            or (resolved and self._broken_down(ctx, draft))
            or (resolved and self._partner(ctx, draft))
            or (resolved and self._kind_of_school(ctx, draft))
            or None
        )
        if (
            draft.scope is None
            and previous is not None
            and previous.metric == draft.metric
            and (not _compact(metric_region) or _NEW.fullmatch(_compact(metric_region)))
        ):
            draft.scope = previous.scope  # …由186家增加到312家，年均增长12%: the same 规上 firms
        draft.basis = (
            "real"
            if "可比价" in ctx.sentence_text
            else "nominal"
            if "现价" in ctx.sentence_text
            else None
        )
        if not resolved:
            draft.extra["unresolved_metric"] = True
        if draft.measure == "share" and (draft.of is None or draft.of == Selector()):
            draft.of = self._whole_of_part(ctx.lead, draft) or _whole_named_before(
                ctx, draft, self._paragraph_drafts
            )
        if draft.measure == "share" and draft.of is None:
            draft.extra["unresolved_of"] = True  # 占比56.7%: the reviewer names the denominator
        return draft

    def _kind_of_count(self, ctx: _Context, draft: _Draft) -> str | None:
        """The scope of a count of a registry noun that says which of them it counts: what
        they did (:func:`_doing`), or a kind the registry does not name (:func:`_qualified`)."""
        if draft.measure not in ("level", "change") or not _counted(draft.figure):
            return None
        words = self._lead_words(ctx)
        done = _doing(words, ctx.tail, draft.metric)
        if done:
            return done
        noun = _lead_noun(words) or _tail_noun(ctx.tail)
        return _qualified(noun, draft.metric)

    def _level_before(
        self,
        ctx: _Context,
        previous: _Draft | None,
        measure: str,
        to_date: bool,
        continued: bool,
    ) -> _Draft | None:
        """比上年的3.08亿吨: the figure stated before it, in the sentence, a period earlier.

        The growth after it (增长5.8%) stays the growth of the figure before, in its period.
        """
        than = _THAN.search(ctx.lead)
        # A rate's figure reads as a share until its metric is known (毛入园率 …比上年的92.4%).
        rate = measure == "share" and _denominator_at(ctx.lead) < 0
        percent = ctx.figure.unit == "%"
        if previous is not None and (
            (previous.figure.unit == "%") != percent or previous.status == "target"
        ):
            # 收入191.37亿元，完成年初预算186亿元的102.9%，比上年决算数180.52亿元: past the
            # rate and the budget, to the figure they are of.
            previous = next(
                (
                    d
                    for d in reversed(ctx.earlier)
                    if (d.figure.unit == "%") == percent and d.status != "target"
                ),
                None,
            )
        if (
            than is None
            or (measure != "level" and not rate)
            or (previous is not None and (previous.measure == "rate") != ("/" in ctx.figure.unit))
            or previous is None
            or previous.measure not in ("level", "share", "rate")
            or previous.figure.start < ctx.sentence.start
            or (ctx.figure.unit == "%") != (previous.figure.unit == "%")
        ):
            return None
        now = previous.period
        if now is None:
            return None
        years = -1 if than.group(1) else int(than.group(2)) - now.end.year
        if years >= 0:
            return None
        draft = dataclasses.replace(
            previous,
            figure=ctx.figure,
            period=now.shift(years),
            period_guessed=False,
            # An unregistered name stays one: the reviewer names the metric of both.
            extra={k: v for k, v in previous.extra.items() if k == "unresolved_metric"},
        )
        value = self._value(ctx.figure, previous.metric, previous.measure, "")
        if value is None:
            return None  # 比上年的3.08亿吨 after a count of ships: not the same thing
        draft.value = value
        # A share a year earlier (占GDP的比重为35.2%，比上年的34.1%) is of the same whole.
        draft.against = draft.base = None
        if previous.measure != "share":
            draft.of = None
        draft.status = self._status(ctx, draft, to_date, previous, continued)
        return draft

    def _among(self, ctx: _Context, measure: str) -> tuple[str, str | None] | None:
        """The metric and scope of a part after a head that names the whole: 全市常住人口中，
        男性人口为1672418人 is 常住人口 of 男性; 居住在城镇的人口 is 城镇常住人口 (the kind and
        the whole's noun name a registry metric); 0—14岁人口 is 常住人口 of 0—14岁."""
        if measure != "level":
            return None
        # The head holds to the full stop: 男性…；女性… are both its parts.
        start = ctx.s.rfind("。", 0, ctx.figure.start) + 1
        head = None
        for found in _AMONG.finditer(ctx.s, start, ctx.figure.start):
            head = found
        if head is None:
            return None
        whole = self.lex.resolve_metric(head.group(1))
        if whole is None or self.lex.metric_units.get(whole) not in _COUNT_UNITS | {"人"}:
            return None
        words = re.sub(r"\s", "", ctx.s[max(head.end(), ctx.segment.start) : ctx.figure.start])
        words = _AMONG_FILLER.sub("", re.sub(r"（[^）]*）|\([^)]*\)", "", words))
        nouns = ("人口", "户", "人")
        noun = next((n for n in nouns if whole.endswith(n) and words.endswith(n)), "")
        kind = words.removesuffix(noun).removesuffix("的") if noun else ""
        if not 1 <= len(kind) <= 16 or not re.fullmatch(r"[\u4e00-\u9fff\d—\-~～]+", kind):
            return None
        named = self._resolve_name(kind + noun)
        if named is not None and named != whole:
            return named, None
        return whole, kind

    def _kind_of_school(self, ctx: _Context, draft: _Draft) -> str | None:
        """The kind of school a school count names: 特殊教育学校在校生2815人 are the special
        schools' pupils, not the region's 62.85万 (an education bulletin lists every kind).

        Only for school counts, and only for words that name a kind of school: the words
        before any metric's name (``_kind_before_name``) read as a scope everywhere would
        also make scopes of words that only describe the whole figure."""
        if draft.metric not in _SCHOOL_METRICS or draft.measure not in ("level", "yoy", "change"):
            return None
        kind = self._kind_before_name(ctx, draft.metric)
        if kind and _SCHOOL_KIND.search(kind):
            return kind
        if kind == "" and ctx.segment.start > ctx.sentence.start:
            # 小学在校生241326人，专任教师14386人: the teachers are the 小学's too.
            last = self._paragraph_drafts[-1] if self._paragraph_drafts else None
            if (
                last is not None
                and last.scope
                and last.metric in _SCHOOL_METRICS
                and last.figure.start >= ctx.sentence.start
            ):
                return last.scope
        return None

    def _partner(self, ctx: _Context, draft: _Draft) -> str | None:
        """The partner a trade figure is with, as its scope: 对共建“一带一路”国家进出口548.2亿元,
        对东盟出口, 与欧盟贸易额 are parts of the region's trade, not its total."""
        if draft.metric not in _TRADE_METRICS:
            return None
        found = _PARTNER.search(self._lead_words(ctx))
        if found is None:
            return None
        partner = re.sub(r"[“”\"'‘’「」]", "", found.group(1))
        if _NO_PARTNER.search(partner):
            return None
        return partner if 2 <= len(partner) <= 20 else None

    def _broken_down(self, ctx: _Context, draft: _Draft) -> str | None:
        """The part a figure is of, in a breakdown: 从贸易方式看，一般贸易进出口245.6亿元 is the
        一般贸易 part of 进出口, not the region's total.

        After 从…看 / 按…分 / 分…看 opening the paragraph or one of its sentences, the words
        before the metric's name in the figure's own segment (一般贸易, 民营企业, 机电产品) are
        its scope; without such a head, only the kinds trade is divided into
        (:data:`_TRADE_KINDS`) are. A name that is a registry metric in full (第一产业增加值,
        城镇消费品零售额) leaves nothing before it.
        """
        if draft.measure not in ("level", "yoy", "change", "share"):
            return None
        head = _BREAKDOWN_HEAD.search(ctx.s, 0, ctx.figure.start)
        if head is None:
            # 。一般贸易进出口925.6亿元 needs no 从贸易方式看 to be a part of the trade.
            if draft.metric not in _TRADE_METRICS:
                return None
            kind = self._kind_before_name(ctx, draft.metric)
            return kind if kind and _TRADE_KINDS.fullmatch(kind) else None
        named = self._kind_before_name(ctx, draft.metric)
        if named is not None:
            return named or None
        part = self._breakdown_part(ctx)
        return part[1] if part is not None and part[0] == draft.metric else None

    def _kind_before_name(self, ctx: _Context, metric: str) -> str | None:
        """The kind of a figure named before its metric's name in its own segment: 一般贸易 of
        一般贸易进出口, 公路 of 公路货运量. ``""`` when the name is there with no kind before it
        (第一产业增加值 is a registry metric in full); ``None`` when the name is not there."""
        words = self._lead_words(ctx)
        # 一般贸易进出口 names 进出口额 as a report says it, without the 额.
        named = [
            m
            for ending in ("", "额", "总额")
            for m in self.lex.metric_mentions(words + ending)
            if m[2] == metric and m[0] < len(words)
        ]
        if not named:
            return None
        kind = _BREAKDOWN_FILLER.sub("", words[: min(m[0] for m in named)])
        if not 2 <= len(kind) <= 10 or not re.fullmatch(r"[\u4e00-\u9fff]+", kind):
            return ""
        return "" if _NOT_A_KIND.search(kind) else kind

    def _breakdown_whole(self, ctx: _Context) -> _Draft | None:
        """The figure a breakdown divides when its parts do not name its metric: 全年规上工业
        增加值增长7.4%。分行业看，汽车制造业增长12.1% divides the figure stated last before
        分行业看, in the same paragraph."""
        heads = list(_BREAKDOWN_HEAD.finditer(ctx.s, 0, ctx.figure.start))
        if not heads:
            return None
        opened = heads[-1].start()

        def in_breakdown(pos: int) -> bool:
            # 分经济类型看，…股份制企业增长7.9%。分行业看，…: a part of the breakdown before
            # divides nothing; the sentence a head opens is that breakdown's.
            return any(
                h.start() < pos and not re.search(r"[。!?]", ctx.s[h.end() : pos]) for h in heads
            )

        before = [
            d
            for d in self._paragraph_drafts
            if d.figure.end <= opened
            and d.measure in ("level", "yoy")
            and not in_breakdown(d.figure.start)
        ]
        return before[-1] if before and before[-1].resolved else None

    def _breakdown_part(self, ctx: _Context) -> tuple[str, str | None] | None:
        """The metric and scope of a breakdown figure whose words name a kind, not a metric.

        The kind with the end of the whole's name is the part's metric when the registry
        has it (制造业增长9.0% after 规上工业增加值: 制造业增加值, in the whole's scope, 规上);
        otherwise the part is the whole's metric with the kind as scope (汽车制造业增长12.1%:
        规上工业增加值 of 汽车制造业; 国有控股企业增加值增长3.2%: of 国有控股企业).
        """
        whole = self._breakdown_whole(ctx)
        if whole is None:
            return None
        words = _PART_CHANGE.sub("", self._lead_words(ctx))
        noun = next((n for n in _VALUE_NOUNS if whole.metric.endswith(n)), "")
        kind = _BREAKDOWN_FILLER.sub("", words.removesuffix(noun) if noun else words)
        if not 2 <= len(kind) <= 16 or not re.fullmatch(r"[\u4e00-\u9fff、]+", kind):
            return None
        if _NOT_A_PART.search(kind):
            return None
        named = self._resolve_name(kind + noun) if noun else None
        if named is not None:
            return named, whole.scope
        if self._best_metric(kind) is not None:
            return None  # the words name a metric of their own: not this breakdown's
        return whole.metric, kind

    def _price_rise(self, words: str) -> str | None:
        """The registry's rate for the rise of the prices named last in ``words``, if any."""
        text = _compact(words) + "涨幅"
        for _start, end, canonical in self.lex.metric_mentions(text):
            if end == len(text) and self.lex.metric_units.get(canonical) == "%":
                return canonical
        return None

    def _stock_count(self, metric: str) -> bool:
        """Whether a metric counts a stock that a 新增/新认定 … count adds to.

        A count (数量, or counted in 家, 张, 户 …) or an area whose registry names do not say
        "new": 新增养老床位620张 adds to 养老床位数, but 城镇新增就业 and 新引进人才 (an alias
        of 引进人才数量) are flows whose name carries the word.
        """
        unit = self.lex.metric_units.get(metric, "")
        # An area built up year by year is a stock too: 新建高标准农田5.2万亩 adds to the
        # 累计建成86.4万亩.
        if not (metric.endswith("数量") or unit in _COUNT_UNITS or unit in _AREA_UNITS):
            return False
        return metric not in self._new_named

    @cached_property
    def _new_named(self) -> frozenset[str]:
        # Not ^新 of _NEW_NAME: 新能源充电桩 is an alias of a stock.
        said_new = re.compile(
            r"新(?:增|建|引进|开通|开工|签约|创|设|认定|上市|登记|培育|认证|组建)"
        )
        return frozenset(c for w, c in self.lex.metrics.items() if said_new.search(w))

    def _ratio(self, ctx: _Context) -> _Draft:
        """One term of 三次产业结构 a:b:c: the share of that sector in GDP."""
        figure = ctx.figure
        sector = ("第一产业增加值", "第二产业增加值", "第三产业增加值")[figure.ratio_part - 1]
        metric = self.lex.resolve_metric(sector)
        gdp = self.lex.resolve_metric("地区生产总值") or "地区生产总值"
        period, guessed, _to_date = self._period(ctx)
        # 由2018年的6.5:42.1:51.4调整为2023年的…: each structure is of the year printed before it.
        before = re.sub(r"(?:\d+(?:\.\d+)?:){0,2}$", "", ctx.s[ctx.sentence.start : figure.start])
        printed = re.search(r"(\d{4})年(?:底|末)?的?$", before)
        if printed is not None:
            period, guessed = year(int(printed.group(1))), False
        elif re.search(r"上年(?:同期|底|末)?的?$", before):
            # 由上年的8.9:38.6:52.5调整为8.6:38.9:52.5: the year before the one spoken of.
            period = period.shift(-1) if period.kind != "span" else period
        draft = _Draft(
            figure, figure.core, metric or sector, metric is not None, "share", period, guessed
        )
        draft.of = Selector(metric=gdp)
        draft.subject = self._subject(ctx)
        if metric is None:
            draft.extra["unresolved_metric"] = True
        return draft

    def _shape(
        self,
        draft: _Draft,
        ctx: _Context,
        against_text: str,
        to_date: bool,
        previous: _Draft | None,
        continued: bool,
    ) -> None:
        """Fill ``of``/``against`` and move span levels and differences to the span's end."""
        framed = self._framed(ctx, draft)
        if framed is not None:
            draft.period = framed
        period = draft.period
        assert period is not None
        if draft.measure == "share":
            draft.of = self._of(ctx.lead, draft.metric) or self._of_whole_before(
                ctx, draft, previous
            )
            part = previous.period if previous is not None else None
            if (
                (draft.of is None or draft.of == Selector())
                and _OF_THE_YEAR.search(ctx.lead)
                and previous is not None
                and part is not None
                and part.kind not in ("year", "span")
                and previous.figure.start >= ctx.sentence.start
            ):
                # 上半年完成38.27亿元，占全年的38.8%: the half's share of the whole year (全年
                # names the whole, not the period of the share).
                draft.period = period = part
                draft.of = Selector(period=str(part.end.year))
            if (
                draft.of is None
                and continued
                and previous is not None
                and previous.measure == "share"
            ):
                draft.of = previous.of
        elif draft.measure in ("pp", "change") and not against_text:
            draft.against = Selector(period=self._compared_period(ctx, period, draft.measure))
            if (
                draft.measure == "pp"
                and previous is not None
                and previous.measure == "share"
                and previous.metric == draft.metric
                and previous.figure.start >= ctx.sentence.start
            ):
                draft.of = previous.of  # 比重为8.6%，比上年提高0.7个百分点: of the share
        elif draft.measure in ("pp", "contribution", "change") or (
            draft.measure == "multiple" and against_text
        ):
            draft.against = self._against(against_text, period, draft)
        if draft.measure == "multiple":
            base = _BASE_YEAR.search(ctx.lead) or _COMPARED_WITH.search(
                ctx.s, ctx.sentence.start, ctx.figure.start
            )
            if base and not against_text:
                draft.base = base.group(1)  # 比2020年翻一番: the base year, not the year before
        if period.kind == "date" and period.end.month != (period.end + dt.timedelta(days=1)).month:
            y, m = period.end.year, period.end.month
            if _accrues(draft.metric, self.lex.metric_units.get(draft.metric, "")):
                # 截至9月末，实际使用外资3.2亿美元: January to September, as a bulletin's 1—9月.
                draft.period = months(y, 1, m)
            else:
                # 截至6月末，贷款余额…: the stock at a month's end is that month's, as 6月末 is
                # (12月末 the year's), so that the same balance printed both ways is one figure.
                draft.period = year(y) if m == 12 else parse_period(f"{y}-{m:02d}")
            return
        if period.kind != "span":
            return
        if draft.measure in ("pp", "change"):
            # 五年来…提高6.6个百分点: the last year of the span against the year before it.
            if draft.against is None or draft.against == Selector():
                draft.against = Selector(period=str(period.start.year - 1))
            draft.period = year(period.end.year)
        elif draft.measure == "level" and period.end <= self.published and _is_stock(ctx, draft):
            draft.period = year(period.end.year)  # 五年来…发展到275家: the stock at the end
        elif draft.measure == "level" and _rated(ctx):
            draft.period = year(period.end.year)  # 五年来…10万吨级工船落地: a class, not a flow

    # ----------------------------------------------------------------- fields

    def _period(self, ctx: _Context) -> tuple[Period, bool, bool]:
        """The figure's period, whether it was guessed, and whether it runs to date."""
        listed = _listed_times(ctx)
        if listed is not None:
            phrase = listed[0][listed[1].index(ctx.figure)]
            return self._resolve(phrase, ctx), False, phrase.to_date
        # 增速比一季度加快0.6个百分点: the period after 比/较 is what is compared with.
        times = [t for t in ctx.times if not (t.start and ctx.s[t.start - 1] in "比较")]
        before = [t for t in times if ctx.sentence.start <= t.start and t.end <= ctx.figure.start]
        if _NOW.search(ctx.s, ctx.sentence.start, ctx.figure.start):
            before = [t for t in before if t.start > _last_now(ctx)]
            if not before:
                return year(self.base_year), False, True
        if before:
            phrase = before[-1]
            period = self._resolve(phrase, ctx)
            if period.kind not in ("year", "span", "date") and self._opens_paragraph(phrase, ctx):
                self.frame = period
            guessed = self._unnamed_year(phrase, ctx)
            if guessed and self._year_not_over(phrase, period, ctx):
                period = period.shift(-1)
            same_day = re.search(r"当日|当天|同日", ctx.s[phrase.end : ctx.figure.start])
            if (
                period.kind == "date"
                and phrase.start < ctx.clause.start
                and not same_day
                and not _time_clause(ctx, phrase)
            ):
                period = year(period.start.year)  # 12日启动签约，…: the date is another event's
            return period, guessed and "年内" not in phrase.text, phrase.to_date
        # “十四五”下降14%: a plan's span named for one figure does not frame what follows.
        earlier = [
            t for t in times if t.end <= ctx.sentence.start and not _PLAN_ALONE.fullmatch(t.text)
        ]
        if earlier:
            phrase = earlier[-1]
            period = self._resolve(phrase, ctx)
            if self._unnamed_year(phrase, ctx) and self._year_not_over(phrase, period, ctx):
                period = period.shift(-1)
            if period.kind != "span" and not self._frames(phrase, ctx, period):
                period = year(period.end.year if phrase.to_date else period.start.year)
            return period, True, phrase.to_date
        return year(self.base_year), not self.heading_year, False

    def _unnamed_year(self, phrase: TimePhrase, ctx: _Context) -> bool:
        """Whether the phrase's year is the document's guess: 全年 with no year named before
        it, and no title or heading naming one (二、2025年工作安排 … 全年: the heading's)."""
        return (
            phrase.kind == "bare"
            and self._known_year(phrase, ctx) is None
            and not self.heading_year
        )

    def _year_not_over(self, phrase: TimePhrase, period: Period, ctx: _Context) -> bool:
        """Whether 全年 or 年末, with no year named by the phrase, a title or a heading, speaks
        of the year before the one guessed: a result of a whole year is known only once the
        year is over, and statistical bulletins come out from February to May looking back
        (全年全市实现地区生产总值… in a text of March 2025 is 2024's). What is planned or
        expected (目标, 力争, 预计) is of the year still running, and later in the year an
        unnamed 全年 may be that year's estimate printed as a result: both keep the guess."""
        if not (
            _WHOLE_YEAR.fullmatch(phrase.text)
            and not _OF_A_PLAN.match(ctx.s, phrase.end)  # 完成全年目标的56.8%
            and period.kind == "year"
            and period.end > self.published
            and self.published.month <= 6
        ):
            return False
        before = ctx.s[ctx.sentence.start : ctx.figure.start]
        return not (_ESTIMATE.search(before) or _TARGET.search(_GOAL_OBJECT.sub("", before)))

    def _framed(self, ctx: _Context, draft: _Draft) -> Period | None:
        """The part of the year an earlier paragraph framed, for a flow (进出口, 产值) of a
        paragraph that names no time, in a text written before the year is over: 今年前三季度，
        …。 then 从贸易方式看，一般贸易进出口245.6亿元 is of the same nine months. A stock
        (已建成1200套) is as of now: the year's, as before."""
        frame = self.frame
        if (
            frame is None
            or draft.period != year(self.base_year)
            or frame.end.year != self.base_year
            or self.published >= dt.date(self.base_year, 12, 31)
            or any(t.end <= ctx.figure.start for t in ctx.times)
            or not _accrues(draft.metric, self.lex.metric_units.get(draft.metric, ""))
        ):
            return None
        return frame

    def _opens_paragraph(self, phrase: TimePhrase, ctx: _Context, ends: str = "。!?") -> bool:
        """Whether a time phrase heads a clause of the paragraph's first sentence (ended by
        one of ``ends``): 今年前三季度，…; 据海关统计，今年前三季度，…; 一、…。上半年，… (a
        section's title run into its paragraph is not its first sentence)."""
        heading = _INLINE_HEADING.match(ctx.s)
        opening = heading.end() if heading else 0
        first = re.search(f"[{ends}]", ctx.s[opening:])
        return (first is None or phrase.start < opening + first.start()) and (
            phrase.start == opening or ctx.s[phrase.start - 1] in _CLAUSE_END
        )

    def _frames(self, phrase: TimePhrase, ctx: _Context, period: Period) -> bool:
        """Whether a part of a year named in an earlier sentence still holds for this one.

        It does within one sentence (上半年，…增长7.1%；一般公共预算支出22.8亿元: the clauses
        after ； are the same sentence), and through the paragraph when the paragraph opens
        with it, at the head of a clause of its first sentence (上半年，全区实现地区生产总值
        …。分产业看，…): a statistical release frames each section by its period.
        """
        if period.kind == "year":
            return False
        if not re.search(r"[。!?]", ctx.s[phrase.end : ctx.sentence.start]):
            return True
        return self._opens_paragraph(phrase, ctx, "。!?;")

    def _resolve(self, phrase: TimePhrase, ctx: _Context) -> Period:
        text = phrase.text.lstrip("至")
        date = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日", text)
        if date:
            known = self._known_year(phrase, ctx)
            y = int(date[1]) if date[1] else self.base_year if known is None else known
            try:
                return parse_period(f"{y}-{int(date[2]):02d}-{int(date[3]):02d}")
            except PeriodError:
                return year(y)
        if phrase.kind == "relative" and text.startswith("上年"):
            # 2024年，…。上年全市优良天数为296天: the year before the one spoken of (a
            # bulletin of 2024 published in 2025), where 去年 is the year before publication.
            known = self._known_year(phrase, ctx)
            if known is None and self.heading_year:
                known = self.base_year
            if known is not None:
                text = f"{known - 1}年{text[2:]}"
        if phrase.kind == "bare":
            known = self._known_year(phrase, ctx)
            if known is None and text.endswith("年内"):
                known = self.published.year  # 年内 in a plan: the year it is made in
            text = f"{self.base_year if known is None else known}年{text}"
        if m := re.fullmatch(r"(\d{4})年?(?:-|至|到)(\d{4})年", text):
            return span(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(?:底|末)", text):
            # 6月末，…存款余额…: a statistical release states a stock at a month's end as
            # that month's figure (12月末 is the year's).
            y, mo = int(m[1]), int(m[2])
            return year(y) if mo == 12 else parse_period(f"{y}-{mo:02d}")
        resolved = resolve_phrase(text, self.published)
        return resolved if resolved is not None else year(self.base_year)

    def _known_year(self, phrase: TimePhrase, ctx: _Context) -> int | None:
        """The year of the nearest earlier phrase in the paragraph that names one.

        上年 (上年末, 上年同期) looks back from the year spoken of and does not become it:
        年末全市常住人口1037.15万人，上年末为1024.21万人。全年出生人口8.1万人 — 全年 is
        still the bulletin's year.
        """
        for t in reversed([t for t in ctx.times if t.end <= phrase.start]):
            if t.kind == "year" or (t.kind == "relative" and not t.text.startswith("上年")):
                return self._resolve(t, ctx).start.year
        return None

    def _metric(
        self, ctx: _Context, measure: str, region: str, previous: _Draft | None, continued: bool
    ) -> tuple[str, bool, tuple[str, ...], int]:
        """The metric, whether the registry knows it, and the 分别 list it was taken from."""
        if previous is not None and previous.group and continued:
            index = previous.group_index + 1
            return (*self._group_metric(previous.group, index, ctx.figure), previous.group, index)
        listed = _listed_times(ctx)
        if listed is not None and previous is not None:
            figures = listed[1]
            at = figures.index(ctx.figure)
            if at and previous.figure is figures[at - 1]:
                # 2022年、2023年…分别达到A和B: B is the same figure as A, a year on.
                return previous.metric, previous.resolved, (), 0
        if "分别" in ctx.lead and listed is None:
            names = tuple(_group_names(ctx.s, ctx.clause.start, ctx.figure.start))
            if len(names) == 1 and names[0].startswith(tuple(_SPLIT_PAIRS)):
                # 城乡居民人均可支配收入分别达到45230元和23150元: 城镇…, then 农村….
                head = names[0][:2]
                names = tuple(half + names[0][2:] for half in _SPLIT_PAIRS[head])
            if len(names) < 2:
                # 接待游客1850万人次，旅游总收入210亿元，分别增长15.2%和18.6%: the figures before.
                levels = [d.metric for d in ctx.earlier if d.measure == "level"]
                count = len(ctx.siblings)
                names = tuple(levels[-count:]) if count >= 2 and len(levels) >= count else ()
            if len(names) >= 2:
                return (*self._group_metric(names, 0, ctx.figure), names, 0)
        carried = self._carried_metric(ctx, measure, previous)
        if carried is not None:
            return carried, True, (), 0
        if measure in ("level", "rate"):
            found = self._level_metric(ctx)
        else:
            found = self._best_metric(_compact(region))
            if found is None and measure == "share":
                found = self._sector_share(_compact(region))
        if found is None and measure in ("level", "yoy", "change"):
            part = self._breakdown_part(ctx)
            if part is not None and (measure != "level" or self._fits(part[0], ctx.figure)):
                return part[0], True, (), 0
        if measure not in ("level", "rate"):
            if found is None and previous is not None:
                counted = self._counted_metric(ctx, previous)
                if counted is not None:
                    return counted, True, (), 0
                return previous.metric, previous.resolved, (), 0
            if found is None:
                found = self._best_metric(_compact(ctx.s[ctx.clause.start : ctx.segment.start]))
        if found is not None:
            return found, True, (), 0
        return (*self._written_metric(ctx), (), 0)

    def _carried_metric(self, ctx: _Context, measure: str, previous: _Draft | None) -> str | None:
        """The metric of the figure the sentence just named, when this level names no
        metric of its own and is that figure again: its total, the level it held, the same
        figure a year before, or the level a change reached."""
        if measure != "level":
            return None
        clause = _compact(re.split(r"[,，:：;；]", ctx.lead)[-1])
        if _another_time_of(clause) and not _YEAR_BEFORE.fullmatch(clause):
            # 存款余额27000.5亿元，比年初增加2500.3亿元；6月末为26500.2亿元: the same figure at
            # the time the clause names (its period is that time's), not a metric named 6月末.
            # The figure may be a clause of the sentence before, up to its full stop.
            opened = max(ctx.s.rfind(stop, 0, ctx.sentence.start) for stop in "。!?") + 1
            same = [
                d
                for d in self._paragraph_drafts
                if d.measure == "level"
                and d.resolved
                and d.figure.start >= opened
                and self._fits(d.metric, ctx.figure)
            ]
            if same:
                return same[-1].metric
        if previous is None or not previous.resolved or previous.figure.start < ctx.sentence.start:
            return None
        lead = self._lead_words(ctx)
        if lead in _TOTAL_WORDS:
            # 新增高新技术企业41家，总数达到268家: the total of what the sentence counted.
            return previous.metric
        if not self._fits(previous.metric, ctx.figure):
            return None
        if (
            previous.measure == "level"
            and _NEW.fullmatch(lead)
            and self._stock_count(previous.metric)
        ):
            # 规上工业企业达到612家，净增58家: what the count grew by.
            return previous.metric
        if previous.measure == "level" and _HELD_AT.fullmatch(lead):
            # 粮食总产量达到25.6万吨，连续5年稳定在25万吨以上: the level that held.
            return previous.metric
        if _YEAR_BEFORE.fullmatch(_compact(re.split(r"[,，:：;；]", ctx.lead)[-1])):
            # 全年粮食总产量300.5万吨，上年为290.2万吨 (or 比上年末增加2.94万人，上年末为…):
            # the same figure a year before; its period is the 上年's.
            return previous.metric
        if (
            previous.measure in ("multiple", "yoy", "cagr", "change")
            and not lead
            and not _tail_noun(ctx.tail)
        ):
            # 高新技术企业数量是2018年的3倍，达到156家: the level that change reached.
            return previous.metric
        return None

    def _inline_target(self, ctx: _Context, previous: _Draft | None, measure: str) -> _Draft | None:
        """完成年初预算186亿元的102.9%: the budget printed before the completion rate is the
        target for the figure before it, in the year (an adjusted budget with its scope)."""
        before = _TARGET_PRINTED.search(ctx.lead)
        if measure != "level" or ctx.figure.unit == "%" or before is None:
            return None
        if not re.match(r"的[\d.]+%", ctx.tail + ctx.s[ctx.segment.end : ctx.segment.end + 8]):
            return None
        done = self._result_before(ctx, previous)
        if done is None:
            return None
        value = self._value(ctx.figure, done.metric, "level", "")
        if value is None or done.period is None:
            return None
        period = done.period if done.period.kind in ("year", "span") else year(done.period.end.year)
        return dataclasses.replace(
            done,
            figure=ctx.figure,
            value=value,
            period=period,
            period_guessed=False,
            status="target",
            scope="调整预算" if before.group("adjusted") else done.scope,
            of=None,
            against=None,
            base=None,
            extra={},
        )

    def _result_before(self, ctx: _Context, previous: _Draft | None) -> _Draft | None:
        """The result a target or completion rate is about: the last level of the sentence
        before the figure that is a resolved amount (not a rate, not itself a target)."""
        levels = [
            d
            for d in (*ctx.earlier, *([previous] if previous else []))
            if d.measure == "level" and d.resolved and d.figure.unit != "%" and d.status != "target"
        ]
        if not levels or levels[-1].figure.start < ctx.sentence.start:
            return None
        return levels[-1]

    def _target_named(self, ctx: _Context, previous: _Draft | None) -> str | None:
        """The target a completion rate is of, as the scope of that target: ``""`` the year's,
        ``"调整预算"`` an adjusted budget (为调整预算的96.5%: a target of its own, which the
        report does not state as one); ``None`` when the words before the rate name none."""
        completion = _COMPLETION.search(ctx.lead)
        if completion is not None:
            return "调整预算" if completion.group("adjusted") else ""
        if previous is None or previous.status != "target" or ctx.lead != "的":
            return None
        # 完成年初预算186亿元的102.9%: the target was printed, and the rate follows it.
        printed = _TARGET_PRINTED.search(ctx.s, ctx.sentence.start, previous.figure.start)
        if printed is None:
            return None
        return "调整预算" if previous.scope == "调整预算" or printed.group("adjusted") else ""

    def _completion(self, ctx: _Context, previous: _Draft | None, measure: str) -> _Draft | None:
        """A completion rate: 一般公共预算收入28.6亿元，为预算的101.2%; 完成年度计划的108%.

        It is the figure before it as a share of the year's target for it (``of: {status:
        target}``, the year named when the figure is of part of it). An adjusted budget
        (调整预算) is a target of its own: the share is of the target with that scope.
        """
        target = self._target_named(ctx, previous)
        if measure != "level" or ctx.figure.unit != "%" or target is None:
            return None
        result = self._result_before(ctx, previous)
        if result is None:
            return None
        done = result.period  # 上半年…完成全年目标的56.8%: the half against the year
        whole_period = None if done is None or done.kind in ("year", "span") else str(done.end.year)
        draft = dataclasses.replace(
            result,
            figure=ctx.figure,
            value=ctx.figure.core,
            measure="share",
            of=Selector(period=whole_period, status="target", scope=target or None),
            against=None,
            base=None,
            extra={},
        )
        draft.status = "actual"
        return draft

    def _part_is(self, ctx: _Context, measure: str, previous: _Draft | None) -> str | None:
        """The part a percentage says a total before it is made of: …，90%以上为发明专利.

        The part is named after 为/是 and counted as the total is: its name is the part's
        noun with the rest of the total's name (发明专利 + 申请量 of AI相关专利申请量).
        """
        if (
            measure != "level"
            or ctx.figure.unit != "%"
            or previous is None
            or previous.measure != "level"
            or not previous.resolved
            or previous.figure.unit == "%"
            or previous.figure.start < ctx.sentence.start
        ):
            return None
        m = _PART_IS.match(ctx.tail)
        if m is None:
            return None
        noun = _tail_noun(m.group(1))
        whole = previous.metric
        for k in range(len(noun), 0, -1):
            at = whole.find(noun[-k:])
            if at >= 0:
                named = self.lex.resolve_metric(noun + whole[at + k :])
                if named and named != whole:
                    return named
        return None

    def _counted_metric(self, ctx: _Context, previous: _Draft) -> str | None:
        """What a count before a change counts, when that is a metric of its own.

        九类保障标准在去年的基础上提高10%: the standards rise by 10%, not their number. Only
        where the counted noun is a registry metric measured in something other than a count.
        """
        if not _counted(previous.figure) or previous.figure.start < ctx.clause.start:
            return None
        noun = _tail_noun(ctx.s[previous.figure.end : ctx.segment.start])
        for k in range(len(noun), 1, -1):
            canonical = self._resolve_name(noun[:k])
            unit = self.lex.metric_units.get(canonical or "", "")
            if canonical and unit and unit.split("/")[0] not in _COUNT_UNITS:
                return canonical
        return None

    def _sector_share(self, words: str) -> str | None:
        """工业占比超过40%, 服务业比重: a sector's share is that of its value added in GDP."""
        m = re.search(r"([\u4e00-\u9fff]{2,6}?)(?:的)?(?:占比|比重)", words)
        if m is None:
            return None
        sector = m.group(1)
        for k in range(len(sector) - 1):
            canonical = self.lex.resolve_metric(sector[k:] + "增加值")
            if canonical:
                return canonical
        return None

    def _group_metric(
        self, names: tuple[str, ...], index: int, figure: RawFigure
    ) -> tuple[str, bool]:
        name = names[min(index, len(names) - 1)]
        canonical = self._resolve_name(name)
        if canonical:
            return canonical, True
        last = names[-1]
        for k in range(1, len(last) - 1):
            # PM2.5、PM10改善率分别达到29.8%和31.4%: the first shares the last one's head.
            canonical = self._resolve_name(name + last[k:])
            if canonical and name != last:
                return canonical, True
        return _count_name(name, figure, _suffixes(figure.unit)), False

    def _best_metric(self, text: str) -> str | None:
        text = self._industry_metrics(text)
        mentions = self.lex.metric_mentions(text)
        if not mentions:
            return None
        anchor = text.find("\x00")
        anchor = len(text) if anchor < 0 else anchor

        def rank(m: tuple[int, int, str]) -> tuple[int, int]:
            return (m[1] - m[0], -min(abs(anchor - m[1]), abs(m[0] - anchor)))

        return max(mentions, key=rank)[2]

    def _industry_metrics(self, text: str) -> str:
        """Rewrite an industry's figure in the registry's words.

        即墨汽车产业规上工业产值 → 汽车产业产值, 纺织服装业实现进出口 → 纺织服装进出口额:
        an industry word, then a generic metric word, name the industry's metric.
        """
        for start, end, industry in reversed(self.lex.industry_mentions(text)):
            m = _INDUSTRY_METRIC.match(text, end)
            if m is None:
                continue
            for word in self.lex.industry_words(industry):
                name = next(
                    (
                        word + m[1] + e
                        for e in ("", "额", "总额")
                        if self.lex.lookup_metric(word + m[1] + e)
                    ),
                    None,
                )
                if name:
                    text = text[:start] + name + text[m.end() :]
                    break
        return text

    def _fits(self, metric: str, figure: RawFigure) -> bool:
        """Whether a level in the figure's unit fits this metric (货物周转量 is not in 万吨)."""
        return _unit_fits(self.lex.metric_units.get(metric, ""), figure.unit)

    def _level_metric(self, ctx: _Context) -> str | None:
        """The registry metric the words around a level name, preferring what covers most text.

        Candidates: registry names in the segment (the figure removed, so 建成37处中小学、幼儿园
        reads 建成中小学幼儿园); the words just before the figure, or just after it, with the
        ending the registry uses for the unit (新建5G基站 + 数量, 保税仓库 + 面积); a verb of
        the segment before such words (完成 … 等16项重大工程 → 完成重大工程数量).
        """
        figure = ctx.figure
        endings = ("", *_suffixes(figure.unit))
        if figure.unit == "%":
            endings = (*endings, "率", "幅度", "比例")  # 审批时限压缩60%: …压缩幅度
        lead, tail = self._lead_words(ctx), _tail_noun(ctx.tail)
        found: list[tuple[int, int, str]] = []
        # Words that name the subject name no metric: 开发区已集聚新材料企业45家 counts the
        # park's firms, not 开发区数量. Masked, they keep their length for the distances below.
        masked = ctx.lead
        for start, end, _word in ctx.subjects:
            if ctx.segment.start <= start and end <= ctx.figure.start:
                masked = masked.replace(ctx.s[start:end], "\x01" * (end - start))
        before, after = _compact(masked), _compact(ctx.tail)
        # 规模以上工业企业实现营业收入: the registry's name without the verb in between.
        for joined in (
            before + after,
            before.removesuffix("的") + after,
            _INNER_VERB.sub("", before) + after,
        ):
            text = self._industry_metrics(joined)
            anchor = len(before) - (len(joined) - len(text))
            found += [
                (e - s, -min(abs(anchor - e), abs(s - anchor)), c)
                for s, e, c in self.lex.metric_mentions(text)
            ]
        noun = lead[lead.rfind("等") + 1 :]
        if noun in _TOTAL_WORDS and "等" in lead:
            noun = lead[: lead.rfind("等")][-12:]  # 省市级智能工厂等总数达到105个
        plain = _LEVEL_SCOPE.sub("", noun)  # 新创市级以上美丽乡村示范村: the level is a scope
        pieces = [noun[k:] for k in range(len(noun) - 1)]
        pieces += [plain[k:] for k in range(len(plain) - 1) if plain != noun]
        pieces += [tail[i:k] for i in range(min(3, len(tail))) for k in range(len(tail), i + 1, -1)]
        if noun.endswith("产能"):
            # 新能源汽车产能将达到50万辆: a capacity is stated of the output it caps (the
            # claim's status says capacity), 新能源汽车产量.
            pieces += [noun[k:-2] + "产量" for k in range(len(noun) - 3)]
        pieces += self._shared_head(ctx, noun or tail)
        pieces += self._paragraph_head(ctx, noun)
        for word in self._topic_industry(ctx):
            # 通用航空产业，聚焦制造、运营、服务三大板块: the industry's 板块.
            pieces += [word + piece for piece in (noun, tail) if piece]
        owner = self._owner(ctx)
        if owner:
            # 总投资240亿元的149个基本建设类项目: the investment of what is counted after 的.
            pieces += [owner + noun[k:] for k in range(len(noun) - 1)]
        if tail.startswith("方面"):
            pieces.append(tail[2:] + "方面")  # 10个方面具体部署: 具体部署方面数
            endings = (*endings, "数")
        verbs = self._verbs(ctx)
        for piece in pieces:
            for verb in ("", *verbs):
                for ending in endings:
                    for name in {verb + piece + ending, piece + verb + ending}:
                        canonical = self.lex.lookup_metric(name)
                        if canonical:
                            found.append((len(verb) + len(piece), 0, canonical))
                if verb and _counted(figure):
                    canonical = self.lex.lookup_metric(piece + verb + "量")  # 专利申请量
                    if canonical:
                        found.append((len(verb) + len(piece), 0, canonical))
        found += self._predicate_metrics(ctx, endings, verbs)
        found += self._done_in(ctx) + self._ceiling(ctx) + self._rating(ctx)
        if figure.unit.lstrip("十百千万亿") in _KIND_UNITS:
            # 城乡低保、特困等九类保障标准: how many kinds of the standard there are.
            for k in range(len(tail), 1, -1):
                canonical = self._resolve_name(tail[:k])
                named = canonical and self.lex.resolve_metric(canonical + "类别数")
                if named:
                    found.append((k + 3, 1, named))
                    break
        if figure.big and not found:
            # 三大整车产能充分释放, 依托4大整车: the word after N大 names the plants (项目, 基地).
            for k in range(2, len(tail) + 1):
                for ending in ("项目数量", "基地数量"):
                    canonical = self.lex.lookup_metric(tail[:k] + ending)
                    if canonical:
                        found.append((k, 0, canonical))
        for verb in verbs:
            for ending in endings[1:]:
                canonical = self.lex.lookup_metric(verb + ending)
                if canonical:
                    found.append((len(verb), -1, canonical))
            # 培育…新型经营主体30个: the registry's name for it with the verb (…培育数量).
            for _cover, _distance, known in list(found):
                stem = known.removesuffix("数量")
                if stem != known:
                    canonical = self.lex.lookup_metric(stem + verb + "数量")
                    if canonical:
                        found.append((_cover + len(verb), 0, canonical))
        found = [f for f in found if self._fits(f[2], figure)]
        if not found:
            found = [f for f in self._named_before(ctx, noun, tail) if self._fits(f[2], figure)]
        if not found:
            # 10万锭: a counter only one registry metric is counted in names it (纱锭规模).
            only = self._only_metric.get(figure.unit.lstrip("十百千万亿"))
            if only is not None:
                found.append((0, -2, only))
        best = max(found)[2] if found else None
        qualified = self._qualified_metric(ctx, best, lead, tail, endings)
        if qualified is not None:
            return qualified
        if not found and _CAPACITY.search(ctx.lead[-4:]):
            return self._product_metric(figure, ctx.lead)
        return best

    def _qualified_metric(
        self, ctx: _Context, best: str | None, lead: str, tail: str, endings: tuple[str, ...]
    ) -> str | None:
        """A generic name made specific by a qualifier named earlier in the sentence.

        用好市场采购贸易方式试点，…，全年出口额达到100亿元: the 出口额 is the
        市场采购贸易出口额; 扩大燃气重卡产能，日产能可达500辆: the 燃气重卡日产能. Reports
        name what they talk about once and then use the generic word. Only a name the registry
        knows is taken, and only to narrow the metric the segment's own words name (or to
        name one where they name none); a segment naming a subject of its own starts afresh,
        and a metric already stated in the sentence is not taken again.
        """
        figure = ctx.figure
        if any(ctx.segment.start <= m[0] and m[1] <= figure.start for m in ctx.subjects):
            return None
        # The parts of a sentence cut by ； share what it is about: 规模以上工业企业实现营业收入
        # …；利润总额…: the 利润总额 is theirs.
        opening = max(ctx.s.rfind(c, 0, figure.start) for c in "。!?") + 1
        earlier = re.sub(r"\s+", "", ctx.s[opening : figure.start])
        names = self._subject_mentions(earlier, frozenset())
        lead = re.sub(r"(?:可|能够|能)$", "", lead)  # 日产能可达500辆
        heads = {lead[k:] + e for k in range(len(lead) - 1) for e in endings}
        heads |= {tail[:k] + e for k in range(2, len(tail) + 1) for e in endings}
        # Stated anywhere since the 。: PM10…58微克/立方米；臭氧…浓度为158微克/立方米 is not PM10's.
        stated = {d.metric for d in ctx.earlier} | {
            d.metric for d in self._paragraph_drafts if d.figure.start >= opening
        }
        found: list[tuple[int, int, str]] = []
        for head in heads:
            if best is not None and self.lex.lookup_metric(head) != best:
                continue
            for qualifier, canonical in self.lex.qualified(head):
                if canonical in stated or not self._fits(canonical, figure):
                    continue
                at = _topic_at(earlier, qualifier, names)
                if at >= 0:
                    found.append((len(qualifier) + len(head), at, canonical))
        return max(found)[2] if found else None

    def _done_in(self, ctx: _Context) -> list[tuple[int, int, str]]:
        """How long the work named after the figure took: 5天内完成全员核酸检测 → …用时.

        A duration followed in its clause by 完成/办结/实现 + what was done; figures inside
        that object (近142万人) are not part of its name.
        """
        if ctx.figure.unit not in _DURATION_UNITS:
            return []
        rest = ctx.s[ctx.figure.end : ctx.clause.end]
        m = _DONE.search(rest)
        if m is None:
            return []
        words = rest[m.end() :]
        for sibling in reversed(ctx.siblings[1:]):
            a, b = sibling.start - ctx.figure.end - m.end(), sibling.end - ctx.figure.end - m.end()
            if 0 <= a < b <= len(words):
                words = words[:a] + words[b:]
        words = _compact(re.split(r"[,:;。]", words)[0]).lstrip("近约")
        found = []
        for k in range(len(words) - 1):
            for ending in ("用时", "时间", "周期"):
                canonical = self.lex.lookup_metric(words[k:] + ending)
                if canonical:
                    found.append((len(words) - k + 2, 0, canonical))
        return found

    def _rating(self, ctx: _Context) -> list[tuple[int, int, str]]:
        """A size class, not an amount: 10万吨级养殖工船 is a ship of the 10万吨 class.

        The registry names such a class after the rated thing (船舶吨位, 直升机吨级); the
        thing is a word of the noun after 级 (民用直升机 → 直升机).
        """
        if not _rated(ctx):
            return []
        base = ctx.figure.unit.lstrip("十百千万亿")
        noun = _tail_noun(ctx.tail.removeprefix("级"))
        found = []
        for i in range(len(noun) - 1):
            for j in range(len(noun), i, -1):
                for ending in (base + "级", base + "位"):
                    canonical = self.lex.lookup_metric(noun[i:j] + ending)
                    if canonical:
                        found.append((j - i + 2, 0, canonical))
        return found

    def _ceiling(self, ctx: _Context) -> list[tuple[int, int, str]]:
        """The most a scheme pays: 技术改造最高给予300万元补助 → 技术改造补助上限."""
        m = _CEILING.search(ctx.lead)
        if m is None or ctx.figure.unit.lstrip("十百千万亿") not in ("元", "美元"):
            return []
        kind = _CEILING_KIND.match(ctx.tail)
        kinds = [kind.group(0)] if kind else ["补助", "奖励", "补贴"]
        words = _compact(ctx.lead[: m.start()])
        words = re.split(r"[,:;。]", words)[-1]
        found = []
        for k in range(len(words) - 1):
            for word in kinds:
                canonical = self.lex.lookup_metric(words[k:] + word + "上限")
                if canonical:
                    found.append((len(words) - k + 4, 0, canonical))
        return found

    def _named_before(self, ctx: _Context, noun: str, tail: str) -> list[tuple[int, int, str]]:
        """A registry name earlier in the sentence that the counted word is the head of.

        实施“4+4”乡村振兴示范片区建设，由4个片区高端引领: 片区 is the 乡村振兴示范片区.
        """
        earlier = _compact(ctx.s[ctx.sentence.start : ctx.clause.start])
        total = re.search(r"(?:总计|合计)(?:为|达到?)?$", _compact(ctx.lead))
        if total and _SUMMED.search(earlier):
            return []  # 收入191.37亿元，加上…，收入总计434.58亿元: more than the 收入 before
        # The whole noun, not its last characters: 上级补助收入 names its own kind of 收入,
        # not the 一般公共预算收入 before it.
        heads = {tail[:k] for k in range(2, len(tail) + 1)} | ({noun} if len(noun) >= 2 else set())
        return [
            (len(head), -1, canonical)
            for start, end, canonical in self.lex.metric_mentions(earlier)
            for head in heads
            if earlier[start:end].endswith(head)
        ]

    def _verbs(self, ctx: _Context) -> list[str]:
        """The verbs a registry name may begin with: those before the figure in its segment,
        and those after the last figure of the clause, which the whole list shares (6113名
        贫困人口和…3个经济薄弱镇全部脱贫摘帽); not a verb that belongs to a later figure
        (182个重点产业项目全部开工、竣工投产55个)."""
        last = ctx.siblings[-1] if ctx.siblings else ctx.figure
        return _name_verbs(_compact(ctx.lead)) + _name_verbs(
            _compact(ctx.s[last.end : ctx.clause.end])
        )

    def _predicate_metrics(
        self, ctx: _Context, endings: tuple[str, ...], verbs: list[str]
    ) -> list[tuple[int, int, str]]:
        """What the words after the counted noun say of it (企业入选国家试点示范).

        23家企业入选国家试点示范 → 国家试点示范企业数量; 3条河流获评省级美丽示范河湖 →
        美丽示范河湖数量; 5家企业成功上市 → 成功上市企业; 200家企业聚链产销 →
        (带动)聚链产销企业数量. The noun is cut where the predicate begins, wherever that is.
        """
        if not (_counted(ctx.figure) or _persons(ctx.figure)):
            return []
        words = re.split(r"[,:;。]", _compact(ctx.tail))[0]
        found: list[tuple[int, int, str]] = []
        for cut in range(2, min(len(words), _PREDICATE_NOUN) + 1):
            rest = re.sub(r"^(?:全部|均|都|已经|已|相继|先后)", "", words[cut:])
            if len(rest) < 2:
                continue
            nouns = [words[k:cut] for k in range(cut - 1)]
            for size in range(2, min(len(rest), _PREDICATE_WORDS) + 1):
                for counted in nouns:
                    for verb in ("", *verbs):
                        for ending in endings:
                            name = verb + rest[:size] + counted + ending
                            canonical = self.lex.lookup_metric(name)
                            if canonical:
                                found.append((len(name) - len(ending), 0, canonical))
            if _EXHIBIT.match(rest):
                # 组织55家企业参加国内高端展会: 参展企业.
                for counted in nouns:
                    for ending in endings:
                        canonical = self.lex.lookup_metric("参展" + counted + ending)
                        if canonical:
                            found.append((len(counted) + 4, 0, canonical))
            award = _AWARD.match(rest)
            if award and "奖" in rest:
                # 2个项目荣获省科技进步奖: 获奖 + what the award is for + the counted noun.
                named = rest[award.end() :]
                for _a, b, _w in reversed(self._subject_mentions(named, frozenset())):
                    if _a == 0:
                        named = named[b:]
                        break
                for k in range(2, len(named) + 1):
                    for counted in ("", *nouns):
                        for ending in endings:
                            canonical = self.lex.lookup_metric(
                                "获奖" + named[:k] + counted + ending
                            )
                            if canonical:
                                found.append((k + len(counted) + 2, 0, canonical))
            become = _BECOME.match(rest)
            if become:
                named = _LEVEL_SCOPE.sub("", _NAME_FILLER.sub("", rest[become.end() :]))
                for k in range(len(named) - 1):
                    for counted in ("", *nouns):
                        for ending in endings:
                            canonical = self.lex.lookup_metric(named[k:] + counted + ending)
                            if canonical:
                                found.append((len(named) - k + len(counted), 0, canonical))
        return found

    def _topic_industry(self, ctx: _Context) -> list[str]:
        """The names of an industry a sentence opens with as its topic (汽车产业，…)."""
        opening = self.lex.industry_mentions(ctx.s[ctx.sentence.start : ctx.sentence.start + 12])
        if not opening or opening[0][0] != 0:
            return []
        _start, end, industry = opening[0]
        if ctx.s[ctx.sentence.start + end : ctx.sentence.start + end + 1] not in (",", ":"):
            return []
        return self.lex.industry_words(industry)

    def _owner(self, ctx: _Context) -> str:
        """The noun a figure belongs to through 的 and the count after it (…的149个X项目)."""
        if _compact(ctx.tail) != "的" or len(ctx.siblings) < 2:
            return ""
        counted = ctx.siblings[1]
        if counted.start != ctx.segment.end or not (counted.big or _counted(counted)):
            return ""
        return _tail_noun(re.split(r"[、,;。]", ctx.s[counted.end : ctx.clause.end])[0])

    def _shared_head(self, ctx: _Context, noun: str) -> list[str]:
        """示范村83个、达标村680个: the second item shares the head of the first (新创美丽乡村)."""
        siblings = [d for d in ctx.earlier if d.figure.end <= ctx.segment.start]
        if not noun or not siblings:
            return []
        start = ctx.clause.start
        if siblings[-1].figure.start < start:
            # 夏粮播种面积68.42万亩，总产量30.22万吨: a clause that is only a measure's name
            # shares the kind that opens the clause before (夏粮总产量).
            before = ctx.s[siblings[-1].figure.end : ctx.clause.start]
            if not (_bare_clause_break(before) and _compact(self._lead_words(ctx)) == noun):
                return []
            start = ctx.s.rfind(",", ctx.sentence.start, siblings[-1].figure.start) + 1
            start = max(start, ctx.sentence.start)
        head = _LEVEL_SCOPE.sub("", _compact(ctx.s[start : siblings[-1].figure.start]))
        head = head[head.rfind("等") + 1 :]
        head = _TIME_LEAD.sub("", head)  # 全年粮食总产量…，亩产…: the head is 粮食
        head = re.sub(r"^全[国省市区县]", "", head)  # 全市新能源汽车产能…，产量…: 新能源汽车
        pieces = [head[:k] + noun for k in range(1, len(head))]
        bare = noun.removeprefix("平均")
        if bare != noun or bare in ("亩产", "单产", "亩产量"):
            # 粮食播种面积133.59万亩，总产量61.71万吨，(平均)亩产461.9公斤: the 粮食 yield
            # (粮食亩产), 平均 aside, the head taken from what the clause before was read as.
            heads = (head, siblings[-1].metric) if siblings[-1].resolved else (head,)
            pieces += [h[:k] + bare for h in heads for k in range(1, len(h))]
        if len(noun) < len(head):
            # 到账外资8.2亿美元、内资385亿元: 内资 takes the place of 外资 (到账内资).
            parallel = head[: len(head) - len(noun)] + noun
            pieces += [parallel[k:] for k in range(1, len(parallel) - 1)]
        # 182个重点产业项目全部开工、竣工投产55个: what the first counts, as the second does it.
        counted = _tail_noun(ctx.s[siblings[-1].figure.end : ctx.segment.start])
        pieces += [noun + counted[k:] for k in range(len(counted) - 1)]
        if siblings[-1].resolved:
            pieces.append(noun + siblings[-1].metric.removesuffix("数量"))
        return pieces

    def _paragraph_head(self, ctx: _Context, noun: str) -> list[str]:
        """…利润总额86.7亿元。营业收入利润率为5.55%: a name that the registry knows only with
        the head of the metric stated last in the sentence before (规上工业 of 规上工业利润总额).
        Within a sentence, :meth:`_shared_head` reads the words themselves."""
        last = self._paragraph_drafts[-1] if self._paragraph_drafts else None
        if not noun or last is None or not last.resolved or last.figure.end > ctx.sentence.start:
            return []
        if self.lex.lookup_metric(noun):
            # 新能源汽车产量18.6万辆。全市汽车产量48.3万辆: 汽车产量 is a name of its own
            # (整车产量), not 新能源 + 汽车产量.
            return []
        metric = last.metric
        return [metric[:k] + noun for k in range(2, len(metric))]

    def _product_metric(self, figure: RawFigure, lead: str) -> str | None:
        # 年产20万台 names no product: the output metric counted in that unit (整车产量 in 辆/台).
        if lead.endswith("年产值"):
            return self.lex.resolve_metric("工业产值")
        base = figure.unit.lstrip("十百千万亿")
        if base not in _COUNT_UNITS:
            return None  # 吨 is the unit of too many products to guess one
        names = [
            m
            for m, u in self.lex.metric_units.items()
            if m.endswith("产量") and _same_counter(u, base)
        ]
        return min(names, key=len) if names else None

    def _written_metric(self, ctx: _Context) -> tuple[str, bool]:
        """The name of a metric the registry does not know, as the text writes it."""
        figure = ctx.figure
        tail, lead = _tail_noun(ctx.tail), _lead_noun(self._lead_words(ctx))
        nouns = [n for n in ([tail, lead] if figure.big or _counted(figure) else [lead, tail]) if n]
        name = nouns[0] if nouns else "未知指标"
        if _NAME_VERB.match(name):
            # 新建智慧停车场 → 智慧停车场; a verb alone (竣工投产55个) stays as written.
            name = _NAME_VERB.sub("", name[:4], count=1) + name[4:] or name
        return _count_name(name or "未知指标", figure, _suffixes(figure.unit)), False

    def _lead_words(self, ctx: _Context) -> str:
        """The segment before the figure, compacted, without subjects, times and closing verbs."""
        lead = ctx.lead
        for start, end, _word in ctx.subjects:
            if ctx.segment.start <= start and end <= ctx.figure.start:
                lead = lead.replace(ctx.s[start:end], "")
        lead = _LEVEL_VERBS.sub("", lead)
        lead = re.split(r"[,:;。]", lead)[-1]
        lead = _RELATIVE_RE.sub("", lead)
        lead = _TIME_LEAD.sub("", lead)
        # 近三年累计…, 五年来…, 五年累计…: the span is the period, not part of the name.
        lead = _SPAN_LEAD.sub("", lead.lstrip())
        return _compact(lead)

    def _resolve_name(self, name: str) -> str | None:
        # 全市GDP、一般公共预算收入分别增长…: the place before a listed name is the subject's.
        name = re.sub(r"^全[国省市区县州旗盟镇乡]", "", name) or name
        for candidate in (name, name + "数量", re.sub(r"^(?:新增|新建|建成|新|累计)", "", name)):
            canonical = self.lex.resolve_metric(candidate)
            if canonical:
                return canonical
        return None

    def _lead_noun(self, ctx: _Context) -> str:
        lead = ctx.lead
        for start, end, _word in ctx.subjects:
            if ctx.segment.start <= start and end <= ctx.figure.start:
                lead = lead.replace(ctx.s[start:end], "")
        return _lead_noun(lead)

    def _value(self, figure: RawFigure, metric: str, measure: str, lead: str) -> str | None:
        value = figure.core
        if figure.pure:
            if self.lex.metric_units.get(metric) != "":
                return None  # a bare number is a figure only of a metric counted in them
            # 缩小0.04 as printed: the word says which way it moved.
            moved = RATIO_MOVED.search(lead)
            return f"{moved.group(0)}{value}" if moved and measure == "change" else value
        if not figure.unit or figure.unit in ("千亿", "百亿", "万亿", "亿", "万", "十亿"):
            unit = self.lex.metric_units.get(metric, "")
            if not unit and re.search(
                r"(?:额|收入|产值|投资|资金|利润|税收|支出|余额|总值)$", metric
            ):
                unit = "元"  # 交易额达到千亿: an amount of money
            if unit not in ("元", "美元") and not figure.unit:
                return None
            value = value + unit if unit in ("元", "美元") else value
        if figure.big:
            counter = self.lex.metric_units.get(metric, "")
            if counter and len(counter) == 1 and counter in _COUNT_UNITS:
                value = value[:-1] + counter
        down = _DOWN.search(lead[-14:])
        if down and measure in ("yoy", "cagr", "multiple", "change", "pp"):
            word = _CHANGE_WORD.search(down.group(0))
            printed = word.group(0) if word else "下降"
            value = (printed if printed in _DOWN_WORDS else "下降") + value
        elif measure == "multiple" and value.endswith("%") and _UP.search(lead[-14:]):
            # 近三年增长13.5% is 1.135 times (without the word, 0.135 times).
            value = "增长" + value
        return value if _parses(value) else None

    def _of(self, lead: str, metric: str) -> Selector | None:
        at = _denominator_at(lead)
        if at < 0:
            return None
        words = _OF_TAIL.sub("", lead[at + 1 :])
        subject = self._subject_word(words)
        found = self._best_metric(_compact(words))
        # In a table of places the row's place holds the figure, so 占全市 names the region.
        own = self.row_subject or self.region
        return Selector(
            metric=found if found and found != metric else None,
            subject=subject if subject and subject != own else None,
        )

    def _of_whole_before(
        self, ctx: _Context, draft: _Draft, previous: _Draft | None
    ) -> Selector | None:
        """占全市新能源汽车产量31.52万辆的比重为59.1%: the share is of the whole just printed."""
        if previous is None or previous.measure != "level" or not previous.resolved:
            return None
        between = ctx.s[previous.figure.end : draft.figure.start]
        if not _WHOLE_THEN_SHARE.fullmatch(between):
            return None
        if "占" not in ctx.s[ctx.clause.start : previous.figure.start]:
            return None
        return Selector(
            metric=previous.metric if previous.metric != draft.metric else None,
            subject=previous.subject if previous.subject != self._subject(ctx) else None,
            scope=previous.scope if previous.scope != draft.scope else None,
        )

    def _whole_of_part(self, lead: str, draft: _Draft) -> Selector | None:
        """一般贸易进出口…占全县外贸总值的75.2%, 民营企业进出口…占73.4%: a part (a figure with
        a scope) as a share of its own metric is a share of the whole, the metric without a
        scope (``scope: ''``)."""
        at = _denominator_at(lead)
        if at < 0 or not draft.scope or not draft.resolved:
            return None
        words = _compact(_OF_TAIL.sub("", lead[at + 1 :]))
        if words and self._best_metric(words) != draft.metric:
            return None
        return Selector(metric=draft.metric, scope="")

    def _compared_period(self, ctx: _Context, period: Period, measure: str) -> str | None:
        """The period a difference (百分点, 增加) is taken from, when no figure is named.

        A release compares a rate with the rate of another part of the year
        (增速比一季度加快0.6个百分点, 比1—5月提高0.3个百分点) or of the same part of the year
        before (比上年同期回落0.4个百分点); a balance with the start of the year (比年初增加:
        the end of the year before). A part of a year compared with nothing named is compared
        with the same part of the year before, as 同比 is; a year with the year before.
        """
        if period.kind == "span":
            return None
        head = ctx.s[ctx.clause.start : ctx.figure.start]
        since = _COMPARED_WITH.search(ctx.s, ctx.sentence.start, ctx.figure.start)
        if since is not None and period.kind == "year" and int(since.group(1)) < period.start.year:
            return since.group(1)
        moved = _MOVED_FROM_YEAR.search(ctx.s, ctx.sentence.start, ctx.figure.start)
        if moved is not None and period.kind == "year" and int(moved.group(1)) < period.start.year:
            return moved.group(1)  # 由2019年的48.6%提高到52.3%，提高3.7个百分点: since 2019
        named = [
            t
            for t in ctx.times
            if ctx.clause.start < t.start
            and t.end <= ctx.figure.start
            and ctx.s[t.start - 1] in "比较"
            and t.kind == "bare"
        ]
        if named:
            then = self._resolve(named[-1], ctx)
            if then.text != period.text and then.start <= period.end:
                return then.text
        if m := _COMPARED_YEAR.search(head):
            y = int(m.group("year")) if m.group("year") else period.start.year - 1
            if m.group("same"):
                return period.shift(y - period.start.year).text
            return str(y)
        if measure == "pp" and period.kind != "year":
            return period.shift(-1).text
        return str(period.start.year - 1)

    def _against(self, text: str, period: Period, draft: _Draft) -> Selector:
        if not text:
            return Selector(period=str(period.start.year - 1) if period.kind != "span" else None)
        then = re.fullmatch(r"(\d{4})年(?:底|末)?(?:的)?", text)
        if then:
            return Selector(period=then.group(1))  # 是2020年的2.1倍
        same_part = re.fullmatch(r"(\d{4})年同期(?:的)?", text)
        if same_part and period.kind != "span":
            # 恢复到2019年同期的95%: the same part of that year (上半年: 2019H1).
            return Selector(period=period.shift(int(same_part.group(1)) - period.start.year).text)
        before = re.fullmatch(r"(?:上年|去年)(同期)?(?:的)?", text)
        if before and period.kind != "span":
            # 是上年同期的1.8倍: the same part of the year before; 是上年的: that year.
            then_period = period.shift(-1).text if before.group(1) else str(period.start.year - 1)
            return Selector(period=then_period)
        subject = self._subject_word(text)
        metric = self._best_metric(_compact(text))
        measure = "yoy" if (metric and _CHANGE_WORD.search(text)) or "增速" in text else None
        if subject is None and metric is None:
            return Selector(subject=_strip_of(text) or None)
        return Selector(
            metric=metric if metric != draft.metric else None,
            subject=subject if subject != self.region else None,
            measure=measure if metric else None,
        )

    def _subject_word(self, text: str) -> str | None:
        mentions = self._subject_mentions(text, frozenset())
        if not mentions:
            return None
        return self._canonical_subject(mentions[-1][2])

    def _canonical_subject(self, word: str) -> str | None:
        relative = _RELATIVE_SUBJECTS.get(word)
        if relative is None:
            return word
        return self._relative(relative)

    def _relative(self, relative: str) -> str | None:
        if relative == "region":
            return self.region
        if relative == "country":
            return _COUNTRY
        if self.region is None:
            return None
        if relative == "parent":
            # 全市 in a district's report is its city; in a city's own report (青岛市, or a
            # county-level 胶州市) it is the region itself.
            found = self.lex.city_of(self.region) or self.lex.parents.get(self.region)
            return found or _unnamed(self.region, "市")
        return self.lex.province_of(self.region) or _unnamed(self.region, "省")

    def _subject(self, ctx: _Context) -> str | None:
        if self.row_subject is not None:
            return self.row_subject
        whole = self._whole_named(ctx)
        if whole is not None:
            return whole
        if ctx.tail.startswith("的") and _CAPACITY.search(ctx.lead[-4:]):
            # 年产30万辆的奇瑞青岛乘用车基地: the plant named after 的 has the capacity.
            after = [m for m in ctx.subjects if m[0] == ctx.figure.end + 1]
            if after:
                return self._canonical_subject(after[0][2])
        if ctx.tail.startswith("在"):
            # 全市9个投产的整车项目4个在即墨区: the place after 在 holds these.
            there = self._subject_mentions(ctx.tail[1:], frozenset())
            if there and there[0][0] == 0:
                place = self._canonical_subject(there[0][2])
                if place and self._kind(place) in ("region", "park"):
                    return place
        rated = self._rated_name(ctx)
        if rated is not None:
            return rated
        speaker = self._speaker(ctx)
        head = ctx.s[ctx.clause.start : ctx.figure.start]
        # Registry names listed in the clause before the figure (X、Y等, X、Y、Z三大…).
        listed = [
            m[2]
            for m in self._subject_mentions(head, frozenset())
            if m[2] not in _RELATIVE_SUBJECTS
        ]
        # 日辰食品、森麒麟等5家企业: the examples name what is counted, and the clause its
        # subject; 两院院士等…人才307人 names no subject, so the sentence's or topic's stands.
        named_etc = "等" in head and any(
            head.find(w) < head.rfind("等") for w in listed if head.find(w) >= 0
        )
        # Examples are peers of what is counted: a company named before them is not who
        # counts them (即发集团入选…，日辰食品、森麒麟等5家企业成功上市), a park or region may be.
        peers = "等" in head
        examples: list[str] = []
        for start, end, word in reversed(ctx.subjects):
            if start < ctx.sentence.start or end > ctx.figure.start:
                continue
            if _named_example(ctx, start, end):
                examples.append(word)
                continue
            if start < ctx.clause.start and (
                named_etc
                or (peers and self._kind(self._canonical_subject(word) or "") == "company")
            ):
                break  # 日辰食品、森麒麟等5家企业: the clause names its own subject
            if word in _RELATIVE_SUBJECTS and any(m[1] == start for m in ctx.subjects):
                continue  # 奇瑞全国13个整车工厂: 全国 says where, 奇瑞 is who
            if start < ctx.clause.start and not _clause_initial(ctx, start):
                continue  # 升级即发污水处理厂，新建…: named in passing in another clause
            if start < ctx.clause.start and _ADVERBIAL.match(self._clause_at(ctx, start)):
                continue  # 在10月份青岛突发新增确诊病例后，5天内…: when, not who
            if speaker and ctx.s[start:end] in _GENERIC_ORG:
                return speaker  # “去年公司研发投入…”川达智能装备董事长说: the speaker's company
            return self._canonical_subject(word)
        if speaker:
            return speaker
        parent = self._common_parent(examples)
        if not parent and not (ctx.figure.big or _counted(ctx.figure)):
            # 青岛港即墨港区、华骏物流园、济铁物流园三大核心物流园区完成货物吞吐量600万吨: the
            # parks' parent handles the tonnage (the count of them is of the examples).
            parent = self._common_parent(listed)
        if parent:
            return parent
        if named_etc:
            return ctx.topic or self.region
        if ctx.carried and not (peers and self._kind(ctx.carried) == "company"):
            return ctx.carried
        return ctx.topic or self.region

    def _whole_named(self, ctx: _Context) -> str | None:
        """Whose a whole printed inside a share is: 占全市新能源汽车产量31.52万辆的比重 —
        the place after 占 (a denominator, so never the subject of the share itself)."""
        if not _WHOLE_AFTER.match(ctx.tail):
            return None
        head = ctx.s[ctx.clause.start : ctx.figure.start]
        at = head.rfind("占")
        if at < 0:
            return None
        named = self._subject_mentions(head[at + 1 :], frozenset())
        if not named or named[0][0] != 0:
            return None
        return self._canonical_subject(named[0][2])

    def _rated_name(self, ctx: _Context) -> str | None:
        """The named thing a size class is of: 10万吨级养殖工船“国信1号” → 国信1号."""
        if not _rated(ctx):
            return None
        m = re.match(r"级?[^,:;。“”]{1,12}?“([^”]{2,12})”", ctx.s[ctx.figure.end : ctx.clause.end])
        if m is None:
            return None
        return self._canonical_subject(self.lex.subjects.get(m.group(1), m.group(1)))

    def _clause_at(self, ctx: _Context, at: int) -> str:
        for clause in _split(ctx.s, ctx.sentence.start, ctx.sentence.end, _CLAUSE_END):
            if clause.start <= at < clause.end:
                return ctx.s[clause.start : clause.end]
        return ""

    def _speaker(self, ctx: _Context) -> str | None:
        """Who says the quotation a figure stands in (“…清单40项…”即墨区供电公司有关负责人说)."""
        opened = ctx.s.rfind("“", 0, ctx.figure.start)
        if opened < 0 or ctx.s.rfind("”", 0, ctx.figure.start) > opened:
            return None
        closed = ctx.s.find("”", ctx.figure.end)
        if closed < 0 or "“" in ctx.s[ctx.figure.end : closed]:
            return None
        after = ctx.s[closed + 1 : closed + 41]
        mentions = self._subject_mentions(after, frozenset())
        if not mentions or mentions[0][0] != 0:
            return None
        if not _SAYS.match(after, mentions[0][1]):
            return None
        who = self._canonical_subject(mentions[0][2])
        return who if who and not self._is_region(who) else None

    def _common_parent(self, words: list[str]) -> str | None:
        # 青岛港即墨港区、华骏物流园、济铁物流园三大核心物流园区: the parks' common parent.
        parents = {self.lex.parents.get(self._canonical_subject(w) or "") for w in words}
        if len(words) >= 2 and len(parents) == 1:
            parent = parents.pop()
            if parent and not self._is_region(parent):
                return parent
        return None

    def _status(
        self, ctx: _Context, draft: _Draft, to_date: bool, previous: _Draft | None, continued: bool
    ) -> str:
        before = ctx.s[ctx.sentence.start : ctx.figure.start]
        after = ctx.s[ctx.figure.end : ctx.sentence.end]
        near = ctx.lead[-10:]
        if _ESTIMATE.search(before) or _PRELIMINARY.search(before):
            return "estimate" if _ESTIMATE.search(before) else "preliminary"
        # 初步核算，全年实现地区生产总值…。其中，第一产业增加值…: the accounting result holds
        # for the whole sentence, across ；, and a sentence opening with 其中 goes on with it.
        # (预计 does not: 预计全年新增就业2.6万人；补贴性技能培训惠及9000人 is a result.)
        if _PRELIMINARY.search(_whole_sentence(ctx.s, ctx.figure.start)):
            return "preliminary"
        weak_capacity = bool(_CAPACITY.search(near)) and draft.measure == "level"
        if weak_capacity and (ctx.tail.startswith("的") or _STRONG_CAPACITY.search(near)):
            return "capacity"  # 年产30万辆的…基地, 产能可达1000吨
        if _TARGET.search(_GOAL_OBJECT.sub("", before)) or ("向" in before and "目标" in after):
            return "target"
        if _NAMES_TARGET.match(after):
            return "target"  # 完成“十四五”下降14%目标的45.0%, 实现850亿元左右的目标
        period = draft.period
        assert period is not None
        # 新增创新平台16个以上 in a plan made in March: "at least N" of a year not yet over
        # is what is aimed at, whether or not the year is named.
        at_least = (
            draft.figure.core.endswith("以上")
            and period.kind == "year"
            and draft.measure in ("level", "change")
            and draft.figure.unit not in ("%", "倍")
        )
        explicit = not draft.period_guessed or ctx.carried_explicit or at_least
        if explicit and period.end > self.published and not to_date and not ctx.lead.endswith("了"):
            return "target"  # 2021年… in a report of February 2021: a plan
        if weak_capacity or (draft.measure == "level" and draft.metric in self._capacities):
            return "capacity"
        if draft.measure == "level" and (
            _CUMULATIVE.search(ctx.clause_text[: ctx.figure.start - ctx.clause.start])
            or draft.figure.milestone
        ):
            return "cumulative"
        return "actual"

    # ----------------------------------------------------------------- the claim

    def _claim(
        self, para: Paragraph, ctx: _Context, draft: _Draft, earlier: list[tuple[_Draft, Claim]]
    ) -> Claim:
        figure = draft.figure
        start, end = para.source_span(figure.start, figure.end)
        line = bisect_right(self.line_starts, start)
        column = start - self.line_starts[line - 1] + 1
        self.per_line[line] = self.per_line.get(line, 0) + 1
        quote_start, quote_end = self._quote(para, ctx, start, end)
        whole_at = _subset_marker(ctx.s, figure.start)
        if whole_at is not None and not _still_listed(ctx.s, whole_at, draft, earlier):
            whole_at = None
        if whole_at is not None and draft.measure == "level":
            draft.part_of = _whole_of(draft, [e for e in earlier if e[0].figure.end <= whole_at])
            if draft.part_of is not None and draft.scope is None:
                # A part of the same metric as its whole needs its scope to be told apart.
                # 其中，公路货运量0.98亿吨；水路货运量0.27亿吨: 公路 and 水路 tell them apart.
                draft.scope = _part_level(
                    ctx.s, whole_at, figure.start, figure.end, draft.metric
                ) or (self._kind_before_name(ctx, draft.metric) or None)
        assert draft.period is not None
        return Claim(
            id=f"l{line}-{self.per_line[line]}",
            document=self.document,
            metric=draft.metric,
            value=draft.value,
            period=draft.period.text,
            quote=self.text[quote_start:quote_end],
            subject=draft.subject,
            measure=draft.measure,
            of=draft.of,
            against=draft.against,
            status=draft.status,
            basis=draft.basis,
            scope=draft.scope,
            part_of=draft.part_of,
            base=draft.base,
            line=line,
            column=column,
            start=start,
            end=end,
            confidence=_confidence(draft),
            extra=tuple(draft.extra.items()),
        )

    def _quote(self, para: Paragraph, ctx: _Context, start: int, end: int) -> tuple[int, int]:
        # The clause, clipped to the source lines the figure stands on (hard-wrapped text
        # would otherwise quote half a page).
        clause_start, clause_end = para.source_span(ctx.clause.start, ctx.clause.end)
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        a = max(clause_start, line_start)
        b = min(clause_end, line_end)
        while b > end and self.text[b - 1] in "，,；;。：: \t":
            b -= 1
        while a < start and self.text[a] in " \t":
            a += 1
        return a, b


#: A time phrase naming a whole year, or its end, without naming which.
_WHOLE_YEAR = re.compile(r"(?:截至|截止|到)?(?:全年度?|年末|年底)")

#: After 全年: the year's plan, not its result (完成全年目标的56.8%).
_OF_A_PLAN = re.compile(r"的?(?:目标|计划|任务|预期|预算)")

_PLAN_ALONE = re.compile(r"十[一二三四五]五[”\"'」]?")

#: Right after a figure: the figure is the target itself (下降14%目标, 850亿元左右的目标).
_NAMES_TARGET = re.compile(r"(?:的|这一|这个)?(?:预期|规划|年度|既定)?目标(?!任务|导向|定位)")

_HEADING_YEAR = re.compile(
    r"(\d{4})年(?!\d{1,2}月).{0,20}?(?:公报|经济运行|工作回顾|工作总结|工作安排|主要任务|"
    r"工作任务|主要目标|预期目标|目标任务|发展目标|重点工作|工作计划|工作要点|工作思路|完成情况)"
)


def _organisations(s: str) -> list[tuple[str, str]]:
    """Companies and parks named by their ending: 云川恒远新材料有限公司, 溪南经济开发区.

    The name runs back from the ending to the nearest punctuation or word that precedes a
    name (在, 的, 走进 …) or the end of another such name, and has two characters at least.
    """
    out: list[tuple[str, str]] = []
    ends: list[int] = []
    for m in _ORG_SUFFIX.finditer(s):
        start = max(0, m.start() - 12, *(e for e in ends if e <= m.start()))
        stops = list(_NAME_STOP.finditer(s, start, m.start()))
        if stops:
            start = stops[-1].end()
        ends.append(m.end())
        if m.start() - start < (2 if m.group(0).endswith(("开发区", "高新区")) else 4):
            continue
        kind = "park" if m.group(0).endswith(_PARK_SUFFIXES) else "company"
        out.append((s[start : m.end()], kind))
    return out


def _park_name(name: str, places: set[str]) -> str | None:
    """A park's name from the place it opens with (关于进一步深化青岛高新区 → 青岛高新区)."""
    suffix = _ORG_SUFFIX.search(name)
    if suffix is None:
        return None
    prefix = name[: suffix.start()]
    place = max((p for p in places if prefix.endswith(p)), key=len, default=None)
    if place is None:
        return None
    rest = prefix[: -len(place)]
    outer = max((p for p in places if rest.endswith(p)), key=len, default="")
    return outer + place + suffix.group(0)


def _unnamed(region: str, level: str) -> str | None:
    """The city (``市``) or province (``省``) a region lies in when the registry does not
    say which: 全市 in 白鹭县's report is 白鹭县所在市, a subject of its own, so that
    占全市产量31.52万辆的比重 does not give the county's own figure a second value."""
    if level == "市" and region.endswith(("县", "区", "旗")):
        return f"{region}所在市"
    if level == "省" and not region.endswith(("省", "自治区")) and region != _COUNTRY:
        return f"{region}所在省"
    return None


def _whole_named_before(ctx: _Context, draft: _Draft, paragraph: list[_Draft]) -> Selector | None:
    """占全部投资的比重为28.6%: a whole named by the last word of a metric the sentence
    printed before (固定资产投资…，其中工业投资…，占全部投资的比重) is that metric."""
    at = _denominator_at(ctx.lead)
    if at < 0:
        return None
    words = _compact(_OF_TAIL.sub("", ctx.lead[at + 1 :]))
    named = re.fullmatch(r"(?:全部|全|总)(\w{2,})", words)
    if named is not None:
        for before in reversed(ctx.earlier):
            if (
                before.resolved
                and before.metric != draft.metric
                and before.metric.endswith(named[1])
            ):
                return Selector(metric=before.metric)
    # 规模以上工业增加值182.6亿元。其中，装备制造业增加值68.4亿元，占规上工业的比重为37.5%:
    # a level of the paragraph named without the noun the part shares with it (增加值).
    short = words.replace("规模以上", "规上")
    for before in reversed(paragraph):
        rest = before.metric.removeprefix(short)
        if (
            before.resolved
            and before.measure == "level"
            and short
            and rest != before.metric
            and len(rest) >= 2
            and before.metric != draft.metric
            and draft.metric.endswith(rest)
        ):
            return Selector(metric=before.metric)
    return None


def _bare_clause_break(text: str) -> bool:
    """Nothing but the end of one clause between a figure and the next clause (，)."""
    return re.fullmatch(r"[^,;:。\u4e00-\u9fff\d]{0,6}[,]", text) is not None


def _whole_sentence(s: str, at: int) -> str:
    """The text from the start of the sentence (ended by 。!?) up to ``at``; a sentence
    opening with 其中 is read with the sentence before it."""
    start = max(s.rfind(c, 0, at) for c in "。!?") + 1
    if s.startswith(("其中", ",其中"), start) and start > 0:
        start = max(s.rfind(c, 0, start - 1) for c in "。!?") + 1
    return s[start:at]


def _heading_year(text: str) -> int | None:
    """The year a title or heading with no figure names: 一、2024年工作回顾, …2024年…统计公报.

    A heading is a short paragraph with no sentence end. Only a heading that says the year is
    what the text under it reviews or plans counts: the year of 2021年政府工作报告 or of a
    date (2025年1月8日在…会议上) is when the text was delivered.
    """
    if len(text) > 60 or re.search(r"[。!?;，,]", text):
        return None
    m = _HEADING_YEAR.search(text)
    if m:
        return int(m.group(1))
    census = _CENSUS.search(text)
    return _CENSUS_YEARS.get((census.group(1), census.group(2))) if census else None


#: 第七次全国人口普查主要数据公报 reports the census year, not the year it is published in.
_CENSUS = re.compile(r"第([一二三四五六七])次全国(人口|经济|农业)普查")
_CENSUS_YEARS: dict[tuple[str, str], int] = {
    ("一", "人口"): 1953,
    ("二", "人口"): 1964,
    ("三", "人口"): 1982,
    ("四", "人口"): 1990,
    ("五", "人口"): 2000,
    ("六", "人口"): 2010,
    ("七", "人口"): 2020,
    ("一", "经济"): 2004,
    ("二", "经济"): 2008,
    ("三", "经济"): 2013,
    ("四", "经济"): 2018,
    ("五", "经济"): 2023,
    ("一", "农业"): 1996,
    ("二", "农业"): 2006,
    ("三", "农业"): 2016,
}


def _rated(ctx: _Context) -> bool:
    """Whether the figure is a size class (10万吨级, 3吨级): 级 right after it."""
    return ctx.s[ctx.figure.end - 1 : ctx.figure.end + 1].startswith("级") or ctx.tail.startswith(
        "级"
    )


def _topic_at(text: str, word: str, names: list[tuple[int, int, str]]) -> int:
    """Where ``word`` last stands in ``text`` as what the text is about, -1 if nowhere.

    Not inside a name (一汽解放新能源 is a company, not the 新能源 of a later figure), in
    an item of a 、 list (扩大商用车、新能源车产能: one kind among several) nor after 占 (the
    whole of a share).
    """
    at = text.rfind(word)
    while at >= 0:
        end = at + len(word)
        inside = any(a < end and at < b for a, b, _w in names)
        opens = max(text.rfind(ch, 0, at) for ch in "、,:;.…")
        closes = [i for i in (text.find(ch, end) for ch in "、,:;.…") if i >= 0]
        listed = (opens >= 0 and text[opens] == "、") or (
            bool(closes) and text[min(closes)] == "、"
        )
        # 占肉类总产量的56.5%: the whole a share is of, not what the text goes on about.
        zhan = text.rfind("占", 0, at)
        denominator = zhan > opens and not re.search(r"[,:;.…的]", text[zhan:at])
        if not inside and not listed and not denominator:
            return at
        at = text.rfind(word, 0, at)
    return -1


# --------------------------------------------------------------------------- output


def document_for(
    path: str | Path, date: dt.date | str | None, region: str | None, *, text: str | None = None
) -> Document:
    """The ``document`` block for claims extracted from ``path``.

    The id is the file name's stem made kebab-case ASCII (``draft-2024.md`` → ``draft-2024``);
    the title is the first line of the text that reads like one
    (:func:`factcheck.region.title_of`).
    """
    p = Path(path)
    stem = re.sub(r"[^a-z0-9]+", "-", p.stem.lower()).strip("-") or "draft"
    title = title_of(text or "")
    published = None if date is None else str(date) if isinstance(date, str) else date.isoformat()
    return Document(id=stem, title=title, published=published, region=region, source=p.name)


def claims_to_yaml(document: Document, claims: Sequence[Claim]) -> str:
    """The claims as a corpus file (``claims/README.md``), ready for review."""
    from factcheck.corpus import dump_document

    return dump_document(document, [_for_review(c, document.region) for c in claims])


def write_claims(
    path: str | Path, document: Document, claims: Sequence[Claim], *, force: bool = False
) -> None:
    """Write a corpus file atomically; an existing file is replaced only with ``force``.

    Raises:
        FileExistsError: ``path`` exists and ``force`` is false.
    """
    from factcheck.corpus import dump_document

    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(str(target))
    dump_document(document, [_for_review(c, document.region) for c in claims], target)


def _for_review(claim: Claim, region: str | None) -> Claim:
    # A subject equal to the document's region is written as curators write it: left out.
    return claim.with_(subject=None) if claim.subject == region else claim


#: Words up to a time that opens a metric's words (2023年, 今年以来, 全年 …).
_TIME_LEAD = re.compile(r"^.*?(?:\d{4}年|今年|去年|以来|上半年|季度|年内|全年)")
#: A span opening a metric's words: 近三年, 过去五年, 五年来, 十年间, 五年(累计).
_SPAN_LEAD = re.compile(
    rf"^(?:(?:近|最近|过去){_SPAN_N}年(?:来|间)?|{_SPAN_N}年(?:来|以来|间|(?=累计|共计|合计)))"
)


def _still_listed(s: str, marker: int, draft: _Draft, earlier: list[tuple[_Draft, Claim]]) -> bool:
    """Whether a figure after a semicolon still belongs to the list 其中 opened.

    其中，公路货运量0.98亿吨；水路货运量0.27亿吨: the parts go on past the semicolon, each
    a kind of the first. 其中税收收入132.5亿元；…；社会消费品零售总额1268.7亿元: the
    semicolon closed the list, and the next figure is no part of the budget revenue. A
    figure past a semicolon stays in the list when its metric ends as the first part's does
    (货运量, 产业增加值, 口总额, 收入) and it is per head only if that one is too
    (城镇居民人均可支配收入 is no part of 税收收入's list).
    """
    if ";" not in s[marker : draft.figure.start]:
        return True
    first = next((d for d, _claim in earlier if d.figure.start > marker), None)
    if first is None:
        return False
    shared = 0
    for a, b in zip(reversed(first.metric), reversed(draft.metric), strict=False):
        if a != b:
            break
        shared += 1
    return shared >= 2 and ("人均" in draft.metric) == ("人均" in first.metric)


#: What may follow the time in such a clause.
_TIME_ONLY_REST = re.compile(r"(?:末|底)?(?:则|仅)?(?:为|是|达|达到|有)")


def _another_time_of(clause: str) -> bool:
    """A clause that names only a time before its figure (6月末为, 2022年为, 上半年是): the
    figure is the one the sentence named, at that time."""
    phrases = scan_time_phrases(clause)
    if not phrases or phrases[0].start != 0 or phrases[0].kind == "span":
        return False
    return _TIME_ONLY_REST.fullmatch(clause[phrases[0].end :]) is not None
