"""``berth init``: write the Dockerfile, Compose, nginx, Makefile and Kubernetes files."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.syntax import Syntax

from berth.config.masking import mask_text
from berth.config.server import upload_limit
from berth.config.variables import read_environment
from berth.project import find_project
from berth.scaffold import Action, Change, apply_changes, detect_stack, plan_changes, render_files
from berth.scaffold.dockerignore import gitignore_lines
from berth.scaffold.gitignore import add_gitignore_lines, missing_gitignore_lines
from berth.scaffold.writer import is_berth_file

__all__ = ["init"]

# What --ptrace writes in compose.yaml's web service.
_PTRACE_LINE = 'cap_add: ["SYS_PTRACE"]'
_VERBS = {
    Action.CREATE: "created",
    Action.UPDATE: "updated",
    Action.UNCHANGED: "unchanged",
    Action.KEEP: "kept",
    Action.OVERWRITE: "overwritten",
}
_WOULD = {
    Action.CREATE: "would create",
    Action.UPDATE: "would update",
    Action.UNCHANGED: "unchanged",
    Action.KEEP: "kept",
    Action.OVERWRITE: "would overwrite",
}


@click.command()
@click.option(
    "--kubernetes",
    is_flag=True,
    help="Also write a kustomize base in k8s/ (implied once k8s/ was generated).",
)
@click.option(
    "--ptrace/--no-ptrace",
    default=None,
    help="Let py-spy attach to the workers: SYS_PTRACE in the web containers (docs/deploy.md; "
    "kept once generated).",
)
@click.option("--force", is_flag=True, help="Replace files you edited (the diff is shown).")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if a generated file is missing or out of date (for CI).",
)
@click.option(
    "--project",
    "start",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The Django project's folder (default: the one holding manage.py, here or above).",
)
def init(
    kubernetes: bool,
    ptrace: bool | None,
    force: bool,
    dry_run: bool,
    check: bool,
    start: Path | None,
) -> int:
    """Write the files that run this project as replicated containers.

    Re-running refreshes the files berth wrote and you left alone, shows the difference for
    the ones you edited and keeps them (unless --force). .env is never written.
    """
    project = find_project(start)
    stack = detect_stack(project)
    root = project.root
    kubernetes = kubernetes or (root / "k8s" / "kustomization.yaml").is_file()
    files = render_files(
        stack,
        kubernetes=kubernetes,
        makefile=_makefile_name(root),
        max_upload_size=upload_limit(read_environment()),
        ptrace=_with_ptrace(root) if ptrace is None else ptrace,
    )
    changes = plan_changes(root, files, force=force and not check)
    console = Console()
    if not stack.has_berth_dependency:
        click.echo(
            f"berth: warning: {stack.dependency_file} does not name django-berth, which the "
            "image runs (gunicorn -c python:berth.runtime.gunicorn_conf, berth migrate)",
            err=True,
        )
    for local in stack.local_requirements:
        fix = (
            f"name the release instead ({local.release})"
            if local.release
            else "list its requirements here"
            if local.what == "another requirements file"
            else "name a release (NAME==VERSION) or a URL the build can reach"
        )
        click.echo(
            f"berth: warning: {stack.dependency_file}:{local.line}: {mask_text(local.text)} is "
            f"{local.what}, which the image build cannot install (it copies "
            f"{stack.dependency_file} alone): {fix}",
            err=True,
        )
    write = not (dry_run or check)
    if write:
        apply_changes(root, changes)
    for change in changes:
        verb = (_VERBS if write else _WOULD)[change.action]
        why = " (edited; --force replaces it)" if change.action == Action.KEEP else ""
        click.echo(f"{verb:>12}  {change.path}{why}")
        if change.action in (Action.UPDATE, Action.KEEP, Action.OVERWRITE) or (
            not write and change.action == Action.CREATE and not check
        ):
            _show_diff(console, change)
    _gitignore(root, write)
    if check:
        stale = [c.path for c in changes if c.action in (Action.CREATE, Action.UPDATE)]
        if stale:
            click.echo(f"berth: out of date: {', '.join(stale)}; run `berth init`", err=True)
            return 1
    return 0


def _with_ptrace(root: Path) -> bool:
    """Whether the Compose file berth generated here has the --ptrace opt-in, to keep it."""
    try:
        text = (root / "compose.yaml").read_text(encoding="utf-8")
    except OSError:
        return False
    return is_berth_file(text) and _PTRACE_LINE in text


def _gitignore(root: Path, write: bool) -> None:
    """What must never be committed goes into .gitignore, or the user is told what to add."""
    missing = gitignore_lines()
    try:
        missing = missing_gitignore_lines(root)
        if missing and write:
            add_gitignore_lines(root, missing)
    except OSError as error:
        click.echo(
            f"berth: cannot update .gitignore ({error.strerror or error}): add these lines to "
            f"it: {' '.join(missing)}",
            err=True,
        )
        return
    if missing:
        verb = (_VERBS if write else _WOULD)[Action.UPDATE]
        click.echo(f"{verb:>12}  .gitignore: {'added' if write else 'add'} {' '.join(missing)}")


def _makefile_name(root: Path) -> str:
    # A Makefile berth did not write belongs to the project: the shortcuts go next to it.
    makefile = root / "Makefile"
    if makefile.is_file() and not is_berth_file(makefile.read_text(encoding="utf-8")):
        return "berth.mk"
    return "Makefile"


def _show_diff(console: Console, change: Change) -> None:
    diff = change.diff()
    if not diff:
        return
    if console.is_terminal:
        console.print(Syntax(diff, "diff", background_color="default"))
    else:
        sys.stdout.write(diff)
