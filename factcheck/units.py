"""The unit registry: one pint registry per process, with the units Chinese reports use.

``ureg`` is usable from user code (``factcheck.units.ureg.Quantity(3, "亿元")``). The
definitions are data, in ``units_zh.txt`` beside this file. Magnitudes are exact
``Decimal`` numbers (``non_int_type=Decimal``) so that 1278.4亿元 is exactly 127840000000 元.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import pint

_DEFINITIONS = Path(__file__).with_name("units_zh.txt")

ureg: Any = pint.UnitRegistry(
    str(_DEFINITIONS), non_int_type=Decimal, autoconvert_offset_to_baseunit=False
)
pint.set_application_registry(ureg)


class _SameMagnitude(logging.Filter):
    """Drop pint's warning that 百万辆 reads as 百 + 万辆 or as 百万 + 辆.

    pint warns once 万辆 has been parsed (and cached as a unit); magnitudes multiply, so
    every reading is the same 10⁶ 辆 and the warning is noise.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "yield multiple results" not in record.getMessage()


logging.getLogger("pint.util").addFilter(_SameMagnitude())

Unit = Any  # pint.Unit of ``ureg``; pint's own types are not precise enough for mypy

#: Characters a unit expression may contain. Anything else (digits, operators, brackets) is
#: refused before pint sees it: pint would otherwise read "2*3" or "元)" as arithmetic.
_UNIT_TEXT = re.compile(r"^[\u4e00-\u9fffA-Za-z%‰/·²³]+$")

_SPELLINGS = {"%": "percent", "‰": "permille", "²": "**2", "³": "**3", "·": "*"}


class UnknownUnitError(ValueError):
    """A unit text the registry does not know."""


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """Return the pint unit for a unit text such as ``亿元``, ``万人次``, ``公斤/亩`` or ``%``.

    An empty text is the pure number (dimensionless).

    Raises:
        UnknownUnitError: the text names no unit of the registry.
    """
    if text == "":
        return ureg.dimensionless
    if not _UNIT_TEXT.match(text):
        raise UnknownUnitError(text)
    spelled = text
    for sign, word in _SPELLINGS.items():
        spelled = spelled.replace(sign, f" {word} " if word[0].isalpha() else word)
    try:
        return ureg.parse_units(spelled.strip())
    except Exception as exc:  # pint raises several types for unreadable unit text
        raise UnknownUnitError(text) from exc


@lru_cache(maxsize=4096)
def base_factor(unit: Unit) -> tuple[Decimal, Unit]:
    """The factor that turns a magnitude in ``unit`` into base units, and those base units."""
    q = ureg.Quantity(Decimal(1), unit).to_base_units()
    return Decimal(q.magnitude), q.units


def same_dimension(a: Unit, b: Unit) -> bool:
    """Whether two units measure the same kind of thing (万元 and 亿元 do; 辆 and 吨 do not)."""
    return bool(ureg.Quantity(1, a).dimensionality == ureg.Quantity(1, b).dimensionality)


def _counted_units(definitions: str) -> frozenset[str]:
    # The classifiers are the block of definitions under its "# Counted things." comment: the
    # definitions file stays the one list of them.
    block = definitions.split("# Counted things.", 1)[1].split("\n\n", 1)[0]
    return frozenset(
        line.split("=", 1)[0].strip()
        for line in block.splitlines()
        if not line.startswith("#") and "[" in line
    )


#: Base units of counted things (辆, 家, 个, 项, 人 …): a count of them is a whole number.
COUNTED_UNITS = _counted_units(_DEFINITIONS.read_text(encoding="utf-8"))


def is_percent(unit: Unit) -> bool:
    """Whether ``unit`` is the percent sign (not 个百分点, not ‰)."""
    return str(unit) == "percent"
