"""What the ``check``, ``lint``, ``explain`` and ``show`` commands do, without the CLI.

:mod:`factcheck.cli` parses arguments and prints; the work is here, as functions that take a
request and return a result, so that it can be called and tested from Python.

A draft check goes:

1. read the corpus and the rules (the corpus is what the draft is checked against);
2. read each draft (UTF-8), find its suppression comments, blank the comments out, and
   extract its claims (:func:`factcheck.extract.extract`); claims whose metric the registry
   does not know cannot be checked and are listed as unchecked;
3. add the drafts to the corpus (:func:`factcheck.corpus.extend_corpus`) and run the engine;
4. keep the findings that involve a draft's claim, pointing at the draft's line and column;
5. apply suppressions, report unused ones, drop ignored codes and baselined findings.

Without drafts the whole corpus is checked and the claims' own ``ignore`` entries apply.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.baseline import apply_baseline, load_baseline, write_baseline
from factcheck.claims import Claim, Document
from factcheck.config import Config, FailOn
from factcheck.corpus import Corpus, default_rules_dir, extend_corpus, load_corpus
from factcheck.errors import InputError, InputErrors, Problem
from factcheck.findings import SEVERITY_RANK, Coverage, FigureValue, Finding, Report
from factcheck.periods import PeriodError, publication_date
from factcheck.progress import Feedback
from factcheck.suppress import (
    Suppression,
    apply_suppressions,
    claim_suppressions,
    read_directives,
    unused_finding,
)

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
CLAIM_SUFFIXES = (".yaml", ".yml")


class _NullFeedback:
    def step(self, description: str) -> None:
        pass


Step = Callable[[str], None]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Inputs:
    """The paths of a run, sorted by kind.

    Attributes:
        drafts: draft texts to check against the corpus.
        claims: corpus folders or files.
        rules: the rules folder.
    """

    drafts: tuple[Path, ...]
    claims: tuple[Path, ...]
    rules: Path


def sort_paths(
    paths: Sequence[Path], config: Config, *, claims: Sequence[Path] = (), rules: Path | None = None
) -> Inputs:
    """Tell drafts from claims files among the command's arguments.

    ``.md``/``.markdown``/``.txt`` files are drafts, and so are those in a folder that holds
    no claims file; ``.yaml`` files and folders of them are the corpus (replacing the
    configured one). ``--claims`` and ``--rules`` override the config.

    Raises:
        InputError: a path that does not exist or is neither a draft nor a claims file.
    """
    drafts: list[Path] = []
    corpus: list[Path] = list(claims)
    for path in paths:
        if not path.exists():
            raise InputError("找不到该文件或目录；请检查路径", path=str(path), code="FC022")
        if path.is_dir():
            # A folder of claims files is a corpus; a folder of texts is a batch of drafts.
            texts = _drafts_in(path)
            has_claims = any(next(path.rglob(f"*{suffix}"), None) for suffix in CLAIM_SUFFIXES)
            if texts and not has_claims:
                drafts.extend(texts)
            else:
                corpus.append(path)
        elif path.suffix.lower() in CLAIM_SUFFIXES:
            corpus.append(path)
        elif path.suffix.lower() in DRAFT_SUFFIXES:
            drafts.append(path)
        else:
            raise InputError(
                f"无法识别的文件类型 {path.suffix or '（无扩展名）'}；"
                "应为草稿（.md、.txt）或声明文件（.yaml）、声明目录",
                path=str(path),
                code="FC022",
            )
    corpus_paths = tuple(corpus) or config.claims
    rules_dir = rules or config.rules or default_rules_dir(list(corpus_paths))
    return Inputs(tuple(drafts), corpus_paths, rules_dir)


def _drafts_in(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES
    )


def read_draft(path: Path) -> str:
    """The text of a draft.

    Raises:
        InputError: the file cannot be read or is not UTF-8 (the message says which byte).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"无法读取草稿：{exc.strerror or exc}", path=str(path), code="FC022"
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"草稿不是 UTF-8 编码（第 {exc.start + 1} 字节为 0x{raw[exc.start]:02x}）；"
            "请用编辑器另存为 UTF-8 后再核对",
            path=str(path),
            line=line,
            code="FC022",
        ) from None


def parse_date(value: str | None) -> str:
    """The draft's publication date as ISO text (default: today).

    Raises:
        InputError: a date that cannot be read.
    """
    if value is None:
        return dt.date.today().isoformat()
    try:
        publication_date(value)
    except (PeriodError, ValueError):
        raise InputError(
            f"无法识别的日期 --date {value!r}；应形如 2024-09-15、2024-09 或 2024", code="FC022"
        ) from None
    return value


def load_inputs(inputs: Inputs, step: Step) -> tuple[Corpus, Any]:
    """The corpus and the rule set (``None`` when this install has no rule-set support).

    Raises:
        InputError: the corpus is missing.
        InputErrors: every problem in the claims and the rules.
    """
    missing = [p for p in inputs.claims if not p.exists()]
    if missing:
        raise InputError(
            "找不到声明库；请在含 claims/ 与 rules/ 的目录中运行，"
            "或用 --claims 指定声明库、在 factcheck.toml 中配置 claims",
            path=str(missing[0]),
            code="FC022",
        )
    step("读取声明库")
    corpus = load_corpus(list(inputs.claims), inputs.rules)
    step("读取规则")
    return corpus, load_rule_set(inputs.rules, corpus)


def load_rule_set(rules_dir: Path, corpus: Corpus | None) -> Any:
    """The rule sets of ``rules_dir``, or ``None`` when the rules module is absent."""
    if importlib.util.find_spec("factcheck.rules") is None:
        return None
    from factcheck.rules import load_rules

    return load_rules(rules_dir, registry=corpus.registry if corpus is not None else None)


# --------------------------------------------------------------------------- drafts


@dataclass(frozen=True)
class Draft:
    """A draft read for checking.

    Attributes:
        path: the file.
        document: its document (id unique in the run).
        claims: the claims extracted and accepted into the run.
        unchecked: keys of extracted claims that could not be checked (unknown metric, or a
            figure the claims schema rejects), with the reason.
        suppressions: its ``ignore`` comments.
        invalid: findings for comments that could not be read.
        notes: lines for the editor about how the draft was read (the region it was taken
            to speak of, figures left without a subject).
    """

    path: Path
    document: Document
    claims: tuple[Claim, ...]
    unchecked: tuple[str, ...]
    suppressions: tuple[Suppression, ...]
    invalid: tuple[Finding, ...]
    notes: tuple[str, ...] = ()


def _unique_id(base: str, taken: set[str]) -> str:
    candidate = base if base not in taken else f"{base}-draft"
    n = 2
    while candidate in taken:
        candidate = f"{base}-draft-{n}"
        n += 1
    return candidate


def read_draft_claims(
    path: Path, date: str | None, region: str | None, corpus: Corpus, taken: set[str]
) -> Draft:
    """Read one draft: directives, document, extracted claims (not yet validated).

    ``date`` ``None``: the date its title's kind implies (a work report, a bulletin, see
    :func:`factcheck.region.title_publication`), else today.
    """
    from factcheck.extract import document_for, extract
    from factcheck.region import draft_region, title_of, title_publication, unnamed_region

    text = read_draft(path)
    notes: list[str] = []
    if date is None:
        title = title_of(text)
        date = title_publication(title)
        if date is None:
            date = parse_date(None)
        else:
            notes.append(
                f"{path.name}：未指定发布日期，按标题「{title}」推定为 {date}，据此理解“今年”“全年”"
                "（如不对，请用 --date 指定）"
            )
    if region is None and (guess := draft_region(text, corpus.registry)) is not None:
        region = guess.region
        notes.append(
            f"{path.name}：未指定地区，按{guess.source}把“全区”“全市”等读作 {region}"
            "（如不对，请用 --region 指定）"
        )
    base = document_for(path, date, region, text=text)
    doc_id = _unique_id(base.id, taken)
    directives = read_directives(text, str(path), doc_id)
    # With no region at all, the draft is still checked against itself, under a stand-in.
    unnamed = unnamed_region(doc_id, text) if region is None else None
    document = replace(
        base, id=doc_id, file=str(path), source=str(path), region=unnamed or base.region
    )
    extracted = extract(
        directives.masked, date, unnamed or region, document=doc_id, registry=corpus.registry
    )
    claims: list[Claim] = []
    unchecked: list[str] = []
    for claim in extracted:
        placed = claim.with_(document=doc_id, file=str(path), file_line=claim.line)
        if dict(claim.extra).get("unresolved_metric"):
            unchecked.append(
                f"{placed.key}：指标「{claim.metric}」未登记，无法核对（{path}:{claim.line}）"
            )
        else:
            claims.append(placed)
    if unnamed is not None and (own := sum(c.subject == unnamed for c in claims)):
        notes.append(
            f"{path.name}：未指定地区，标题和正文也看不出；{own} 个数字记为「{unnamed}」，"
            "只在本稿之内核对（占比、增速、分项之和等），不与声明库对照；"
            "请用 --region 指定“全区”“全市”所指的地区"
        )
    return Draft(
        path,
        document,
        tuple(claims),
        tuple(unchecked),
        directives.suppressions,
        directives.invalid,
        tuple(notes),
    )


def add_draft(corpus: Corpus, draft: Draft) -> tuple[Corpus, Draft]:
    """The corpus with the draft's claims; claims the schema rejects are set aside, not fatal.

    An extractor can misread a figure; that must not stop the editor's check, so a rejected
    claim is listed as unchecked with the schema's reason instead.
    """
    try:
        return extend_corpus(corpus, draft.document, draft.claims, draft=True), draft
    except InputErrors as exc:
        bad_lines = {p.line for p in exc.problems}
    kept: list[Claim] = []
    unchecked = list(draft.unchecked)
    for claim in draft.claims:
        if claim.line not in bad_lines:
            kept.append(claim)
            continue
        try:
            extend_corpus(corpus, draft.document, [claim], draft=True)
            kept.append(claim)
        except InputErrors as single:
            reason = single.problems[0].message if single.problems else "不符合声明规范"
            unchecked.append(f"{claim.key}：{reason}（{draft.path}:{claim.line}）")
    draft = replace(draft, claims=tuple(kept), unchecked=tuple(unchecked))
    return extend_corpus(corpus, draft.document, kept, draft=True), draft


def _draft_first(finding: Finding, documents: set[str]) -> Finding:
    """The finding with the draft's claims first, so that it points into the draft.

    The engine's order is kept otherwise: it puts the claim a relation is about first.
    """
    own = [r for r in finding.claims if r.document in documents]
    others = [r for r in finding.claims if r.document not in documents]
    return replace(finding, claims=(*own, *others))


def draft_report(report: Report, drafts: Sequence[Draft]) -> Report:
    """The part of a run's report that concerns the drafts."""
    documents = {d.document.id for d in drafts}
    findings = tuple(
        _draft_first(f, documents)
        for f in report.findings
        if any(r.document in documents for r in f.claims)
    )
    keys = {c.key for d in drafts for c in d.claims}
    unchecked_run = set(report.coverage.unchecked)
    unchecked = [k for k in sorted(keys) if k in unchecked_run]
    unchecked.extend(u for d in drafts for u in d.unchecked)
    # A document id is a suffix of others ("w" of "review"): match it as a whole word.
    mine = re.compile("|".join(rf"(?<![\w-]){re.escape(doc)}#" for doc in sorted(documents)))
    undecidable = tuple(u for u in report.coverage.undecidable if mine.search(u))
    coverage = Coverage(
        claims=len(keys) + sum(len(d.unchecked) for d in drafts),
        checked=len(keys) - len([k for k in keys if k in unchecked_run]),
        unchecked=tuple(unchecked),
        undecidable=undecidable,
        relations=report.coverage.relations,
    )
    relations = tuple(r for r in report.relations if keys & set(r.claims))
    return Report(findings, coverage, report.figures, relations)


# --------------------------------------------------------------------------- check


@dataclass(frozen=True)
class CheckRequest:
    """What ``factcheck check`` was asked to do.

    Attributes:
        inputs: drafts, corpus and rules.
        date: drafts' publication date (ISO text); ``None``: each draft's from its title
            where its kind says (a work report, a bulletin), else today.
        region: the region drafts call 全区/我区.
        ignore: codes never reported.
        fail_on: the lowest severity that fails the run.
        exit_zero: exit 0 whatever was found.
        baseline: the baseline file, if any.
        update_baseline: write the baseline from this run instead of filtering by it.
        figures: list every stated and derived figure in the report (charts need them; the
            other formats do not, and listing them costs a fifth of a run).
        relations: list every relation evaluated (JUnit writes one test case each).
    """

    inputs: Inputs
    date: str | None
    region: str | None = None
    ignore: frozenset[str] = frozenset()
    fail_on: FailOn = "error"
    exit_zero: bool = False
    baseline: Path | None = None
    update_baseline: bool = False
    figures: bool = True
    relations: bool = False


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a check.

    Attributes:
        report: the findings to show, with coverage and figures.
        exit_code: 0 clean, 1 findings at or above ``fail_on``.
        suppressed: findings accepted by suppressions.
        baselined: findings accepted by the baseline.
        notice: a line for the user besides the report (e.g. the baseline was written).
    """

    report: Report
    exit_code: int
    suppressed: int = 0
    baselined: int = 0
    notice: str | None = None
    drafts: tuple[Draft, ...] = field(default=())


def exit_code_for(findings: Iterable[Finding], fail_on: FailOn, exit_zero: bool = False) -> int:
    """1 when a finding is at least as severe as ``fail_on``, else 0 (0 with ``exit_zero``)."""
    if exit_zero:
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else 0


def run_check(
    request: CheckRequest, feedback: Feedback | _NullFeedback | None = None
) -> CheckResult:
    """Check the corpus, or drafts against it, and decide the exit code.

    Raises:
        InputError: bad input (missing file, unreadable draft, bad baseline …).
        InputErrors: problems in the claims or rules files.
    """
    from factcheck.engine import check

    step = (feedback or _NullFeedback()).step
    corpus, rules = load_inputs(request.inputs, step)
    drafts: list[Draft] = []
    taken = set(corpus.documents)
    for path in request.inputs.drafts:
        step(f"抽取草稿 {path.name}")
        draft = read_draft_claims(path, request.date, request.region, corpus, taken)
        corpus, draft = add_draft(corpus, draft)
        taken.add(draft.document.id)
        drafts.append(draft)
    step("核对")
    report = check(corpus, rules, figures=request.figures, relations=request.relations)

    if drafts:
        report = draft_report(report, drafts)
        inline = [s for d in drafts for s in d.suppressions]
        draft_ids = {d.document.id for d in drafts}
        corpus_side = claim_suppressions(corpus.table, documents=set(corpus.documents) - draft_ids)
        outcome = apply_suppressions(report.findings, [*inline, *corpus_side])
        unused = [s for s in outcome.unused if s.kind == "inline"]
        extra = [f for d in drafts for f in d.invalid]
    else:
        outcome = apply_suppressions(report.findings, claim_suppressions(corpus.table))
        unused = list(outcome.unused)
        extra = []
    findings = [*outcome.findings, *(unused_finding(s) for s in unused), *extra]
    findings = [f for f in findings if f.code not in request.ignore]

    notice = None
    baselined = 0
    if request.update_baseline:
        if request.baseline is None:
            raise InputError(
                "--update-baseline 需要 --baseline FILE，或在配置中设置 baseline", code="FC021"
            )
        count = write_baseline(request.baseline, findings)
        notice = f"已把 {count} 个发现写入基线 {request.baseline}；以后的核对只报告新发现"
        baselined = len(findings)
        findings = []
    elif request.baseline is not None:
        kept, baselined = apply_baseline(findings, load_baseline(request.baseline))
        findings = list(kept)

    findings.sort(key=Finding.sort_key)
    final = Report(tuple(findings), report.coverage, report.figures, report.relations)
    return CheckResult(
        report=final,
        exit_code=exit_code_for(findings, request.fail_on, request.exit_zero),
        suppressed=len(outcome.suppressed),
        baselined=baselined,
        notice=notice,
        drafts=tuple(drafts),
    )


# --------------------------------------------------------------------------- lint


@dataclass(frozen=True)
class LintResult:
    """What ``lint`` found.

    Attributes:
        problems: every problem, in file and line order.
        files: claims files read.
        claims: claims that validated.
        rules: rules that parsed.
    """

    problems: tuple[Problem, ...]
    files: int = 0
    claims: int = 0
    rules: int = 0


def run_lint(inputs: Inputs) -> LintResult:
    """Validate claims, rules and drafts' suppression comments without checking anything."""
    from factcheck.corpus import claim_files
    from factcheck.registry import load_registry

    problems: list[Problem] = []
    files = [p for p in claim_files(list(inputs.claims)) if p.exists()] if inputs.claims else []
    missing = [p for p in inputs.claims if not p.exists()]
    problems.extend(Problem("找不到声明库；请检查路径", str(p), code="FC022") for p in missing)
    claims = rules = 0
    try:
        registry = load_registry(inputs.rules)
    except InputErrors as exc:
        return LintResult(_sorted_problems([*problems, *exc.problems]), len(files))
    if not missing:
        try:
            claims = len(load_corpus(list(inputs.claims), registry))
        except InputErrors as exc:
            problems.extend(exc.problems)
    if importlib.util.find_spec("factcheck.rules") is not None:
        from factcheck.rules import load_rules

        try:
            rules = len(load_rules(inputs.rules, registry=registry))
        except InputErrors as exc:
            problems.extend(exc.problems)
    for path in inputs.drafts:
        try:
            text = read_draft(path)
        except InputError as exc:
            problems.append(Problem(exc.message, exc.path, exc.line, code=exc.code))
            continue
        for finding in read_directives(text, str(path), path.stem).invalid:
            loc = finding.location
            problems.append(
                Problem(finding.message, str(path), loc.line if loc else None, code=finding.code)
            )
    return LintResult(_sorted_problems(problems), len(files), claims, rules)


def _sorted_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    unique = list(dict.fromkeys(problems))
    return tuple(sorted(unique, key=lambda p: (p.path or "", p.line or 0, p.col or 0)))


# --------------------------------------------------------------------------- show


@dataclass(frozen=True)
class ShowResult:
    """Every figure of one metric.

    Attributes:
        metric: the canonical name.
        subject: the subject asked for (canonical), if any.
        figures: stated and derived figures, ordered by subject, measure and period.
    """

    metric: str
    subject: str | None
    figures: tuple[FigureValue, ...]


def run_show(
    inputs: Inputs, metric: str, subject: str | None, step: Step | None = None
) -> ShowResult:
    """The stated and derived figures of ``metric`` (optionally of one subject).

    Raises:
        InputError: the metric or subject is not in the registry (with suggestions).
    """
    from factcheck.engine import check

    corpus, rules = load_inputs(inputs, step or _NullFeedback().step)
    registry = corpus.registry
    found = registry.metrics.resolve(metric)
    if found is None:
        hint = "、".join(registry.metrics.suggest(metric))
        raise InputError(
            f"指标「{metric}」未在 {inputs.rules}/metrics.yaml 中登记"
            + (f"；是否想找：{hint}" if hint else ""),
            code="FC022",
        )
    canonical_subject = None
    if subject is not None:
        known = registry.subjects.resolve(subject)
        if known is None:
            hint = "、".join(registry.subjects.suggest(subject))
            raise InputError(
                f"主体「{subject}」未在 {inputs.rules}/subjects.yaml 中登记"
                + (f"；是否想找：{hint}" if hint else ""),
                code="FC022",
            )
        canonical_subject = known.name
    if step:
        step("核对与推算")
    report = check(corpus, rules)
    figures = [
        f
        for f in report.figures
        if f.metric == found.name and (canonical_subject is None or f.subject == canonical_subject)
    ]
    figures.sort(
        key=lambda f: (f.subject, f.measure, _period_key(f.period), f.derived, f.document or "")
    )
    return ShowResult(found.name, canonical_subject, tuple(figures))


def _period_key(text: str) -> tuple[Any, ...]:
    from factcheck.periods import parse_period

    try:
        p = parse_period(text)
    except PeriodError:
        return (1, text)
    return (0, p.end, p.start)


__all__ = [
    "CheckRequest",
    "CheckResult",
    "Draft",
    "Inputs",
    "LintResult",
    "ShowResult",
    "draft_report",
    "exit_code_for",
    "parse_date",
    "read_draft",
    "run_check",
    "run_lint",
    "run_show",
    "sort_paths",
]
