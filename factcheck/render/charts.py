"""Timeline charts of a metric's figures, as inline SVG, for the HTML report.

For each metric a finding is about, every stated and derived figure of that metric (one chart
per subject, measure and unit) is drawn across periods: a stated figure as a filled dot, a
derived one as a hollow diamond, each with the interval it rounds from as an error bar, and
the figures involved in a finding in red. Figures of the same period from different
documents sit side by side so that two documents' disagreement is visible.

Charts are drawn with matplotlib's object API on a private :class:`~matplotlib.figure.Figure`
(no pyplot, no global state) and saved as SVG with ``svg.fonttype = 'none'``: text stays
text, so Chinese renders with the reader's fonts and can be searched and copied.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.claims import MEASURE_NAMES, STATUS_NAMES
from factcheck.findings import FigureValue, Finding, Report
from factcheck.periods import PeriodError, parse_period

#: A report on a large corpus could ask for hundreds of charts; past this many the page gets
#: slow to open and nobody scrolls that far. The findings themselves are all listed.
MAX_CHARTS = 40

#: Fonts tried in order for measuring text (the browser picks its own when displaying).
CJK_FONTS = [
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "DejaVu Sans",
]

STATED_COLOR = "#1f5fa8"
DERIVED_COLOR = "#6d6d6d"
CONFLICT_COLOR = "#c62828"


@dataclass(frozen=True)
class Chart:
    """One timeline chart.

    Attributes:
        metric, subject, measure, unit: what it shows.
        svg: the chart as an inline ``<svg>`` element (no XML prolog, no metadata).
        figures: how many figures it draws.
        conflicting: how many of them are involved in a finding.
    """

    metric: str
    subject: str
    measure: str
    unit: str
    svg: str
    figures: int
    conflicting: int

    @property
    def title(self) -> str:
        """The chart's caption, in Chinese."""
        measure = MEASURE_NAMES.get(self.measure, self.measure)
        return f"{self.subject} · {self.metric}（{measure}，{self.unit}）"


GroupKey = tuple[str, str, str, str]  # metric, subject, measure, unit


def conflicting_keys(findings: Iterable[Finding]) -> set[str]:
    """Keys (``document#id``) of every claim involved in a finding."""
    return {ref.key for f in findings for ref in f.claims}


def is_conflicting(figure: FigureValue, keys: set[str]) -> bool:
    """Whether a figure is, or was derived from, a claim involved in a finding."""
    return any(k in keys for k in figure.claims)


def chart_groups(
    report: Report, limit: int = MAX_CHARTS
) -> list[tuple[GroupKey, list[FigureValue]]]:
    """The figure groups to chart: those of the metrics findings are about that hold a figure
    involved in a finding; failing that, the finding subject's levels of the metric."""
    keys = conflicting_keys(report.findings)
    wanted = {f.metric for f in report.findings if f.metric}
    groups: dict[GroupKey, list[FigureValue]] = defaultdict(list)
    for fig in report.figures:
        if fig.metric in wanted and (fig.low is not None or fig.high is not None):
            groups[(fig.metric, fig.subject, fig.measure, fig.unit)].append(fig)
    chosen = [k for k, figs in groups.items() if any(is_conflicting(f, keys) for f in figs)]
    for finding in report.findings:
        if finding.metric and not any(k[0] == finding.metric for k in chosen):
            chosen.extend(
                k
                for k in groups
                if k[0] == finding.metric and k[1] == finding.subject and k[2] == "level"
            )
    ordered = sorted(dict.fromkeys(chosen), key=lambda k: (k[0], k[1], k[2], k[3]))
    return [(k, groups[k]) for k in ordered[:limit]]


def _period_sort_key(text: str) -> tuple[Any, ...]:
    try:
        p = parse_period(text)
    except PeriodError:
        return (1, text)
    return (0, p.end, p.start, text)


def _positions(figures: Sequence[FigureValue]) -> tuple[list[str], list[float]]:
    periods = sorted({f.period for f in figures}, key=_period_sort_key)
    index = {p: i for i, p in enumerate(periods)}
    per_period: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        per_period[f.period].append(i)
    xs = [0.0] * len(figures)
    for period, members in per_period.items():
        n = len(members)
        # Side by side within 0.6 of a period slot: disagreeing documents stay visible.
        for j, i in enumerate(members):
            xs[i] = index[period] + (0.0 if n == 1 else -0.3 + 0.6 * j / (n - 1))
    return periods, xs


def _bounds(fig: FigureValue) -> tuple[float, float, str]:
    """Centre, half-height of the bar, and the marker for open intervals."""
    lo, hi = fig.low, fig.high
    if lo is not None and hi is not None and math.isfinite(lo) and math.isfinite(hi):
        return (lo + hi) / 2, (hi - lo) / 2, ""
    if lo is not None and math.isfinite(lo):
        return lo, 0.0, "^"  # at least lo
    if hi is not None and math.isfinite(hi):
        return hi, 0.0, "v"  # at most hi
    return math.nan, 0.0, ""


def timeline_svg(key: GroupKey, figures: Sequence[FigureValue], keys: set[str]) -> str:
    """Draw one group's figures across periods and return the ``<svg>`` element."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    figures = sorted(
        figures, key=lambda f: (_period_sort_key(f.period), f.derived, f.document or "")
    )
    periods, xs = _positions(figures)
    rc: dict[Any, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": "factcheck",  # stable element ids: the same report renders the same
        "font.family": "sans-serif",
        "font.sans-serif": CJK_FONTS,
        "axes.unicode_minus": False,
        "font.size": 9,
    }
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        # Without a CJK font installed matplotlib measures with a fallback and warns per glyph;
        # the SVG keeps the text and the browser draws it with its own fonts.
        warnings.filterwarnings("ignore", message=r"(?i).*glyph.*missing.*")
        warnings.filterwarnings("ignore", message=r"(?i).*findfont.*")
        fig = Figure(figsize=(7.2, 3.0), layout="constrained")
        ax = fig.add_subplot()
        annotate = len(figures) <= 14
        for f, x in zip(figures, xs, strict=True):
            y, half, open_marker = _bounds(f)
            if math.isnan(y):
                continue
            hot = is_conflicting(f, keys)
            color = CONFLICT_COLOR if hot else (DERIVED_COLOR if f.derived else STATED_COLOR)
            marker = open_marker or ("D" if f.derived else "o")
            ax.errorbar(
                [x],
                [y],
                yerr=[[half], [half]] if half else None,
                fmt=marker,
                color=color,
                markerfacecolor="none" if f.derived else color,
                markersize=6 if hot else 5,
                capsize=3,
                elinewidth=1.2,
            )
            if annotate:
                label = f.value if not f.derived and f.value else "推算"
                if f.status != "actual":
                    label += f"（{STATUS_NAMES.get(f.status, f.status)}）"
                ax.annotate(
                    label,
                    (x, y),
                    textcoords="offset points",
                    xytext=(5, 4),
                    fontsize=7,
                    color=color,
                    parse_math=False,
                )
        ax.set_xticks(range(len(periods)))
        ax.set_xticklabels(periods, parse_math=False)
        ax.set_xlim(-0.7, max(len(periods) - 0.3, 0.7))
        ax.set_ylabel(key[3], parse_math=False)
        ax.grid(axis="y", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        handles = [
            Line2D([], [], marker="o", ls="", color=STATED_COLOR, label="声明值"),
            Line2D(
                [],
                [],
                marker="D",
                ls="",
                color=DERIVED_COLOR,
                markerfacecolor="none",
                label="推算值",
            ),
            Line2D([], [], marker="o", ls="", color=CONFLICT_COLOR, label="涉及发现"),
            Line2D([], [], marker="^", ls="", color="#444444", label="不低于（如“突破”）"),
            Line2D([], [], marker="v", ls="", color="#444444", label="不高于（如“不到”）"),
        ]
        # Above the axes, never over the data.
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            fontsize=7,
            frameon=False,
            ncols=5,
        )
        buffer = io.StringIO()
        fig.savefig(
            buffer,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    return clean_svg(buffer.getvalue())


def clean_svg(svg: str) -> str:
    """The bare ``<svg>`` element for inlining in HTML.

    Dropped: the XML prolog, the DOCTYPE (it names a DTD by URL), the metadata, and the
    namespace declarations, which an HTML parser supplies itself; what is left holds no URL,
    so a report can be checked for having none.
    """
    svg = svg[svg.find("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    return svg.strip()


def charts(report: Report, limit: int = MAX_CHARTS) -> list[Chart]:
    """The timeline charts for a report's findings."""
    keys = conflicting_keys(report.findings)
    out = []
    for key, figures in chart_groups(report, limit):
        metric, subject, measure, unit = key
        out.append(
            Chart(
                metric=metric,
                subject=subject,
                measure=measure,
                unit=unit,
                svg=timeline_svg(key, figures, keys),
                figures=len(figures),
                conflicting=sum(is_conflicting(f, keys) for f in figures),
            )
        )
    return out


__all__ = [
    "MAX_CHARTS",
    "Chart",
    "chart_groups",
    "charts",
    "clean_svg",
    "conflicting_keys",
    "timeline_svg",
]
