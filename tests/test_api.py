"""The public surface: what `import factcheck` offers, and the Contract parts of the design."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck

ROOT = Path(__file__).resolve().parents[1]


def test_all_lists_exactly_the_public_names_sorted():
    public = {
        name for name in vars(factcheck) if not name.startswith("_") and name != "annotations"
    }
    modules = {name for name in public if type(getattr(factcheck, name)).__name__ == "module"}
    assert set(factcheck.__all__) == public - modules | {"__version__"}
    assert list(factcheck.__all__) == sorted(factcheck.__all__, key=str)


def test_parse_quantity_contract():
    figure = factcheck.parse_quantity("3.4万余辆")
    assert figure.low == factcheck.ureg.Quantity(34000, "辆")
    assert figure.high == factcheck.ureg.Quantity(35000, "辆")
    assert str(figure.unit) == "万辆"
    open_above = factcheck.parse_quantity("突破600家")
    assert open_above.high is None
    assert open_above.low.magnitude == 600


def test_quantity_error_is_a_value_error_naming_the_text():
    with pytest.raises(ValueError, match=r"12\.\.3%") as info:
        factcheck.parse_quantity("12..3%")
    assert isinstance(info.value, factcheck.QuantityError)


def test_json_output_follows_the_contract():
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr  # the shipped corpus has no error
    data = json.loads(out.stdout)
    assert set(data["summary"]) >= {"errors", "warnings", "infos", "claims"}
    assert data["summary"]["claims"] == 345
    for finding in data["findings"]:
        assert set(finding) >= {"code", "severity", "message", "claims"}
        for claim in finding["claims"]:
            assert set(claim) >= {"id", "document", "quote", "file", "line"}


def test_version_command():
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert factcheck.__version__ in out.stdout
