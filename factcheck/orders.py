"""Orders and plans: a part (其中) is at most its whole, a district at most its city for
additive metrics, a document's towns together at most its region, a flow over part of a
period at most the flow over the whole period, production at most capacity; targets are
compared with results (info).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from factcheck.findings import Finding, Fix
from factcheck.keys import CLS, MEASURE, METRIC, PARTS, PERIOD, SUBJECT
from factcheck.periods import PeriodError, parse_period
from factcheck.pool import ERROR, SEVERITY, WARNING, Context, Pool, isin
from factcheck.wording import (
    claim_ref,
    display,
    ends,
    figure_label,
    figure_text,
    fmt,
    fmt_one,
    num,
    prefetch,
    printed_per_checked,
    reading_note,
    refs,
)


def _order_finding(
    ctx: Context, pool: Pool, small: int, big: int, sev: int, code: str, name: str, what: str
) -> Finding:
    unit = display(ctx, pool, small)
    r = "l" if sev == ERROR else "s"

    def edge(fid: int, side: str, name: str) -> str:
        # A whole count (195个) is its own edge: saying "的上限 195个" again adds nothing.
        lo, hi = ends((pool.cell(fid, f"lo_{r}"), pool.cell(fid, f"hi_{r}")), unit)
        return "" if lo == hi else f" 的{name} {lo if side == 'lo' else hi}"

    def named(fid: int) -> str:
        # The label says which subject, period and scope: what tells the two figures apart.
        return f"{figure_label(ctx, pool, fid)} {figure_text(ctx, pool, fid)}"

    message = (
        f"{what}：{named(small)}{edge(small, 'lo', '下限')} "
        f"超过 {named(big)}{edge(big, 'hi', '上限')}；"
        f"{reading_note(sev)}"
    )
    return Finding(
        code=code,
        name=name,
        severity=SEVERITY[sev],  # type: ignore[arg-type]
        message=message,
        claims=refs(ctx, pool, [small, big]),
        fix=_order_fix(ctx, pool, small, big, unit),
        metric=str(pool.cell(small, "metric")),
        subject=str(pool.cell(small, "subject")),
    )


def _order_fix(ctx: Context, pool: Pool, small: int, big: int, unit: tuple[str, float]) -> Fix:
    # The smaller figure is the one offered: a 其中 part, a district, an output. Held to the
    # strict top of the bigger one, it fits under every reading; amounts start at 0.
    per = printed_per_checked(ctx, pool, small)
    top = pool.cell(big, "hi_s") / per
    ref, other = claim_ref(ctx, small), claim_ref(ctx, big)
    # The bigger figure's own low end sets how many digits its top needs.
    _, most = ends((pool.cell(big, "lo_s") / per, top), unit)
    text = f"若「{other.quote or other.value}」无误，「{ref.quote or ref.value}」应不超过 {most}"
    return Fix(ref.key, 0.0, num(top, unit), unit[0], text)


def order_check(
    ctx: Context,
    pool: Pool,
    pairs: tuple[Any, Any],  # (small ids, big ids), arrays or lists
    code: str,
    name: str,
    what: str,
) -> tuple[list[Finding], set[int], int]:
    """Each (small, big) pair of figure ids: the small one must not exceed the big one."""
    small, big = (np.asarray(side, dtype=np.int64) for side in pairs)
    if not len(small):
        return [], set(), 0
    n = len(small)
    cell = pool.cell
    dim = cell.array("dim")
    same = dim[small] == dim[big]
    small, big = small[same], big[same]
    cap = np.minimum(cell.array("cap")[small], cell.array("cap")[big])
    lo_l, hi_l, lo_s, hi_s = (cell.array(c) for c in ("lo_l", "hi_l", "lo_s", "hi_s"))
    sev = np.where(
        lo_l[small] > hi_l[big],
        np.minimum(ERROR, cap),
        np.where(lo_s[small] > hi_s[big], np.minimum(WARNING, cap), 0),
    )
    failing = np.flatnonzero(sev)
    prefetch(ctx, pool, np.concatenate([small[failing], big[failing]]))
    findings = [
        _order_finding(ctx, pool, int(small[i]), int(big[i]), int(sev[i]), code, name, what)
        for i in failing
    ]
    if pool.records is not None:
        for a, b, v in zip(small.tolist(), big.tolist(), sev.tolist(), strict=True):
            title = f"{what.split('（')[0]}：{figure_label(ctx, pool, a)}"
            pool.record(code, name, title, (a, b), SEVERITY[v] if v else "pass")
    return findings, set(small.tolist()) | set(big.tolist()), n


def part_pairs(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The rows of each 其中 part that names a whole of its document, and of that whole."""
    part_of = table["part_of"].to_numpy()
    parts = np.flatnonzero(pd.notna(part_of))
    if not len(parts):
        return parts, parts
    docs, _ = pd.factorize(table["document"].to_numpy())
    ids = table["id"].to_numpy()
    # Ids are unique within a document: look the whole up by (document, id) among the
    # claims that some 其中 names.
    named = pd.Series(ids).isin(set(part_of[parts].tolist())).to_numpy()
    rows = np.flatnonzero(named & np.isin(docs, np.unique(docs[parts])))
    pairs = pd.DataFrame({"doc": docs[parts], "id": part_of[parts], "part": parts}).merge(
        pd.DataFrame({"doc": docs[rows], "id": ids[rows], "whole": rows}),
        on=["doc", "id"],
    )
    return pairs["part"].to_numpy(), pairs["whole"].to_numpy()


def part_whole(ctx: Context, pool: Pool) -> tuple[list[Finding], set[int], int]:
    small, wholes = ctx.parts
    if not len(small):
        return [], set(), 0
    measure = ctx.cell.array("measure")
    levels = (measure[small] == "level") & (measure[wholes] == "level")
    # 全年…，其中上半年… is a part of the year's time, not of its scope: for a flow that is
    # FC210's order (it would be reported twice), for a stock no order at all.
    period = ctx.cell.array("period")
    levels &= period[small] == period[wholes]
    # A part of an average is no part of a sum: 其中，城镇居民人均可支配收入 is above the
    # 全体居民 figure it is listed under. Only metrics that add up are bounded by their whole.
    not_additive = {m.name for m in ctx.corpus.registry.metrics if not m.additive}
    metric = ctx.cell.array("metric")
    # A hash lookup: np.isin sorts object arrays (0.08 s at a million claims, against 0.01).
    either = pd.Series(metric[np.concatenate([small, wholes])]).isin(not_additive).to_numpy()
    levels &= ~(either[: len(small)] | either[len(small) :])
    return order_check(
        ctx,
        pool,
        (small[levels], wholes[levels]),
        "FC207",
        "part-exceeds-whole",
        "部分大于整体（其中）",
    )


def _stated_actual_levels(pool: Pool, metrics: list[str]) -> np.ndarray:
    """The ids of the stated actual levels of ``metrics``. Read from the stated figures' key
    part codes: integers compared, where the text columns would take a tenth of a second at
    a million claims."""
    vocab, parts = pool.vocabularies, pool.parts
    wanted = vocab[METRIC].find(np.asarray(metrics, dtype=object))
    return np.flatnonzero(
        (parts[MEASURE] == vocab[MEASURE].get("level"))
        & (parts[CLS] == vocab[CLS].get("A"))
        & np.isin(parts[METRIC], wanted[wanted >= 0])
    )


def _bigger_figures(
    pool: Pool,
    levels: np.ndarray,
    part: int,
    bigger: Callable[[str], list[str]],
    skip: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (level, figure) where the figure is one of ``levels`` with the level's key but
    for ``part``, which is one of ``bigger(text)`` for the level's own text of that part
    (its subject's ancestors, the periods that contain its period).

    Each level is repeated once per bigger text, worked out once per distinct text, and the
    keys are looked up among the run's. ``skip``: levels not to take as the smaller side.
    """
    code, present = pd.factorize(pool.cell.array(PARTS[part])[levels])
    lists = [bigger(str(text)) for text in present]
    lengths = np.array([len(found) for found in lists], dtype=np.int64)
    count = lengths[code]
    if skip is not None:
        count[skip] = 0
    if not count.any():
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    flat = np.array([text for found in lists for text in found], dtype=object)
    first = (np.cumsum(lengths) - lengths)[code]
    fids = np.repeat(levels, count)
    offset = np.arange(len(fids)) - np.repeat(np.cumsum(count) - count, count)
    query = pool.key_parts(fids)
    query[part] = pool.vocabularies[part].find(flat[np.repeat(first, count) + offset])
    rows, big = pool.lookup(query)
    keep = isin(big, levels)
    return fids[rows[keep]], big[keep]


def hierarchy(ctx: Context, pool: Pool) -> tuple[list[Finding], set[int], int]:
    additive = [m.name for m in ctx.corpus.registry.metrics if m.additive]
    levels = _stated_actual_levels(pool, additive)
    if not len(levels):
        return [], set(), 0
    # The same figure of each ancestor of a figure's subject, nearest first.
    pairs = _bigger_figures(pool, levels, SUBJECT, ctx.corpus.registry.subjects.ancestors)
    return order_check(
        ctx,
        pool,
        pairs,
        "FC208",
        "part-exceeds-parent",
        "下级地区数字大于上级（可加指标）",
    )


def _containers(periods: list[str]) -> list[list[str]]:
    """For each period text, the texts among ``periods`` of the periods that strictly contain
    it (2024H1 → 2024, 2023..2025). As-of dates are no stretch of time a flow is counted
    over, and contain nothing nor are contained."""
    spans = []
    for text in periods:
        try:
            p = parse_period(text)
        except PeriodError:
            p = None
        spans.append(None if p is None or p.kind == "date" else p)
    return [
        [
            periods[j]
            for j, big in enumerate(spans)
            if small is not None and big is not None and big != small and big.contains(small)
        ]
        for small in spans
    ]


def periods_within(ctx: Context, pool: Pool) -> tuple[list[Finding], set[int], int]:
    """A flow over part of a period is at most the same flow over the whole period.

    Only metrics the registry marks ``flow`` (non-negative amounts counted over a period)
    and only stated actual levels (an estimate among them: a year cannot end below what its
    first half already counted); a target or a capacity is no count of what happened. A 累计
    figure dated to a year is left out on the smaller side, because it may count from before
    that year (累计完成投资 since a project began); one dated to months, quarters or a half
    (1—9月累计) is that stretch of the year, and is compared. On the bigger side counting from
    earlier only makes a figure bigger, so every 累计 figure stays.
    """
    levels = _stated_actual_levels(pool, [m.name for m in ctx.corpus.registry.metrics if m.flow])
    if not len(levels):
        return [], set(), 0
    period = pool.cell.array("period")[levels]
    present = [str(p) for p in pd.unique(period)]
    containers = dict(zip(present, _containers(present), strict=True))
    # A 累计 dated to a year (2023, four characters) is not taken as the smaller figure.
    # Stated figures are the claims of the same rows (ids below ``pool.stated``).
    skip = ctx.cell.array("status")[levels] == "cumulative"
    at = np.flatnonzero(skip)
    skip[at] = [len(str(p)) == 4 for p in period[at]]
    pairs = _bigger_figures(pool, levels, PERIOD, containers.__getitem__, skip=skip)
    return order_check(
        ctx,
        pool,
        pairs,
        "FC210",
        "part-period-exceeds-period",
        "部分期间的数字大于全期（流量指标）",
    )


#: Places that do not overlap one another within a county or district: its towns (镇, 乡),
#: its streets (街道) and, in Inner Mongolia, its 苏木. Parks and zones (开发区, 新区) are
#: laid over them and are never summed.
_TOWN = ("镇", "乡", "街道", "街办", "苏木")


def towns_sum(ctx: Context, pool: Pool) -> tuple[list[Finding], set[int], int]:
    """The towns and streets a document gives a figure for add up to at most its region's.

    Within one document only: a table by township (城关镇 182.3亿元, 东湖镇 126.5亿元 … 全县
    512.2亿元) or the same figures in prose. Only for metrics that add up across subjects,
    only actual levels, and only places the registry does not put under another parent.
    Not an equality: a document may list only some of its towns.
    """
    names = pool.vocabularies[SUBJECT]
    if not any(str(t).endswith(_TOWN) for t in names.texts(np.arange(len(names)))):
        return [], set(), 0  # no town anywhere in the run
    cell = pool.cell
    rows = _stated_actual_levels(pool, [m.name for m in ctx.corpus.registry.metrics if m.additive])
    if not len(rows):
        return [], set(), 0
    subject = cell.array("subject")[rows].astype(str)
    document = ctx.cell.array("document")[rows]
    doc_code, docs = pd.factorize(document)
    region = np.array(
        [getattr(ctx.corpus.documents.get(d), "region", None) or "" for d in docs], dtype=object
    )[doc_code]
    subjects = ctx.corpus.registry.subjects

    def of_region(place: str, region: str) -> bool:
        # A town the registry puts under another parent is not one of this region's.
        known = subjects.items.get(place)
        return known is None or not known.parent or known.parent == region

    # Worked out once per distinct subject, then per distinct (town, region) pair.
    subject_code, distinct = pd.factorize(subject)
    town = np.array([str(p).endswith(_TOWN) for p in distinct], dtype=bool)[subject_code]
    at = np.flatnonzero(town)
    if len(at):
        seen: dict[tuple[str, str], bool] = {}
        for i in at.tolist():
            pair = (subject[i], region[i])
            if pair not in seen:
                seen[pair] = of_region(*pair)
            town[i] = seen[pair]
    whole = subject == region
    if not town.any() or not whole.any():
        return [], set(), 0
    frame = pd.DataFrame(
        {
            "fid": rows,
            "doc": document,
            "metric": cell.array("metric")[rows],
            "period": cell.array("period")[rows],
            "scope": ctx.cell.array("scope")[rows],
            "subject": subject,
            "lo_s": cell.array("lo_s")[rows],
            "lo_l": cell.array("lo_l")[rows],
            "dim": cell.array("dim")[rows],
            # Where each claim is printed: ties are broken and towns listed in that order,
            # whatever order the claims were loaded in.
            "at": list(
                zip(
                    ctx.cell.array("file").astype(str)[rows].tolist(),
                    pd.Series(pd.to_numeric(ctx.cell.array("file_line")[rows])).fillna(-1).tolist(),
                    ctx.cell.array("id")[rows].tolist(),
                    strict=True,
                )
            ),
        }
    ).fillna({"scope": ""})
    key = ["doc", "metric", "period", "scope", "dim"]
    # A town printed twice (in a table and in the prose) counts once, at its lowest.
    parts = frame[town].sort_values(["lo_l", "at"]).drop_duplicates([*key, "subject"])
    parts = parts.sort_values("at")
    counted = parts.groupby(key, sort=False).agg(
        n=("fid", "size"), lo_s=("lo_s", "sum"), lo_l=("lo_l", "sum"), fids=("fid", list)
    )
    counted = counted[counted["n"] >= 2]
    if counted.empty:
        return [], set(), 0
    hi_s, hi_l = cell.array("hi_s"), cell.array("hi_l")
    # The region's figure printed twice (the table's 全县 row and the prose) is one
    # comparison, against the wider printing; the other is named with it.
    wholes = frame[whole].assign(hi_l=hi_l[frame["fid"][whole].to_numpy()])
    wholes = wholes.sort_values(["hi_l", "at"], ascending=[False, True])
    also = wholes.groupby(key, sort=False)["fid"].agg(list)
    pairs = wholes.drop_duplicates(key).merge(counted.reset_index(), on=key, suffixes=("", "_sum"))
    findings: list[Finding] = []
    took: set[int] = set()
    caps = cell.array("cap")
    for big, towns, sum_s, sum_l, printed in zip(
        pairs["fid"].tolist(),
        pairs["fids"].tolist(),
        pairs["lo_s_sum"].tolist(),
        pairs["lo_l_sum"].tolist(),
        [also[tuple(k)] for k in pairs[key].itertuples(index=False)],
        strict=True,
    ):
        took.update([*printed, *towns])
        cap = min(int(caps[f]) for f in (big, *towns))
        if sum_l > hi_l[big]:
            sev = min(ERROR, cap)
        elif sum_s > hi_s[big]:
            sev = min(WARNING, cap)
        else:
            sev = 0
        if pool.records is not None:
            title = f"各镇街之和不超过全域：{figure_label(ctx, pool, big)}"
            pool.record(
                "FC211",
                "towns-exceed-whole",
                title,
                (*towns, big),
                SEVERITY[sev] if sev else "pass",
            )
        if sev:
            others = [f for f in printed if f != big]
            findings.append(_towns_finding(ctx, pool, towns, big, others, sev))
    return findings, took, len(pairs)


def _towns_finding(
    ctx: Context, pool: Pool, towns: list[int], big: int, others: list[int], sev: int
) -> Finding:
    prefetch(ctx, pool, np.array([*towns, big, *others], dtype=np.int64))
    unit = display(ctx, pool, big)
    r = "l" if sev == ERROR else "s"
    total = sum(float(pool.cell(f, f"lo_{r}")) for f in towns)
    listed = " + ".join(f"{pool.cell(f, 'subject')} {figure_text(ctx, pool, f)}" for f in towns)
    _, top = ends((pool.cell(big, f"lo_{r}"), pool.cell(big, f"hi_{r}")), unit)
    message = (
        f"各镇（乡、街道）数字之和大于全域：{listed} 之和至少 {fmt_one(total, unit)}，"
        f"超过 {figure_label(ctx, pool, big)} {figure_text(ctx, pool, big)} 的上限 {top}；"
        f"{reading_note(sev)}"
    )
    return Finding(
        code="FC211",
        name="towns-exceed-whole",
        severity=SEVERITY[sev],  # type: ignore[arg-type]
        message=message,
        claims=refs(ctx, pool, [big, *towns, *others]),
        metric=str(pool.cell(big, "metric")),
        subject=str(pool.cell(big, "subject")),
    )


def capacity(ctx: Context, pool: Pool) -> tuple[list[Finding], set[int], int]:
    cell = pool.cell
    cls, level = cell.array("cls"), cell.array("measure") == "level"
    caps = np.flatnonzero((cls == "C") & level)
    if not len(caps):
        return [], set(), 0
    actual = np.flatnonzero((cls == "A") & level & ~cell.array("derived").astype(bool))
    # The capacity of a figure has its key with the class C.
    query = pool.key_parts(actual)
    query[CLS][:] = pool.vocabularies[CLS].get("C")
    rows, cap = pool.lookup(query)
    keep = isin(cap, caps)
    return order_check(
        ctx,
        pool,
        (actual[rows[keep]], cap[keep]),
        "FC209",
        "exceeds-capacity",
        "产量超过产能",
    )


def targets(ctx: Context, pool: Pool) -> tuple[list[Finding], set[int], int]:
    """Targets against results for the same figure: met, missed or undecidable (info)."""
    derived = pool.cell.array("derived").astype(bool)
    targets = np.flatnonzero((pool.cell.array("cls") == "T") & ~derived)
    if not len(targets):
        return [], set(), 0
    # The result of a target has its key with the class A.
    query = pool.key_parts(targets)
    query[CLS][:] = pool.vocabularies[CLS].get("A")
    rows, actual = pool.lookup(query)
    keep = ~derived[actual]
    fid_t = targets[rows[keep]].astype(np.int64)
    fid_a = actual[keep].astype(np.int64)
    findings = []
    prefetch(ctx, pool, np.concatenate([fid_t, fid_a]))
    at_most = ctx.cell.array("qualifier")[fid_t] == "at_most"
    tl, th = (pool.cell.array(c)[fid_t].astype(float) for c in ("lo_s", "hi_s"))
    al, ah = (pool.cell.array(c)[fid_a].astype(float) for c in ("lo_s", "hi_s"))
    # 不超过N (at most) is met from below, every other target from above.
    met = np.where(at_most, ah <= th, al >= tl)
    missed = np.where(at_most, al > th, ah < tl)
    verdicts = np.where(met, "已完成", np.where(missed, "未完成", "无法判定是否完成"))
    metric, subject = (
        pool.cell.array(c)[fid_t].astype(str).tolist() for c in ("metric", "subject")
    )
    t_list, a_list = fid_t.tolist(), fid_a.tolist()
    tl_list, th_list, al_list, ah_list = (x.tolist() for x in (tl, th, al, ah))
    verdict_list = verdicts.tolist()
    # A target a document prints twice (in its headline and in its section) against the same
    # result is one comparison: one finding naming both printings.
    documents, values = (ctx.cell.array(c)[fid_t].tolist() for c in ("document", "value"))
    same: dict[tuple[int, str, str], list[int]] = {}
    for i, key in enumerate(zip(a_list, documents, values, strict=True)):
        same.setdefault(key, []).append(i)
    for members in same.values():
        i = members[0]
        ft, fa, verdict = t_list[i], a_list[i], verdict_list[i]
        unit = display(ctx, pool, fa)
        twice = f"，该文档共 {len(members)} 处" if len(members) > 1 else ""
        target = fmt((tl_list[i], th_list[i]), unit)
        result = fmt((al_list[i], ah_list[i]), unit)
        message = (
            f"目标与实际：{figure_label(ctx, pool, ft)} "
            f"目标为 {figure_text(ctx, pool, ft)}（{target}{twice}），"
            f"实际为 {figure_text(ctx, pool, fa)}（{result}）：{verdict}"
        )
        findings.append(
            Finding(
                code="FC301",
                name="target-vs-result",
                severity="info",
                message=message,
                claims=refs(ctx, pool, [fa, *(t_list[j] for j in members)]),
                evidence=(("verdict", verdict),),
                metric=metric[i],
                subject=subject[i],
            )
        )
        if pool.records is not None:
            title = f"目标与实际：{figure_label(ctx, pool, ft)}"
            for j in members:
                pool.record("FC301", "target-vs-result", title, (t_list[j], fa), "info")
    took = set(fid_t.tolist()) | set(fid_a.tolist())
    return findings, took, len(fid_t)
