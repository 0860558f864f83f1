"""berth installed the way the README says, into a fresh virtualenv: every documented command
runs, or says in one line which extra it needs and the pip command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from berth.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A virtualenv with `pip install django-berth` (this checkout), nothing else."""
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    subprocess.run(
        [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", str(ROOT)],
        check=True,
        timeout=600,
    )
    yield folder / "bin"


def run(
    bin_folder: Path, *args: str, cwd: Path, **environ: str
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "STORAGE_", "VIRTUAL_ENV", "PYTHON"))
    }
    env["PATH"] = f"{bin_folder}{os.pathsep}{env.get('PATH', '')}"
    env.update(environ)
    return subprocess.run(
        [str(bin_folder / args[0]), *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def assert_one_line_or_success(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "ModuleNotFoundError" not in result.stderr, result.stderr
    if result.returncode not in (0, 1) or result.stderr.strip():
        # A refusal is one line of berth's.
        lines = [line for line in result.stderr.splitlines() if line.startswith("berth: ")]
        assert lines or result.returncode in (0, 1), result.stderr


def test_every_command_has_help(venv: Path, tmp_path: Path) -> None:
    assert run(venv, "berth", "--help", cwd=tmp_path).returncode == 0
    for command in COMMANDS:
        result = run(venv, "berth", command, "--help", cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
        assert "Usage: berth" in result.stdout


def test_the_tour_runs_or_names_its_extra(venv: Path, tmp_path: Path) -> None:
    assert run(venv, "django-admin", "startproject", "mysite", ".", cwd=tmp_path).returncode == 0
    settings = tmp_path / "mysite" / "settings.py"
    settings.write_text(settings.read_text() + "\nimport berth\n\nberth.configure(globals())\n")

    env = run(venv, "berth", "env", cwd=tmp_path)
    assert env.returncode == 0, env.stderr
    assert "DATABASE_URL" in env.stdout
    check = run(venv, "python", "manage.py", "check", cwd=tmp_path)
    assert check.returncode == 0, check.stderr

    (tmp_path / "requirements.txt").write_text("django>=5.2\ndjango-berth[postgres]\n")
    init = run(venv, "berth", "init", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "compose.yaml").exists()
    assert run(venv, "berth", "init", "--check", cwd=tmp_path).returncode == 0
    # The doctor reads the compose.yaml init just wrote (PyYAML once was an undeclared need).
    doctor = run(venv, "berth", "doctor", cwd=tmp_path)
    assert doctor.returncode in (0, 1), doctor.stderr
    assert "compose.yaml" not in doctor.stderr
    assert_one_line_or_success(doctor)

    # What needs an extra says which, in one line.
    up = run(venv, "berth", "up", "--replicas", "1", cwd=tmp_path)
    assert up.returncode != 0
    assert "pip install 'django-berth[local]'" in up.stderr, up.stderr
    assert len(up.stderr.strip().splitlines()) == 1, up.stderr
    dump = run(
        venv,
        "berth",
        "db",
        "dump",
        "-o",
        str(tmp_path / "x.dump"),
        cwd=tmp_path,
        DATABASE_URL="postgres://app:pw@127.0.0.1:9/app",
    )
    assert dump.returncode != 0
    assert "pip install 'django-berth[postgres]'" in dump.stderr, dump.stderr
    assert len(dump.stderr.strip().splitlines()) == 1, dump.stderr

    # And what needs none runs.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.txt").write_text("x")
    sync = run(venv, "berth", "media", "sync", "./a", "./b", cwd=tmp_path)
    assert sync.returncode == 0, sync.stderr
    assert (tmp_path / "b" / "f.txt").read_text() == "x"
    for args in (["logs"], ["verify", "--help"], ["db", "dump", "-o", str(tmp_path / "s.dump")]):
        assert_one_line_or_success(run(venv, "berth", *args, cwd=tmp_path))
