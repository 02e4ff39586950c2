"""The command line: parse arguments, call the library, render, return an exit code.

Commands are declared here; what they do lives in :mod:`factcheck.app` (options and output)
and :mod:`factcheck.commands` (the work). Exit codes: 0 clean, 1 findings at or above
``--fail-on``, 2 bad input or usage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from factcheck._version import __version__
from factcheck.config import FAIL_ON
from factcheck.errors import InputError, InputErrors
from factcheck.render import FORMATS

_PATH = click.Path(path_type=Path)
_FILE = click.Path(path_type=Path, dir_okay=False)


def _corpus_options(command: click.decorators.FC) -> click.decorators.FC:
    """``--claims``, ``--rules`` and ``--config``, shared by the commands that read the corpus."""
    command = click.option(
        "--config",
        "config_path",
        type=_FILE,
        help="配置文件（默认：就近的 factcheck.toml 或 pyproject.toml）。",
    )(command)
    command = click.option(
        "--rules", type=_PATH, help="规则目录（默认：配置中的 rules，或 claims 旁的 rules/）。"
    )(command)
    return click.option(
        "--claims",
        multiple=True,
        type=_PATH,
        help="声明库目录或文件，可重复（默认：配置中的 claims，或 ./claims）。",
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="factcheck")
def cli() -> None:
    """factcheck：核对中文政府报告与新闻稿中的数字。

    \b
    常用：
      factcheck check                 核对整个声明库（claims/ 与 rules/）
      factcheck check 草稿.md          抽取草稿中的数字，与声明库对照核对
      factcheck lint                  只校验声明与规则文件，不核对
      factcheck explain FC201         查看某个发现代码的含义
      factcheck show 海洋生产总值       列出某指标的全部声明值与推算值
    """


@cli.command("check")
@click.argument("paths", nargs=-1, type=_PATH)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="输出格式。",
)
@click.option("-o", "--output", type=_FILE, help="把报告写入文件（原子写入），而不是标准输出。")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="达到该严重程度即以 1 退出（默认 error，可在配置中设置）。",
)
@click.option("--exit-zero", is_flag=True, help="无论发现什么都以 0 退出（只看报告，不拦截）。")
@click.option("--baseline", type=_FILE, help="基线文件：其中已接受的发现不再报告。")
@click.option(
    "--update-baseline", is_flag=True, help="把本次的全部发现写入 --baseline 文件，以 0 退出。"
)
@click.option(
    "--date",
    help="草稿的发布日期，用于理解“今年”“去年”（默认：标题是政府工作报告、统计公报等时按标题推定，否则今天）。",
)
@click.option(
    "--region",
    help="草稿中“全区”“我区”所指的地区，如 即墨区（默认：配置中的 region，否则从草稿标题推定）。",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="不报告这些代码，如 --ignore FC301,FC103，可重复。",
)
@_corpus_options
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="文本输出是否着色（auto：终端上着色，设置 NO_COLOR 时不着色）。",
)
def check_command(paths: tuple[Path, ...], **options: object) -> int:
    """核对数字：不带参数核对整个声明库；给出草稿（.md、.txt）则与声明库对照核对草稿。

    \b
    退出码：0 没有达到 --fail-on 的发现；1 有；2 输入或用法有误。
    草稿中可在数字所在行或上一行写 <!-- factcheck: ignore[FC201] 理由 --> 忽略一处发现。
    """
    from factcheck import app

    return app.check(paths, **options)  # type: ignore[arg-type]


@cli.command("lint")
@click.argument("paths", nargs=-1, type=_PATH)
@_corpus_options
def lint_command(paths: tuple[Path, ...], **options: object) -> int:
    """只校验声明、规则（以及草稿中的忽略指令），不核对数字。

    列出全部问题，每行 文件:行: 说明；有问题以 2 退出，否则 0。
    """
    from factcheck import app

    return app.lint(paths, **options)  # type: ignore[arg-type]


@cli.command("explain")
@click.argument("code", required=False)
def explain_command(code: str | None) -> int:
    """说明发现代码（如 FC201）的含义、原因与示例；不带参数列出全部代码。"""
    from factcheck import app

    return app.explain(code)


@cli.command("show")
@click.argument("metric")
@click.option("--subject", help="只看某一主体，如 即墨区。")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_corpus_options
def show_command(metric: str, **options: object) -> int:
    """列出一个指标在各文档、各时期的全部声明值与推算值。"""
    from factcheck import app

    return app.show(metric, **options)  # type: ignore[arg-type]


def _print_input_error(exc: InputError) -> None:
    if isinstance(exc, InputErrors) and len(exc.problems) > 1:
        sys.stderr.write(f"factcheck：输入有误（共 {len(exc.problems)} 处），请先修正：\n")
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")
        return
    sys.stderr.write(f"factcheck：错误：{exc}\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 clean, 1 errors found, 2 bad input)."""
    try:
        result = cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.UsageError as exc:
        hint = (
            f"运行 {exc.ctx.command_path} --help 查看用法"
            if exc.ctx
            else "运行 factcheck --help 查看用法"
        )
        sys.stderr.write(f"factcheck：用法错误：{exc.format_message()}\n{hint}\n")
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        return 2
    except InputError as exc:
        _print_input_error(exc)
        return 2
    except BrokenPipeError:
        # The reader went away (`factcheck check | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return result if isinstance(result, int) else 0


# --------------------------------------------------------------------------- extract, evaluate


@cli.command("extract")
@click.argument("file", type=_PATH)
@click.option(
    "--date",
    help="发布日期，用于理解“今年”“去年”“近三年”，如 2024-09"
    "（默认：标题是政府工作报告、统计公报等时按标题推定，否则今天）。",
)
@click.option("--region", help="文中“全区”“我区”所指的地区，如 即墨区（默认：从标题推定）。")
@click.option("-o", "--output", type=_FILE, help="写入该 YAML 文件（原子写入），而不是标准输出。")
@click.option("--force", is_flag=True, help="-o 指定的文件已存在时覆盖它。")
def extract_command(
    file: Path, date: str | None, region: str | None, output: Path | None, force: bool
) -> int:
    """从报告或草稿中抽取数字声明，输出为声明库格式的 YAML，供人工审核。

    \b
    未登记的指标照原文写出，并标注 unresolved_metric: true。
    退出码：0 成功；2 文件不存在、无法读取、不是 UTF-8，或参数有误。
    """
    from factcheck.extract import (
        claims_to_yaml,
        document_for,
        extract,
        load_default_registry,
        write_claims,
    )
    from factcheck.region import draft_region, title_of, title_publication
    from factcheck.yamlio import YamlFileError, read_text

    if not file.exists():
        sys.stderr.write(f"factcheck：错误：找不到文件 {file}\n")
        return 2
    if file.is_dir():
        sys.stderr.write(f"factcheck：错误：{file} 是目录，应为文本文件\n")
        return 2
    try:
        text = read_text(file)
    except YamlFileError as exc:
        sys.stderr.write(f"factcheck：错误：{exc.problem}\n")
        return 2
    if region is None and (guess := draft_region(text, load_default_registry())) is not None:
        region = guess.region
        sys.stderr.write(
            f"未指定 --region：按{guess.source}把“全区”“全市”等读作 {region}"
            "（如不对，请用 --region 指定）\n"
        )
    if date is None and (date := title_publication(title := title_of(text))) is not None:
        sys.stderr.write(
            f"未指定 --date：按标题「{title}」推定发布于 {date}（如不对，请用 --date 指定）\n"
        )
    try:
        document = document_for(file, date, region, text=text)
        claims = extract(text, date, region, document=document.id)
    except ValueError as exc:
        sys.stderr.write(f"factcheck：错误：{exc}\n")
        return 2
    if output is None:
        click.echo(claims_to_yaml(document, claims), nl=False)
        return 0
    try:
        write_claims(output, document, claims, force=force)
    except FileExistsError:
        sys.stderr.write(f"factcheck：错误：输出文件 {output} 已存在；如需覆盖请加 --force\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"factcheck：错误：无法写入 {output}：{exc.strerror or exc}\n")
        return 2
    sys.stderr.write(f"已写入 {output}：{len(claims)} 条声明\n")
    return 0


@cli.command("evaluate")
@click.option(
    "--claims",
    "claims_dir",
    type=_PATH,
    default=Path("claims"),
    show_default=True,
    help="人工标注的声明目录。",
)
@click.option(
    "--seeds", type=_PATH, default=None, help="原文目录（默认：项目旁的 ../shared/seeds）。"
)
@click.option("--rules", type=_PATH, default=None, help="登记表目录（默认：rules）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--details", is_flag=True, help="列出每条漏抽、多抽与字段错误。")
def evaluate_command(
    claims_dir: Path, seeds: Path | None, rules: Path | None, as_json: bool, details: bool
) -> int:
    """用人工标注的声明库评估抽取质量：召回率、精确率、全字段正确率与速度。"""
    from factcheck.evaluate import DEFAULT_SEEDS
    from factcheck.evaluate import main as evaluate_main

    argv = ["--claims", str(claims_dir), "--seeds", str(seeds or DEFAULT_SEEDS)]
    argv += ["--rules", str(rules)] if rules else []
    argv += ["--json"] if as_json else []
    argv += ["--details"] if details else []
    return evaluate_main(argv)
