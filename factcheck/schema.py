"""The pandera schema of the claims table, and its failures as problems a user can act on.

Every check is vectorised over the table, so validating a million claims costs a second or
so. Each failure case (a row, a check) becomes one :class:`~factcheck.errors.Problem` naming
the claims file, the line of the offending key, the value found and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from factcheck.claims import MEASURES, STATUSES
from factcheck.errors import Problem
from factcheck.figures import PERCENT_MEASURES, expected_unit
from factcheck.periods import EXPECTED_FORMS, period_parses
from factcheck.registry import Registry

COLUMNS: tuple[str, ...] = (
    "file",
    "file_line",
    "key_lines",
    "document",
    "id",
    "subject",
    "metric",
    "metric_known",
    "measure",
    "status",
    "scope",
    "basis",
    "period",
    "period_ok",
    "base",
    "base_ok",
    "value",
    "quote",
    "line",
    "column",
    "of",
    "of_known",
    "against",
    "against_known",
    "selector_periods_ok",
    "part_of",
    "ignore",
    "extra",
    "published",
    "line_part_of",
    "value_error",
    "unit",
    "dim",
    "unit_ok",
    "lo_s",
    "hi_s",
    "lo_l",
    "hi_l",
    "nominal",
    "qualifier",
    "change",
)


def _is_true(series: pd.Series) -> pd.Series:
    return series.astype(bool)


def _share_in_range(df: pd.DataFrame) -> pd.Series:
    # The printed number must be a percentage; its rounding band may stick out (0% is
    # [-0.5, 0.5]), which says nothing wrong about the text.
    # A share of a target (完成年度计划的108%: of: {status: target}) may pass 100%.
    shares = df["measure"] == "share"
    nominal = df["nominal"].fillna(0)
    of_target = np.array(
        [isinstance(sel, dict) and sel.get("status") == "target" for sel in df["of"].tolist()],
        dtype=bool,
    )
    return ~shares | ((nominal >= 0) & ((nominal <= 100) | of_target))


def _of_only_on_shares(df: pd.DataFrame) -> pd.Series:
    # A 百分点 difference of two shares names their denominator too (比重为8.6%，比上年提高
    # 0.7个百分点: pp with of: {metric: 地区生产总值}).
    has_of = df["of"].notna()
    takes_of = df["measure"].isin(("share", "pp"))
    return (has_of & takes_of) | (~has_of & (df["measure"] != "share"))


def _quote_not_blank(series: pd.Series) -> pd.Series:
    return series.isna() | (series.astype(str).str.strip().str.len() > 0)


def _not_empty(series: pd.Series) -> pd.Series:
    return series.astype(str).str.len() > 0


def _line_number_or_missing(series: pd.Series) -> pd.Series:
    # A line is a positive whole number; YAML may hand over 12, 12.0 (a column with gaps) or "abc".
    numbers = pd.to_numeric(series, errors="coerce")
    return series.isna() | ((numbers >= 1) & (numbers % 1 == 0))


# Checks are named (``pa.Check(fn, name=...)``): pandera reports its built-in checks such as
# ``Check.isin`` under their own description, whatever ``name`` says, and the messages below
# are looked up by check name. Optional text columns have no dtype (``None``): pandas holds
# them as ``str`` or ``object`` depending on whether a value is missing.
CLAIMS_SCHEMA = pa.DataFrameSchema(
    {
        "document": pa.Column(str, nullable=False),
        "id": pa.Column(str, pa.Check(_not_empty, name="id_given"), nullable=False),
        "metric_known": pa.Column(bool, pa.Check(_is_true, name="metric_known")),
        "measure": pa.Column(str, pa.Check(lambda s: s.isin(MEASURES), name="measure_known")),
        "status": pa.Column(str, pa.Check(lambda s: s.isin(STATUSES), name="status_known")),
        "basis": pa.Column(
            None,
            pa.Check(lambda s: s.isna() | s.isin(["real", "nominal"]), name="basis_known"),
            nullable=True,
        ),
        "period_ok": pa.Column(bool, pa.Check(_is_true, name="period_ok")),
        "base_ok": pa.Column(bool, pa.Check(_is_true, name="base_ok")),
        "selector_periods_ok": pa.Column(bool, pa.Check(_is_true, name="selector_periods_ok")),
        "value_error": pa.Column(str, pa.Check(lambda s: s == "", name="value_readable")),
        "unit_ok": pa.Column(bool, pa.Check(_is_true, name="unit_fits")),
        "quote": pa.Column(None, pa.Check(_quote_not_blank, name="quote_not_blank"), nullable=True),
        "line": pa.Column(
            None, pa.Check(_line_number_or_missing, name="line_valid"), nullable=True
        ),
        "column": pa.Column(
            None, pa.Check(_line_number_or_missing, name="column_valid"), nullable=True
        ),
        "of_known": pa.Column(bool, pa.Check(_is_true, name="of_metric_known")),
        "against_known": pa.Column(bool, pa.Check(_is_true, name="against_metric_known")),
        "subject": pa.Column(str, pa.Check(_not_empty, name="subject_given")),
    },
    checks=[
        pa.Check(_share_in_range, name="share_in_range"),
        pa.Check(_of_only_on_shares, name="of_with_share"),
    ],
    unique=["document", "id"],
    report_duplicates="exclude_first",
    strict=False,
    coerce=False,
)

Row = Any
_Message = Callable[[Row, Registry], tuple[str, str]]


def _metric_message(row: Row, registry: Registry) -> tuple[str, str]:
    hints = registry.metrics.suggest(row["metric"])
    hint = f"；是否是指「{'」「'.join(hints)}」？" if hints else "；请在 rules/metrics.yaml 中登记"
    return f"未知指标「{row['metric']}」：应为 rules/metrics.yaml 中的指标名或别名{hint}", "metric"


def _selector_metric_message(field: str) -> _Message:
    def message(row: Row, registry: Registry) -> tuple[str, str]:
        name = (row[field] or {}).get("metric", "")
        hints = registry.metrics.suggest(name)
        hint = f"；是否是指「{'」「'.join(hints)}」？" if hints else ""
        return f"{field} 中的未知指标「{name}」：应为 rules/metrics.yaml 中的指标{hint}", field

    return message


def _unit_message(row: Row, registry: Registry) -> tuple[str, str]:
    metric = registry.metrics.resolve(row["metric"])
    unit = row["unit"] or "无单位"
    unit = {"percent": "%", "permille": "‰", "dimensionless": "无单位"}.get(unit, unit)
    expected = expected_unit(row["measure"], metric)
    return f"数值「{row['value']}」的单位「{unit}」不符：应为 {expected}", "value"


def _share_message(row: Row, _registry: Registry) -> tuple[str, str]:
    return (
        f"占比「{row['value']}」超出 0–100% 的范围：占比应在 0% 与 100% 之间"
        "；若是完成目标的比例（可超过 100%），请写 of: {status: target}",
        "value",
    )


def _of_message(row: Row, _registry: Registry) -> tuple[str, str]:
    if row["measure"] == "share":
        return "占比缺少 of（分母）：应写明占谁的比重，如 of: {metric: 地区生产总值}", "measure"
    selector = "、".join(f"{k}: {v}" for k, v in (row["of"] or {}).items())
    return (
        f"of「{selector}」只用于占比（及占比之差 pp）：应写 measure: share，或去掉 of"
        f"（此声明的 measure 为「{row['measure']}」）",
        "of",
    )


def _duplicate_message(
    row: Row, _registry: Registry, table: pd.DataFrame | None = None
) -> tuple[str, str]:
    message = f"声明 id「{row['id']}」在文档「{row['document']}」中重复：同一文档内的 id 应唯一"
    if table is not None:
        same = table[(table["document"] == row["document"]) & (table["id"] == row["id"])]
        if len(same) > 1:
            message += f"（第一次出现在第 {int(same.iloc[0]['file_line'])} 行）"
    return message, "id"


def _selector_period_message(row: Row, _registry: Registry) -> tuple[str, str]:
    for field in ("of", "against"):
        period = (row[field] or {}).get("period")
        if period is not None and not period_parses(period):
            return f"{field} 中的期间「{period}」无法识别：应为 {EXPECTED_FORMS}", field
    return f"of 或 against 中的期间无法识别：应为 {EXPECTED_FORMS}", "of"


_MESSAGES: dict[str, _Message] = {
    "metric_known": _metric_message,
    "measure_known": lambda row, _r: (
        f"未知的 measure「{row['measure']}」：应为 {'、'.join(MEASURES)} 之一",
        "measure",
    ),
    "status_known": lambda row, _r: (
        f"未知的 status「{row['status']}」：应为 {'、'.join(STATUSES)} 之一",
        "status",
    ),
    "basis_known": lambda row, _r: (
        f"未知的 basis「{row['basis']}」：应为 real 或 nominal",
        "basis",
    ),
    "period_ok": lambda row, _r: (
        f"期间「{row['period']}」无法识别：应为 {EXPECTED_FORMS}",
        "period",
    ),
    "base_ok": lambda row, _r: (
        f"基期 base「{row['base']}」无法识别：应为 {EXPECTED_FORMS}",
        "base",
    ),
    "selector_periods_ok": _selector_period_message,
    "line_valid": lambda row, _r: (
        f"line「{row['line']}」无效：应为引文在源文本中的行号（正整数）",
        "line",
    ),
    "column_valid": lambda row, _r: (
        f"column「{row['column']}」无效：应为引文在源文本中的列号（正整数）",
        "column",
    ),
    "value_readable": lambda row, _r: (str(row["value_error"]).replace("\n", "\n    "), "value"),
    "unit_fits": _unit_message,
    "quote_not_blank": lambda row, _r: ("quote 为空：应为数字所在的原文分句", "quote"),
    "of_metric_known": _selector_metric_message("of"),
    "against_metric_known": _selector_metric_message("against"),
    "subject_given": lambda row, _r: (
        "缺少 subject，且文档未写 region：应写明数字所说的主体",
        "subject",
    ),
    "share_in_range": _share_message,
    "of_with_share": _of_message,
    "id_given": lambda row, _r: ("id 为空：应为文档内唯一的标识", "id"),
    "field_uniqueness": _duplicate_message,
    "multiple_fields_uniqueness": _duplicate_message,
}


def validate_table(
    table: pd.DataFrame, registry: Registry, *, allow: frozenset[str] = frozenset()
) -> list[Problem]:
    """Validate the claims table; every failure as a problem with file and line.

    Args:
        allow: names of checks whose failures are accepted (a draft's share above 100%,
            ``share_in_range``, is the engine's to report, see ``engine._shares_over_whole``).
    """
    if table.empty:
        return []
    try:
        CLAIMS_SCHEMA.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems(exc.failure_cases, table, registry, allow)
    return []


def _problems(
    failures: pd.DataFrame, table: pd.DataFrame, registry: Registry, allow: frozenset[str]
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    for case in failures.to_dict("records"):
        index = case["index"]
        if index is None or pd.isna(index):
            # A failure of the table as a whole (a column missing or of the wrong type): the
            # table was not built by figure_row. Never pass it silently.
            first = table.iloc[0]
            problems.append(
                Problem(
                    f"声明表的列 {case['column']} 不合规则 {case['check']}"
                    f"（{case['failure_case']}）：应为 factcheck.schema.COLUMNS 所列的列及其类型",
                    str(first.get("file", "")) or None,
                    int(first.get("file_line", 1) or 1),
                    code="FC010",
                )
            )
            continue
        check = str(case["check"])
        key = (int(index), check)
        if key in seen or check in allow:
            continue
        seen.add(key)
        row = table.loc[int(index)]
        builder = _MESSAGES.get(check)
        if builder is None:
            message = f"字段 {case['column']} 的值 {case['failure_case']!r} 不合规则 {check}"
            field = "id"
        elif builder is _duplicate_message:
            message, field = _duplicate_message(row, registry, table)
        else:
            message, field = builder(row, registry)
        line = row["key_lines"].get(field, row["file_line"])
        problems.append(Problem(message, str(row["file"]), int(line), code="FC010"))
    problems.sort(key=lambda p: (p.path or "", p.line or 0))
    return problems


__all__ = ["CLAIMS_SCHEMA", "COLUMNS", "PERCENT_MEASURES", "validate_table"]
