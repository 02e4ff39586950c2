"""What each finding code means: the table behind ``factcheck explain`` and SARIF rule metadata.

The engine's codes live in :mod:`factcheck.codes`; the adoption codes (unused and unreadable
suppressions) in :mod:`factcheck.suppress`. This module reads both into one shape.
"""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factcheck.suppress import ADOPTION_CODES


@dataclass(frozen=True)
class CodeDoc:
    """The documentation of one finding code.

    Attributes:
        code: ``FC201``.
        name: kebab-case name, ``share-mismatch``.
        severity: the usual severity (a finding may be milder when only the strict reading fails).
        title: one line, in Chinese.
        what, why, example: what the check does, why it matters, an example (Chinese).
        fix: what to do about it.
    """

    code: str
    name: str
    severity: str
    title: str
    what: str = ""
    why: str = ""
    example: str = ""
    fix: str = ""


@lru_cache(maxsize=1)
def code_docs() -> dict[str, CodeDoc]:
    """Every documented code, sorted by code."""
    docs = {
        code: CodeDoc(code, name, severity, title, what, why, example)
        for code, (name, severity, title, what, why, example) in ADOPTION_CODES.items()
    }
    docs.update({doc.code: doc for doc in _engine_docs()})
    return dict(sorted(docs.items()))


def _engine_docs() -> list[CodeDoc]:
    try:
        codes = importlib.import_module("factcheck.codes")
    except ModuleNotFoundError as exc:
        if exc.name != "factcheck.codes":
            raise
        return []  # an install without the code table still explains the adoption codes
    table: dict[str, Any] = getattr(codes, "CODES", {})
    return [
        CodeDoc(
            code=str(getattr(info, "code", code)),
            name=str(getattr(info, "name", "")),
            severity=str(getattr(info, "severity", "")),
            title=str(getattr(info, "title", "")),
            what=str(getattr(info, "what", "")),
            why=str(getattr(info, "why", "")),
            example=str(getattr(info, "example", "")),
            fix=str(getattr(info, "fix", "")),
        )
        for code, info in table.items()
    ]


def lookup(code: str) -> CodeDoc | None:
    """The documentation of ``code`` (case-insensitive; a kebab-case name works too)."""
    docs = code_docs()
    wanted = code.strip()
    if wanted.upper() in docs:
        return docs[wanted.upper()]
    for doc in docs.values():
        if doc.name == wanted.lower():
            return doc
    return None


def suggest(code: str) -> list[str]:
    """Known codes or names close to ``code``, for an error message."""
    docs = code_docs()
    names = [*docs, *(d.name for d in docs.values() if d.name)]
    return difflib.get_close_matches(
        code.strip().upper(), names, n=3, cutoff=0.6
    ) or difflib.get_close_matches(code.strip().lower(), names, n=3, cutoff=0.6)


__all__ = ["CodeDoc", "code_docs", "lookup", "suggest"]
