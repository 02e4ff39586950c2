"""Markdown tables in drafts: found, kept out of the prose, and read cell by cell.

The tables were written for these tests in the layouts Chinese bulletins and plan reviews
use. 松岭县 and its towns are not in the registry.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main
from factcheck.extract import extract
from factcheck.markup import blank_tables, find_tables
from factcheck.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "rules")

PLAN_REVIEW = """\
# 松岭县“十四五”规划纲要实施中期评估报告

表1　“十四五”规划主要指标进展情况

| 指标 | 单位 | 2020年基数 | 2022年实际 | 2025年目标 | 属性 | 目标完成进度 |
|---|---|---|---|---|---|---|
| 地区生产总值 | 亿元 | 198.6 | 236.2 | 290左右 | 预期性 | 41.1% |
| 森林覆盖率 | % | 35.1 | 35.6 | 36.5 | 约束性 | 35.7% |
| 居民人均可支配收入 | 元 | 31,460 | 36,085 | 与经济增长同步 | 预期性 | — |

注：目标完成进度 =（2022年实际值 − 2020年基数）÷（2025年目标值 − 2020年基数）。
"""

TOWNS = """\
# 松岭县2023年国民经济和社会发展统计公报

2023年，全县实现地区生产总值{county}亿元，比上年增长5.6%。

表2　2023年各乡镇地区生产总值

单位：亿元

| 地区 | 地区生产总值 | 比上年增长（%） | 占全县比重（%） |
|---|---:|---:|---:|
| 全县 | 268.4 | 5.6 | 100.0 |
| 城关镇 | {town} | 6.1 | 38.3 |
| 柳河镇 | 61.2 | 5.2 | 22.8 |
"""

PRODUCTS = """\
表3　2023年主要工业产品产量及其增长速度

| 产品名称 | 单位 | 产量 | 比上年增长（%） |
| --- | --- | ---: | ---: |
| 汽车 | 万辆 | 12.56 | -3.1 |
| 发电量 | 亿千瓦时 | 86.3 | 4.2 |
"""


def read(text: str, date: str) -> list[dict[str, Any]]:
    return [
        {
            "at": f"{c.line}:{c.column}",
            "subject": c.subject,
            "metric": c.metric,
            "period": c.period,
            "measure": c.measure,
            "status": c.status,
            "value": c.value,
        }
        | ({"of": c.of.subject} if c.of and c.of.subject else {})
        for c in extract(text, date, "松岭县", registry=REGISTRY)
    ]


def test_a_plan_table_reads_base_result_and_target_for_each_indicator() -> None:
    got = read(PLAN_REVIEW, "2023-09")
    # Columns 属性 and 目标完成进度 are not figures of the indicator; 与经济增长同步 is no
    # figure at all. Every other cell is one claim, at the cell's own line and column.
    assert got == [
        {"at": "7:17", "metric": "地区生产总值", "period": "2020", "status": "actual"}
        | {"subject": "松岭县", "measure": "level", "value": "198.6亿元"},
        {"at": "7:25", "metric": "地区生产总值", "period": "2022", "status": "actual"}
        | {"subject": "松岭县", "measure": "level", "value": "236.2亿元"},
        {"at": "7:33", "metric": "地区生产总值", "period": "2025", "status": "target"}
        | {"subject": "松岭县", "measure": "level", "value": "290亿元左右"},
        {"at": "8:15", "metric": "森林覆盖率", "period": "2020", "status": "actual"}
        | {"subject": "松岭县", "measure": "level", "value": "35.1%"},
        {"at": "8:22", "metric": "森林覆盖率", "period": "2022", "status": "actual"}
        | {"subject": "松岭县", "measure": "level", "value": "35.6%"},
        {"at": "8:29", "metric": "森林覆盖率", "period": "2025", "status": "target"}
        | {"subject": "松岭县", "measure": "level", "value": "36.5%"},
        {"at": "9:19", "metric": "居民人均可支配收入", "period": "2020", "status": "actual"}
        | {"subject": "松岭县", "measure": "level", "value": "31,460元"},
        {"at": "9:28", "metric": "居民人均可支配收入", "period": "2022", "status": "actual"}
        | {"subject": "松岭县", "measure": "level", "value": "36,085元"},
    ]


def test_a_table_of_places_gives_each_row_its_place_and_shares_of_the_whole() -> None:
    got = read(TOWNS.format(county="268.4", town="102.7"), "2024-03")
    towns = [g for g in got if g["at"].startswith(("12:", "13:"))]
    assert towns == [
        {"at": "12:9", "subject": "城关镇", "metric": "地区生产总值", "period": "2023"}
        | {"measure": "level", "status": "actual", "value": "102.7亿元"},
        # The growth column names no metric: it is the growth of the column before it.
        {"at": "12:17", "subject": "城关镇", "metric": "地区生产总值", "period": "2023"}
        | {"measure": "yoy", "status": "actual", "value": "6.1%"},
        {"at": "12:23", "subject": "城关镇", "metric": "地区生产总值", "period": "2023"}
        | {"measure": "share", "status": "actual", "value": "38.3%", "of": "松岭县"},
        {"at": "13:9", "subject": "柳河镇", "metric": "地区生产总值", "period": "2023"}
        | {"measure": "level", "status": "actual", "value": "61.2亿元"},
        {"at": "13:16", "subject": "柳河镇", "metric": "地区生产总值", "period": "2023"}
        | {"measure": "yoy", "status": "actual", "value": "5.2%"},
        {"at": "13:22", "subject": "柳河镇", "metric": "地区生产总值", "period": "2023"}
        | {"measure": "share", "status": "actual", "value": "22.8%", "of": "松岭县"},
    ]
    # The 全县 row is the county itself; its share of itself (100.0) says nothing.
    whole = [g for g in got if g["at"].startswith("11:")]
    assert [(g["subject"], g["measure"], g["value"]) for g in whole] == [
        ("松岭县", "level", "268.4亿元"),
        ("松岭县", "yoy", "5.6%"),
    ]


def test_a_product_table_takes_its_year_from_the_caption_and_units_from_their_column() -> None:
    got = read(PRODUCTS, "2024-03")
    # Published in March 2024, a bare 产量 would be of 2024: the caption says 2023.
    assert [(g["period"], g["measure"], g["value"]) for g in got] == [
        ("2023", "level", "12.56万辆"),
        # 比上年增长（%）: the column's own unit, not the row's 万辆.
        ("2023", "yoy", "-3.1%"),
        ("2023", "level", "86.3亿千瓦时"),
        ("2023", "yoy", "4.2%"),
    ]
    # 汽车 with 产量 is the registry's 整车产量, and so is its growth (the 产量 column's).
    assert [g["metric"] for g in got[:2]] == ["整车产量", "整车产量"]


def draft_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> list[str]:
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    main(["check", str(draft), "--date", "2024-03", "-f", "json", "--exit-zero"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return sorted(f"{f['code']} {f['severity']} {f['claims'][0]['line']}" for f in findings)


def test_table_figures_are_checked_against_each_other_and_the_prose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 102.7 ÷ 268.4 = 38.26 % (38.3 printed); 61.2 ÷ 268.4 = 22.80 % (22.8 printed).
    assert draft_codes(tmp_path, capsys, TOWNS.format(county="268.4", town="102.7")) == []
    # 112.7 ÷ [268.35, 268.45] ≥ 41.98 %, far from 38.3 %: the share names the town's row.
    # (Once against the prose's 268.4, once against the 全县 row's.)
    moved = draft_codes(tmp_path, capsys, TOWNS.format(county="268.4", town="112.7"))
    assert set(moved) == {"FC201 error 12"}
    # The prose says 286.4, the table's 全县 row 268.4: the same figure printed twice.
    codes = draft_codes(tmp_path, capsys, TOWNS.format(county="286.4", town="102.7"))
    assert "FC101 error 3" in codes or "FC101 error 11" in codes


def test_tables_are_found_with_caption_and_unit_and_blanked_out_of_the_prose() -> None:
    text = TOWNS.format(county="268.4", town="102.7")
    (table,) = find_tables(text)
    assert table.caption is not None
    assert table.caption.text == "表2　2023年各乡镇地区生产总值"
    assert table.unit == "亿元"
    header = ["地区", "地区生产总值", "比上年增长（%）", "占全县比重（%）"]
    assert [c.text for c in table.header] == header
    assert [[c.text for c in row] for row in table.rows][1] == ["城关镇", "102.7", "6.1", "38.3"]
    # A cell's offset points at its text in the source.
    cell = table.rows[1][1]
    assert text[cell.start : cell.end] == "102.7"
    blank = blank_tables(text, (table,))
    assert len(blank) == len(text)
    assert blank.count("\n") == text.count("\n")
    assert "102.7" not in blank
    assert "比上年增长5.6%" in blank


def test_pipes_without_a_rule_row_are_not_a_table() -> None:
    assert find_tables("甲 | 乙\n1 | 2\n") == ()
    # The rule row makes it one, with or without outer pipes.
    (table,) = find_tables("指标 | 2023年\n--- | ---\n常住人口（万人） | 42.15\n")
    assert [c.text for c in table.rows[0]] == ["常住人口（万人）", "42.15"]
