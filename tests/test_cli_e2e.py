"""End to end through the real command line (``python -m factcheck`` in a subprocess).

The draft ``tests/data/drafts/jimo-brief-2025.md`` was written for these tests: checked
against the shipped corpus it has exactly three deliberate errors (see ``tests/data/README.md``).
A few cheap variations run in-process through :func:`factcheck.cli.main` to keep the suite fast.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from factcheck.app import use_color
from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DRAFT = "tests/data/drafts/jimo-brief-2025.md"
DRAFT_ARGS = ["--date", "2025-09", "--region", "即墨区"]
#: (code, line, column) of the three deliberate errors.
EXPECTED = [("FC201", 3, 32), ("FC101", 7, 19), ("FC202", 9, 31)]
HEAD = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<code>FC\d{3}) (?P<sev>error|warning|info) "
)

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("factcheck.extract") is None,
    reason="factcheck.extract (the draft extractor) is not in this checkout",
)


def run(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m factcheck ARGS`` with pipes (so: no colour, no progress bar)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """The same command in-process through :func:`factcheck.cli.main` (exit code, out, err)."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def located(findings: list[dict[str, object]]) -> list[tuple[object, object, object]]:
    out = []
    for f in findings:
        first = f["claims"][0]  # type: ignore[index]
        out.append((f["code"], first["line"], first["column"]))  # type: ignore[index]
    return out


@pytest.fixture(scope="module")
def draft_json() -> dict[str, object]:
    result = run("check", DRAFT, *DRAFT_ARGS, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# -------------------------------------------------------------------------- the draft, every format


def test_draft_has_exactly_the_deliberate_errors(draft_json: dict[str, object]) -> None:
    findings: list[dict[str, object]] = draft_json["findings"]  # type: ignore[assignment]
    assert sorted(located(findings)) == sorted(EXPECTED)
    for f in findings:
        assert f["severity"] == "error"
        first = f["claims"][0]  # type: ignore[index]
        assert (first["file"], first["document"]) == (DRAFT, "jimo-brief-2025")
        assert {"code", "severity", "message", "claims"} <= set(f)
        for claim in f["claims"]:  # type: ignore[attr-defined]
            assert {"id", "document", "quote", "file", "line"} <= set(claim)
    by_code = {f["code"]: f for f in findings}
    assert by_code["FC101"]["claims"][1]["document"] == "jimo-2024-reform"  # type: ignore[index]
    assert by_code["FC101"]["claims"][1]["quote"] == "112家高端创新平台"  # type: ignore[index]
    assert "算得 [39.74, 39.87]%" in str(by_code["FC201"]["message"])
    summary = draft_json["summary"]
    assert {k: summary[k] for k in ("errors", "warnings", "infos", "claims")} == {  # type: ignore[index]
        "errors": 3,
        "warnings": 0,
        "infos": 0,
        "claims": 8,
    }


def test_text_report_reads_like_a_linter() -> None:
    result = run("check", DRAFT, *DRAFT_ARGS)
    assert result.returncode == 1
    assert result.stderr == ""  # no progress bar when piped, no traceback
    assert "\x1b[" not in result.stdout
    heads = [HEAD.match(line) for line in result.stdout.splitlines()]
    assert [(m["path"], m["code"], int(m["line"]), int(m["col"])) for m in heads if m] == [
        (DRAFT, code, line, col) for code, line, col in EXPECTED
    ]
    assert (
        "  = jimo-2024-reform#bluevalley-innovation-platforms-2024 「112家高端创新平台」"
        in result.stdout
    )
    assert result.stdout.splitlines()[-1].startswith(
        "共 3 个错误、0 个警告、0 个提示（8 条声明，8 条参与核对"
    )


def test_colour_follows_the_flag_and_no_color(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "check", DRAFT, *DRAFT_ARGS, "--color", "always")
    assert code == 1
    assert "\x1b[" in out

    class Tty:
        def isatty(self) -> bool:
            return True

    assert use_color("auto", Tty(), {})  # type: ignore[arg-type]
    assert not use_color("auto", Tty(), {"NO_COLOR": "1"})  # type: ignore[arg-type]


def test_sarif_is_valid_and_points_at_the_draft(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = run("check", DRAFT, *DRAFT_ARGS, "-f", "sarif", "-o", out)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"报告已写入 {out}" in result.stderr
    log = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    places = []
    for res in log["runs"][0]["results"]:
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": DRAFT, "uriBaseId": "%SRCROOT%"}
        places.append((res["ruleId"], loc["region"]["startLine"], loc["region"]["startColumn"]))
    assert sorted(places) == sorted(EXPECTED)
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left nothing behind


def test_junit_has_a_failure_per_error(tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    assert run("check", DRAFT, *DRAFT_ARGS, "-f", "junit", "-o", out).returncode == 1
    root = ET.parse(out).getroot()
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert sorted((c.get("classname"), c.get("file"), c.get("line")) for c in failed) == sorted(
        (f"factcheck.{code}", DRAFT, str(line)) for code, line, _ in EXPECTED
    )
    assert root.get("failures") == "3"
    # One test case per relation checked: the consistent ones pass, named by what they check.
    passing = [
        c for c in root.iter("testcase") if c.find("failure") is None and c.find("skipped") is None
    ]
    assert passing
    assert all(c.get("classname", "").startswith("factcheck.FC") for c in passing)
    assert any("一致性" in c.get("name", "") or "：" in c.get("name", "") for c in passing)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_html_report_opens_in_a_browser_without_network(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert run("check", DRAFT, *DRAFT_ARGS, "-f", "html", "-o", page).returncode == 1
    html = page.read_text(encoding="utf-8")
    # Nothing the page could fetch: no URL at all, and a policy that forbids every request.
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", html)
    assert (
        "Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\"" in html
    )
    charts = html.count('<figure class="chart"')
    assert charts >= 3  # one per metric the three findings are about

    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    for code, line, col in EXPECTED:
        assert f'data-code="{code}"' in dom
        assert f'data-location="{DRAFT}:{line}:{col}"' in dom
    assert dom.count('class="finding error"') == 3
    assert "112家高端创新平台" in dom
    assert "占全区GDP的45%" in dom
    figures = re.findall(r'<figure class="chart".*?</figure>', dom, flags=re.DOTALL)
    assert len(figures) == charts
    assert all("<svg" in f and "</svg>" in f for f in figures)
    assert all(v.startswith(("#", "data:")) for v in re.findall(r'\b(?:src|href)="([^"]*)"', dom))

    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, "--window-size=1200,2400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page with text and charts, not a blank one


# --------------------------------------------------------------------------------------- exit codes


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "check", DRAFT, *DRAFT_ARGS, "--exit-zero", "-f", "json")[0] == 0

    clean = tmp_path / "clean.md"
    clean.write_text("2024年上半年，全区海洋生产总值达345亿元。\n", encoding="utf-8")
    code, out, _ = cli(capsys, "check", clean, *DRAFT_ARGS)
    assert code == 0, out
    assert out.startswith("未发现问题（1 条声明，1 条参与核对")

    warned = tmp_path / "warned.md"
    warned.write_text("2023年，青岛国际陆港货物吞吐量突破1000万吨，增速66%。\n", encoding="utf-8")
    args = ("check", warned, "--date", "2024-01", "--region", "即墨区", "-f", "json")
    code, out, _ = cli(capsys, *args)
    assert code == 0
    assert json.loads(out)["summary"]["warnings"] >= 1
    assert json.loads(out)["summary"]["errors"] == 0
    assert cli(capsys, *args, "--fail-on", "warning")[0] == 1


def test_a_draft_quoting_a_part_and_its_whole_is_not_told_they_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sentence of the 2022 review (000_a13a888047298e0d.txt:59), restated in a draft. The
    # extractor reads 其中市级攻坚项目104个 as the 市级 part of the 195: not the same figure as
    # the 195, and the same as the review's 市级 104.
    draft = tmp_path / "projects.md"
    sentence = "2022年，全区已开工攻坚项目195个，其中市级攻坚项目{}个。\n"
    args = ("check", draft, "--date", "2023-01", "--region", "即墨区", "-f", "json")

    def findings(part: int) -> list[tuple[str, list[str]]]:
        draft.write_text(sentence.format(part), encoding="utf-8")
        out = json.loads(cli(capsys, *args)[1])["findings"]
        return sorted((f["code"], [c["id"] for c in f["claims"]]) for f in out)

    assert findings(104) == []
    # 110 市级 projects against the review's 104.
    review = "urban-renewal-city-projects-started-2022"
    assert findings(110) == [("FC101", ["l1-2", review])]
    # 196 is more than the 195 it is part of, too.
    assert findings(196) == [("FC101", ["l1-2", review]), ("FC207", ["l1-2", "l1-1"])]


def test_a_count_of_listed_firms_is_not_the_regions_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The 2023 review has 高新技术企业突破600家 (jimo-2023-review#high-tech-enterprises-2023).
    # 20 firms named by example as doing something are not that total; 20 as the total is an
    # error.
    draft = tmp_path / "expo.md"
    args = ("check", draft, "--date", "2024-01", "--region", "即墨区", "-f", "json")

    def codes(sentence: str) -> list[str]:
        draft.write_text(sentence, encoding="utf-8")
        return sorted(f["code"] for f in json.loads(cli(capsys, *args)[1])["findings"])

    assert codes("2023年，海尔、海信等20家高新技术企业参加展会。\n") == []
    assert "FC101" in codes("2023年，全区高新技术企业20家。\n")


def test_a_folder_of_drafts_is_checked_draft_by_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(ROOT / DRAFT, tmp_path / "a.md")
    (tmp_path / "b.txt").write_text("2024年上半年，全区海洋生产总值达345亿元。\n", encoding="utf-8")
    code, out, _ = cli(capsys, "check", tmp_path, *DRAFT_ARGS, "-f", "json")
    data = json.loads(out)
    assert code == 1
    assert {f["claims"][0]["file"] for f in data["findings"]} == {str(tmp_path / "a.md")}
    assert data["summary"]["claims"] == 9  # eight in a.md, one in b.txt


def test_config_file_sets_fail_on_and_ignore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "factcheck.toml").write_text(
        f'claims = "{(ROOT / "claims").as_posix()}"\nrules = "{(ROOT / "rules").as_posix()}"\n'
        'ignore = ["FC201", "FC101", "FC202"]\nregion = "即墨区"\n',
        encoding="utf-8",
    )
    draft = tmp_path / "brief.md"
    shutil.copy(ROOT / DRAFT, draft)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "brief.md", "--date", "2025-09", "-f", "json"]) == 0
    assert main(["check", "brief.md", "--date", "2025-09", "--ignore", "FC999", "-f", "json"]) == 0


# ------------------------------------------------------------------------ suppressions and baseline


def test_inline_suppressions_and_unused_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (ROOT / DRAFT).read_text(encoding="utf-8").splitlines()
    unused = "<!-- factcheck: ignore[FC205] 这一行没有 FC205 -->"
    lines[2] += unused  # line 3: inline, but nothing to accept
    lines.insert(
        6, "<!-- factcheck: ignore[FC101] 已与原稿核实 -->"
    )  # covers the next line (now 8)
    lines.insert(10, "<!-- factcheck: ignore FC202 -->")  # unreadable: no brackets
    draft = tmp_path / "jimo-brief-2025.md"
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, out, _ = cli(capsys, "check", draft, *DRAFT_ARGS, "-f", "json")
    data = json.loads(out)
    assert sorted(located(data["findings"])) == sorted(
        [
            ("FC201", 3, 32),
            ("FC202", 10, 31),
            ("FC901", 3, lines[2].index(unused) + 1),
            ("FC902", 11, 1),
        ]
    )
    assert data["summary"]["suppressed"] == 1
    assert code == 1


def _corpus_copy(tmp_path: Path) -> tuple[Path, Path]:
    claims, rules = tmp_path / "claims", tmp_path / "rules"
    shutil.copytree(ROOT / "claims", claims)
    shutil.copytree(ROOT / "rules", rules)
    return claims, rules


def _add_ignore(path: Path, claim_id: str, entry: str) -> int:
    """Give a claim an ``ignore`` entry; return the line it is on."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"  - id: {claim_id}") + 1
    lines.insert(at, f"    ignore: {{{entry}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def test_claim_suppressions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims, rules = _corpus_copy(tmp_path)
    reform = claims / "jimo-2024-reform.yaml"
    accepted = _add_ignore(
        reform, "bluevalley-innovation-platforms-2024", "FC101: 测试：平台口径不同"
    )
    stale = _add_ignore(reform, "marine-projects-introduced-2024", "FC205: 测试：此处并无倍数")
    corpus = ["--claims", claims, "--rules", rules]

    drafted = json.loads(cli(capsys, "check", DRAFT, *DRAFT_ARGS, *corpus, "-f", "json")[1])
    assert sorted(located(drafted["findings"])) == [("FC201", 3, 32), ("FC202", 9, 31)]
    assert drafted["summary"]["suppressed"] == 1

    whole = json.loads(cli(capsys, "check", *corpus, "-f", "json", "--exit-zero")[1])
    unused = [f["claims"][0] for f in whole["findings"] if f["code"] == "FC901"]
    # In a corpus run the draft-only FC101 acceptance is unused too: both are reported.
    assert sorted((c["file"], c["line"]) for c in unused) == [
        (str(reform), accepted),
        (str(reform), stale),
    ]


def test_baseline_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "factcheck-baseline.json"
    code, _, err = cli(
        capsys, "check", DRAFT, *DRAFT_ARGS, "--baseline", baseline, "--update-baseline"
    )
    assert code == 0
    assert "已把 3 个发现写入基线" in err
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == 3

    # The same draft, edited: two lines added on top (every line moves) and one new error.
    edited = tmp_path / "jimo-brief-2025.md"
    text = (ROOT / DRAFT).read_text(encoding="utf-8")
    edited.write_text("\n\n" + text + "\n2023年，全区高新技术企业达到560家。\n", encoding="utf-8")
    code, out, _ = cli(capsys, "check", edited, *DRAFT_ARGS, "--baseline", baseline, "-f", "json")
    data = json.loads(out)
    assert located(data["findings"])  # the new error is reported …
    assert all(line == 17 for _, line, _ in located(data["findings"]))  # … and nothing else
    assert data["summary"]["baselined"] == 3
    assert code == 1


# ---------------------------------------------------------------------------------------- bad input


def _one_clear_message(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert result.stderr.startswith("factcheck：")


def test_missing_file_exits_2() -> None:
    _one_clear_message(run("check", "no-such-draft.md"), "no-such-draft.md: 找不到该文件或目录")


def test_draft_that_is_not_utf8_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "gbk.md"
    draft.write_bytes("2024年，全区海洋生产总值达345亿元。".encode("gbk"))
    code, out, err = cli(capsys, "check", draft, *DRAFT_ARGS)
    assert (code, out) == (2, "")
    assert err.startswith(f"factcheck：错误：{draft}:1: 草稿不是 UTF-8 编码（第 5 字节为 0xc4）")


def test_broken_config_exits_2(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        'claims = "claims\nfail-on = "error"\n', encoding="utf-8"
    )
    _one_clear_message(run("check", cwd=tmp_path), "配置文件不是合法的 TOML")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", DRAFT, "--date", "下周"], "无法识别的日期"),
        (["check", "README"], "找不到该文件或目录"),
        (["check", "pyproject.toml"], "无法识别的文件类型 .toml"),
        (["check", "--format", "yaml"], "用法错误"),
        (["check", "--baseline", "none.json"], "找不到基线文件"),
        (["explain", "FC999"], "未知代码"),
        (["show", "海洋生产总量"], "是否想找：海洋生产总值"),
    ],
    ids=["date", "missing", "file-type", "format", "baseline", "code", "metric"],
)
def test_other_bad_input_exits_2(
    args: list[str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err


def test_bad_claims_are_listed_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims, rules = _corpus_copy(tmp_path)
    (claims / "broken.yaml").write_text(
        "document:\n  id: broken\nclaims:\n  - id: a\n    value: [\n", encoding="utf-8"
    )
    reform = claims / "jimo-2024-reform.yaml"
    reform.write_text(
        reform.read_text(encoding="utf-8").replace("value: 345亿元", "value: 345亿吨", 1),
        encoding="utf-8",
    )
    result = run("check", "--claims", claims, "--rules", rules)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{claims / 'broken.yaml'}:" in result.stderr
    assert f"{reform}:" in result.stderr

    code, out, _ = cli(capsys, "lint", "--claims", claims, "--rules", rules)
    assert code == 2
    problems = [line for line in out.splitlines() if re.match(r"^\S+\.yaml:\d+(:\d+)?: ", line)]
    assert {p.split(":")[0] for p in problems} == {str(claims / "broken.yaml"), str(reform)}
    assert out.splitlines()[-1].startswith(f"发现 {len(problems)} 处问题")


# ------------------------------------------------------------------------ lint, explain, show, help


def test_lint_of_the_shipped_corpus_is_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(capsys, "lint")
    assert code == 0, out
    assert re.match(r"未发现问题：\d+ 个声明文件，\d+ 条声明，\d+ 条规则", out)


def test_explain_and_show(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = cli(capsys, "explain", "FC201")
    assert code == 0
    assert out.startswith("FC201 share-mismatch")
    assert "占比" in out
    assert "ignore[FC201]" in out
    assert cli(capsys, "explain", "unused-suppression")[1].startswith("FC901 unused-suppression")
    assert "FC902" in cli(capsys, "explain")[1]
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(capsys, "show", "海洋生产总值", "--subject", "即墨区")
    assert code == 0
    assert "345亿元" in out
    assert "2024H1" in out
    # 195 projects are a whole number: shown as 195个, not [195, 195]个.
    code, out, _ = cli(capsys, "show", "城市更新项目数量", "--subject", "即墨区")
    assert "│ 195个 │ 195个 │" in out
    code, out, _ = cli(capsys, "show", "GDP", "--format", "json")
    assert code == 0
    figures = json.loads(out)["figures"]
    assert json.loads(out)["metric"] == "地区生产总值"
    assert any(f["derived"] for f in figures)
    assert any(not f["derived"] for f in figures)


@pytest.mark.parametrize("command", [[], ["check"], ["lint"], ["explain"], ["show"]])
def test_help_everywhere(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    assert "Usage: factcheck" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"factcheck, version {__version__}"


def test_counts_of_kinds_of_firms_are_not_the_regions_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read as the region's 企业数量 and 高新技术企业数量, the 1200 and the 85 disagreed (FC101),
    # the 650 and the 20 disagreed (FC101), and 650 high-tech firms exceeded 85 firms (FC401):
    # three false errors in four consistent figures.
    draft = tmp_path / "firms.md"
    draft.write_text(
        "2024年前三季度，全区外贸备案企业1200家，高新技术企业650家。"
        "全区20家高新技术企业参加广交会。新材料企业85家。\n",
        encoding="utf-8",
    )
    args = ("check", draft, "--date", "2024-10", "--region", "即墨区", "-f", "json")
    code, out, _ = cli(capsys, *args)
    assert (code, json.loads(out)["findings"]) == (0, [])
    # The region's own total of high-tech firms, printed twice, still meets itself.
    draft.write_text(
        "2023年，全区高新技术企业650家。全区高新技术企业共有720家。\n", encoding="utf-8"
    )
    code, out, _ = cli(capsys, *args)
    errors = [f["code"] for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert (code, errors) == (1, ["FC101"])


@pytest.mark.parametrize(
    "second",
    ["截至9月末，全区实际使用外资3.5亿美元。", "1—9月，全区实际使用外资3.5亿美元。"],
)
def test_the_same_months_in_other_words_are_the_same_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: str
) -> None:
    # 前三季度, 1—9月 and (for what accrues) 截至9月末 are one period: 3.2 and 3.5 disagree.
    draft = tmp_path / "fdi.md"
    draft.write_text(f"前三季度，全区实际使用外资3.2亿美元。{second}\n", encoding="utf-8")
    args = ("check", draft, "--date", "2024-10", "--region", "即墨区", "-f", "json")
    code, out, _ = cli(capsys, *args)
    assert [(f["code"], f["severity"]) for f in json.loads(out)["findings"]] == [("FC101", "error")]
    assert code == 1
