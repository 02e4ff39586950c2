"""Adopting factcheck on an existing corpus: configuration, suppressions, baseline, feedback."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pandas as pd
import pytest

from factcheck.baseline import apply_baseline, fingerprint, load_baseline, write_baseline
from factcheck.commands import exit_code_for
from factcheck.config import Config, find_config, load_config, parse_codes
from factcheck.errors import InputError
from factcheck.findings import ClaimRef, Finding
from factcheck.progress import Feedback, progress_wanted
from factcheck.suppress import (
    apply_suppressions,
    claim_suppressions,
    read_directives,
    unused_finding,
)

# ------------------------------------------------------------------------------------ configuration


def test_no_config_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(start=tmp_path) == Config()


def test_factcheck_toml_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        'claims = ["corpus", "more"]\nrules = "r"\nignore = ["FC301"]\nfail-on = "warning"\n'
        'baseline = "b.json"\nregion = "即墨区"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "drafts" / "2025"
    sub.mkdir(parents=True)
    config = load_config(start=sub)
    assert config.claims == (tmp_path / "corpus", tmp_path / "more")
    assert config.rules == tmp_path / "r"
    assert config.ignore == frozenset({"FC301"})
    assert config.fail_on == "warning"
    assert config.baseline == tmp_path / "b.json"
    assert config.region == "即墨区"
    assert config.source == tmp_path / "factcheck.toml"


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail-on = "warning"\n', encoding="utf-8"
    )
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    assert find_config(inner) == tmp_path / "pyproject.toml"
    assert load_config(start=inner).fail_on == "warning"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('claims = "a"\nfail-on = \n', "不是合法的 TOML"),
        ('colour = "red"\n', "无法识别的键 colour"),
        ('fail-on = "critical"\n', "fail-on = 'critical' 无效"),
        ('ignore = ["201"]\n', "ignore = ['201'] 无效"),
        ("claims = []\n", "claims = [] 无效"),
    ],
    ids=["syntax", "unknown-key", "bad-fail-on", "bad-code", "empty-claims"],
)
def test_bad_config_is_an_input_error(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "factcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(expected)) as info:
        load_config(start=tmp_path)
    assert info.value.path == str(tmp_path / "factcheck.toml")


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('claims = "a"\nfail-on = \n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_config(start=tmp_path)
    assert info.value.line == 2


def test_codes_on_the_command_line() -> None:
    assert parse_codes(["fc201, FC202", "FC301"]) == frozenset({"FC201", "FC202", "FC301"})
    with pytest.raises(InputError, match="应形如 FC201"):
        parse_codes(["share-mismatch"])


# ------------------------------------------------------------------------------------- suppressions

DRAFT = """\
# 标题
<!-- factcheck: ignore[FC101] 已与统计局核实 -->
青岛蓝谷集聚高端创新平台120家。
海洋生产总值占GDP的45%。<!-- factcheck: ignore[FC201,fc202] -->
<!-- 一条普通注释 FC999 -->
<!-- factcheck: ignore FC301 -->
"""


def _finding(code: str, file: str, line: int, document: str = "d", claim: str = "c") -> Finding:
    return Finding(
        code, "x", "error", f"{code} 消息", (ClaimRef(claim, document, "引文", "1", file, line, 3),)
    )


def test_directives_cover_their_own_line_or_the_next() -> None:
    directives = read_directives(DRAFT, "a.md", "d")
    got = [(s.code, s.line, s.target_line, s.reason) for s in directives.suppressions]
    assert got == [
        ("FC101", 2, 3, "已与统计局核实"),  # alone on its line: covers the next one
        ("FC201", 4, 4, ""),  # after text: covers its own line
        ("FC202", 4, 4, ""),
    ]
    assert [f.code for f in directives.invalid] == ["FC902"]
    assert directives.invalid[0].location == ClaimRef(
        "suppression", "d", "<!-- factcheck: ignore FC301 -->", "", "a.md", 6, 1
    )


def test_comments_are_blanked_without_moving_anything() -> None:
    masked = read_directives(DRAFT, "a.md", "d").masked
    assert len(masked) == len(DRAFT)
    assert masked.splitlines()[2] == DRAFT.splitlines()[2]
    assert "FC999" not in masked
    assert "factcheck" not in masked
    assert masked.count("\n") == DRAFT.count("\n")


def test_suppressions_accept_only_their_code_at_their_place() -> None:
    suppressions = read_directives(DRAFT, "a.md", "d").suppressions
    findings = [
        _finding("FC101", "a.md", 3),  # accepted by line 2's comment
        _finding("FC201", "a.md", 3),  # another code on that line: still reported
        _finding("FC201", "a.md", 4),  # accepted inline
        _finding("FC101", "b.md", 3),  # another file
    ]
    outcome = apply_suppressions(findings, suppressions)
    assert outcome.findings == (findings[1], findings[3])
    assert outcome.suppressed == (findings[0], findings[2])
    assert [s.code for s in outcome.unused] == ["FC202"]
    unused = unused_finding(outcome.unused[0])
    assert (unused.code, unused.severity, unused.location.line if unused.location else None) == (
        "FC901",
        "warning",
        4,
    )
    assert "第 4 行没有 FC202 发现" in unused.message


def _claims_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "document": ["jimo", "jimo", "other"],
            "id": ["a", "b", "c"],
            "file": ["claims/jimo.yaml", "claims/jimo.yaml", "claims/other.yaml"],
            "file_line": [10, 20, 5],
            "key_lines": [{"ignore": 14}, {}, {"ignore": 8}],
            "ignore": [{"FC201": "口径不同", "FC205": None}, None, {"FC101": "已核实"}],
        }
    )


def test_claim_ignore_entries_become_suppressions() -> None:
    found = claim_suppressions(_claims_table())
    assert [(s.claim, s.code, s.line, s.reason) for s in found] == [
        ("jimo#a", "FC201", 14, "口径不同"),
        ("jimo#a", "FC205", 14, ""),
        ("other#c", "FC101", 8, "已核实"),
    ]
    assert [s.claim for s in claim_suppressions(_claims_table(), documents={"other"})] == [
        "other#c"
    ]
    outcome = apply_suppressions([_finding("FC201", "x.md", 1, "jimo", "a")], found)
    assert outcome.findings == ()
    assert [(s.claim, s.code) for s in outcome.unused] == [
        ("jimo#a", "FC205"),
        ("other#c", "FC101"),
    ]
    assert "声明「a」的 ignore 中 FC205 未抑制任何发现" in unused_finding(outcome.unused[0]).message


# ----------------------------------------------------------------------------------------- baseline


def test_fingerprint_ignores_lines_but_not_figures() -> None:
    a = _finding("FC201", "a.md", 3)
    moved = Finding(
        a.code, a.name, a.severity, a.message, (ClaimRef("c", "d", "引文", "1", "a.md", 30, 9),)
    )
    changed = Finding(
        a.code, a.name, a.severity, a.message, (ClaimRef("c", "d", "引文", "2", "a.md", 3, 3),)
    )
    assert fingerprint(a) == fingerprint(moved)
    assert fingerprint(a) != fingerprint(changed)
    assert fingerprint(a) != fingerprint(_finding("FC202", "a.md", 3))


def test_baseline_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "base.json"
    findings = [
        _finding("FC201", "a.md", 3),
        _finding("FC201", "a.md", 3),
        _finding("FC101", "a.md", 7, claim="e"),
    ]
    assert write_baseline(path, findings) == 2
    first = path.read_text(encoding="utf-8")
    data = json.loads(first)
    fps = [e["fingerprint"] for e in data["findings"]]
    assert fps == sorted(fps)
    assert {e["code"] for e in data["findings"]} == {"FC201", "FC101"}
    write_baseline(path, list(reversed(findings)))
    assert path.read_text(encoding="utf-8") == first  # stable: reviewable diffs
    accepted = load_baseline(path)
    new = _finding("FC202", "a.md", 9)
    kept, dropped = apply_baseline([*findings, new], accepted)
    assert kept == (new,)
    assert dropped == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "找不到基线文件"), ("{not json", "不是合法的 JSON"), ('{"findings": [1]}', "格式不对")],
    ids=["missing", "not-json", "wrong-shape"],
)
def test_bad_baseline_is_an_input_error(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "base.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected):
        load_baseline(path)


# -------------------------------------------------------------------------- exit codes and feedback


@pytest.mark.parametrize(
    ("severities", "fail_on", "exit_zero", "code"),
    [
        ((), "error", False, 0),
        (("warning", "info"), "error", False, 0),
        (("warning", "info"), "warning", False, 1),
        (("error",), "error", False, 1),
        (("error",), "error", True, 0),
    ],
)
def test_exit_code(severities: tuple[str, ...], fail_on: str, exit_zero: bool, code: int) -> None:
    findings = [Finding("FC101", "x", s, "m", ()) for s in severities]  # type: ignore[arg-type]
    assert exit_code_for(findings, fail_on, exit_zero) == code  # type: ignore[arg-type]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci() -> None:
    assert progress_wanted(_Terminal(), {})
    assert not progress_wanted(_Terminal(), {"CI": "true"})
    assert not progress_wanted(io.StringIO(), {})


def test_progress_appears_only_after_a_moment() -> None:
    quick = _Terminal()
    with Feedback(total=2, enabled=True, stream=quick, delay=60) as feedback:
        feedback.step("读取声明库")
    assert not feedback.shown
    assert quick.getvalue() == ""

    slow = _Terminal()
    with Feedback(total=2, enabled=True, stream=slow, delay=0) as feedback:
        feedback.step("读取声明库")
        for _ in range(200):  # the bar starts on a timer thread
            if feedback.shown:
                break
            time.sleep(0.01)
        feedback.step("核对")
    assert feedback.shown
