"""Draft claims from Chinese report text: what ``factcheck extract`` runs.

:func:`extract` reads a report, a feature or a draft and proposes its claims in the corpus
format, for a person to review. It is a reader of report Chinese, not a parser of all
Chinese: it finds printed figures (:mod:`factcheck.extract_patterns`), then decides from the
words around each one what it is about.

How a figure is read (the choices a reviewer should know):

- **Where.** A paragraph is split into sentences (。！？；), clauses (，：) and, inside a
  clause, *segments*: a list such as ``达345亿元、同比增长7.7%`` is cut at the 、/和 between
  two figures. ``start``/``end`` are the source offsets of the printed figure, ``line`` and
  ``column`` (1-based) where it starts; ``quote`` is its clause, verbatim from the source,
  clipped to the lines the figure stands on.
- **Measure.** 个百分点 → ``pp`` (拉动 → ``contribution``); % after 增长/增速/下降/提高 →
  ``yoy``, after 年均 → ``cagr``, over a span with neither 年均 nor 同比 → ``multiple`` (a
  cumulative change); 占…的N% and 占比/比重 → ``share``; 倍 and 翻一番 → ``multiple``; an
  amount after 增加/减少 → ``change``; 亩产, 亩均, 每X and compound units → ``rate``;
  otherwise ``level``. A figure listed right after another (``44%、42%``) shares its measure.
- **Metric.** The longest registry name or alias in the segment (the figure itself removed,
  so 建成37处中小学、幼儿园 reads 建成中小学幼儿园); for a growth, share or difference, the
  words before the change word, else the metric of the figure before it in the sentence.
  An unknown metric is kept as written (``数量`` appended for counts) and flagged with
  ``("unresolved_metric", True)`` in ``extra``.
- **Period.** The nearest time phrase before the figure in its sentence (2024年上半年,
  前三季度, 近三年, 十三五期间, 到2023年底 …), else the year (or span) of the nearest one
  earlier in the paragraph, else the document's year: the year of publication, or the
  year before for a text published in January or February (which looks back on a year).
  Over a span, a level stated as reached (达到, 发展到, 突破 …) is the span's last year.
- **Subject.** The last subject named before the figure in its sentence — 全区/我区 the
  region, 全市 its parent, 全省 its province, a company or park from the registry — unless it
  is listed as an example (X、Y等), or stands in the denominator or comparison (占/高于 X).
  A company named in an earlier sentence of the paragraph carries on. Else the region.
- **Status.** 预计 → estimate; 初步核算 → preliminary; 力争/目标/计划/确保/争取, or an
  explicit period not over at publication (2021年 in a report of February 2021) → target;
  年产/产能/可达/能力 → capacity; 累计/先后/共计 → cumulative; else actual.
- **Confidence** starts at 0.9 and drops for what is guessed: an unresolved metric, a
  period taken from the paragraph or the document date, a count in Chinese numerals.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.claims import FIELD_ORDER, Claim, Document, Selector
from factcheck.extract_patterns import (
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
from factcheck.periods import Period, PeriodError, parse_period, publication_date, resolve_phrase, span, year
from factcheck.quantity import parse_quantity
from factcheck.units import parse_unit, same_dimension

__all__ = ["claims_to_yaml", "document_for", "extract", "load_default_registry", "write_claims"]

# --------------------------------------------------------------------------- word lists

_SENTENCE_END = "。!?;"
_CLAUSE_END = ",:"
_LIST_SEP = "、和及与"
_FILLER = re.compile(r"[“”\"'‘’「」、]|各类|各项|各种")

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
_COUNTRY = "全国"

_CAGR = re.compile(r"年均(?:增长|增速|递增|提高)(?:分别)?(?:达到|达|为)?$")
_UP = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年|环比)?(?:同期)?(?:增长|增加|提高|提升|上升|上涨|增速|增幅|涨幅|递增)"
    r"(?:了|分别)?(?:达到|达|为|是)?$"
)
_DOWN = re.compile(r"(?:同比|比上年|较上年|环比)?(?:下降|减少|降低|回落|下滑|下跌|降幅|缩减)(?:了|分别)?(?:达到|达|为)?$")
_DOWN_WORDS = ("下降", "减少", "降低", "回落", "下滑", "下跌", "缩减")
_CHANGE_WORD = re.compile(r"增长|增加|提高|提升|上升|上涨|增速|增幅|涨幅|递增|下降|减少|降低|回落|下滑|下跌|降幅|缩减")
_COMPARATOR = re.compile(r"(高于|低于|快于|慢于|超出|领先)")
_SHARE_WORD = re.compile(r"(?:占比|比重|比例|份额|占有率)(?:为|达|达到|是|超过|约)?$")
_OF_TAIL = re.compile(r"(?:的)?(?:比重|比例|份额)?(?:的)?(?:为|达到|达|是|超过|约)?$")
_MULTIPLE = re.compile(r"(?:是|相当于|为)(.*?)的$")
_RATE_LEAD = re.compile(r"(亩产|亩均|每(亩|人|斤|公斤|吨|平方米|户|家))")
_STATE_VERB = re.compile(r"(?:达到|发展到|提高到|提升到|增至|增加到|降至|降到|降为|突破|超过|达|聚集|拥有|有)$")
_LEVEL_VERBS = re.compile(
    r"(?:达到|达|为|是|有|完成|实现|突破|超过|累计|共计|共|总计|分别为|分别达到|分别|发展到|提高到|提升到|增至"
    r"|降至|降为|增加到|压减至|已|已经|全部|均|都|合计|约|近|逾|超|首次|同比|仅用|用时|历时|共有)+$"
)

_TARGET = re.compile(r"力争|目标|计划|确保|争取|预期目标|力求|规划建设|拟")
_ESTIMATE = re.compile(r"预计")
_PRELIMINARY = re.compile(r"初步核算")
_CAPACITY = re.compile(r"年产|日产|产能|可达|能力|设计规模")
_CUMULATIVE = re.compile(r"累计|累积|先后|共计|总计|共完成|已惠及")
_NOW = re.compile(r"目前|当前|现在|如今|截至目前")
_SCOPE = (("规模以上", "规上"), ("规上", "规上"), ("限额以上", "限上"), ("限上", "限上"), ("全口径", "全口径"))
_LEVEL_SCOPE = re.compile(r"(国家级|省级以上|省市级|省级|市级以上|市级|区级以上|区级|镇级)")
_STOP_NOUN = re.compile(r"[的已被获入全成相先加正实投参享用提完落建开纳分均都在将于为达是有由从与及,，。;:]")
_COUNT_UNITS = frozenset("个项条家处名位类张所座户套只件种艘批基")

_BASE_CONFIDENCE = 0.9


# --------------------------------------------------------------------------- registry


def load_default_registry(rules_dir: str | Path | None = None) -> RegistryLike | None:
    """The registry the extractor uses when none is given.

    ``rules_dir`` defaults to ``./rules`` when it holds a ``metrics.yaml``, else the
    ``rules`` folder of the project factcheck is installed from. Returns ``None`` when
    neither exists (extraction then flags every metric as unresolved).
    """
    candidates = [Path(rules_dir)] if rules_dir else [Path("rules"), Path(__file__).resolve().parents[1] / "rules"]
    for folder in candidates:
        if (folder / "metrics.yaml").is_file():
            return _load_registry(folder)
    return None


def _load_registry(folder: Path) -> RegistryLike:
    try:
        from factcheck.registry import load_registry  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return _YamlRegistry.read(folder)
    registry: RegistryLike = load_registry(folder)
    return registry


@dataclass(frozen=True)
class _Entry:
    name: str
    aliases: tuple[str, ...] = ()
    unit: str | None = None
    kind: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class _YamlTable:
    entries: dict[str, _Entry]

    def resolve(self, name: str) -> _Entry | None:
        if name in self.entries:
            return self.entries[name]
        return next((e for e in self.entries.values() if name in e.aliases), None)

    def names(self) -> list[str]:
        return list(self.entries)


@dataclass(frozen=True)
class _YamlRegistry:
    """Reads rules/metrics.yaml and rules/subjects.yaml when factcheck.registry is absent."""

    metrics: _YamlTable
    subjects: _YamlTable

    @classmethod
    def read(cls, folder: Path) -> _YamlRegistry:
        import yaml

        def table(name: str) -> _YamlTable:
            path = folder / name
            data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
            entries = {}
            for key, spec in (data or {}).items():
                spec = spec or {}
                entries[str(key)] = _Entry(
                    str(key),
                    tuple(str(a) for a in spec.get("aliases") or ()),
                    None if spec.get("unit") is None else str(spec["unit"]),
                    spec.get("kind"),
                    None if spec.get("parent") is None else str(spec["parent"]),
                )
            return _YamlTable(entries)

        return cls(table("metrics.yaml"), table("subjects.yaml"))


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
        region: the region 全区/我区 stands for (``即墨区``); 全市 is its parent in the registry.
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
    group: tuple[str, ...] = ()  # 分别: the names the figures of a list take in turn
    group_index: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class _Reader:
    def __init__(self, text: str, published: dt.date, region: str | None, document: str, lexicon: Lexicon) -> None:
        self.text = text
        self.published = published
        self.region = region
        self.document = document
        self.lex = lexicon
        # A text published in January or February looks back on the year before.
        self.base_year = published.year - 1 if published.month <= 2 else published.year
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.claims: list[Claim] = []
        self.per_line: dict[int, int] = {}

    def read(self) -> list[Claim]:
        for para in paragraphs(self.text):
            if not para.boilerplate:
                self._paragraph(para)
        return self.claims

    # ----------------------------------------------------------------- structure

    def _paragraph(self, para: Paragraph) -> None:
        s = para.text
        masked = masked_positions(s)
        figures = scan_figures(para, self.text, masked)
        if not figures:
            return
        times = scan_time_phrases(s, masked)
        subjects = self._subject_mentions(s, masked)
        carried_subject: str | None = None
        paragraph_claims: list[tuple[_Draft, Claim]] = []
        for sentence in _split(s, 0, len(s), _SENTENCE_END):
            in_sentence = [f for f in figures if sentence.start <= f.start < sentence.end]
            if not in_sentence:
                carried_subject = self._named_subject(subjects, sentence, carried_subject)
                continue
            previous: _Draft | None = None
            for clause in _split(s, sentence.start, sentence.end, _CLAUSE_END):
                in_clause = [f for f in in_sentence if clause.start <= f.start < clause.end]
                for index, segment in enumerate(_segments(s, clause, in_clause)):
                    figure = in_clause[index]
                    ctx = _Context(s, sentence, clause, segment, figure, times, subjects, carried_subject)
                    draft = self._draft(ctx, previous)
                    if draft is None:
                        continue
                    claim = self._claim(para, ctx, draft, paragraph_claims)
                    paragraph_claims.append((draft, claim))
                    self.claims.append(claim)
                    previous = draft
            carried_subject = self._named_subject(subjects, sentence, carried_subject)

    def _named_subject(self, mentions: list[tuple[int, int, str]], sentence: _Span, current: str | None) -> str | None:
        # A company or park named in a sentence stays the subject of the sentences after it
        # in the paragraph (这是该工厂… 年产20万台); a region word ends that.
        inside = [m for m in mentions if sentence.start <= m[0] < sentence.end]
        if not inside:
            return current
        last = inside[-1][2]
        return None if last in _RELATIVE_SUBJECTS or self._is_region(last) else last

    def _is_region(self, subject: str) -> bool:
        return subject == self.region or subject == self._relative("parent") or subject == _COUNTRY

    def _subject_mentions(self, s: str, masked: frozenset[int]) -> list[tuple[int, int, str]]:
        found = [m for m in self.lex.subject_mentions(s) if m[0] not in masked]
        found += [(m.start(), m.end(), m.group(0)) for m in _RELATIVE_RE.finditer(s) if m.start() not in masked]
        found.sort()
        # A relative word inside a longer name (全市 in 全市场) is not a mention.
        return [m for m in found if not any(o[0] <= m[0] and m[1] <= o[1] and o != m for o in found)]

    # ----------------------------------------------------------------- one figure

    def _draft(self, ctx: _Context, previous: _Draft | None) -> _Draft | None:
        figure = ctx.figure
        lead, tail = ctx.lead, ctx.tail
        continued = previous is not None and _bare(lead) and previous.figure.end <= figure.start
        measure, metric_region, against_text = _measure(figure, lead)
        if continued and previous is not None and measure == "level" and figure.unit == previous.figure.unit:
            measure = previous.measure
        period, guessed, to_date = self._period(ctx)
        if period.kind == "span" and measure == "yoy" and "同比" not in lead:
            measure = "multiple"  # 近三年下降13.5%: a change over the span, not a yearly rate
        metric, resolved = self._metric(ctx, measure, metric_region, previous, continued)
        value = self._value(figure, metric, measure, lead)
        if value is None:
            return None
        if _RATE_LEAD.search(lead[-6:]) and "/" not in value:
            measure, value = "rate", _per(value, lead)
        elif "/" in figure.unit:
            measure = "rate"
        draft = _Draft(figure, value, metric, resolved, measure, period, guessed)
        self._shape(draft, ctx, against_text, to_date, previous, continued)
        draft.subject = self._subject(ctx)
        draft.status = self._status(ctx, draft, to_date, previous, continued)
        draft.scope = _scope(lead + tail)
        draft.basis = "real" if "可比价" in ctx.sentence_text else "nominal" if "现价" in ctx.sentence_text else None
        if not resolved:
            draft.extra["unresolved_metric"] = True
        return draft

    def _shape(
        self, draft: _Draft, ctx: _Context, against_text: str, to_date: bool, previous: _Draft | None, continued: bool
    ) -> None:
        """Fill ``of``/``against`` and move span levels and differences to the span's end."""
        period = draft.period
        assert period is not None
        if draft.measure == "share":
            draft.of = self._of(ctx.lead, draft.metric)
            if draft.of is None and continued and previous is not None and previous.measure == "share":
                draft.of = previous.of
        elif draft.measure in ("pp", "contribution", "change") or (draft.measure == "multiple" and against_text):
            draft.against = self._against(against_text, period, draft)
        if period.kind == "span" and draft.measure in ("pp", "change"):
            draft.against = draft.against or Selector(period=str(period.start.year - 1))
            draft.period = year(period.end.year)
        elif period.kind == "span" and draft.measure == "level" and _STATE_VERB.search(ctx.lead):
            draft.period = year(period.end.year)  # 五年来…发展到275家: the stock at the end
        elif period.kind == "span" and draft.measure == "level" and draft.figure.unit == "%":
            draft.period = year(period.end.year)

    # ----------------------------------------------------------------- fields

    def _period(self, ctx: _Context) -> tuple[Period, bool, bool]:
        """The figure's period, whether it was guessed, and whether it runs to date."""
        before = [t for t in ctx.times if ctx.sentence.start <= t.start and t.end <= ctx.figure.start]
        if _NOW.search(ctx.s, ctx.sentence.start, ctx.figure.start):
            before = [t for t in before if t.start > _last_now(ctx)]
            if not before:
                return year(self.base_year), False, True
        if before:
            phrase = before[-1]
            return self._resolve(phrase, ctx), False, phrase.to_date
        earlier = [t for t in ctx.times if t.end <= ctx.sentence.start]
        if earlier:
            period = self._resolve(earlier[-1], ctx)
            if period.kind != "span":
                period = year(period.end.year if earlier[-1].to_date else period.start.year)
            return period, True, earlier[-1].to_date
        return year(self.base_year), True, False

    def _resolve(self, phrase: TimePhrase, ctx: _Context) -> Period:
        text = phrase.text.lstrip("至")
        date = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日", text)
        if date:
            y = int(date[1]) if date[1] else self._year_before(phrase, ctx)
            try:
                return parse_period(f"{y}-{int(date[2]):02d}-{int(date[3]):02d}")
            except PeriodError:
                return year(y)
        if phrase.kind == "bare":
            text = f"{self._year_before(phrase, ctx)}年{text}"
        if m := re.fullmatch(r"(\d{4})年?(?:-|至|到)(\d{4})年", text):
            return span(int(m[1]), int(m[2]))
        resolved = resolve_phrase(text, self.published)
        return resolved if resolved is not None else year(self.base_year)

    def _year_before(self, phrase: TimePhrase, ctx: _Context) -> int:
        for t in reversed([t for t in ctx.times if t.end <= phrase.start]):
            if t.kind in ("year", "relative"):
                p = self._resolve(t, ctx)
                return p.start.year
        return self.base_year

    def _metric(
        self, ctx: _Context, measure: str, region: str, previous: _Draft | None, continued: bool
    ) -> tuple[str, bool]:
        figure = ctx.figure
        if previous is not None and previous.group and continued:
            return self._group_metric(previous.group, previous.group_index + 1, figure)
        if "分别" in ctx.lead:
            names = _group_names(ctx.s, ctx.clause.start, ctx.figure.start)
            if len(names) >= 2:
                return self._group_metric(tuple(names), 0, figure)
        if measure == "level" or measure == "rate":
            found = self._best_metric(_compact(ctx.lead) + "\x00" + _compact(ctx.tail))
        else:
            found = self._best_metric(_compact(region))
            if found is None and previous is not None:
                return previous.metric, previous.resolved
            if found is None:
                found = self._best_metric(_compact(ctx.s[ctx.clause.start : ctx.segment.start]))
        if found is not None:
            return found, True
        return self._written_metric(ctx)

    def _group_metric(self, names: tuple[str, ...], index: int, figure: RawFigure) -> tuple[str, bool]:
        name = names[min(index, len(names) - 1)]
        canonical = self._resolve_name(name)
        if canonical:
            return canonical, True
        return _count_name(name, figure), False

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
        # 汽车产业规上工业产值 is the industry's output: 汽车产业产值 in the registry's words.
        def joined(m: re.Match[str]) -> str:
            candidate = m[1] + m[2]
            return candidate if self.lex.resolve_metric(candidate) else m[0]

        return re.sub(r"([\u4e00-\u9fff]{2,6}?(?:产业|业))(?:规上|规模以上)?(?:工业)?(产值|总产值|增加值)", joined, text)

    def _written_metric(self, ctx: _Context) -> tuple[str, bool]:
        figure = ctx.figure
        candidates = [_tail_noun(ctx.tail), _lead_noun(ctx.lead)]
        if figure.big or _counted(figure):
            candidates = [c for c in candidates if c]
        else:
            candidates = [c for c in reversed(candidates) if c]
        for candidate in candidates:
            canonical = self._resolve_name(candidate)
            if canonical:
                return canonical, True
        name = candidates[0] if candidates else "未知指标"
        return _count_name(name, figure), False

    def _resolve_name(self, name: str) -> str | None:
        for candidate in (name, name + "数量", re.sub(r"^(?:新增|新建|建成|新|累计)", "", name)):
            canonical = self.lex.resolve_metric(candidate)
            if canonical:
                return canonical
        return None

    def _value(self, figure: RawFigure, metric: str, measure: str, lead: str) -> str | None:
        value = figure.core
        if not figure.unit or figure.unit in ("千亿", "百亿", "万亿", "亿", "万", "十亿"):
            unit = self.lex.metric_units.get(metric, "")
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
        return value if _parses(value) else None

    def _of(self, lead: str, metric: str) -> Selector | None:
        at = lead.rfind("占")
        if at < 0:
            return None
        words = _OF_TAIL.sub("", lead[at + 1 :])
        subject = self._subject_word(words)
        found = self._best_metric(_compact(words))
        return Selector(
            metric=found if found and found != metric else None,
            subject=subject if subject and subject != self.region else None,
        )

    def _against(self, text: str, period: Period, draft: _Draft) -> Selector:
        if not text:
            return Selector(period=str(period.start.year - 1) if period.kind != "span" else None)
        subject = self._subject_word(text)
        metric = self._best_metric(_compact(text))
        measure = "yoy" if metric and _CHANGE_WORD.search(text) or "增速" in text else None
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
            return self.lex.parents.get(self.region)
        return self.lex.province_of(self.region)

    def _subject(self, ctx: _Context) -> str | None:
        for start, end, word in reversed(ctx.subjects):
            if not ctx.sentence.start <= start or end > ctx.figure.start:
                continue
            if _is_example(ctx.s, end, ctx) or _in_comparison(ctx.s, start, ctx):
                continue
            return self._canonical_subject(word)
        if ctx.carried:
            return ctx.carried
        return self.region

    def _status(self, ctx: _Context, draft: _Draft, to_date: bool, previous: _Draft | None, continued: bool) -> str:
        sentence_before = ctx.s[ctx.sentence.start : ctx.figure.start]
        near = ctx.lead[-10:]
        if _ESTIMATE.search(sentence_before):
            return "estimate"
        if _PRELIMINARY.search(sentence_before):
            return "preliminary"
        capacity = bool(_CAPACITY.search(near)) and draft.measure == "level"
        if capacity and (ctx.tail.startswith("的") or "产能" in near or "可达" in near or "能力" in near):
            return "capacity"
        if _TARGET.search(ctx.sentence_text):
            return "target"
        period = draft.period
        assert period is not None
        if not draft.period_guessed or ctx.carried_explicit:
            if period.end > self.published and not to_date and period.kind != "span":
                return "capacity" if capacity else "target"
        if capacity:
            return "capacity"
        if draft.measure == "level" and (
            _CUMULATIVE.search(ctx.clause_text[: ctx.figure.start - ctx.clause.start]) or draft.figure.milestone
        ):
            return "cumulative"
        return "actual"

    # ----------------------------------------------------------------- the claim

    def _claim(self, para: Paragraph, ctx: _Context, draft: _Draft, earlier: list[tuple[_Draft, Claim]]) -> Claim:
        figure = draft.figure
        start, end = para.source_span(figure.start, figure.end)
        line = bisect_right(self.line_starts, start)
        column = start - self.line_starts[line - 1] + 1
        self.per_line[line] = self.per_line.get(line, 0) + 1
        quote_start, quote_end = self._quote(para, ctx, start, end)
        if "其中" in ctx.s[ctx.clause.start : figure.start]:
            draft.part_of = _whole_of(draft, earlier)
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
        return any(t.end <= self.sentence.start and t.kind in ("year", "relative") for t in self.times)


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
    for left, right in zip(figures, figures[1:], strict=False):
        gap = s[left.end : right.start]
        at = max(gap.rfind(ch) for ch in _LIST_SEP)
        cuts.append((left.end + at, left.end + at + 1) if at >= 0 else (left.end, left.end))
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
    if unit.endswith("百分点"):
        if "拉动" in lead:
            return "contribution", lead[: lead.rfind("拉动")], ""
        comparator = _last(_COMPARATOR, lead)
        if comparator is not None:
            return "pp", lead[: comparator.start()], lead[comparator.end() :]
        return "pp", _before_change(lead), ""
    if unit == "倍":
        multiple = _MULTIPLE.search(lead)
        if multiple:
            return "multiple", lead[: multiple.start()], multiple.group(1)
        return "multiple", _before_change(lead), ""
    near = lead[-14:]
    if unit in ("%", "‰"):
        if _CAGR.search(near):
            return "cagr", lead[: lead.rfind("年均")], ""
        if _UP.search(near) or _DOWN.search(near):
            return "yoy", _before_change(lead), ""
        at = lead.rfind("占")
        if at >= 0 and not lead.startswith(("占地", "占用"), at):
            return "share", lead[:at], ""
        if _SHARE_WORD.search(near):
            return "share", lead, ""
        return "level", lead, ""
    if re.search(r"(?:增加|减少)(?:了)?$", near):
        return "change", _before_change(lead), ""
    return "level", lead, ""


def _before_change(lead: str) -> str:
    m = None
    for m in _CHANGE_WORD.finditer(lead):
        pass
    text = lead[: m.start()] if m else lead
    return re.sub(r"(?:同比|比上年|较上年|年均|环比)$", "", text)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _compact(text: str) -> str:
    return _FILLER.sub("", text)


def _group_names(s: str, start: int, end: int) -> list[str]:
    head = s[start:end]
    head = head[: head.rfind("分别")]
    head = _CHANGE_WORD.sub("", head)
    names = [n for n in re.split(r"[、和及与]", head) if n]
    return names


def _is_example(s: str, end: int, ctx: _Context) -> bool:
    # 依托一汽大众、一汽解放…四大整车: a name in a list, or before 等, is an example of
    # what is counted, not who the figure is about.
    stop = ctx.figure.start
    for ch in _CLAUSE_END + _SENTENCE_END:
        at = s.find(ch, end, stop)
        if at >= 0:
            stop = at
    between = s[end:stop]
    return bool(re.match(r"[^,:]*?(?:、|等)", between)) or between.startswith(("和", "与"))


def _in_comparison(s: str, start: int, ctx: _Context) -> bool:
    before = s[max(ctx.segment.start, start - 4) : start]
    return bool(re.search(r"(?:占|高于|低于|快于|慢于|比|较|是|相当于|于)$", before))


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


def _counted(figure: RawFigure) -> bool:
    base = figure.unit.lstrip("十百千万亿")
    return base in _COUNT_UNITS


def _count_name(name: str, figure: RawFigure) -> str:
    if (figure.big or _counted(figure)) and not name.endswith(("数量", "数")):
        return name + "数量"
    return name


def _tail_noun(tail: str) -> str:
    m = _STOP_NOUN.search(tail)
    noun = tail[: m.start()] if m else tail
    noun = _compact(noun)[:12]
    return noun if len(noun) >= 2 else ""


def _lead_noun(lead: str) -> str:
    text = _LEVEL_VERBS.sub("", lead)
    text = re.split(r"[,:;。、“”\"]", text)[-1]
    if "等" in text:
        text = text[text.rfind("等") + 1 :]
    text = _RELATIVE_RE.sub("", text)
    text = re.sub(r"^.*?(?:\d{4}年|今年|去年|以来|上半年|季度)", "", text)
    text = _compact(text)[-12:]
    return text if len(text) >= 2 else ""


def _whole_of(draft: _Draft, earlier: list[tuple[_Draft, Claim]]) -> str | None:
    # 其中N个: the nearest earlier figure of the paragraph counted in the same unit.
    unit = _unit_of(draft.value)
    for other, claim in reversed(earlier):
        if other.measure == "level" and unit is not None and _same_unit(unit, _unit_of(other.value)):
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


# --------------------------------------------------------------------------- output


def document_for(
    path: str | Path, date: dt.date | str | None, region: str | None, *, text: str | None = None
) -> Document:
    """The ``document`` block for claims extracted from ``path``.

    The id is the file name's stem made kebab-case ASCII (``draft-2024.md`` → ``draft-2024``);
    the title is the first line of the text that reads like one.
    """
    p = Path(path)
    stem = re.sub(r"[^a-z0-9]+", "-", p.stem.lower()).strip("-") or "draft"
    title = None
    for line in (text or "").splitlines():
        line = line.strip()
        if 4 <= len(line) <= 60 and not re.fullmatch(r"[\d\-\s.:]+", line):
            title = line
            break
    published = None if date is None else str(date) if isinstance(date, str) else date.isoformat()
    return Document(id=stem, title=title, published=published, region=region, source=p.name)


def claims_to_yaml(document: Document, claims: Sequence[Claim]) -> str:
    """The claims as a corpus file (``claims/README.md``), ready for review."""
    from factcheck.yamlio import dump_yaml

    return str(dump_yaml(_document_data(document, claims)))


def write_claims(path: str | Path, document: Document, claims: Sequence[Claim], *, force: bool = False) -> None:
    """Write a corpus file atomically; an existing file is replaced only with ``force``.

    Raises:
        FileExistsError: ``path`` exists and ``force`` is false.
    """
    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(str(target))
    try:
        from factcheck.corpus import dump_document  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        from factcheck.yamlio import write_atomic

        write_atomic(target, claims_to_yaml(document, claims))
        return
    dump_document(document, list(claims), target)


def _document_data(document: Document, claims: Sequence[Claim]) -> dict[str, Any]:
    head = {k: v for k, v in _document_fields(document).items() if v is not None}
    return {"document": head, "claims": [_claim_data(c, document.region) for c in claims]}


def _document_fields(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published,
        "region": document.region,
        "source": document.source,
    }


def _claim_data(claim: Claim, region: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIELD_ORDER:
        value = getattr(claim, name, None)
        if value is None or value == () or (name, value) in (("measure", "level"), ("status", "actual")):
            continue
        if name == "subject" and value == region:
            continue
        if isinstance(value, Selector):
            value = value.to_mapping()
            if not value:
                continue
        out[name] = value
    for key, value in claim.extra:
        out.setdefault(key, value)
    return out
