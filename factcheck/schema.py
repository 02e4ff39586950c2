"""The pandera schema of the claims table, and its failures as problems a user can act on.

Every check is vectorised over the table, so validating a million claims costs a second or
so. Each failure case (a row, a check) becomes one :class:`~factcheck.errors.Problem` naming
the claims file, the line of the offending key, the value found and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pandera.pandas as pa

from factcheck.claims import MEASURES, STATUSES
from factcheck.errors import Problem
from factcheck.figures import PERCENT_MEASURES, expected_unit
from factcheck.periods import EXPECTED_FORMS
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
    "value",
    "quote",
    "line",
    "column",
    "of",
    "of_known",
    "against",
    "against_known",
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
    shares = df["measure"] == "share"
    lo = df["lo_s"].fillna(0)
    hi = df["hi_s"].fillna(0)
    return ~shares | ((lo >= 0) & (hi <= 100.0 + 1e-9) & (df["nominal"].fillna(0) <= 100))


def _of_only_on_shares(df: pd.DataFrame) -> pd.Series:
    has_of = df["of"].notna()
    return (has_of & (df["measure"] == "share")) | (~has_of & (df["measure"] != "share"))


def _quote_not_blank(series: pd.Series) -> pd.Series:
    return series.isna() | (series.astype(str).str.strip().str.len() > 0)


CLAIMS_SCHEMA = pa.DataFrameSchema(
    {
        "document": pa.Column(str, nullable=False),
        "id": pa.Column(str, pa.Check.str_length(min_value=1), nullable=False),
        "metric_known": pa.Column(bool, pa.Check(_is_true, name="metric_known")),
        "measure": pa.Column(str, pa.Check.isin(MEASURES, name="measure_known")),
        "status": pa.Column(str, pa.Check.isin(STATUSES, name="status_known")),
        "basis": pa.Column(object, pa.Check(lambda s: s.isna() | s.isin(["real", "nominal"]), name="basis_known"), nullable=True),
        "period_ok": pa.Column(bool, pa.Check(_is_true, name="period_ok")),
        "value_error": pa.Column(str, pa.Check(lambda s: s == "", name="value_readable")),
        "unit_ok": pa.Column(bool, pa.Check(_is_true, name="unit_fits")),
        "quote": pa.Column(object, pa.Check(_quote_not_blank, name="quote_not_blank"), nullable=True),
        "of_known": pa.Column(bool, pa.Check(_is_true, name="of_metric_known")),
        "against_known": pa.Column(bool, pa.Check(_is_true, name="against_metric_known")),
        "subject": pa.Column(str, pa.Check.str_length(min_value=1, name="subject_given")),
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
    return f"占比「{row['value']}」超出 0–100% 的范围：占比应在 0% 与 100% 之间", "value"


def _of_message(row: Row, _registry: Registry) -> tuple[str, str]:
    if row["measure"] == "share":
        return "占比缺少 of（分母）：应写明占谁的比重，如 of: {metric: 地区生产总值}", "measure"
    return f"of 只用于占比（measure: share），而此声明的 measure 为「{row['measure']}」", "of"


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
    "basis_known": lambda row, _r: (f"未知的 basis「{row['basis']}」：应为 real 或 nominal", "basis"),
    "period_ok": lambda row, _r: (f"期间「{row['period']}」无法识别：应为 {EXPECTED_FORMS}", "period"),
    "value_readable": lambda row, _r: (str(row["value_error"]).replace("\n", "\n    "), "value"),
    "unit_fits": _unit_message,
    "quote_not_blank": lambda row, _r: ("quote 为空：应为数字所在的原文分句", "quote"),
    "of_metric_known": _selector_metric_message("of"),
    "against_metric_known": _selector_metric_message("against"),
    "subject_given": lambda row, _r: ("缺少 subject，且文档未写 region：应写明数字所说的主体", "subject"),
    "share_in_range": _share_message,
    "of_with_share": _of_message,
    "str_length(1, None)": lambda row, _r: ("id 为空：应为文档内唯一的标识", "id"),
    "field_uniqueness": lambda row, _r: (
        f"声明 id「{row['id']}」在文档「{row['document']}」中重复：同一文档内的 id 应唯一",
        "id",
    ),
    "multiple_fields_uniqueness": lambda row, _r: (
        f"声明 id「{row['id']}」在文档「{row['document']}」中重复：同一文档内的 id 应唯一",
        "id",
    ),
}


def validate_table(table: pd.DataFrame, registry: Registry) -> list[Problem]:
    """Validate the claims table; every failure as a problem with file and line."""
    if table.empty:
        return []
    try:
        CLAIMS_SCHEMA.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems(exc.failure_cases, table, registry)
    return []


def _problems(failures: pd.DataFrame, table: pd.DataFrame, registry: Registry) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    for case in failures.itertuples(index=False):
        index = case.index
        if index is None or pd.isna(index):
            continue
        check = str(case.check)
        key = (int(index), check)
        if key in seen:
            continue
        seen.add(key)
        row = table.loc[int(index)]
        builder = _MESSAGES.get(check)
        if builder is None and check.startswith("str_length"):
            builder = _MESSAGES["str_length(1, None)"]
        if builder is None:
            message, field = f"字段 {case.column} 的值 {case.failure_case!r} 不合规则 {check}", "id"
        else:
            message, field = builder(row, registry)
        line = row["key_lines"].get(field, row["file_line"])
        problems.append(Problem(message, row["file"], int(line), code="FC010"))
    problems.sort(key=lambda p: (p.path or "", p.line or 0))
    return problems


__all__ = ["CLAIMS_SCHEMA", "COLUMNS", "PERCENT_MEASURES", "validate_table"]
