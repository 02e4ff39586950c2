"""The extractor measured on the seed texts against the curated corpus (issue 6 targets).

The seeds live beside the repository (``../shared/seeds``), as in CI; without them the
measurement is skipped, not faked. The matching rules themselves are tested on small cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.claims import Claim, Document
from factcheck.evaluate import Evaluation, evaluate, render, same_value
from factcheck.evaluate import _line_ranges as line_ranges

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
CLAIMS = ROOT / "claims"

needs_seeds = pytest.mark.skipif(
    not (SEEDS / "README.md").is_file(),
    reason=f"the seed texts are not beside the repository ({SEEDS})",
)


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(CLAIMS, SEEDS)


@needs_seeds
def test_every_curated_document_is_evaluated(evaluation: Evaluation) -> None:
    assert evaluation.skipped == []
    assert evaluation.total.curated >= 300


@needs_seeds
def test_recall_at_least_95_percent(evaluation: Evaluation) -> None:
    assert evaluation.total.recall >= 0.95, render(evaluation)


@needs_seeds
def test_precision_at_least_90_percent(evaluation: Evaluation) -> None:
    assert evaluation.total.precision >= 0.90, render(evaluation)


@needs_seeds
def test_every_document_finds_most_of_its_figures(evaluation: Evaluation) -> None:
    for score in evaluation.documents:
        assert score.recall >= 0.90, (score.document, render(evaluation))
        assert score.precision >= 0.85, (score.document, render(evaluation))


@needs_seeds
def test_full_field_accuracy_does_not_regress(evaluation: Evaluation) -> None:
    # The floor is the accuracy last reached (85.4 %; 57.5 % when this test was written).
    assert evaluation.total.accuracy >= 0.853, render(evaluation)


@needs_seeds
def test_full_field_accuracy_at_least_85_percent(evaluation: Evaluation) -> None:
    # What is left: curated names and subjects the text does not print (subject 羊肚菌种植 for
    # the crop's yield, 空客直升机 for 填补国内3吨级民用直升机制造空白), names several
    # sentences away (工业互联网结对改造企业数量) and layout (零部件企 | caption | 业).
    assert evaluation.total.accuracy >= 0.85, render(evaluation)


@needs_seeds
def test_five_seeds_in_well_under_a_second(evaluation: Evaluation) -> None:
    assert evaluation.seconds < 1.0
    assert evaluation.chars_per_second > 30_000


# --------------------------------------------------------------------------- matching rules


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("345亿元", "345亿元", True),
        ("3.4万余辆", "3.4万余辆", True),
        ("四个", "4个", True),  # Chinese and Arabic numerals
        ("六项", "六个", True),  # counters are interchangeable
        ("七个", "七项", True),
        ("7.7%", "增长7.7%", True),
        ("下降13.5%", "13.5%", False),  # a fall is not a rise
        ("突破600家", "600家", False),  # at least 600 is not about 600
        ("345亿元", "345万元", False),
        ("20万台", "20万辆", False),  # different things counted
        ("50人", "50家", False),
    ],
)
def test_values_compare_as_intervals(a: str, b: str, same: bool) -> None:
    assert same_value(a, b) is same


def _doc(doc_id: str, lines: list[int], source: str = "s.txt") -> tuple[Document, list[Claim]]:
    claims = [
        Claim(id=f"c{n}", document=doc_id, metric="m", value="1个", period="2024", quote="", line=n)
        for n in lines
    ]
    return Document(id=doc_id, source=source), claims


def test_documents_sharing_a_source_own_consecutive_line_ranges() -> None:
    ranges = line_ranges(
        [_doc("report", [3, 3]), _doc("morel", [15]), _doc("langu", [9]), _doc("x", [4], "t.txt")]
    )
    assert ranges == {"report": (1, 8), "langu": (9, 14), "morel": (15, 10**9), "x": (1, 10**9)}


@needs_seeds
def test_cli_evaluate_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    assert main(["evaluate", "--claims", str(CLAIMS), "--seeds", str(SEEDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["recall"] >= 0.95
    documents = {d["document"] for d in data["documents"]}
    assert documents >= {"jimo-2024-reform", "jimo-2021-work-report"}


def test_cli_evaluate_missing_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.evaluate import main

    assert main(["--claims", str(CLAIMS), "--seeds", str(tmp_path / "nowhere")]) == 2
    assert "找不到原文目录" in capsys.readouterr().err
