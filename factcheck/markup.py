"""Markdown in drafts: tables found and taken out of the running text.

Drafts are often written in Markdown (``factcheck check 草稿.md``), and Chinese reports put
many of their figures in tables (表1 主要指标进展情况, 主要工业产品产量及其增长速度). Read as
prose, a pipe table is one long line of figures with no words between them; read cell by cell,
each figure has a row (what it is) and a column (when, which measure, which unit).

:func:`find_tables` finds GitHub-style pipe tables (a header row, a ``|---|`` row, body rows)
with the caption and unit lines around them; :func:`blank_tables` returns the text with those
lines turned into spaces (same length, newlines kept), so the prose reader never sees them
and every offset still points into what the user wrote. Emphasis (``**``) and headings
(``#``) need no such care: the reader folds them away like any other punctuation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

#: The row under a table's header: cells of dashes, with optional alignment colons.
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
#: A table's caption line: 表1, 表 2, 表三 … at the start (after emphasis marks).
_CAPTION = re.compile(r"^[\s*_#>]*表\s*[0-9一二三四五六七八九十]+")
#: 单位：亿元 (the unit every cell is printed in), in a caption or a line of its own.
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*([^\s|，,。；;）)]+)")


@dataclass(frozen=True)
class Cell:
    """One cell: its text without the pipes and outer spaces, and the source offset of its
    first character (the cell's end when it is empty)."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Table:
    """A pipe table of the source.

    Attributes:
        header: the header row's cells.
        rows: the body rows' cells (a short row is padded with empty cells).
        caption: the 表N line just above the table, if there is one.
        unit: the unit a 单位：… line above or below the table gives every cell, if any.
        start, end: the source span of the table's lines.
    """

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: Cell | None
    unit: str | None
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return out


def _cells(start: int, line: str) -> tuple[Cell, ...]:
    """The cells of one table line (outer pipes optional, ``\\|`` not a separator)."""
    bounds = [i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    stripped = line.strip()
    edges = [-1, *bounds, len(line)]
    out = []
    for a, b in itertools.pairwise(edges):
        raw = line[a + 1 : b]
        lead = len(raw) - len(raw.lstrip())
        out.append(Cell(raw.strip(), start + a + 1 + lead))
    # Leading and trailing pipes open and close the row: the empty "cells" outside them
    # are not cells.
    if stripped.startswith("|"):
        out = out[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        out = out[:-1]
    return tuple(out)


def _is_row(line: str) -> bool:
    return "|" in line and bool(line.strip())


def find_tables(text: str) -> tuple[Table, ...]:
    """Every pipe table of ``text``, in order."""
    lines = _lines(text)
    tables: list[Table] = []
    i = 1
    while i < len(lines):
        line = lines[i][1]
        head_offset, head = lines[i - 1]
        if not (_RULE.match(line) and _is_row(head)):
            i += 1
            continue
        header = _cells(head_offset, head)
        body: list[tuple[Cell, ...]] = []
        j = i + 1
        while j < len(lines) and _is_row(lines[j][1]) and not _RULE.match(lines[j][1]):
            row = _cells(*lines[j])
            end = row[-1].end if row else lines[j][0]
            row += tuple(Cell("", end) for _ in range(len(header) - len(row)))
            body.append(row[: len(header)])
            j += 1
        caption, unit = _caption_and_unit(lines, i - 1, j)
        last_offset, last = lines[j - 1]
        end = last_offset + len(last)
        tables.append(Table(header, tuple(body), caption, unit, head_offset, end))
        i = j + 1
    return tuple(tables)


def _caption_and_unit(
    lines: list[tuple[int, str]], head: int, after: int
) -> tuple[Cell | None, str | None]:
    """The 表N caption among the two non-blank lines above the header, and the unit a
    单位：… line names there or right below the table."""
    above = [k for k in range(head - 1, max(head - 6, -1), -1) if lines[k][1].strip()][:2]
    below = [k for k in range(after, min(after + 2, len(lines))) if lines[k][1].strip()][:1]
    caption = None
    unit = None
    for k in above:
        offset, line = lines[k]
        if caption is None and _CAPTION.match(line):
            lead = len(line) - len(line.lstrip(" \t*_#>"))
            caption = Cell(line.strip(" \t*_#>"), offset + lead)
        if unit is None and (m := _UNIT_LINE.search(line)):
            unit = m.group(1)
    for k in below:
        if unit is None and (m := _UNIT_LINE.search(lines[k][1])):
            unit = m.group(1)
    return caption, unit


def blank_tables(text: str, tables: tuple[Table, ...]) -> str:
    """``text`` with the lines of ``tables`` turned into spaces (newlines kept)."""
    if not tables:
        return text
    chars = list(text)
    for table in tables:
        for k in range(table.start, table.end):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)
