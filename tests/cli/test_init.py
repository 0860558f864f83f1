"""``berth init`` on a copy of the reference project: write, re-run, keep edits, check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from berth.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "example"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "example"
    root.mkdir()
    (root / ".git").mkdir()
    shutil.copy(EXAMPLE / "manage.py", root)
    shutil.copy(EXAMPLE / "requirements.txt", root)
    shutil.copytree(EXAMPLE / "gallery_site", root / "gallery_site")
    return root


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_second_run_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--project", str(project), "--kubernetes"]) == 0
    first = _snapshot(project)
    assert {"Dockerfile", "compose.yaml", "k8s/deployment.yaml", ".env.example"} <= set(first)
    assert ".env" not in first
    capsys.readouterr()
    # k8s/ is refreshed without the flag once it was generated.
    assert main(["init", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert _snapshot(project) == first
    assert "k8s/deployment.yaml" in out and "created" not in out and "updated" not in out
    assert main(["init", "--project", str(project), "--check"]) == 0


def test_edited_file_is_kept_with_a_diff_and_replaced_with_force(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", "--project", str(project)])
    compose = project / "compose.yaml"
    edited = compose.read_text().replace("replicas: 2", "replicas: 5")
    compose.write_text(edited)
    (project / "Dockerfile").unlink()
    capsys.readouterr()
    assert main(["init", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert compose.read_text() == edited
    # The verbs in one column, the paths in the next; the diff's sides say whose they are.
    assert "        kept  compose.yaml (edited; --force replaces it)\n" in out
    assert "     created  Dockerfile\n" in out
    assert "--- compose.yaml (yours)" in out and "+++ compose.yaml (berth init's)" in out
    assert "-      replicas: 5" in out and "+      replicas: 2" in out
    # An edited file alone does not make --check fail: it is the user's now.
    assert main(["init", "--project", str(project), "--check"]) == 0
    out = capsys.readouterr().out
    assert "        kept  compose.yaml (edited; --force replaces it)\n" in out
    assert "   unchanged  Makefile\n" in out
    assert main(["init", "--project", str(project), "--force"]) == 0
    assert "replicas: 2" in compose.read_text()


def test_check_fails_on_missing_or_stale_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--project", str(project), "--check"]) == 1
    assert _snapshot(project).keys().isdisjoint({"Dockerfile"})
    main(["init", "--project", str(project)])
    # A newer berth would render differently: simulate with an unedited, older file.
    from berth.scaffold.writer import with_header

    (project / "compose.override.yaml").write_text(with_header("services: {}\n"))
    capsys.readouterr()
    assert main(["init", "--project", str(project), "--check"]) == 1
    err = capsys.readouterr().err
    assert "compose.override.yaml" in err
    assert main(["init", "--project", str(project), "--dry-run"]) == 0
    assert (project / "compose.override.yaml").read_text() == with_header("services: {}\n")


def test_a_foreign_makefile_is_untouched(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "Makefile").write_text("all:\n\techo mine\n")
    assert main(["init", "--project", str(project)]) == 0
    assert (project / "Makefile").read_text() == "all:\n\techo mine\n"
    shortcuts = (project / "berth.mk").read_text()
    assert "include berth.mk" in shortcuts and "dbshell:" in shortcuts
    assert "berth.mk" in capsys.readouterr().out


def test_no_dependency_file_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "requirements.txt").unlink()
    assert main(["init", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("berth: no requirements.txt") and err.count("\n") == 1


def test_what_must_never_be_committed_is_added_to_gitignore(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".gitignore").write_text("*.log\n/.env*")
    assert main(["init", "--project", str(project), "--dry-run"]) == 0
    assert (project / ".gitignore").read_text() == "*.log\n/.env*"
    assert "would update  .gitignore: add /.berth /data" in capsys.readouterr().out
    assert main(["init", "--project", str(project)]) == 0
    assert (project / ".gitignore").read_text() == (
        "*.log\n/.env*\n"
        "# Never committed (berth init): berth's data, data/, dumps, SQLite databases, .env files\n"
        "/.berth\n/data\n**/*.dump\n**/db.sqlite3*\n!/.env.example\n"
    )
    assert (
        "updated  .gitignore: added /.berth /data **/*.dump **/db.sqlite3* !/.env.example"
        in capsys.readouterr().out
    )
    assert main(["init", "--project", str(project)]) == 0
    assert ".gitignore" not in capsys.readouterr().out


def test_a_gitignore_berth_cannot_write_is_one_line_with_what_to_add(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".gitignore").mkdir()
    assert main(["init", "--project", str(project)]) == 0
    assert capsys.readouterr().err == (
        "berth: cannot update .gitignore (Is a directory): add these lines to it: "
        "/.berth /data **/*.dump **/db.sqlite3* /.env* !/.env.example\n"
    )


def test_requirements_only_this_machine_has_are_one_line_each(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What `pip freeze > requirements.txt` writes in a clone of berth, and its like.
    (project / "requirements.txt").write_text(
        "Django==5.2.8\n"
        "# Editable install with no version control (django-berth==0.4.0)\n"
        "-e /home/me/src/berth\n"
        "pillow @ file:///home/me/wheels/pillow-11.0-cp313.whl  # built here\n"
        "--index-url https://pypi.org/simple\n"
        "./vendor/thing\n"
        "requests @ https://example.com/requests-2.32.tar.gz\n"
        "-r base.txt\n"
        "boto3[crt]>=1.35 ; python_version >= '3.11'\n"
        "-e git+https://me:hunter2@github.com/me/lib.git#egg=lib\n"
    )
    assert main(["init", "--project", str(project), "--dry-run"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "requirements.txt:" in line]
    cannot = "which the image build cannot install (it copies requirements.txt alone)"
    assert lines == [
        f"berth: warning: requirements.txt:3: -e /home/me/src/berth is an editable install, "
        f"{cannot}: name the release instead (django-berth==0.4.0)",
        "berth: warning: requirements.txt:4: pillow @ file:///home/me/wheels/pillow-11.0-cp313.whl"
        f" is a path on this machine, {cannot}: name a release (NAME==VERSION) or a URL the "
        "build can reach",
        f"berth: warning: requirements.txt:6: ./vendor/thing is a path on this machine, {cannot}: "
        "name a release (NAME==VERSION) or a URL the build can reach",
        f"berth: warning: requirements.txt:8: -r base.txt is another requirements file, {cannot}:"
        " list its requirements here",
        "berth: warning: requirements.txt:10: -e git+https://me:***@github.com/me/lib.git#egg=lib is "
        f"an editable install, {cannot}: name a release (NAME==VERSION) or a URL the build can "
        "reach",
    ]


def test_requirements_pip_can_fetch_raise_no_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--project", str(project), "--dry-run"]) == 0
    assert "requirements.txt:" not in capsys.readouterr().err


def test_pip_freeze_of_an_editable_berth_is_named(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The tests' own environment: `make install` installs berth with pip install -e.
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze"], capture_output=True, text=True, check=True
    ).stdout
    (project / "requirements.txt").write_text(frozen)
    lines = frozen.splitlines()
    (number,) = [n for n, line in enumerate(lines, 1) if line.startswith("-e ")]
    assert main(["init", "--project", str(project), "--dry-run"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if ".txt:" in line]
    (warning,) = warnings
    assert warning.startswith(
        f"berth: warning: requirements.txt:{number}: {lines[number - 1]} is an editable install, "
        "which the image build cannot install (it copies requirements.txt alone): "
    )
    # pip names the release in a comment only for a checkout with no remote (a clone has one).
    if f"(django-berth=={version('django-berth')})" in frozen:
        assert warning.endswith(
            f"name the release instead (django-berth=={version('django-berth')})"
        )
    else:
        assert warning.endswith("name a release (NAME==VERSION) or a URL the build can reach")
