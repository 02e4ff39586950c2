"""The command line: parse arguments, call the library, render, return an exit code."""

from __future__ import annotations

import click

from factcheck._version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """factcheck：核对中文政府报告与新闻稿中的数字。"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 clean, 1 errors found, 2 bad input)."""
    try:
        cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        return 2
    return 0
