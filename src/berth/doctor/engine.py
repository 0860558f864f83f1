"""The scan: find files, analyze each (from the cache, in this process, or on every core), then
run the project-wide rules over what the files contributed, and apply the configuration.

Per-file analysis depends on nothing but the file's bytes and path, which is what makes it
cacheable and parallel; whatever needs several files (settings merged over their bases, a model
field used in a view) is a *fact* a file records and a project checker reads.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from berth.doctor import cache as result_cache
from berth.doctor.document import Document
from berth.doctor.files import SourceFile, discover, is_excluded
from berth.doctor.findings import Finding, Severity, Span
from berth.doctor.formats import compose, dockerfile, nginx, shell
from berth.doctor.project import Project
from berth.doctor.project_settings import extract, is_settings_path
from berth.doctor.python import PythonFile
from berth.doctor.registry import RULES, Hit, Rule, load_rules
from berth.doctor.suppress import suppressions

__all__ = ["PARSE_ERROR", "RULE_ERROR", "Options", "Report", "analyze", "scan"]

PARSE_ERROR = "BD001"
RULE_ERROR = "BD002"
# Below this many files to parse, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 24


@dataclass
class Options:
    paths: list[Path]
    base: Path
    """Findings name files relative to it; per-file-ignores patterns too."""
    select: set[str] | None = None
    """Rule ids to report; None: every rule."""
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: list[tuple[str, set[str]]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int = 0
    """Worker processes; 0: one per core this process may use."""
    cache_folder: Path | None = None
    """None: no cache."""
    debug: bool = False


@dataclass
class Report:
    findings: list[Finding]
    files: int
    parsed: int
    cached: int
    seconds: float
    sources: dict[str, SourceFile] = field(default_factory=dict)


def scan(options: Options) -> Report:
    started = time.perf_counter()
    rules = load_rules()
    sources = list(discover(options.paths, options.base, options.exclude))
    store = (
        result_cache.ResultCache(
            options.cache_folder, "\0".join(str(p.resolve()) for p in options.paths)
        )
        if options.cache_folder
        else None
    )
    results: dict[str, dict[str, Any]] = {}
    keys: dict[str, str] = {}
    misses: list[tuple[SourceFile, int]] = []
    cached = 0
    for source in sources:
        try:
            content = source.path.read_bytes()
        except OSError as error:
            results[source.display] = _failure(source, f"could not be read: {error.strerror}")
            continue
        key = result_cache.file_key(source.display, source.kind, content)
        keys[source.display] = key
        entry = store.get(key) if store else None
        if entry is not None:
            results[source.display] = entry
            cached += 1
        else:
            misses.append((source, len(content)))
    for (source, _), result in zip(misses, _analyze_all(misses, options), strict=True):
        results[source.display] = result
    if store is not None:
        for display, result in results.items():
            if display in keys:
                store.put(keys[display], result)
        store.save()

    findings = [Finding.from_json(f) for result in results.values() for f in result["findings"]]
    project = Project({d: r["facts"] for d, r in results.items() if r["facts"]})
    for rule in rules.values():
        for registration in rule.checkers.get("project", []):
            try:
                hits = list(registration.checker(project))
            except Exception:
                if options.debug:
                    raise
                continue
            findings.extend(_finding(rule, hit, hit.path or "") for hit in hits)
    findings = _configure(findings, results, options)
    sources_by_display = {s.display: s for s in sources}
    return Report(
        sorted(set(findings), key=Finding.sort_key),
        len(sources),
        sum(1 for result in results.values() if result.get("parsed")),
        cached,
        time.perf_counter() - started,
        sources_by_display,
    )


def _configure(
    findings: list[Finding], results: dict[str, dict[str, Any]], options: Options
) -> list[Finding]:
    kept = []
    for finding in findings:
        if options.select is not None and finding.rule not in options.select:
            continue
        rule = RULES.get(finding.rule)
        suppressed = results.get(finding.path, {}).get("suppress", {})
        if suppressed and _suppressed(finding, rule, suppressed):
            continue
        if any(
            finding.rule in ids and is_excluded(finding.path, [pattern])
            for pattern, ids in options.per_file_ignores
        ):
            continue
        severity = options.severity.get(finding.rule)
        if severity is not None and severity != finding.severity:
            finding = Finding(
                finding.rule, finding.path, finding.span, finding.message, severity, finding.edits
            )
        kept.append(finding)
    return kept


def _suppressed(finding: Finding, rule: Rule | None, suppressed: dict[Any, list[str]]) -> bool:
    names = {finding.rule, "ALL"} | ({rule.slug} if rule else set())
    for line in range(finding.span.line, finding.span.end_line + 1):
        words = suppressed.get(str(line))
        if words and any(w.upper() in names or w.lower() in names for w in words):
            return True
    return False


def _analyze_all(misses: list[tuple[SourceFile, int]], options: Options) -> list[dict[str, Any]]:
    jobs = options.jobs or _cores()
    sources = [source for source, _ in misses]
    python = sum(1 for source in sources if source.kind == "python")
    if jobs < 2 or python < _PARALLEL_MIN_FILES:
        return [_analyze_path(source, options.debug) for source in sources]
    # Balanced chunks, biggest files first, several per worker so one slow file evens out.
    chunks: list[list[int]] = [[] for _ in range(jobs * 3)]
    sizes = [0] * len(chunks)
    for index in sorted(range(len(misses)), key=lambda i: -misses[i][1]):
        smallest = sizes.index(min(sizes))
        chunks[smallest].append(index)
        sizes[smallest] += misses[index][1]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        parts = pool.map(
            _analyze_chunk,
            [[sources[i] for i in chunk] for chunk in chunks if chunk],
            [options.debug] * len(chunks),
        )
        results: dict[int, dict[str, Any]] = {}
        for chunk, part in zip([c for c in chunks if c], parts, strict=True):
            results.update(zip(chunk, part, strict=True))
    return [results[i] for i in range(len(sources))]


def _context() -> Any:
    # fork shares the imported rules with the workers for free; it is unsafe only once
    # threads exist, and unavailable on Windows and macOS' default.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _analyze_chunk(sources: list[SourceFile], debug: bool) -> list[dict[str, Any]]:
    load_rules()
    return [_analyze_path(source, debug) for source in sources]


def _analyze_path(source: SourceFile, debug: bool) -> dict[str, Any]:
    try:
        content = source.path.read_bytes()
    except OSError as error:
        return _failure(source, f"could not be read: {error.strerror}")
    return analyze(source, content, debug=debug)


def _failure(source: SourceFile, message: str, line: int = 1, column: int = 1) -> dict[str, Any]:
    rule = RULES[PARSE_ERROR]
    finding = Finding(
        rule.id, source.display, Span(line, column, line, column), message, rule.severity
    )
    return {"findings": [finding.to_json()], "facts": {}, "suppress": {}}


def analyze(source: SourceFile, content: bytes, *, debug: bool = False) -> dict[str, Any]:
    """One file's findings, facts and suppressions, as JSON-able data (what the cache keeps)."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        if source.kind != "python":
            return _failure(source, f"is not UTF-8 text ({error.reason} at byte {error.start})")
        text = content.decode("latin-1")  # ast honours a coding declaration below
    suppress = {str(line): words for line, words in suppressions(text).items()}
    findings: list[Finding] = []
    facts: dict[str, Any] = {}
    registrations = [
        (rule, registration)
        for rule in RULES.values()
        for registration in rule.checkers.get(source.kind, ())
        if not registration.triggers or registration.matches(text)
    ]
    subject: Any = None
    parsed = False
    if source.kind == "python":
        settings = is_settings_path(source.parts)
        if not registrations and not settings:
            return {"findings": [], "facts": {}, "suppress": suppress}
        parsed = True
        try:
            tree = ast.parse(content, filename=source.display)
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None) or 1
            column = getattr(error, "offset", None) or 1
            message = getattr(error, "msg", None) or str(error)
            result = _failure(source, f"is not valid Python: {message}", line, column)
            result["suppress"] = suppress
            return result
        subject = PythonFile(source, text, tree)
        subject.focus(registrations)
        if settings:
            settings_facts = extract(subject)
            if settings_facts is not None:
                facts["settings"] = settings_facts
    elif registrations:
        try:
            subject = Document(source, text, _parse_other(source.kind, text))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problem = getattr(error, "problem", None) or "malformed"
            return _failure(source, f"is not valid YAML: {problem}", line)
    for rule, registration in registrations:
        try:
            hits = list(registration.checker(subject))
        except Exception as error:
            if debug:
                raise
            where = traceback.extract_tb(error.__traceback__)[-1]
            failed = RULES[RULE_ERROR]
            findings.append(
                Finding(
                    failed.id,
                    source.display,
                    Span(1, 1, 1, 1),
                    f"{rule.id} failed on this file ({type(error).__name__}: {error} at "
                    f"{Path(where.filename).name}:{where.lineno}); please report it",
                    failed.severity,
                )
            )
            continue
        findings.extend(_finding(rule, hit, source.display) for hit in hits)
    if subject is not None:
        facts.update(subject.facts)
    return {
        "findings": [f.to_json() for f in findings],
        "facts": facts,
        "suppress": suppress,
        "parsed": parsed,
    }


def _parse_other(kind: str, text: str) -> Any:
    if kind == "dockerfile":
        return dockerfile.parse(text)
    if kind == "compose":
        return compose.load(text)
    if kind == "nginx":
        return nginx.parse(text)
    if kind == "shell":
        return shell.logical_lines(text)
    return None


def _finding(rule: Rule, hit: Hit, path: str) -> Finding:
    return Finding(rule.id, path, hit.span, hit.message or rule.summary, rule.severity, hit.edits)


def iter_rules(ids: Iterable[str]) -> list[Rule]:
    return [RULES[i] for i in sorted(ids) if i in RULES]
