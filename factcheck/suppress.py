"""Suppressions: findings an editor has looked at and accepted, written where the figure is.

Two places hold them:

- in a draft, an HTML comment on the figure's line or on the line before it::

      <!-- factcheck: ignore[FC201] 口径不同，已与统计局核实 -->
      全区海洋生产总值达345亿元，占全区GDP的42.4%。

  A comment that shares its line with text covers that line; a comment on a line of its own
  covers the next line. Several codes are separated by commas: ``ignore[FC201,FC202]``.
- in a claims file, the claim's ``ignore`` mapping: ``ignore: {FC201: 口径不同}``.

A suppression is rule-specific: it names the codes it accepts, so a new, different problem
with the same figure is still reported. A suppression that accepted nothing in a run is
itself reported (``FC901``), so stale ones do not pile up; a directive that cannot be read is
reported as ``FC902``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from factcheck.findings import ClaimRef, Finding

UNUSED_SUPPRESSION = "FC901"
INVALID_SUPPRESSION = "FC902"


_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"^\s*factcheck\s*:\s*ignore\s*\[([^\]]*)\]\s*(.*?)\s*$", re.DOTALL)
_MENTION = re.compile(r"^\s*factcheck\s*:", re.IGNORECASE)
_CODE = re.compile(r"^FC\d{3}$")


@dataclass(frozen=True)
class Suppression:
    """One accepted code at one place.

    Attributes:
        code: the finding code it accepts.
        kind: ``inline`` (a draft comment) or ``claim`` (a claim's ``ignore``).
        file: where it is written.
        line, column: where it is written (1-based).
        target_line: for ``inline``, the draft line whose findings it covers.
        claim: for ``claim``, the key (``document#id``) of the claim it belongs to.
        document: the document it belongs to.
        reason: the reason written with it.
        text: the directive as written, for messages.
    """

    code: str
    kind: Literal["inline", "claim"]
    file: str
    line: int
    column: int = 1
    target_line: int | None = None
    claim: str | None = None
    document: str = ""
    reason: str = ""
    text: str = ""

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression accepts ``finding``."""
        if finding.code != self.code:
            return False
        if self.kind == "claim":
            return any(ref.key == self.claim for ref in finding.claims)
        return any(ref.file == self.file and ref.line == self.target_line for ref in finding.claims)


@dataclass(frozen=True)
class DraftDirectives:
    """What the comments of one draft say.

    Attributes:
        suppressions: one entry per (directive, code).
        invalid: findings for directives that could not be read.
        masked: the draft text with every HTML comment blanked out (newlines kept, so lines
            and columns of the rest do not move): comments are not published text, and the
            extractor must not read ``FC201`` as a figure.
    """

    suppressions: tuple[Suppression, ...]
    invalid: tuple[Finding, ...]
    masked: str


def read_directives(text: str, file: str, document: str) -> DraftDirectives:
    """Find the suppression comments of a draft (see the module docstring for the syntax)."""
    suppressions: list[Suppression] = []
    invalid: list[Finding] = []
    for match in _COMMENT.finditer(text):
        body = match.group(1)
        if not _MENTION.match(body):
            continue
        line, column = _position(text, match.start())
        directive = _DIRECTIVE.match(body)
        codes = _split_codes(directive.group(1)) if directive else []
        if directive is None or not codes or not all(_CODE.match(c) for c in codes):
            invalid.append(_invalid_finding(match.group(0), file, document, line, column))
            continue
        target = line + 1 if _alone_on_line(text, match.start(), match.end()) else line
        suppressions.extend(
            Suppression(
                code=code,
                kind="inline",
                file=file,
                line=line,
                column=column,
                target_line=target,
                document=document,
                reason=directive.group(2),
                text=match.group(0),
            )
            for code in codes
        )
    return DraftDirectives(tuple(suppressions), tuple(invalid), _mask_comments(text))


def _split_codes(raw: str) -> list[str]:
    return [c.strip().upper() for c in raw.split(",") if c.strip()]


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end:] if line_end < 0 else text[end:line_end]
    return not text[line_start:start].strip() and not rest.strip()


def _mask_comments(text: str) -> str:
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _invalid_finding(directive: str, file: str, document: str, line: int, column: int) -> Finding:
    return Finding(
        code=INVALID_SUPPRESSION,
        name="invalid-suppression",
        severity="warning",
        message=(
            f"无法识别的抑制指令 {directive.strip()}；"
            "应写作 <!-- factcheck: ignore[FC201] 理由 -->，方括号内为一个或多个以逗号分隔的代码"
        ),
        claims=(
            ClaimRef(
                id="suppression",
                document=document,
                quote=directive,
                file=file,
                line=line,
                column=column,
            ),
        ),
    )


def claim_suppressions(
    table: pd.DataFrame, documents: Iterable[str] | None = None
) -> list[Suppression]:
    """The ``ignore`` entries of the claims in a claims table.

    Args:
        table: the corpus claims table (:attr:`factcheck.corpus.Corpus.table`).
        documents: only the claims of these documents (``None``: all).
    """
    wanted = None if documents is None else set(documents)
    out: list[Suppression] = []
    for row in table.itertuples(index=False):
        ignore = row.ignore
        if (
            not isinstance(ignore, dict)
            or not ignore
            or (wanted is not None and row.document not in wanted)
        ):
            continue
        key_lines = row.key_lines if isinstance(row.key_lines, dict) else {}
        line = int(key_lines.get("ignore", row.file_line) or 1)
        for code, reason in ignore.items():
            out.append(
                Suppression(
                    code=str(code).strip().upper(),
                    kind="claim",
                    file=str(row.file),
                    line=line,
                    claim=f"{row.document}#{row.id}",
                    document=str(row.document),
                    reason="" if reason is None else str(reason),
                    text=f"ignore: {{{code}: {reason}}}",
                )
            )
    return out


@dataclass(frozen=True)
class Suppressed:
    """The outcome of applying suppressions.

    Attributes:
        findings: the findings no suppression accepted.
        suppressed: the findings that were accepted.
        unused: the suppressions that accepted nothing.
    """

    findings: tuple[Finding, ...]
    suppressed: tuple[Finding, ...]
    unused: tuple[Suppression, ...]


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression]
) -> Suppressed:
    """Drop the findings a suppression accepts, and note which suppressions were used."""
    used: set[int] = set()
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for finding in findings:
        hits = [i for i, s in enumerate(suppressions) if s.covers(finding)]
        used.update(hits)
        (dropped if hits else kept).append(finding)
    unused = tuple(s for i, s in enumerate(suppressions) if i not in used)
    return Suppressed(tuple(kept), tuple(dropped), unused)


def unused_finding(suppression: Suppression) -> Finding:
    """The ``FC901`` finding for a suppression that accepted nothing."""
    if suppression.kind == "inline":
        message = (
            f"未使用的抑制：第 {suppression.target_line} 行没有 {suppression.code} 发现，"
            f"{suppression.text.strip()} 未抑制任何内容；请删除，或核对代码与位置"
        )
        ref_id = "suppression"
    else:
        claim_id = (suppression.claim or "").split("#", 1)[-1]
        message = (
            f"未使用的抑制：声明「{claim_id}」的 ignore 中 {suppression.code} 未抑制任何发现"
            + (f"（理由：{suppression.reason}）" if suppression.reason else "")
            + "；数字若已改正，请删除该项"
        )
        ref_id = claim_id
    return Finding(
        code=UNUSED_SUPPRESSION,
        name="unused-suppression",
        severity="warning",
        message=message,
        claims=(
            ClaimRef(
                id=ref_id,
                document=suppression.document,
                quote=suppression.text,
                file=suppression.file,
                line=suppression.line,
                column=suppression.column,
            ),
        ),
    )


__all__ = [
    "INVALID_SUPPRESSION",
    "UNUSED_SUPPRESSION",
    "DraftDirectives",
    "Suppressed",
    "Suppression",
    "apply_suppressions",
    "claim_suppressions",
    "read_directives",
    "unused_finding",
]
