"""factcheck: check the numbers in Chinese government reports and news features.

Printed figures are read as the intervals they round from (:func:`parse_quantity`), claims
are kept as YAML with their provenance, and the engine checks how figures relate.
"""

from factcheck._version import __version__
from factcheck.claims import Claim, Document, Selector
from factcheck.errors import FactcheckError, InputError, InternalError, QuantityError
from factcheck.periods import Period, parse_period, resolve_phrase
from factcheck.quantity import Figure, format_quantity, parse_quantity
from factcheck.units import ureg

__all__ = [
    "Claim",
    "Document",
    "FactcheckError",
    "Figure",
    "InputError",
    "InternalError",
    "Period",
    "QuantityError",
    "Selector",
    "__version__",
    "format_quantity",
    "parse_period",
    "parse_quantity",
    "resolve_phrase",
    "ureg",
]
