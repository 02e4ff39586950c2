"""The towns and streets of one document add up to at most its region's figure (FC211).

A table by township (城关镇, 东湖镇 … and a 全县 row) or the same figures in prose: for a metric
that adds up across places, the towns' sum cannot exceed the whole. Only towns (镇, 乡, 街道):
parks and zones (开发区) overlap them. Not an equality: a document may list only some towns.
"""

from __future__ import annotations

from factcheck import check
from factcheck.claims import Claim, Document
from factcheck.testing import ClaimSet, corpus_of

BULLETIN = Document(
    id="sl-2023",
    title="2023年松岭县国民经济和社会发展统计公报",
    published="2024-03",
    region="松岭县",
)


def _gdp(cid: str, subject: str, value: str, doc: Document = BULLETIN, **kw) -> Claim:
    kw.setdefault("metric", "地区生产总值")
    return Claim(
        id=cid,
        document=doc.id,
        subject=subject,
        period="2023",
        value=value,
        quote=f"{subject}{value}",
        **kw,
    )


def _findings(*claims_by_doc: tuple[Document, tuple[Claim, ...]]):
    return check(
        corpus_of([ClaimSet(document=d, claims=c, truth={}) for d, c in claims_by_doc])
    ).findings


TOWNS = (
    _gdp("chengguan", "城关镇", "182.3亿元"),
    _gdp("donghu", "东湖镇", "126.5亿元"),
    _gdp("nanling", "南岭镇", "107.6亿元"),
)


def test_towns_adding_up_to_more_than_the_county_is_an_error_naming_them_all():
    # At least 182.25 + 126.45 + 105.75 + 107.55 = 522.0, against at most 512.25.
    claims = (*TOWNS, _gdp("xishan", "西山乡", "105.8亿元"), _gdp("county", "松岭县", "512.2亿元"))
    (finding,) = _findings((BULLETIN, claims))
    assert (finding.code, finding.severity) == ("FC211", "error")
    assert [c.id for c in finding.claims] == ["county", "chengguan", "donghu", "nanling", "xishan"]
    assert (
        "之和至少 522亿元，超过 松岭县 地区生产总值 2023 「512.2亿元」（sl-2023） 的上限 512.25亿元"
        in (finding.message)
    )


def test_towns_adding_up_to_the_county_or_less_are_not_reported():
    # 182.3 + 126.5 + 95.8 + 107.6 = 512.2: the whole county, to the digit.
    claims = (*TOWNS, _gdp("xishan", "西山乡", "95.8亿元"), _gdp("county", "松岭县", "512.2亿元"))
    assert _findings((BULLETIN, claims)) == ()
    # Three of the four towns: less than the county, as it should be.
    assert _findings((BULLETIN, (*TOWNS, _gdp("county", "松岭县", "512.2亿元")))) == ()


def test_towns_above_the_county_only_under_the_strict_reading_is_a_warning():
    # 300.4 + 200.4 is at least 300.35 + 200.35 = 500.7, above 500亿元 read strictly (≤ 500.5)
    # but not read leniently, its zeros not significant (≤ 550).
    claims = (
        _gdp("a", "城关镇", "300.4亿元"),
        _gdp("b", "东湖镇", "200.4亿元"),
        _gdp("county", "松岭县", "500亿元"),
    )
    (finding,) = _findings((BULLETIN, claims))
    assert (finding.code, finding.severity) == ("FC211", "warning")


def test_a_development_zone_overlaps_the_towns_and_is_not_added():
    # The zone lies across 城关镇 and 东湖镇: 182.3 + 126.5 + 300.2 > 512.2 means nothing.
    claims = (
        *TOWNS,
        _gdp("zone", "松岭经济开发区", "300.2亿元"),
        _gdp("county", "松岭县", "512.2亿元"),
    )
    assert _findings((BULLETIN, claims)) == ()


def test_what_is_not_a_sum_of_towns_is_not_added():
    # An average does not add up across places.
    income = (
        _gdp("a", "城关镇", "5.2万元", metric="居民人均可支配收入"),
        _gdp("b", "东湖镇", "4.8万元", metric="居民人均可支配收入"),
        _gdp("county", "松岭县", "5.0万元", metric="居民人均可支配收入"),
    )
    assert _findings((BULLETIN, income)) == ()
    # Another document's towns: its year, scope or boundaries may differ.
    other = Document(
        id="sl-towns", title="松岭县乡镇经济简况", published="2024-05", region="松岭县"
    )
    towns = tuple(c.with_(document=other.id) for c in TOWNS)
    assert _findings((other, towns), (BULLETIN, (_gdp("county", "松岭县", "312.2亿元"),))) == ()
    # Towns the registry puts under another district are not this county's.
    city = Document(id="qd", title="青岛市统计公报", published="2024-03", region="青岛市")
    registered = (
        _gdp("a", "潮海街道", "60.2亿元", doc=city),
        _gdp("b", "田横镇", "50.1亿元", doc=city),
        _gdp("city", "青岛市", "100.3亿元", doc=city),
    )
    assert _findings((city, registered)) == ()
