"""Project configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

A newsroom adopting factcheck on an existing corpus writes its settings once, beside the
corpus, instead of repeating options on every run::

    [tool.factcheck]
    claims = "claims"          # the corpus folder (or a list of folders and files)
    rules = "rules"            # metrics.yaml, subjects.yaml and rule sets
    ignore = ["FC301"]         # finding codes never reported
    fail-on = "error"          # "error" or "warning": what makes `check` exit 1
    baseline = "factcheck-baseline.json"   # accepted findings (see --update-baseline)
    region = "即墨区"           # what 全区/我区 means in drafts

The file is looked for in the working folder and then in each parent: the first folder with
a ``factcheck.toml``, or a ``pyproject.toml`` that has a ``[tool.factcheck]`` table, wins.
Paths in it are relative to the folder the file is in. Options given on the command line
override the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from factcheck.errors import InputError

FailOn = Literal["error", "warning"]
FAIL_ON: tuple[FailOn, ...] = ("error", "warning")
CONFIG_FILES = ("factcheck.toml", "pyproject.toml")

#: Keys the table may hold, with what each expects (for messages).
KEYS: dict[str, str] = {
    "claims": "声明库目录或文件（字符串或字符串列表）",
    "rules": "规则目录（字符串）",
    "ignore": '不报告的代码列表，如 ["FC301"]',
    "fail-on": '"error" 或 "warning"',
    "baseline": "基线文件路径（字符串）",
    "region": "草稿中“全区”“我区”所指的地区（字符串）",
}
_CODE = re.compile(r"^FC\d{3}$")


@dataclass(frozen=True)
class Config:
    """Settings for a run, after the file and the defaults are merged.

    Attributes:
        claims: corpus folders or files.
        rules: the rules folder.
        ignore: finding codes never reported.
        fail_on: the lowest severity that makes ``check`` exit 1.
        baseline: the baseline file, when one is configured.
        region: the region drafts speak of as 全区/我区.
        source: the configuration file read, ``None`` when there was none.
    """

    claims: tuple[Path, ...] = (Path("claims"),)
    rules: Path | None = None
    ignore: frozenset[str] = field(default_factory=frozenset)
    fail_on: FailOn = "error"
    baseline: Path | None = None
    region: str | None = None
    source: Path | None = None


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in ``start``: nearest folder first."""
    for folder in (start.resolve(), *start.resolve().parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    # A pyproject.toml without [tool.factcheck] belongs to some other project: keep looking
    # upward, and do not fail on its syntax, which is not ours to judge.
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "[tool.factcheck]" in _peek(path)
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def _peek(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read the configuration.

    Args:
        path: an explicit file (``--config``); otherwise it is looked for from ``start``.
        start: where to start looking (default: the working folder).

    Raises:
        InputError: the file cannot be read, is not valid TOML, or holds a key or value
            factcheck does not understand. The message names the file and what was expected.
    """
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    elif not path.is_file():
        raise InputError("找不到配置文件；请检查 --config 的路径", path=str(path), code="FC020")
    table = _read_table(path)
    return config_from_mapping(table, base=path.parent, source=path)


def _read_table(path: Path) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(
            "配置文件不是 UTF-8 编码；请另存为 UTF-8", path=str(path), code="FC020"
        ) from None
    except OSError as exc:
        raise InputError(
            f"无法读取配置文件：{exc.strerror or exc}", path=str(path), code="FC020"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = _toml_position(str(exc))
        raise InputError(
            f"配置文件不是合法的 TOML：{exc}；请检查引号、括号和等号",
            path=str(path),
            line=line,
            col=col,
            code="FC020",
        ) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
    else:
        # factcheck.toml may hold the keys at the top or under [tool.factcheck], so that a
        # table can be moved between the two files unchanged.
        tool = data.get("tool")
        table = tool.get("factcheck", data) if isinstance(tool, dict) else data
    if not isinstance(table, dict):
        raise InputError("[tool.factcheck] 应为一个表（键值对）", path=str(path), code="FC020")
    return table


def _toml_position(message: str) -> tuple[int | None, int | None]:
    found = re.search(r"line (\d+), column (\d+)", message)
    if not found:
        return None, None
    return int(found.group(1)), int(found.group(2))


def config_from_mapping(
    table: Mapping[str, Any], *, base: Path, source: Path | None = None
) -> Config:
    """Build a :class:`Config` from a parsed table; relative paths are taken from ``base``.

    Raises:
        InputError: an unknown key or a value of the wrong kind.
    """
    where = str(source) if source else None
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise InputError(
            f"配置中有无法识别的键 {', '.join(unknown)}；可用的键：{', '.join(KEYS)}",
            path=where,
            code="FC020",
        )
    claims = tuple(base / p for p in _paths(table, "claims", where)) or (base / "claims",)
    rules_value = table.get("rules")
    rules = base / _string(rules_value, "rules", where) if rules_value is not None else None
    baseline_value = table.get("baseline")
    baseline = (
        base / _string(baseline_value, "baseline", where) if baseline_value is not None else None
    )
    region_value = table.get("region")
    return Config(
        claims=claims,
        rules=rules,
        ignore=frozenset(_codes(table.get("ignore", []), where)),
        fail_on=_fail_on(table.get("fail-on", "error"), where),
        baseline=baseline,
        region=_string(region_value, "region", where) if region_value is not None else None,
        source=source,
    )


def _bad(key: str, value: object, where: str | None) -> InputError:
    return InputError(f"配置项 {key} = {value!r} 无效；应为{KEYS[key]}", path=where, code="FC020")


def _string(value: object, key: str, where: str | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad(key, value, where)
    return value


def _paths(table: Mapping[str, Any], key: str, where: str | None) -> list[str]:
    value = table.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise _bad(key, value, where)
    return [_string(v, key, where) for v in items]


def _codes(value: object, where: str | None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and _CODE.match(v) for v in value):
        raise _bad("ignore", value, where)
    return list(value)


def _fail_on(value: object, where: str | None) -> FailOn:
    if value == "error":
        return "error"
    if value == "warning":
        return "warning"
    raise _bad("fail-on", value, where)


def parse_codes(values: tuple[str, ...] | list[str]) -> frozenset[str]:
    """Codes given on the command line (``--ignore FC201,FC301`` or repeated).

    Raises:
        InputError: a value that is not a code such as ``FC201``.
    """
    out: set[str] = set()
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not _CODE.match(code):
                raise InputError(f"代码 {part!r} 无效；应形如 FC201", code="FC020")
            out.add(code)
    return frozenset(out)


__all__ = [
    "CONFIG_FILES",
    "FAIL_ON",
    "Config",
    "FailOn",
    "find_config",
    "load_config",
    "parse_codes",
]
