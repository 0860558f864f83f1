"""The scan: find files, analyze each (from the cache, in this process, or on every core), then
run the project-wide rules over what the files contributed, and apply the configuration.

Per-file analysis depends on nothing but the file's bytes and path, which is what makes it
cacheable and parallel; whatever needs several files (settings merged over their bases, a model
field used in a view) is a *fact* a file records and a project checker reads.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from berth.doctor import cache as result_cache
from berth.doctor import container_facts
from berth.doctor.document import Document
from berth.doctor.files import SourceFile, compose_named, discover, is_excluded
from berth.doctor.findings import Finding, Severity, Span
from berth.doctor.formats import dockerfile, nginx, procfile, shell, uwsgi
from berth.doctor.project import Project
from berth.doctor.project_python import judge_unparsed
from berth.doctor.project_settings import elsewhere_settings, extract, is_settings_path
from berth.doctor.python import PythonFile
from berth.doctor.python.fstrings import tolerant_parse
from berth.doctor.registry import RULES, Hit, Probe, Registration, Rule, load_rules
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
    workers: int = 1
    """Processes that analyzed files: 1 when all came from the cache or there were few."""


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
    results: list[dict[str, Any] | None] = [None] * len(sources)
    keys: list[str | None] = [None] * len(sources)
    contents: dict[int, bytes] = {}
    cached = 0
    if store is None:
        # Nothing to look up: whoever analyzes a file reads it.
        misses = list(range(len(sources)))
    else:
        misses = []
        for index, source in enumerate(sources):
            try:
                content = source.path.read_bytes()
            except OSError as error:
                results[index] = _failure(source, f"could not be read: {error.strerror}")
                continue
            key = keys[index] = result_cache.file_key(source.display, source.kind, content)
            entry = store.get(key)
            if entry is not None:
                results[index] = entry
                cached += 1
            else:
                misses.append(index)
                contents[index] = content
    workers = 1
    if misses:
        analyzed, workers = _analyze_all(
            [sources[i] for i in misses], [contents.get(i) for i in misses], options
        )
        for index, result in zip(misses, analyzed, strict=True):
            results[index] = result
    done: dict[str, dict[str, Any]] = {}
    for source, entry_key, entry in zip(sources, keys, results, strict=True):
        assert entry is not None
        done[source.display] = entry
        if store is not None and entry_key is not None:
            store.put(entry_key, entry)
    if store is not None:
        store.save()

    findings = [Finding.from_json(f) for result in done.values() for f in result["findings"]]
    roots = [options.base, *(p for p in options.paths if p.is_dir())]
    findings = judge_unparsed(findings, done, sources, roots, PARSE_ERROR)
    project = Project({d: r["facts"] for d, r in done.items() if r["facts"]}, sources, roots)
    for rule in rules.values():
        for registration in rule.checkers.get("project", []):
            try:
                hits = list(registration.checker(project))
            except Exception:
                if options.debug:
                    raise
                continue
            findings.extend(_finding(rule, hit, hit.path or "") for hit in hits)
    # A tox image, a docs service or a development Compose file is not held to production's
    # rules; what says so is the rest of the project (see berth.doctor.production).
    findings = [
        f
        for f in findings
        if f.rule in (PARSE_ERROR, RULE_ERROR)
        or not project.production.never_serves(f.path, f.line)
    ]
    # Likewise a test project, or Sphinx's settings (see berth.doctor.never_serves).
    kinds = {source.display: source.kind for source in sources}
    findings = [
        f
        for f in findings
        if f.rule in (PARSE_ERROR, RULE_ERROR)
        or kinds.get(f.path) not in ("python", "template")
        or not (project.never_serves.folder_of(f.path) or f.path in project.test_urlconfs)
    ]
    findings = _configure(findings, done, options)
    return Report(
        sorted(set(findings), key=Finding.sort_key),
        len(sources),
        sum(1 for result in done.values() if result.get("parsed")),
        cached,
        time.perf_counter() - started,
        {s.display: s for s in sources},
        workers,
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


def _analyze_all(
    sources: list[SourceFile], contents: list[bytes | None], options: Options
) -> tuple[list[dict[str, Any]], int]:
    """Each file's result, in order, and how many processes made them. ``contents``: each
    file's bytes if read already (for the cache lookup), else None.

    This process works too, beside ``jobs - 1`` workers started as soon as the files are
    known. They take small batches off a shared counter rather than fixed shares, because
    what a file costs depends on whether a trigger occurs in it (then it is parsed), which is
    known only once it is read: a fixed split by size leaves one process idle at the end.
    """
    jobs = options.jobs or _cores()
    python = sum(1 for source in sources if source.kind == "python")
    if jobs < 2 or python < _PARALLEL_MIN_FILES:
        return [
            _analyze_one(source, content, options.debug)
            for source, content in zip(sources, contents, strict=True)
        ], 1
    import multiprocessing  # only a parallel scan pays for it

    context = _context(multiprocessing)
    counter = context.Value("i", 0)
    work = _Work(sources, contents, counter, options.debug)
    workers = []
    for _ in range(min(jobs, len(sources) // _BATCH + 1) - 1):
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(work, sender), daemon=True)
        process.start()
        sender.close()
        workers.append((process, receiver))
    results = work.run()
    for process, receiver in workers:
        # A worker that died sends nothing: what it had claimed is analyzed here, below.
        with contextlib.suppress(EOFError, OSError):
            results.update(receiver.recv())
        receiver.close()
        process.join()
    missing = [i for i in range(len(sources)) if i not in results]
    for i in missing:
        results[i] = _analyze_one(sources[i], work.contents[i], options.debug)
    return [results[i] for i in range(len(sources))], len(workers) + 1


# Files a process claims at once: small enough that processes finish together, large enough
# that the shared counter's lock is not what they wait on.
_BATCH = 4


@dataclass
class _Work:
    """What the processes of a parallel scan share: the files, and the next one to claim."""

    sources: list[SourceFile]
    contents: list[bytes | None]
    """Read already (to look the file up in the cache); None: the analyzing process reads it."""
    counter: Any
    """A ``multiprocessing.Value``: the index of the next unclaimed file."""
    debug: bool

    def run(self) -> dict[int, dict[str, Any]]:
        results: dict[int, dict[str, Any]] = {}
        total = len(self.sources)
        while True:
            with self.counter.get_lock():
                first = self.counter.value
                self.counter.value = first + _BATCH
            if first >= total:
                return results
            for i in range(first, min(first + _BATCH, total)):
                results[i] = _analyze_one(self.sources[i], self.contents[i], self.debug)


def _worker(work: _Work, sender: Any) -> None:
    load_rules()  # already loaded when forked; a spawned worker imports them here
    try:
        results = work.run()
    except BaseException:
        # With --debug a failing rule raises: the main process analyzes this worker's files
        # again itself and raises there, with the traceback in the user's terminal.
        results = {}
    sender.send(results)
    sender.close()


def _context(multiprocessing: Any) -> Any:
    # fork shares the imported rules (and the files read) with the workers for free; it is
    # unsafe only once threads exist, and unavailable on Windows and macOS' default.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _analyze_one(source: SourceFile, content: bytes | None, debug: bool) -> dict[str, Any]:
    if content is None:
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
    probe = Probe(text)
    registrations = [
        (rule, registration)
        for rule, registration in _registrations(source.kind)
        if not registration.triggers or registration.matches(probe)
    ]
    subject: Any = None
    parsed = False
    syntax: dict[str, Any] | None = None
    if source.kind == "python":
        settings = is_settings_path(source.parts) or elsewhere_settings(text)
        if not registrations and not settings:
            return {"findings": [], "facts": {}, "suppress": suppress}
        parsed = True
        try:
            tree = ast.parse(content, filename=source.display)
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None) or 1
            column = getattr(error, "offset", None) or 1
            message = getattr(error, "msg", None) or str(error)
            # Whether it is valid is the project's Python's to say: the scan decides (judge).
            syntax = {"line": line, "column": column, "message": message}
            tolerant = tolerant_parse(content, source.display)
            if tolerant is None:
                result = _failure(source, f"is not valid Python: {message}", line, column)
                result["suppress"] = suppress
                result["syntax"] = syntax
                return result
            tree = tolerant
            syntax["checked"] = True
        subject = PythonFile(source, text, tree)
        subject.focus(registrations)
        if settings:
            settings_facts = extract(subject)
            if settings_facts is not None:
                facts["settings"] = settings_facts
    elif registrations:
        try:
            subject = Document(source, text, _parse_other(source, text))
        except _MalformedYAML as error:
            return _failure(source, f"is not valid YAML: {error.problem}", error.line)
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
        if source.kind in container_facts.KINDS:
            try:
                facts["container"] = container_facts.describe(subject)
            except Exception:
                # Without its facts the file is judged by its name alone: a scan never
                # fails on what evidence could not be read.
                if debug:
                    raise
    result = {
        "findings": [f.to_json() for f in findings],
        "facts": facts,
        "suppress": suppress,
        "parsed": parsed,
    }
    if syntax is not None:
        result["syntax"] = syntax
    return result


# A Compose file's top-level services: mapping, which a YAML file of another name needs.
_SERVICES = re.compile(r"^services:[ \t]*(#.*)?$", re.M)


class _MalformedYAML(Exception):
    def __init__(self, problem: str, line: int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


_BY_KIND: dict[str, list[tuple[Rule, Registration]]] = {}


def _registrations(kind: str) -> list[tuple[Rule, Registration]]:
    """Every rule's checkers of one kind of file, in rule order (listed once per process)."""
    found = _BY_KIND.get(kind)
    if found is None:
        found = _BY_KIND[kind] = [
            (rule, registration)
            for rule in RULES.values()
            for registration in rule.checkers.get(kind, ())
        ]
    return found


def _parse_other(source: SourceFile, text: str) -> Any:
    kind = source.kind
    if kind == "dockerfile":
        return dockerfile.parse(text)
    if kind == "compose":
        named = compose_named(source.parts[-1])
        if not named and not _SERVICES.search(text):
            return None  # another program's YAML (mkdocs.yml, a CI file): PyYAML not loaded
        import yaml  # with the first Compose file, not in every run of the doctor

        from berth.doctor.formats import compose

        try:
            return compose.load(text)
        except yaml.YAMLError as error:
            if not named:
                return None  # a template or another program's YAML: not ours to judge
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            raise _MalformedYAML(getattr(error, "problem", None) or "malformed", line) from None
    if kind == "nginx":
        return nginx.parse(text)
    if kind == "shell":
        return shell.logical_lines(text)
    if kind == "procfile":
        return procfile.parse(text)
    if kind == "uwsgi":
        return uwsgi.parse(text)
    return None


def _finding(rule: Rule, hit: Hit, path: str) -> Finding:
    return Finding(rule.id, path, hit.span, hit.message or rule.summary, rule.severity, hit.edits)
