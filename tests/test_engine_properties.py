"""Property tests guarding the engine: no false alarm, real errors caught, results invariant.

The strategies in :mod:`factcheck.testing` draw true values, print them as a report would
(rounded, in 万元 or 亿元, with 余/超过/近/约) and hand back the claims with the truth.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck import check, dump_document, load_corpus
from factcheck.claims import Claim, Document
from factcheck.testing import RELATION_KINDS, ClaimSet, claim_sets, corpus_of, reprints, with_value

ROOT = Path(__file__).resolve().parents[1]
PLAIN = ("plain",)

engine_settings = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


def errors(report) -> list:
    return [f for f in report.findings if f.severity == "error"]


def outcome(report) -> set[tuple[str, str, frozenset[str]]]:
    """What a report says, without the wording: code, severity and the claims named."""
    return {(f.code, f.severity, frozenset(c.key for c in f.claims)) for f in report.findings}


# --------------------------------------------------------------------------- soundness


@pytest.mark.parametrize("relation", RELATION_KINDS)
@engine_settings
@given(data=st.data())
def test_consistent_data_printed_with_rounding_never_yields_an_error(relation, data):
    claim_set = data.draw(claim_sets(relation=relation))
    report = check(corpus_of([claim_set]))
    assert errors(report) == [], [c.value for c in claim_set.claims]


@engine_settings
@given(data=st.data())
def test_two_documents_printing_the_same_truth_never_yield_an_error(data):
    # The same series printed twice by two documents, each rounding its own way.
    a = data.draw(claim_sets())
    b = data.draw(reprints(a, document="doc-b"))
    report = check(corpus_of([a, b]))
    assert errors(report) == [], [
        (c.value, d.value) for c, d in zip(a.claims, b.claims, strict=True)
    ]


@engine_settings
@given(data=st.data())
def test_whole_counts_printed_with_rounding_never_yield_an_error(data):
    # Counts of projects are whole numbers, and the engine reads a plain one as exactly that
    # (104个 is 104): true counts printed plainly, rounded to 万, or with 余/超过/近/约 must
    # still fit their growth, their change and the 其中 part they contain.
    from factcheck.testing import printed_values

    previous = data.draw(st.integers(min_value=1, max_value=10**7), label="previous")
    current = data.draw(st.integers(min_value=1, max_value=10**7), label="current")
    part = data.draw(st.integers(min_value=1, max_value=current), label="part")
    assume(previous != current)

    def printed(n: int, **kw) -> str:
        return data.draw(printed_values(Decimal(n), unit="个", magnitudes=("", "万"), **kw))

    growth = (Decimal(current) / Decimal(previous) - 1) * 100
    decimals = data.draw(st.integers(0, 2), label="decimals")
    word = "增加" if current > previous else "减少"
    claims = [
        ("previous", "2022", printed(previous), {}),
        ("current", "2023", printed(current), {}),
        ("part", "2023", printed(part), {"part_of": "current", "scope": "市级"}),
        ("rate", "2023", f"{growth.quantize(Decimal(10) ** -decimals)}%", {"measure": "yoy"}),
        (
            "change",
            "2023",
            word + printed(abs(current - previous), qualifiers=PLAIN),
            {"measure": "change"},
        ),
    ]
    doc = "counts"
    claim_set = ClaimSet(
        document=Document(id=doc, title="测试文档", published="2024-09", region="即墨区"),
        claims=tuple(
            Claim(
                id=cid,
                document=doc,
                metric="重点项目数量",
                period=period,
                value=value,
                quote=value,
                **kw,
            )
            for cid, period, value, kw in claims
        ),
        truth={},
    )
    report = check(corpus_of([claim_set]))
    assert errors(report) == [], [c.value for c in claim_set.claims]


# --------------------------------------------------------------------------- detection

_LEVEL_ROLES = {
    "share": ("part", "whole"),
    "yoy": ("current", "previous"),
    "multiple": ("current", "previous"),
    "change": ("current", "previous"),
    "cagr": ("end", "base"),
}


def _narrow(claim_set: ClaimSet) -> bool:
    """Whether every figure bounds its value tightly under the lenient reading.

    An integer ending in zeros (10000元) is read leniently to its last non-zero digit, a band
    of up to ±50%, and "0%" is [−0.5%, 0.5%]: detection is promised outside the lenient band,
    so the detection tests draw figures whose bands are narrow.
    """
    return not any(_ambiguous_zeros(c.value) for c in claim_set.claims) and all(
        _relative_width(c.value) < Decimal("0.2") for c in claim_set.claims
    )


def _ambiguous_zeros(value: str) -> bool:
    from factcheck.quantity import parse_quantity

    fig = parse_quantity(value, "lenient")
    strict = parse_quantity(value, "strict")
    return fig.low_value != strict.low_value


def _relative_width(value: str) -> Decimal:
    from factcheck.quantity import parse_quantity

    fig = parse_quantity(value, "lenient")
    if fig.low_value is None or fig.high_value is None or fig.nominal == 0:
        return Decimal(1)
    return (fig.high_value - fig.low_value) / abs(fig.nominal)


def _moved(claim_set: ClaimSet, claim_id: str, factor: Decimal) -> ClaimSet:
    """Reprint one level figure at ``factor`` times its true value, same style and precision."""
    original = next(c for c in claim_set.claims if c.id == claim_id)
    true = claim_set.truth[claim_id]
    # Keep the printed form (magnitude word and unit), scale the number: far outside any band.
    from factcheck.quantity import parse_quantity

    fig = parse_quantity(original.value)
    spelling = fig.spelling
    number = Decimal(spelling.number) * factor
    text = f"{number.normalize():f}{spelling.magnitude}{spelling.unit}"
    assert true > 0
    return with_value(claim_set, claim_id, text)


@pytest.mark.parametrize("relation", sorted(_LEVEL_ROLES))
@engine_settings
@given(data=st.data())
def test_moving_one_figure_outside_its_lenient_band_is_an_error_naming_it(relation, data):
    claim_set = data.draw(claim_sets(relation=relation, qualifiers=PLAIN))
    assume(_narrow(claim_set))
    role = data.draw(st.sampled_from(_LEVEL_ROLES[relation]))
    factor = data.draw(st.sampled_from([Decimal(3), Decimal(5), Decimal("0.2")]))
    moved = _moved(claim_set, role, factor)
    report = check(corpus_of([moved]))
    named = {c.id for f in errors(report) for c in f.claims}
    assert role in named, [f.message for f in report.findings]


@pytest.mark.parametrize("relation", ["part", "district", "towns", "period", "capacity"])
@engine_settings
@given(data=st.data())
def test_a_smaller_figure_moved_above_the_bigger_one_is_an_error_naming_it(relation, data):
    claim_set = data.draw(claim_sets(relation=relation, qualifiers=PLAIN))
    assume(_narrow(claim_set))
    # At least three times the whole, whatever fraction of it the part was.
    times = 3 * -(-claim_set.truth["whole"] // claim_set.truth["part"])
    report = check(corpus_of([_moved(claim_set, "part", times)]))
    (finding,) = errors(report)
    codes = {
        "part": "FC207",
        "district": "FC208",
        "towns": "FC211",
        "period": "FC210",
        "capacity": "FC209",
    }
    assert finding.code == codes[relation]
    named = [c.id for c in finding.claims]
    if relation == "towns":  # the district first, then every town added up
        assert named[0] == "whole"
        assert "part" in named
    else:
        assert named == ["part", "whole"]


@engine_settings
@given(data=st.data())
def test_a_moved_growth_rate_is_an_error(data):
    claim_set = data.draw(claim_sets(relation="yoy", qualifiers=PLAIN))
    assume(_narrow(claim_set))
    rate = claim_set.truth["rate"]
    moved = with_value(claim_set, "rate", f"{(rate + 60).quantize(Decimal('0.1'))}%")
    report = check(corpus_of([moved]))
    assert any(c.id == "rate" for f in errors(report) for c in f.claims)


# --------------------------------------------------------------------------- invariance


def _in_yi(claim: Claim) -> Claim:
    """The same figure printed in 亿元 instead of 万元, with the same interval."""
    value = claim.value
    word = next((w for w in ("增加", "减少") if value.startswith(w)), "")
    body = value[len(word) :]
    if not body.endswith("万元") or any(q in body for q in ("余", "超过", "近", "约")):
        return claim
    number = Decimal(body[: -len("万元")])
    return claim.with_(value=f"{word}{(number.scaleb(-4)):f}亿元")


@engine_settings
@given(data=st.data())
def test_findings_do_not_depend_on_the_unit_chosen(data):
    relation = data.draw(st.sampled_from(sorted(_LEVEL_ROLES)))
    claim_set = data.draw(claim_sets(relation=relation, qualifiers=PLAIN))
    role = data.draw(st.sampled_from(_LEVEL_ROLES[relation]))
    for candidate in (claim_set, _moved(claim_set, role, Decimal(3))):
        in_wan = [c for c in candidate.claims if c.value.endswith("万元")]
        # Integers with trailing zeros read differently once a decimal point appears.
        assume(not any(_ambiguous_zeros(c.value) for c in in_wan))
        converted = ClaimSet(
            candidate.document, tuple(_in_yi(c) for c in candidate.claims), candidate.truth
        )
        assert outcome(check(corpus_of([candidate]))) == outcome(check(corpus_of([converted])))


@engine_settings
@given(st.data(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_file_or_claim_order(data, rng):
    a = data.draw(claim_sets(qualifiers=PLAIN))
    b = data.draw(reprints(a, document="doc-b"))
    role = data.draw(
        st.sampled_from(
            sorted(set(a.truth) & {"part", "whole", "current", "previous", "end", "base"})
            or ["none"]
        )
    )
    moved = _moved(a, role, Decimal(3)) if role != "none" else a
    forward = check(corpus_of([moved, b]))
    shuffled_claims = list(b.claims)
    rng.shuffle(shuffled_claims)
    b2 = ClaimSet(b.document, tuple(shuffled_claims), b.truth)
    backward = check(corpus_of([b2, moved]))
    assert outcome(forward) == outcome(backward)


@engine_settings
@given(claim_sets(), st.data())
def test_findings_survive_a_yaml_round_trip(claim_set, data):
    import tempfile

    role = data.draw(
        st.sampled_from(sorted(set(claim_set.truth) & {"part", "current", "end"}) or ["none"])
    )
    subject = _moved(claim_set, role, Decimal(3)) if role != "none" else claim_set
    with tempfile.TemporaryDirectory() as tmp:
        dump_document(subject.document, subject.claims, Path(tmp) / "claims" / "doc.yaml")
        loaded = load_corpus(Path(tmp) / "claims", ROOT / "rules")
    assert outcome(check(loaded)) == outcome(check(corpus_of([subject])))


# --------------------------------------------------------------------------- derivation

_LEAVE_OUT = {
    "share": ("whole", "part"),
    "yoy": ("previous", "current"),
    "multiple": ("previous", "current"),
    "change": ("previous", "current"),
    "cagr": ("base", "end"),
    "pp": ("other",),
    # Last year's share, implied by both levels and both growth rates (never printed).
    "share-points": ("other",),
}


@pytest.mark.parametrize("relation", sorted(_LEAVE_OUT))
@engine_settings
@given(data=st.data())
def test_a_derived_interval_always_contains_the_true_value(relation, data):
    role = data.draw(st.sampled_from(_LEAVE_OUT[relation]))
    # FigureValue carries the strict reading, so print every digit honestly (602, not 600).
    claim_set = data.draw(claim_sets(relation=relation, leave_out=role, honest=True))
    subject, metric, measure, period, true = claim_set.missing
    report = check(corpus_of([claim_set]))
    derived = [
        f
        for f in report.figures
        if f.derived
        and (f.subject, f.metric, f.measure, f.period) == (subject, metric, measure, period)
    ]
    assert derived, "the missing figure was not derived"
    for fig in derived:
        factor = _unit_factor(fig.unit)
        value = float(true) / factor
        low = -float("inf") if fig.low is None else fig.low
        high = float("inf") if fig.high is None else fig.high
        assert low <= value <= high, (fig, value)


@engine_settings
@given(data=st.data())
def test_a_share_nobody_states_is_implied_from_its_levels_around_its_true_value(data):
    # Last year's share from last year's levels, each derived from this year's level and its
    # growth: not from the 百分点 claim (that copy is the derivation test's above).
    claim_set = data.draw(claim_sets(relation="share-points", honest=True))
    report = check(corpus_of([claim_set]))
    implied = [
        f
        for f in report.figures
        if f.derived
        and (f.subject, f.measure, f.period) == ("即墨区", "share", "2022")
        and "doc-a#points" not in f.claims
    ]
    assert len(implied) == 1
    assert set(implied[0].claims) == {
        "doc-a#part",
        "doc-a#whole",
        "doc-a#part-rate",
        "doc-a#whole-rate",
    }
    # A level printed 超过500元 has no upper bound, and neither has the share then.
    low = -float("inf") if implied[0].low is None else implied[0].low
    high = float("inf") if implied[0].high is None else implied[0].high
    assert low <= float(claim_set.truth["share0"]) <= high


def _unit_factor(unit: str) -> float:
    from factcheck.units import base_factor, parse_unit

    if unit in ("%", "个百分点", "倍"):
        return 1.0
    return float(base_factor(parse_unit(unit))[0])


@given(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False, allow_infinity=False))
def test_numbers_in_messages_print_the_same_on_the_fast_path(value):
    """Messages print four significant digits (12,346 · 7.7 · 0.01235); the common range
    takes a cheaper route that must print exactly what the general one prints."""
    from factcheck.wording import sig, sig_general

    assert sig(value) == sig_general(value)


def test_numbers_in_messages_read_as_an_editor_expects():
    from factcheck.wording import sig

    assert [sig(v) for v in (12345.6, 811.54, 7.7, 0.012345, 2.0, -5.25, 0, -1e-13)] == [
        "12,346",
        "811.5",
        "7.7",
        "0.01235",
        "2",
        "-5.25",
        "0",
        "0",  # a bound widened a hair below zero is not "-0"
    ]


def test_an_interval_prints_with_the_digits_its_width_needs():
    from factcheck.wording import fmt

    yi = ("亿元", 1.0)
    # 4722万吨 is [4721.5, 4722.5]: four digits would say [4,721, 4,723], twice as wide.
    # The engine widens bounds outward by a hair; it does not show.
    assert fmt((4721.4999999, 4722.5000001), ("万吨", 1.0)) == "[4,721.5, 4,722.5]万吨"
    assert fmt((999.5, 1000.5), ("亩", 1.0)) == "[999.5, 1,000.5]亩"
    # Wide enough for four digits: as before.
    assert fmt((811.54, 815.82), yi) == "[811.5, 815.8]亿元"
    assert fmt((9987.79, 10012.24), yi) == "[9,988, 10,012]亿元"
    # Both ends to the same place, zeros both ends share dropped.
    assert fmt((6.47095, 6.47205), yi) in ("[6.4709, 6.4721]亿元", "[6.4710, 6.4721]亿元")
    assert fmt((2610.0, 2612.0), yi) == "[2,610, 2,612]亿元"
    # A point widened by hairs is one number, and so is an interval four digits cannot
    # tell from one.
    assert fmt((103.9999999, 104.0000001), ("个", 1.0)) == "104个"
    assert fmt((96129999.5, 96130000.5), ("万元", 1.0)) == "96,130,000万元"


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.floats(min_value=1e-6, max_value=1e9, allow_nan=False),
)
def test_the_ends_an_interval_prints_stay_within_a_tenth_of_its_width(lo, width):
    from factcheck.wording import fmt

    hi = lo + width
    assume(hi > lo and abs(lo) > 1e-3 and abs(hi) > 1e-3)
    text = fmt((lo, hi), ("", 1.0))
    if text.startswith("["):
        low, high = (float(x.replace(",", "")) for x in text[1:-1].split(", "))
        # Digits are capped at six places, which a width under 1e-5 may need more of.
        slack = max(width / 10, 0.5e-6) * 1.0001
    else:
        # One number: the interval is narrower than four significant digits show.
        low = high = float(text.replace(",", ""))
        slack = 0.0005 * max(abs(lo), abs(hi)) * 1.0001 + width
    assert abs(low - lo) <= slack, (lo, hi, text)
    assert abs(high - hi) <= slack, (lo, hi, text)
