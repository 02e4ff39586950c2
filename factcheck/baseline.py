"""The baseline: findings a newsroom has accepted, so that only new ones fail a run.

Adopting factcheck on a corpus that already has known, explained discrepancies should not
mean fixing them all first. ``factcheck check --baseline FILE --update-baseline`` writes the
fingerprint of every current finding to ``FILE``; later runs with ``--baseline FILE`` report
only findings whose fingerprint is not in it.

A fingerprint must survive unrelated edits: it is made of the finding's code and, for every
claim involved, its document, figure and quote, but not line numbers, which move whenever a
line is added above. Changing a figure or its sentence changes the fingerprint, and the
finding is reported again, which is the point.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.findings import Finding
from factcheck.yamlio import write_atomic

BASELINE_VERSION = 1
_SEP = "\x1f"


def fingerprint(finding: Finding) -> str:
    """A stable identity of a finding (16 hex digits)."""
    parts = sorted(
        _SEP.join((ref.document, ref.value, " ".join(ref.quote.split()))) for ref in finding.claims
    )
    text = _SEP.join((f"v{BASELINE_VERSION}", finding.code, *parts))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def baseline_text(findings: Iterable[Finding]) -> str:
    """The baseline file's JSON: one entry per distinct fingerprint, in a stable order."""
    entries: dict[str, dict[str, object]] = {}
    for finding in findings:
        fp = fingerprint(finding)
        loc = finding.location
        entries.setdefault(
            fp,
            {
                "fingerprint": fp,
                "code": finding.code,
                "severity": finding.severity,
                # For the reviewer reading the file; never used for matching.
                "where": f"{loc.file}:{loc.line}" if loc and loc.file else "",
                "message": finding.message,
            },
        )
    data = {
        "tool": "factcheck",
        "version": BASELINE_VERSION,
        "findings": [entries[k] for k in sorted(entries)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Write the baseline atomically; return how many fingerprints it holds."""
    text = baseline_text(findings)
    write_atomic(path, text)
    return len({fingerprint(f) for f in findings})


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints of a baseline file.

    Raises:
        InputError: the file is missing, is not JSON, or is not a factcheck baseline.
    """
    if not path.is_file():
        raise InputError(
            "找不到基线文件；首次使用请加 --update-baseline 生成",
            path=str(path),
            code="FC021",
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("基线文件不是 UTF-8 编码", path=str(path), code="FC021") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"基线文件不是合法的 JSON：{exc.msg}；可删除后用 --update-baseline 重新生成",
            path=str(path),
            line=exc.lineno,
            col=exc.colno,
            code="FC021",
        ) from None
    except OSError as exc:
        raise InputError(
            f"无法读取基线文件：{exc.strerror or exc}", path=str(path), code="FC021"
        ) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise InputError(
            '基线文件格式不对：应为 factcheck 生成的 {"findings": [{"fingerprint": …}]}',
            path=str(path),
            code="FC021",
        )
    return frozenset(str(e["fingerprint"]) for e in entries)


def apply_baseline(
    findings: Sequence[Finding], accepted: frozenset[str]
) -> tuple[tuple[Finding, ...], int]:
    """The findings not in the baseline, and how many were in it."""
    kept = tuple(f for f in findings if fingerprint(f) not in accepted)
    return kept, len(findings) - len(kept)


__all__ = ["apply_baseline", "baseline_text", "fingerprint", "load_baseline", "write_baseline"]
