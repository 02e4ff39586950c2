"""Properties of the extractor: it never crashes, and what it says it found is really there.

For any text: every claim's figure lies at its offsets, its quote stands at its locator and
covers the figure, line and column agree with the offsets, the value and period parse, ids
are unique. For generated report sentences: the printed figures come back exactly, however
OCR spaced their digits.
"""

from __future__ import annotations

import re
import string
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from factcheck import parse_quantity
from factcheck.claims import Claim
from factcheck.extract import extract
from factcheck.periods import parse_period
from factcheck.quantity import normalise

REPORT_CHARS = (
    string.digits
    + ".%％‰,:;-~ \n\t"
    + "０１２３４５６７８９"
    + "万亿千百十元家个项处所人次辆吨亩年月日号第大余多近约超突破以上下左右至"
    + "增长下降同比提高百分点占比全区市省国其中累计预计力争目标年产能达为有"
    + "一二两三四五六七八九十〇零生产总值规上工业增加值社会消费品零售额，。、；：（）“”《》①②③■□"
)

report_text = st.text(alphabet=st.sampled_from(REPORT_CHARS), max_size=300)
any_text = st.text(max_size=200)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", normalise(text)[0])


def _occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def check_locators(text: str, claims: list[Claim]) -> None:
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.start is not None
        assert claim.end is not None
        assert 0 <= claim.start < claim.end <= len(text)
        printed = text[claim.start : claim.end]
        # The value is the printed figure, normalised: the same digits in the same order.
        assert _digits(printed) == _digits(claim.value.lstrip("-")), (printed, claim.value)
        # The quote stands verbatim in the text and covers the figure.
        assert any(
            at <= claim.start and claim.end <= at + len(claim.quote)
            for at in _occurrences(text, claim.quote)
        ), (claim.quote, printed)
        # Line and column (1-based) point at the figure's first character.
        assert claim.line == text.count("\n", 0, claim.start) + 1
        assert claim.column == claim.start - (text.rfind("\n", 0, claim.start) + 1) + 1
        parse_quantity(claim.value)
        parse_period(claim.period)
        assert claim.confidence is not None
        assert 0 <= claim.confidence <= 1


@given(report_text)
def test_report_like_text_never_crashes_and_locators_hold(text: str) -> None:
    check_locators(text, extract(text, "2024-02", "即墨区"))


@given(any_text)
def test_arbitrary_text_never_crashes(text: str) -> None:
    check_locators(text, extract(text, "2024-09", None))


METRICS = {
    "地区生产总值": "亿元",
    "社会消费品零售总额": "亿元",
    "一般公共预算收入": "亿元",
    "固定资产投资": "亿元",
}

amounts = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99999.9"), places=1)
rates = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1)


def _spaced(draw: st.DrawFn, figure: str) -> str:
    # OCR puts stray spaces between the characters of a figure.
    return "".join(ch + (" " if draw(st.booleans()) else "") for ch in figure).rstrip()


@st.composite
def sentences(draw: st.DrawFn) -> tuple[str, str, str, str, str, str]:
    metric = draw(st.sampled_from(sorted(METRICS)))
    year = draw(st.integers(min_value=2001, max_value=2023))
    amount = f"{draw(amounts)}{METRICS[metric]}"
    rate = f"{draw(rates)}%"
    down = draw(st.booleans())
    change = "下降" if down else "增长"
    text = f"{year}年，全区{metric}达到{_spaced(draw, amount)}，同比{change}{_spaced(draw, rate)}。"
    return text, metric, str(year), amount, ("下降" + rate) if down else rate, str(year)


@given(sentences())
def test_generated_sentences_come_back(case: tuple[str, str, str, str, str, str]) -> None:
    text, metric, year, amount, growth, _ = case
    claims = extract(text, "2024-09", "即墨区")
    assert [(c.value, c.metric, c.measure, c.period) for c in claims] == [
        (amount, metric, "level", year),
        (growth, metric, "yoy", year),
    ]
    check_locators(text, claims)
