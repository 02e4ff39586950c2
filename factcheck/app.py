"""The glue between the command line and the library: options in, text out, an exit code back.

:mod:`factcheck.cli` declares the commands and their options and calls the functions here;
these merge the options with the configuration file, call :mod:`factcheck.commands`, render,
write the output (atomically with ``-o``) and return the exit code:
0 no findings at or above ``--fail-on``, 1 findings, 2 bad input or usage.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table

from factcheck.claims import MEASURE_NAMES, STATUS_NAMES
from factcheck.commands import (
    CheckRequest,
    Inputs,
    parse_date,
    run_check,
    run_lint,
    run_show,
    sort_paths,
)
from factcheck.config import Config, FailOn, load_config, parse_codes
from factcheck.errors import InputError
from factcheck.explain import CodeDoc, code_docs, lookup, suggest
from factcheck.findings import FigureValue
from factcheck.progress import Feedback
from factcheck.render import RenderOptions, render
from factcheck.yamlio import write_atomic


def use_color(mode: str, stream: TextIO, env: dict[str, str] | None = None) -> bool:
    """Whether to colour output: ``always``/``never``, or on a terminal unless ``NO_COLOR``."""
    env = dict(os.environ) if env is None else env
    if mode == "always":
        return True
    if mode == "never" or env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def emit(text: str, output: Path | None, stream: TextIO | None = None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output.

    Raises:
        InputError: the output file cannot be written.
    """
    if output is None:
        (stream or sys.stdout).write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise InputError(
            f"无法写入输出文件：{exc.strerror or exc}", path=str(output), code="FC022"
        ) from None


def notice(text: str) -> None:
    """A line for the user that is not part of the report: standard error."""
    sys.stdout.flush()  # after the report, not inside it, when both go to one terminal
    sys.stderr.write(text + "\n")


def _config(config_path: Path | None) -> Config:
    return load_config(config_path)


# --------------------------------------------------------------------------- check


def check(
    paths: Sequence[Path],
    *,
    fmt: str,
    output: Path | None,
    fail_on: FailOn | None,
    exit_zero: bool,
    baseline: Path | None,
    update_baseline: bool,
    date: str | None,
    region: str | None,
    ignore: Sequence[str],
    claims: Sequence[Path],
    rules: Path | None,
    config_path: Path | None,
    color: str,
) -> int:
    """``factcheck check``: see :func:`factcheck.commands.run_check`."""
    config = _config(config_path)
    inputs = sort_paths(list(paths), config, claims=list(claims), rules=rules)
    request = CheckRequest(
        inputs=inputs,
        date=None if date is None else parse_date(date),
        region=region or config.region,
        ignore=config.ignore | parse_codes(list(ignore)),
        fail_on=fail_on or config.fail_on,
        exit_zero=exit_zero,
        baseline=baseline or config.baseline,
        update_baseline=update_baseline,
        figures=fmt == "html",
        relations=fmt == "junit",
    )
    steps = 4 + len(inputs.drafts)  # corpus, rules, each draft, check, render
    with Feedback(total=steps) as feedback:
        result = run_check(request, feedback)
        feedback.step("生成报告")
        options = RenderOptions(
            color=output is None and fmt == "text" and use_color(color, sys.stdout),
            fail_on=request.fail_on,
            inputs=tuple(str(p) for p in (inputs.drafts or inputs.claims)),
            suppressed=result.suppressed,
            baselined=result.baselined,
        )
        text = render(result.report, fmt, options)
    emit(text, output)
    for draft in result.drafts:
        for line in draft.notes:
            notice(line)
    if result.notice:
        notice(result.notice)
    if output is not None:
        notice(f"报告已写入 {output}")
    return result.exit_code


# --------------------------------------------------------------------------- lint


def lint(
    paths: Sequence[Path], *, claims: Sequence[Path], rules: Path | None, config_path: Path | None
) -> int:
    """``factcheck lint``: every problem as ``file:line: message``; exit 2 if any."""
    config = _config(config_path)
    inputs = _lint_inputs(paths, config, claims, rules)
    result = run_lint(inputs)
    out = sys.stdout
    for problem in result.problems:
        out.write(f"{problem}\n")
    if result.problems:
        out.write(f"发现 {len(result.problems)} 处问题；请按提示修改后再运行 factcheck lint\n")
        return 2
    out.write(
        f"未发现问题：{result.files} 个声明文件，{result.claims} 条声明，{result.rules} 条规则"
        + (f"，{len(inputs.drafts)} 份草稿" if inputs.drafts else "")
        + "\n"
    )
    return 0


def _lint_inputs(
    paths: Sequence[Path], config: Config, claims: Sequence[Path], rules: Path | None
) -> Inputs:
    # lint reports a missing path as one of its problems rather than stopping at it.
    existing = [p for p in paths if p.exists()]
    inputs = sort_paths(existing, config, claims=list(claims), rules=rules)
    missing = tuple(p for p in paths if not p.exists())
    return Inputs(inputs.drafts, inputs.claims + missing, inputs.rules)


# --------------------------------------------------------------------------- explain


def explain(code: str | None) -> int:
    """``factcheck explain [CODE]``: one code in full, or the list of all codes."""
    console = Console(highlight=False, soft_wrap=True)
    if code is None:
        table = Table("代码", "名称", "严重程度", "说明", title="factcheck 发现代码")
        for entry in code_docs().values():
            table.add_row(entry.code, entry.name, entry.severity, entry.title)
        console.print(table)
        return 0
    doc = lookup(code)
    if doc is None:
        close = suggest(code)
        hint = f"；是否想找：{'、'.join(close)}" if close else ""
        raise InputError(
            f"未知代码 {code!r}{hint}；运行 factcheck explain 查看全部代码", code="FC022"
        )
    sys.stdout.write(explain_text(doc))
    return 0


def explain_text(doc: CodeDoc) -> str:
    """The full explanation of one code, in Chinese."""
    lines = [f"{doc.code} {doc.name}（默认严重程度：{doc.severity}）", doc.title, ""]
    for label, body in (
        ("检查什么", doc.what),
        ("为什么重要", doc.why),
        ("示例", doc.example),
        ("怎么处理", doc.fix),
    ):
        if body:
            lines.append(f"{label}：")
            lines.extend("  " + line for line in body.splitlines())
    lines.append("")
    lines.append(f"忽略一处：在草稿该行或上一行写 <!-- factcheck: ignore[{doc.code}] 理由 -->，")
    lines.append(f"或在声明中写 ignore: {{{doc.code}: 理由}}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- show


def show(
    metric: str,
    *,
    subject: str | None,
    claims: Sequence[Path],
    rules: Path | None,
    config_path: Path | None,
    fmt: str,
) -> int:
    """``factcheck show METRIC``: a table of every stated and derived figure of the metric."""
    config = _config(config_path)
    inputs = sort_paths([], config, claims=list(claims), rules=rules)
    with Feedback(total=3) as feedback:
        result = run_show(inputs, metric, subject, feedback.step)
    if fmt == "json":
        import json

        data = [_figure_data(f) for f in result.figures]
        sys.stdout.write(
            json.dumps({"metric": result.metric, "figures": data}, ensure_ascii=False, indent=2)
            + "\n"
        )
        return 0
    console = Console(highlight=False, soft_wrap=False)
    if not result.figures:
        who = f"{result.subject} 的" if result.subject else ""
        console.print(f"没有找到{who}「{result.metric}」的数字")
        return 0
    title = f"{result.metric}" + (f" · {result.subject}" if result.subject else "")
    table = Table(title=title)
    for name in ("主体", "度量", "时期", "数值", "区间", "状态", "来源"):
        table.add_column(name, overflow="fold")
    for f in result.figures:
        table.add_row(
            f.subject,
            MEASURE_NAMES.get(f.measure, f.measure) + (f"（{f.scope}）" if f.scope else ""),
            f.period,
            f.value or "—",
            interval_text(f),
            STATUS_NAMES.get(f.status, f.status),
            _source(f),
            style="dim" if f.derived else None,
        )
    console.print(table)
    console.print(f"共 {len(result.figures)} 个数字（灰色为推算值）")
    return 0


def interval_text(f: FigureValue) -> str:
    """``[344.5, 345.5]亿元``; an open side is shown as ≥ or ≤; a whole count as itself."""
    if f.low is not None and f.high is not None:
        low, high = f"{f.low:.6g}", f"{f.high:.6g}"
        return f"{low}{f.unit}" if low == high else f"[{low}, {high}]{f.unit}"
    if f.low is not None:
        return f"≥{f.low:.6g}{f.unit}"
    if f.high is not None:
        return f"≤{f.high:.6g}{f.unit}"
    return "—"


def _source(f: FigureValue) -> str:
    if not f.derived:
        return f.document or ""
    # The chain step names the relation, its formula in brackets, then what was derived from
    # what; the formula is left out to keep the column narrow.
    step = re.sub(r"（[^）]*）", "", f.chain[0]) if f.chain else ""
    docs = sorted({key.split("#", 1)[0] for key in f.claims})
    return f"推算：{step}（{'、'.join(docs)}）" if step else f"推算（{'、'.join(docs)}）"


def _figure_data(f: FigureValue) -> dict[str, object]:
    return {
        "subject": f.subject,
        "metric": f.metric,
        "measure": f.measure,
        "period": f.period,
        "low": f.low,
        "high": f.high,
        "unit": f.unit,
        "derived": f.derived,
        "status": f.status,
        "scope": f.scope,
        "document": f.document,
        "value": f.value,
        "claims": list(f.claims),
        "chain": list(f.chain),
    }


__all__ = ["check", "emit", "explain", "explain_text", "interval_text", "lint", "show", "use_color"]
