"""``berth doctor``: the static scan for what breaks in disposable, replicated containers.

Exit status: 0 when no finding reaches ``--fail-on`` (default: error), 1 when one does (or,
with ``--diff``, when there is something to fix), 2 for a usage or configuration error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from berth.doctor.cache import cache_folder
from berth.doctor.config import DoctorConfigError, find_config, read_config
from berth.doctor.config import options as scan_options
from berth.doctor.engine import Report, scan
from berth.doctor.findings import Severity
from berth.doctor.registry import RULES, load_rules
from berth.doctor.reporters import FORMATS

__all__ = ["doctor"]

_FAIL_ON = ("error", "warning", "info", "never")


def _words(values: tuple[str, ...]) -> list[str]:
    return [word.strip() for value in values for word in value.split(",") if word.strip()]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: ids, prefixes (BD1) or slugs, comma-separated.",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="text for people; json; sarif (2.1.0) for code scanning; github for annotations.",
)
@click.option(
    "--fail-on",
    type=click.Choice(_FAIL_ON),
    default=None,
    help="Exit 1 when a finding is this severe or worse (default: error, or fail-on in pyproject).",
)
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="RULE=LEVEL",
    help="Change a rule's severity (error, warning, info).",
)
@click.option(
    "--list-rules", is_flag=True, help="List every rule with its id, slug, severity and summary."
)
@click.option("--fix", is_flag=True, help="Apply mechanical, safe fixes, showing the diff first.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the fixes as a diff without writing."
)
@click.option(
    "--no-cache", is_flag=True, help="Analyze every file again; do not read or write the cache."
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (default: one per core).",
)
@click.pass_context
def doctor(
    ctx: click.Context,
    paths: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    fail_on: str | None,
    severities: tuple[str, ...],
    list_rules: bool,
    fix: bool,
    show_diff: bool,
    no_cache: bool,
    jobs: int,
) -> None:
    """Find code and configuration that break when the project runs as many containers.

    PATHS default to the project (the folder with manage.py, found as the other commands
    find it). Nothing is imported or run.
    """
    rules = load_rules()
    if list_rules:
        _list_rules()
        return
    roots = list(paths) or [_project_root()]
    config = read_config(find_config(roots[0]))
    options = scan_options(
        config,
        roots,
        config.folder or _common_base(roots),
        select=_words(select) or None,
        ignore=_words(ignore),
        severity=[(rule, _level(level)) for rule, level in _pairs(severities)],
        jobs=jobs,
        cache_folder=None if no_cache else cache_folder(),
        debug=bool(ctx.find_root().obj and ctx.find_root().obj.get("debug")),
    )
    report = scan(options)
    if fix or show_diff:
        from berth.doctor.fixes import plan_fixes  # difflib, for these two options only

        fixes = plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()})
        for file_fix in fixes:
            click.echo(file_fix.diff(), nl=False, err=fix)
        if show_diff:
            raise click.exceptions.Exit(1 if fixes else 0)
        for file_fix in fixes:
            file_fix.write()
        if fixes:
            count = sum(len(f.findings) for f in fixes)
            click.echo(f"berth doctor: fixed {count} finding(s) in {len(fixes)} file(s)", err=True)
            report = scan(options)
        else:
            click.echo("berth doctor: nothing to fix (no finding has a mechanical fix)", err=True)
    colour = output_format == "text" and sys.stdout.isatty()
    click.echo(FORMATS[output_format](report, rules, colour))
    threshold = fail_on or config.fail_on
    if _fails(report, threshold):
        raise click.exceptions.Exit(1)


def _fails(report: Report, threshold: str) -> bool:
    if threshold == "never":
        return False
    level = Severity.parse(threshold)
    return any(finding.severity >= level for finding in report.findings)


def _pairs(values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for value in _words(values):
        rule, separator, level = value.partition("=")
        if not separator:
            raise click.BadParameter(f"{value!r} is not RULE=LEVEL", param_hint="--severity")
        pairs.append((rule, level))
    return pairs


def _level(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--severity") from None


def _project_root() -> Path:
    # Imported only when no PATH is given (CI and pre-commit name the folder).
    from berth.project.discovery import ProjectNotFound, find_project

    try:
        return find_project().root
    except ProjectNotFound as error:
        raise DoctorConfigError(f"{error}, or name the files and folders to check") from None


def _common_base(roots: list[Path]) -> Path:
    cwd = Path.cwd().resolve()
    resolved = [r.resolve() for r in roots]
    if all(r == cwd or cwd in r.parents for r in resolved):
        return cwd
    first = resolved[0]
    return first if first.is_dir() else first.parent


def _list_rules() -> None:
    for rule in RULES.values():
        fixable = " (fixable)" if rule.fixable else ""
        click.echo(f"{rule.id}  {rule.slug:<28} {str(rule.severity):<8} {rule.summary}{fixable}")
