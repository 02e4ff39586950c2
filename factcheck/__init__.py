"""factcheck: check the numbers in Chinese government reports and news features.

Printed figures are read as the intervals they round from (:func:`parse_quantity`), claims
are kept as YAML with their provenance, and the engine checks how figures relate.
"""

from factcheck._version import __version__
from factcheck.claims import Claim, Document, Selector
from factcheck.codes import CODES, CodeInfo
from factcheck.corpus import Corpus, dump, dump_document, load_corpus
from factcheck.engine import check
from factcheck.errors import FactcheckError, InputError, InternalError, QuantityError
from factcheck.findings import ClaimRef, Coverage, FigureValue, Finding, Fix, Report
from factcheck.periods import Period, parse_period, resolve_phrase
from factcheck.quantity import Figure, format_quantity, parse_quantity, parse_readings
from factcheck.registry import Registry, load_registry
from factcheck.rules import Rule, RuleSet, load_rules
from factcheck.units import ureg

__all__ = [
    "CODES",
    "Claim",
    "ClaimRef",
    "CodeInfo",
    "Corpus",
    "Coverage",
    "Document",
    "FactcheckError",
    "Figure",
    "FigureValue",
    "Finding",
    "Fix",
    "InputError",
    "InternalError",
    "Period",
    "QuantityError",
    "Registry",
    "Report",
    "Rule",
    "RuleSet",
    "Selector",
    "__version__",
    "check",
    "dump",
    "dump_document",
    "format_quantity",
    "load_corpus",
    "load_registry",
    "load_rules",
    "parse_period",
    "parse_quantity",
    "parse_readings",
    "resolve_phrase",
    "ureg",
]
