"""Linter-style text: ``path:line:col: CODE severity message``, then the arithmetic.

One finding reads::

    drafts/a.md:3:9: FC201 error 占比不符：……
      声明值 [42.35, 42.45]%  计算值 [38.1, 38.4]%
      = jimo-2024-reform#marine-output-2024h1「全区海洋生产总值达345亿元」（claims/…yaml:44:1）
      建议：若其他数字无误，「42.4%」应在 [38.1, 38.4]% 之内

The first line is what editors' "problem matchers" parse (GitHub Actions, VS Code, Emacs
compile mode), so it is never wrapped or coloured inside the path. Colour comes from rich and
only when the caller asks for it (a terminal, ``NO_COLOR`` unset).
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from factcheck.findings import Finding, Report
from factcheck.render import (
    RenderOptions,
    claim_line,
    evidence_label,
    location,
    sorted_findings,
    summary_sentence,
)

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def finding_lines(finding: Finding) -> list[Text]:
    """The lines of one finding: the linter line, then evidence, claims, fix and chain."""
    head = Text()
    head.append(location(finding.location), style="bold")
    head.append(": ")
    head.append(finding.code, style="bold")
    head.append(" ")
    head.append(finding.severity, style=_STYLES.get(finding.severity, ""))
    head.append(" ")
    head.append(finding.message)
    lines = [head]
    if finding.evidence:
        shown = "  ".join(f"{evidence_label(k)} {v}" for k, v in finding.evidence)
        lines.append(Text("  " + shown, style="dim"))
    for ref in finding.claims:
        lines.append(Text("  = " + claim_line(ref), style="dim"))
    if finding.fix is not None:
        lines.append(Text("  建议：" + finding.fix.text, style="green"))
    for step in finding.chain:
        lines.append(Text("  推算：" + step, style="dim"))
    return lines


def render(report: Report, options: RenderOptions) -> str:
    """The whole report as text, ending with the Chinese summary line."""
    lines: list[Text] = []
    for finding in sorted_findings(report):
        lines.extend(finding_lines(finding))
    # A draft's figures set aside with their reason (占比「213.3%」超出 0–100% …): the editor
    # reads why, not only how many; the corpus's unchecked claims are bare keys, not listed.
    for aside in report.coverage.unchecked:
        if "：" in aside:
            lines.append(Text(f"未核对 {aside}", style="dim"))
    style = "bold red" if report.errors else ("yellow" if report.warnings else "green")
    lines.append(Text(summary_sentence(report, options), style=style))
    return _to_string(lines, options.color)


def _to_string(lines: list[Text], color: bool) -> str:
    buffer = io.StringIO()
    # A very wide console: rich must not wrap the linter line, tools parse it whole.
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=100_000,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=True,
    )
    for line in lines:
        console.print(line)
    return buffer.getvalue()


__all__ = ["finding_lines", "render"]
