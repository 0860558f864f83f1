"""berth migrate: any number of processes starting at once apply each migration exactly once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import psycopg
import pytest
from tests.integration.throwaway import write_project
from tests.processes import child_environment

# Each migration records itself in a table as it runs, and the first one takes its time,
# so that concurrent runs overlap inside it: without the lock, several would apply it.
LEDGER_FILES = {
    "ledger/__init__.py": "",
    "ledger/migrations/__init__.py": "",
    "ledger/migrations/0001_initial.py": """
        from django.db import migrations


        class Migration(migrations.Migration):
            initial = True
            dependencies = []
            operations = [
                migrations.RunSQL("CREATE TABLE ledger_runs (migration text, pid int)"),
                migrations.RunSQL("SELECT pg_sleep(1)"),
                migrations.RunSQL("INSERT INTO ledger_runs VALUES ('0001', pg_backend_pid())"),
            ]
    """,
    "ledger/migrations/0002_second.py": """
        from django.db import migrations


        class Migration(migrations.Migration):
            dependencies = [("ledger", "0001_initial")]
            operations = [
                migrations.RunSQL("INSERT INTO ledger_runs VALUES ('0002', pg_backend_pid())"),
            ]
    """,
}

RUNS = 5


def ledger_project(folder: Path) -> Path:
    write_project(folder)
    for name, text in LEDGER_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(dedent(text).lstrip())
    settings = folder / "throwaway" / "settings.py"
    settings.write_text(settings.read_text().replace('"docs"]', '"docs", "ledger"]'))
    return folder


def berth(project: Path, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "berth", *args],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_concurrent_runs_apply_each_migration_once(tmp_path: Path, database_url: str) -> None:
    project = ledger_project(tmp_path)
    env = child_environment(DATABASE_URL=database_url, SECRET_KEY="x" * 50, LOG_FORMAT="json")
    runs = [berth(project, "migrate", env=env) for _ in range(RUNS)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * RUNS, "\n".join(outputs)

    with psycopg.connect(database_url) as connection:
        ledger = connection.execute(
            "SELECT migration, count(*) FROM ledger_runs GROUP BY migration ORDER BY 1"
        ).fetchall()
        recorded = connection.execute(
            "SELECT app, name, count(*) FROM django_migrations GROUP BY app, name HAVING count(*) > 1"
        ).fetchall()
    assert ledger == [("0001", 1), ("0002", 1)]
    assert recorded == []
    # The others did wait, and said so, rather than finding the work done by luck.
    assert sum("another process is migrating" in output for output in outputs) >= 1


def test_migrate_on_embedded_sqlite_is_serialised_too(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    env = child_environment()
    runs = [berth(project, "migrate", env=env) for _ in range(3)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], "\n".join(outputs)
    assert (project / "data" / "db.sqlite3").exists() or list(project.rglob("*.sqlite3"))


def test_migrate_outside_a_project_says_so(tmp_path: Path) -> None:
    run = berth(tmp_path, "migrate", env=child_environment())
    output = run.communicate(timeout=60)[0]
    assert run.returncode == 1
    assert output.strip().splitlines()[-1].startswith("berth: no manage.py in ")


@pytest.mark.parametrize("command", ["migrate", "wait"])
def test_unreachable_database_is_named(tmp_path: Path, command: str) -> None:
    project = write_project(tmp_path)
    # A port nothing listens on: refused at once, so the short timeout is the only wait.
    env = child_environment(
        DATABASE_URL="postgres://app:s3cret-pw@127.0.0.1:9/app", SECRET_KEY="x" * 50
    )
    args = ["--wait", "1"] if command == "migrate" else ["--timeout", "1"]
    run = berth(project, command, *args, env=env)
    output = run.communicate(timeout=60)[0]
    assert run.returncode == 3, output
    last = output.strip().splitlines()[-1]
    assert last.startswith("berth: database did not answer within 1 s"), last
    assert "s3cret-pw" not in output
