"""The scan itself: cache, workers, suppressions, configuration, bad input, exit status."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from tests.doctor.conftest import run, write

from berth.cli import main
from berth.doctor import engine
from berth.doctor.cache import cache_folder

SAMPLE = Path(__file__).resolve().parent / "corpus" / "stateful"
VIEW = """
from django.conf import settings

def export(request):
    open(settings.MEDIA_ROOT / "a.csv", "w").write("x")
"""


def test_a_second_run_comes_from_the_cache_in_the_users_cache_folder(
    tmp_path: Path, private_cache: Path
) -> None:
    write(tmp_path, {"app/views.py": VIEW})
    folder = cache_folder()
    assert folder.is_relative_to(private_cache)
    first = run(tmp_path, cache_folder=folder)
    second = run(tmp_path, cache_folder=folder)
    assert (first.cached, second.cached) == (0, second.files)
    assert second.findings == first.findings
    assert not any(p.name.endswith(".json") for p in tmp_path.rglob("*"))  # nothing in the project
    (tmp_path / "app/views.py").write_text(VIEW.replace("a.csv", "b.csv"))
    assert run(tmp_path, cache_folder=folder).cached == second.files - 1


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    """The stateful sample four times over: enough Python files for the scan to use workers."""
    for copy in range(4):
        shutil.copytree(SAMPLE, tmp_path / f"copy{copy}")
    return tmp_path


def test_workers_find_what_one_process_finds(many_files: Path) -> None:
    serial = run(many_files, jobs=1)
    parallel = run(many_files, jobs=3)
    assert (serial.workers, parallel.workers) == (1, 3)
    assert parallel.findings == serial.findings
    assert len(serial.findings) > 4 * 10


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the stand-in is not picklable"
)
def test_files_a_dead_worker_had_claimed_are_analyzed_by_the_scan_itself(
    many_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def die(work: engine._Work, sender: object) -> None:
        work.run()  # claims files, as many as it can
        os._exit(1)  # and dies as if killed: nothing sent

    monkeypatch.setattr(engine, "_worker", die)
    # Forked even if the suite has started threads: a spawned worker would run the real one.
    monkeypatch.setattr(engine, "_context", lambda module: module.get_context("fork"))
    assert run(many_files, jobs=2).findings == run(many_files, jobs=1).findings


def test_a_warm_run_starts_no_workers(many_files: Path, private_cache: Path) -> None:
    first = run(many_files, jobs=2, cache_folder=private_cache)
    second = run(many_files, jobs=2, cache_folder=private_cache)
    assert (first.workers, second.workers) == (2, 1)
    assert second.cached == second.files
    assert second.findings == first.findings


def test_inline_suppression_by_id_or_slug(tmp_path: Path) -> None:
    files = {
        "app/views.py": """
            from django.conf import settings

            def a(request):
                open(settings.MEDIA_ROOT / "a", "w")  # berth: ignore[BD102] scratch, wiped nightly

            def b(request):
                # berth: ignore[local-file-write] reviewed
                open(settings.MEDIA_ROOT / "b", "w")

            def c(request):
                open(settings.MEDIA_ROOT / "c", "w")  # berth: ignore[BD101] wrong rule
        """,
        "Dockerfile": "# berth: ignore[BD405] the base image sets USER\nFROM python:3.13\nENV PYTHONUNBUFFERED=1\n",
    }
    assert [(f.path, f.line) for f in run(tmp_path, files).findings] == [("app/views.py", 11)]


def test_configuration_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": """
                [tool.berth.doctor]
                ignore = ["BD405"]
                exclude = ["legacy/"]
                severity = { "local-file-write" = "warning" }

                [tool.berth.doctor.per-file-ignores]
                "scripts/*.py" = ["BD102"]
            """,
            "app/views.py": VIEW,
            "scripts/views.py": VIEW,
            "legacy/views.py": VIEW,
            "Dockerfile": "FROM python:3.13\nENV PYTHONUNBUFFERED=1\n",
        },
    )
    assert main(["doctor", "--no-cache", "--format", "json", str(tmp_path)]) == 0  # a warning
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["path"], f["rule"], f["severity"]) for f in findings] == [
        ("app/views.py", "BD102", "warning")
    ]
    assert main(["doctor", "--no-cache", "--fail-on", "warning", str(tmp_path)]) == 1


def test_select_and_ignore_take_ids_prefixes_and_slugs(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "doctor",
            "--no-cache",
            "--format",
            "json",
            "--select",
            "BD1,container-name",
            "--ignore",
            "BD105",
            str(SAMPLE),
        ]
    )
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert rules == {"BD101", "BD102", "BD103", "BD104", "BD106", "BD107", "BD501"}


def test_unknown_rules_and_bad_configuration_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor", "--select", "BD999", str(SAMPLE)]) == 2
    assert "matches no rule" in capsys.readouterr().err
    write(tmp_path, {"pyproject.toml": "[tool.berth.doctor]\nselekt = ['BD1']\n"})
    assert main(["doctor", str(tmp_path)]) == 2
    assert "unknown key 'selekt'" in capsys.readouterr().err


def test_files_that_do_not_parse_are_reported_not_fatal(tmp_path: Path) -> None:
    files = {
        # Parsed because it may matter (it names MEDIA_ROOT); a file no rule could match is
        # not parsed at all, so its syntax errors are Python's to report.
        "app/views.py": "from django.conf import settings\nprint(settings.MEDIA_ROOT\n",
        "compose.yaml": "services: [unclosed\n",
        "app/ok.py": VIEW,
    }
    write(tmp_path, files)
    (tmp_path / "app/latin.html").write_bytes(b"caf\xe9 {{ MEDIA_URL }}x")
    found = [(f.path, f.rule) for f in run(tmp_path).findings]
    assert found == [
        ("app/latin.html", "BD001"),
        ("app/ok.py", "BD102"),
        ("app/views.py", "BD001"),
        ("compose.yaml", "BD001"),
    ]


def test_no_project_here_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["doctor"]) == 2
    assert "no manage.py" in capsys.readouterr().err


def test_default_path_is_the_project(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(SAMPLE / "shop")
    assert main(["doctor", "--no-cache"]) == 1
    assert "shop_site/settings.py" in capsys.readouterr().out


def test_diff_prints_and_fix_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        tmp_path,
        {
            "app/models.py": """
                from django.core.files.storage import FileSystemStorage
                from django.db import models

                class Doc(models.Model):
                    file = models.FileField(upload_to="docs/", storage=FileSystemStorage())
            """,
        },
    )
    before = (tmp_path / "app/models.py").read_text()
    assert main(["doctor", "--no-cache", "--diff", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert '+    file = models.FileField(upload_to="docs/")' in out
    assert (tmp_path / "app/models.py").read_text() == before
    assert main(["doctor", "--no-cache", "--fix", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "-    file = models.FileField" in captured.err
    assert "no problems found" in captured.out
    assert 'FileField(upload_to="docs/")' in (tmp_path / "app/models.py").read_text()
    assert main(["doctor", "--no-cache", "--diff", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["doctor", "--no-cache", "--fix", str(tmp_path)]) == 0
    assert "berth doctor: nothing to fix" in capsys.readouterr().err


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--list-rules"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) >= 35
    assert listed[2].split()[:3] == ["BD101", "filesystem-storage", "error"]


def test_python_m_berth_doctor_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "berth.doctor", "--no-cache", str(SAMPLE / "deploy")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "BD601" in result.stdout
