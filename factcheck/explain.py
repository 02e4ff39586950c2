"""What each finding code means: ``factcheck explain`` and the SARIF rule metadata.

The table itself is :data:`factcheck.codes.CODES`; this module looks codes up by code or
name and suggests close ones.
"""

from __future__ import annotations

import difflib

from factcheck.codes import CODES, CodeInfo

#: Kept as a name of its own: renderers speak of "code docs".
CodeDoc = CodeInfo


def code_docs() -> dict[str, CodeInfo]:
    """Every documented code, sorted by code."""
    return dict(sorted(CODES.items()))


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
