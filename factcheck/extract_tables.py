"""Table cells as sentences: how :mod:`factcheck.extract` reads a Markdown table.

Each cell with a figure becomes a short sentence of its own, made of the words a report would
have written around it: the row's label, the column's header and the figure in its unit. The
cell ``| 地区生产总值 | 亿元 | 602.37 |`` under the header ``2020年基数`` reads as
``地区生产总值2020年602.37亿元。``, so the prose reader decides metric, period, measure and
status as it would in running text (``2025年目标`` makes a target, ``比上年增长(%)`` a growth
rate). Each character of the sentence keeps a source offset: the figure's own characters
point at the cell, so a claim's line and column are those of the cell.

What the reader is told and what it is not:

- **Unit.** A bare number takes the unit of its row's 单位 column, else the one in brackets
  in its column's header (``产量（万吨）``), else in its row's label (``地区生产总值（亿元）``),
  else the table's ``单位：亿元`` line. A figure printed with its own unit keeps it.
- **Time.** A column header with a time of its own (``2022年实际``, ``上年``, ``1—10月``)
  gives the period; otherwise the caption's (``表1　2023年主要工业产品产量``); otherwise the
  reader's default, as for prose.
- **Rows of places.** When the first column lists places (``地区``, ``区县`` …) the metric
  comes from the header; a growth or share column whose header names no metric
  (``比上年增长（%）``) is of the metric of the column before it.
- **Left out.** Columns that are not figures of the row's metric: 完成进度, 完成率, 排名,
  位次, 属性, 序号, 备注. ``[6.3]`` (a plan table's five-year total) reads as 累计6.3.
  Words that only say a column holds the figure (绝对数, 基数, 实际, 数值, 总量) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from factcheck.errors import QuantityError
from factcheck.extract_patterns import Paragraph, scan_time_phrases
from factcheck.markup import Cell, Table
from factcheck.quantity import normalise, parse_quantity

_SKIPPED_COLUMN = re.compile(r"进度|完成率|排名|位次|属性|序号|备注|说明|性质|类别")
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")
_PLACE_COLUMN = re.compile(
    r"^(?:地区|区域|地区名称|区县|县区|区市|县市|县\(市、区\)|区\(市、县\)|市县|城市|省份|省市|市州|地市"
    r"|各区县|区域名称)$"
)
_FILLER = re.compile(r"绝对数|绝对值|基数|实际值|实际数|实际|实绩|数值|总量|本期数")
_BRACKETS = re.compile(r"[(（]([^()（）]*)[)）]")
_BARE = re.compile(
    r"^(?P<pre>约|近|超过|超|逾)?(?P<num>[-+−]?[\d,，]*\.?\d+)(?P<approx>余|多)?(?P<post>左右|以上|以下)?$"
)
_STATUS_WORD = re.compile(r"^(?:目标值?|预期目标|计划|预计|规划目标)$")
#: The row of a table of places that is the whole: the region the text is about.
_WHOLE_ROW = re.compile(r"^(?:全[市区县省州盟旗国]|合计|总计|总数|全部|汇总)$")
_SHARE_HEADER = re.compile(r"比重|占比|构成")
#: A column of rates: a growth or a share, printed in % whatever the row's unit.
_RATE_HEADER = re.compile(r"增长|增速|增幅|下降|同比|比上年|比重|占比|构成")
_ROW_MARK = re.compile(r"^(?:其中[:：]?|[#＃]+|[-—]+)\s*")


def _unit_of(text: str) -> str | None:
    """The unit ``text`` names, if it is one (``亿元``, ``%``), else ``None`` (``助理``)."""
    text = text.strip()
    if not text:
        return None
    try:
        parse_quantity(f"1{text}")
    except QuantityError:
        return None
    return text


def _bracketed_unit(text: str) -> str | None:
    for m in _BRACKETS.finditer(text):
        unit = _unit_of(m.group(1))
        if unit is not None:
            return unit
    return None


class _Sentence:
    """Characters with their source offsets, built piece by piece."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.where: list[int] = []

    def add(self, text: str, at: int, width: int = 1) -> None:
        """Append ``text``; its ``k``-th character points at ``at + k``, kept within
        ``width`` characters (words a cell does not print point at one place)."""
        folded, where = normalise(text)
        self.chars.extend(folded)
        self.where.extend(at + min(w, width - 1) for w in where)

    def paragraph(self) -> Paragraph:
        return Paragraph(
            "".join(self.chars), tuple(self.where), min(self.where), max(self.where) + 1
        )


def _cleaned(cell: Cell, drop: re.Pattern[str] | None = None) -> str:
    """A header or label, folded, without its unit in brackets and without filler words."""
    text = _BRACKETS.sub(lambda m: "" if _unit_of(m.group(1)) else m.group(0), cell.text)
    text = _ROW_MARK.sub("", normalise(text.strip())[0])
    return drop.sub("", text) if drop else text


def _without_time(text: str) -> str:
    return text[len(_leading_time(text)) :]


def _leading_time(text: str) -> str:
    """The time ``text`` opens with (2022年实际 → 2022年), as the prose reader finds times."""
    phrases = scan_time_phrases(text)
    return phrases[0].text if phrases and phrases[0].start == 0 else ""


def _value(cell: Cell, unit: str | None) -> tuple[str, bool] | None:
    """The cell's figure as a report prints it (the unit after the number, before 左右), and
    whether it was a bracketed five-year total; ``None`` for a cell with no figure."""
    text = cell.text.strip()
    total = text.startswith(("[", "［")) and text.endswith(("]", "］"))
    if total:
        text = text[1:-1].strip()
    if not any(ch.isdigit() for ch in text):
        return None
    m = _BARE.match(text)
    if m is None or unit is None:
        return text, total
    return f"{m['pre'] or ''}{m['num']}{m['approx'] or ''}{unit}{m['post'] or ''}", total


def cell_paragraphs(
    table: Table, metric_of: Callable[[str], str | None]
) -> Iterator[tuple[Paragraph, str | None]]:
    """One paragraph per figure of ``table``, in reading order (row by row), with the place
    its row names when the rows are places (``None`` for the region itself: 全市, 合计 …).

    ``metric_of`` names the registry metric a piece of text covers (or ``None``).
    """
    if len(table.header) < 2:
        return
    headers = [_cleaned(h) for h in table.header]
    unit_column = next((j for j, h in enumerate(headers) if _UNIT_COLUMN.match(h)), None)
    places = bool(_PLACE_COLUMN.match(headers[0]))
    caption_time = ""
    if table.caption is not None:
        # 表3　2023年…: folded without its space, 表3 would run into the year.
        phrases = scan_time_phrases(normalise(re.sub(r"\s+", "，", table.caption.text))[0])
        caption_time = phrases[0].text if phrases else ""
    whole_row = next(
        (_cleaned(r[0]) for r in table.rows if places and _WHOLE_ROW.match(_cleaned(r[0]))), None
    )
    for row in table.rows:
        label = row[0]
        label_text = _cleaned(label)
        if not label_text:
            continue
        place = label_text if places and not _WHOLE_ROW.match(label_text) else None
        row_unit = None
        if unit_column is not None:
            row_unit = _unit_of(row[unit_column].text)
        for j in range(1, len(table.header)):
            if j == unit_column or _SKIPPED_COLUMN.search(headers[j]):
                continue
            header = table.header[j]
            # A column's own unit first: 比上年增长（%） in a table with a 单位 column.
            unit = (
                _bracketed_unit(header.text)
                or ("%" if _RATE_HEADER.search(headers[j]) else None)
                or row_unit
                or _bracketed_unit(label.text)
                or table.unit
            )
            cell = row[j]
            printed = _value(cell, unit)
            if printed is None:
                continue
            text, total = printed
            if place is None and places and _SHARE_HEADER.search(headers[j]):
                continue  # the whole's share of itself: 100%
            head = _cleaned(header, _FILLER)
            if _RATE_HEADER.search(head) and metric_of(head) is None:
                # 地区 | 地区生产总值（亿元） | 比上年增长（%）: the growth is the GDP's;
                # 产品名称 | 产量 | 比上年增长: the 产量's.
                left = next(
                    (
                        name
                        for k in range(j - 1, 0, -1)
                        if k != unit_column and not _RATE_HEADER.search(headers[k])
                        if (name := _without_time(_cleaned(table.header[k], _FILLER)))
                    ),
                    "",
                )
                head = left + head
                if whole_row and _SHARE_HEADER.search(head) and "占" not in head:
                    # 地区 | 常住人口 | 比重（%）: each place's share of the whole row's.
                    rest = _SHARE_HEADER.sub("", head.replace(left, "", 1))
                    head = f"{left}占{whole_row}的{rest}比重"
            # The time first, as a report writes it: 2025年目标 + 地区生产总值 reads
            # 2025年目标地区生产总值850亿元左右.
            time_text = _leading_time(head)
            head = head[len(time_text) :]
            if not time_text and not scan_time_phrases(head + label_text):
                time_text = caption_time
            status = _STATUS_WORD.match(head)
            sentence = _Sentence()
            sentence.add(time_text, label.start)
            if status:
                # 2025年目标森林覆盖率36.0%: the status before the label keeps the metric's
                # name what it is in the other columns.
                sentence.add(status.group(0), label.start)
                head = head[status.end() :]
            sentence.add(label_text, label.start, len(label.text))
            sentence.add(head, cell.start)
            if total:
                sentence.add("累计", cell.start)
            figure_at = cell.start + max(cell.text.find(text[:1]), 0)
            last = max(cell.end - 1, cell.start)
            sentence.add(text, figure_at, last - figure_at + 1)
            sentence.add("。", last)
            yield sentence.paragraph(), place
