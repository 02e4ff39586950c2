"""The registries: which metrics and subjects exist, under which names.

``rules/metrics.yaml`` says for each metric its aliases, the unit it is counted in, whether
it adds up across subjects and whether its growth is stated in real terms.
``rules/subjects.yaml`` says which regions, companies and parks exist and where they belong
(即墨区 ⊂ 青岛市 ⊂ 山东省 ⊂ 全国). Formats: ``rules/README.md``.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from factcheck.errors import InputErrors, Problem
from factcheck.units import Unit, UnknownUnitError, parse_unit, same_dimension
from factcheck.yamlio import LineDict, YamlFileError, parse_yaml, read_text

BASES = ("real", "nominal")
SUBJECT_KINDS = (
    "region",
    "company",
    "park",
    "industry",
    "institution",
    "project",
    "group",
    "other",
)
METRIC_KEYS = ("aliases", "unit", "accepts", "additive", "flow", "basis", "description")
SUBJECT_KEYS = ("kind", "parent", "aliases")

#: Words that name the document's own region, its parent, or the country.
SELF_WORDS = ("全区", "我区", "本区", "全县", "我县", "本县", "全镇", "本镇")
PARENT_WORDS = ("全市", "我市", "本市")
PROVINCE_WORDS = ("全省", "我省", "本省")
COUNTRY_WORDS = ("全国", "我国", "国内")


@dataclass(frozen=True)
class Metric:
    """An indicator claims may name.

    Attributes:
        name: the canonical name.
        aliases: other names texts use.
        unit: the unit it is counted in (its dimension), as text.
        accepts: other counters of the same thing (整车产量 in 辆 also accepts 台).
        additive: whether it adds up across subjects (a district's figure ≤ its city's).
        flow: whether it is a non-negative amount counted over a period (产值, 收入, 产量,
            新增…), so that the figure for part of a period is at most the figure for the
            whole (上半年 ≤ 全年, 2022年 ≤ 2021—2023年累计). False for stocks (余额, 企业数量,
            常住人口) and for amounts that can be negative (利润, 净增), and by default.
        basis: ``real`` when its growth is stated at comparable prices, else ``nominal``.
        description: what it measures.
    """

    name: str
    aliases: tuple[str, ...] = ()
    unit: str = ""
    accepts: tuple[str, ...] = ()
    additive: bool = True
    flow: bool = False
    basis: str = "nominal"
    description: str = ""
    file: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)

    def fits(self, unit: Unit) -> bool:
        """Whether a figure in ``unit`` can be a level of this metric."""
        for allowed in (self.unit, *self.accepts):
            try:
                if same_dimension(parse_unit(allowed), unit):
                    return True
            except UnknownUnitError:
                continue
        return False


@dataclass(frozen=True)
class Subject:
    """A region, company, park, industry … that figures are about."""

    name: str
    kind: str = "region"
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    file: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


E = TypeVar("E", bound=_Named)


class _Names:
    def __init__(self) -> None:
        self._by_name: dict[str, str] = {}

    def add(self, canonical: str, names: Iterable[str]) -> list[str]:
        clashes = []
        for n in (canonical, *names):
            if n in self._by_name and self._by_name[n] != canonical:
                clashes.append(n)
            else:
                self._by_name[n] = canonical
        return clashes

    def canonical(self, name: str) -> str | None:
        return self._by_name.get(name) or self._by_name.get(name.strip())

    def suggest(self, name: str) -> list[str]:
        close = difflib.get_close_matches(name, list(self._by_name), n=3, cutoff=0.5)
        out: list[str] = []
        for c in close:
            canon = self._by_name[c]
            if canon not in out:
                out.append(canon)
        # A name that contains a known name is a strong hint (全区海洋生产总值 → 海洋生产总值).
        for known, canon in self._by_name.items():
            if len(known) >= 2 and known in name and canon not in out:
                out.append(canon)
        return out[:3]

    def all(self) -> list[str]:
        return list(self._by_name)


class _Entries(Generic[E]):
    """Entries by canonical name, looked up by name or alias, with suggestions."""

    def __init__(self) -> None:
        self.items: dict[str, E] = {}
        self._names = _Names()

    def add(self, entry: E) -> list[str]:
        """Register an entry; returns the names already taken by another entry."""
        self.items[entry.name] = entry
        return self._names.add(entry.name, entry.aliases)

    def resolve(self, name: str) -> E | None:
        """The entry a name or alias stands for, or ``None``."""
        canon = self._names.canonical(name)
        return None if canon is None else self.items[canon]

    def suggest(self, name: str) -> list[str]:
        """Canonical names close to ``name``, for "did you mean" messages."""
        return self._names.suggest(name)

    def names(self) -> list[str]:
        """Every name and alias, canonical or not."""
        return self._names.all()

    def __iter__(self) -> Iterator[E]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)


class Metrics(_Entries[Metric]):
    """The metric registry: canonical names, aliases, lookups with suggestions."""


class Subjects(_Entries[Subject]):
    """The subject registry with the regional hierarchy."""

    def ancestors(self, name: str) -> list[str]:
        """The chain of parents, nearest first (即墨区 → [青岛市, 山东省, 全国])."""
        out: list[str] = []
        current = self.items.get(name)
        while current is not None and current.parent and current.parent not in out:
            out.append(current.parent)
            current = self.items.get(current.parent)
        return out

    def parent_region(self, name: str) -> str | None:
        """The nearest ancestor that is a region."""
        for a in self.ancestors(name):
            s = self.items.get(a)
            if s is None or s.kind == "region":
                return a
        return None

    def canonical(self, name: str, region: str | None = None) -> str:
        """The canonical name for a subject as a document writes it.

        全区/我区 mean the document's region, 全市/我市 its parent region (the region itself
        when it is a city), 全省/我省 the province it lies in, 全国 the country. Unknown names
        are kept as they are (a subject need not be registered).
        """
        if name in SELF_WORDS and region:
            return self.canonical(region)
        if name in PROVINCE_WORDS and region:
            region_c = self.canonical(region)
            for candidate in (region_c, *self.ancestors(region_c)):
                s = self.items.get(candidate)
                if s is not None and s.kind == "region" and candidate.endswith("省"):
                    return candidate
            return name
        if name in PARENT_WORDS and region:
            region_c = self.canonical(region)
            s = self.items.get(region_c)
            if s is not None and s.kind == "region" and region_c.endswith(("市",)):
                return region_c
            return self.parent_region(region_c) or name
        s = self.resolve(name)
        if s is None and name in COUNTRY_WORDS:
            s = self.resolve("全国")
        return s.name if s else name

    def __iter__(self) -> Iterator[Subject]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class Registry:
    """Metrics and subjects, loaded from a rules folder."""

    metrics: Metrics
    subjects: Subjects
    digest: str = ""  # content hash of the files it was read from (cache keys)


def load_registry(rules_dir: str | Path = "rules") -> Registry:
    """Read ``metrics.yaml`` and ``subjects.yaml`` from ``rules_dir``.

    Raises:
        InputErrors: every problem in both files, each with file and line.
    """
    rules = Path(rules_dir)
    problems: list[Problem] = []
    digest = hashlib.sha256()
    metrics = Metrics()
    subjects = Subjects()
    for name, reader in (("metrics.yaml", _read_metrics), ("subjects.yaml", _read_subjects)):
        path = rules / name
        if not path.exists():
            problems.append(
                Problem(f"找不到登记表 {name}；应在规则目录 {rules} 下", str(path), code="FC004")
            )
            continue
        try:
            text = read_text(path)
            digest.update(text.encode())
            data = parse_yaml(text, str(path))
        except YamlFileError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(reader(data, str(path), metrics, subjects))
    if problems:
        raise InputErrors(problems)
    return Registry(metrics, subjects, digest.hexdigest())


def _expect_mapping(data: Any, path: str) -> list[Problem]:
    if not isinstance(data, dict):
        return [
            Problem(
                f"登记表应为「名称: 定义」的映射，实际为 {type(data).__name__}",
                path,
                1,
                code="FC004",
            )
        ]
    return []


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _read_metrics(data: Any, path: str, metrics: Metrics, _subjects: Subjects) -> list[Problem]:
    problems = _expect_mapping(data, path)
    if problems:
        return problems
    for key, line in getattr(data, "duplicates", []):
        problems.append(
            Problem(f"指标「{key}」重复定义；每个指标应只定义一次", path, line, code="FC004")
        )
    for name, spec in data.items():
        line = data.line_of(name) if isinstance(data, LineDict) else None
        if not isinstance(spec, dict):
            problems.append(
                Problem(
                    f"指标「{name}」的定义应为映射（aliases、unit …）", path, line, code="FC004"
                )
            )
            continue
        problems += _unknown_keys(spec, METRIC_KEYS, f"指标「{name}」", path, line)
        unit = str(spec.get("unit", ""))
        for key, u in (("unit", unit), *(("accepts", a) for a in _strings(spec.get("accepts")))):
            try:
                parse_unit(u)
            except UnknownUnitError:
                problems.append(
                    Problem(
                        f"指标「{name}」的单位「{u}」未知；"
                        "应为单位表中的单位（如 元、吨、辆、家、%）",
                        path,
                        _key_line(spec, key, line),
                        code="FC004",
                    )
                )
        basis = str(spec.get("basis", "nominal"))
        if basis not in BASES:
            problems.append(
                Problem(
                    f"指标「{name}」的 basis「{basis}」未知；应为 real 或 nominal",
                    path,
                    _key_line(spec, "basis", line),
                    code="FC004",
                )
            )
        additive, flow = spec.get("additive", True), spec.get("flow", False)
        for key, flag in (("additive", additive), ("flow", flow)):
            if not isinstance(flag, bool):
                problems.append(
                    Problem(
                        f"指标「{name}」的 {key}「{flag}」无效；应为 true 或 false",
                        path,
                        _key_line(spec, key, line),
                        code="FC004",
                    )
                )
        metric = Metric(
            name=str(name),
            aliases=_strings(spec.get("aliases")),
            unit=unit,
            accepts=_strings(spec.get("accepts")),
            additive=additive is True,
            flow=flow is True,
            basis=basis,
            description=str(spec.get("description", "")),
            file=path,
            line=line,
        )
        for clash in metrics.add(metric):
            other = metrics.resolve(clash)
            problems.append(
                Problem(
                    f"别名「{clash}」同时属于指标「{name}」"
                    f"和「{other.name if other else '?'}」；别名应唯一",
                    path,
                    _key_line(spec, "aliases", line),
                    code="FC004",
                )
            )
    return problems


def _read_subjects(data: Any, path: str, _metrics: Metrics, subjects: Subjects) -> list[Problem]:
    problems = _expect_mapping(data, path)
    if problems:
        return problems
    for key, line in getattr(data, "duplicates", []):
        problems.append(
            Problem(f"主体「{key}」重复定义；每个主体应只定义一次", path, line, code="FC004")
        )
    parent_lines: dict[str, int | None] = {}
    for name, spec in data.items():
        line = data.line_of(name) if isinstance(data, LineDict) else None
        spec = spec or {}
        if not isinstance(spec, dict):
            problems.append(
                Problem(
                    f"主体「{name}」的定义应为映射（kind、parent、aliases）",
                    path,
                    line,
                    code="FC004",
                )
            )
            continue
        problems += _unknown_keys(spec, SUBJECT_KEYS, f"主体「{name}」", path, line)
        kind = str(spec.get("kind", "region"))
        if kind not in SUBJECT_KINDS:
            problems.append(
                Problem(
                    f"主体「{name}」的 kind「{kind}」未知；应为 {'、'.join(SUBJECT_KINDS)} 之一",
                    path,
                    _key_line(spec, "kind", line),
                    code="FC004",
                )
            )
        if spec.get("parent") is not None:
            parent_lines[str(name)] = _key_line(spec, "parent", line)
        parent = spec.get("parent")
        subject = Subject(
            name=str(name),
            kind=kind,
            parent=None if parent is None else str(parent),
            aliases=_strings(spec.get("aliases")),
            file=path,
            line=line,
        )
        for clash in subjects.add(subject):
            other = subjects.resolve(clash)
            problems.append(
                Problem(
                    f"别名「{clash}」同时属于主体「{name}」"
                    f"和「{other.name if other else '?'}」；别名应唯一",
                    path,
                    _key_line(spec, "aliases", line),
                    code="FC004",
                )
            )
    for s in subjects:
        if s.parent and s.parent not in subjects.items:
            hint = subjects.resolve(s.parent)
            expected = (
                f"是否是指「{hint.name}」？上级应写主体的正式名称"
                if hint
                else "应为 subjects.yaml 中的主体"
            )
            problems.append(
                Problem(
                    f"主体「{s.name}」的上级「{s.parent}」未登记；{expected}",
                    path,
                    parent_lines.get(s.name, s.line),
                    code="FC004",
                )
            )
    return problems


def _unknown_keys(
    spec: dict[str, Any], known: tuple[str, ...], what: str, path: str, line: int | None
) -> list[Problem]:
    # A misspelt key (flwo: true) would otherwise be dropped without a word, and the metric
    # would silently keep the default.
    return [
        Problem(
            f"{what}的键「{key}」未知；应为 {'、'.join(known)} 之一",
            path,
            _key_line(spec, str(key), line),
            code="FC004",
        )
        for key in spec
        if key not in known
    ]


def _key_line(spec: Any, key: str, default: int | None) -> int | None:
    """The line of ``key`` in a definition, else the definition's own line."""
    return spec.key_lines.get(key, default) if isinstance(spec, LineDict) else default
