"""The README's five-minute tour, command by command, on a project fresh from ``django-admin
startproject`` with only the README's lines added: what each step's documentation promises.

One ``berth up --replicas 2`` serves the whole tour, on the test session's PostgreSQL and S3
servers (``local``); a second environment, ``staging``, is another database and bucket on the
same servers, reached through an exec prefix as a container would be. This berth up is also
tests/up/test_startproject.py's for startproject's own layout: its checks run here as steps.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import requests
from tests.conftest import fresh_bucket, fresh_database
from tests.processes import child_environment
from tests.s3_server import S3Bucket, S3Server
from tests.up.harness import RunningUp, berth_up
from tests.up.test_startproject import (
    PASSWORD,
    check_a_login_holds_on_every_replica_and_after_a_restart,
    check_pages_answer,
    check_verify_holds,
    startproject,
)
from tests.verify.test_builtin_flows import (
    check_a_fresh_startproject_holds_but_its_cache_is_not_shared,
    check_no_stored_file_is_left,
    check_no_throwaway_user_or_group_is_left,
    verify_json,
)

from berth.services.postgres import PostgresServer


class Tour:
    """The project, its running ``berth up``, and the ``staging`` environment beside it."""

    def __init__(
        self,
        up: RunningUp,
        env: dict[str, str],
        database_url: str,
        bucket: S3Bucket,
        staging_url: str,
        staging_bucket: S3Bucket,
    ) -> None:
        self.up = up
        self.project = up.project
        self.env = env
        self.database_url = database_url
        self.bucket = bucket
        self.staging_url = staging_url
        self.staging_bucket = staging_bucket

    def berth(
        self, *args: str, input: str | None = None, timeout: float = 120, **env: str
    ) -> subprocess.CompletedProcess[str]:
        """``berth ARGS`` in the project folder, from a shell where berth up was started."""
        return subprocess.run(
            [sys.executable, "-m", "berth", *args],
            cwd=self.project,
            env={**self.env, **env},
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def shell(self, *args: str, code: str) -> str:
        done = self.berth("shell", "local", *args, "-c", code)
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture(scope="module")
def tour(
    tmp_path_factory: pytest.TempPathFactory,
    postgres_server: PostgresServer,
    s3_server: S3Server,
) -> Iterator[Tour]:
    project = startproject(tmp_path_factory.mktemp("tour"))
    with (
        fresh_database(postgres_server) as database_url,
        fresh_database(postgres_server) as staging_url,
        fresh_bucket(s3_server) as bucket,
        fresh_bucket(s3_server) as staging_bucket,
        tempfile.TemporaryDirectory(prefix="berth-test-up-") as scratch,
    ):
        # docs/environments.md: an environment is named once, in berth.toml; `env` stands for
        # the container's own variables, as `docker exec` would give them.
        # `production` is the same place, marked protected.
        reached = (
            "exec = "
            + json.dumps(
                [
                    "env",
                    f"DATABASE_URL={staging_url}",
                    f"STORAGE_URL={staging_bucket.storage_url}",
                ]
            )
            + "\n"
            + f"berth = {json.dumps([sys.executable, '-m', 'berth'])}\n"
        )
        (project / "berth.toml").write_text(
            f"[environments.staging]\n{reached}\n"
            f"[environments.production]\n{reached}protected = true\n"
        )
        env = child_environment(
            DATABASE_URL=database_url,
            STORAGE_URL=bucket.storage_url,
            TMPDIR=scratch,
            AWS_EC2_METADATA_DISABLED="true",
        )
        with berth_up(project, env, replicas=2) as running:
            running.wait_ready(2)
            yield Tour(running, env, database_url, bucket, staging_url, staging_bucket)


def test_1_check_warns_then_deploy_check_refuses(tour: Tour) -> None:
    """With nothing set: startproject's SQLite and berth's local media are warnings, and
    errors under ``--deploy``."""
    bare = {key: value for key, value in tour.env.items() if not key.endswith("_URL")}

    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", "check", *args],
            cwd=tour.project,
            env=bare,
            capture_output=True,
            text=True,
            timeout=60,
        )

    warned = check()
    assert warned.returncode == 0, warned.stderr
    assert "(berth.W001)" in warned.stderr and "(berth.W002)" in warned.stderr, warned.stderr
    refused = check("--deploy")
    assert refused.returncode == 1
    assert "(berth.E001)" in refused.stderr and "(berth.E002)" in refused.stderr, refused.stderr


def test_1_env_names_each_variable_and_its_source_and_masks_secrets(tour: Tour) -> None:
    done = tour.berth("env")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    password = re.search(r"://[^:]+:([^@]+)@", tour.database_url)
    assert password is not None
    assert password.group(1) not in done.stdout
    assert any(
        line.startswith("DATABASE_URL=postgres://") and "[environment]" in line for line in lines
    ), done.stdout
    # startproject's own values, with the line that sets them.
    assert "DEBUG=on  [project settings mysite/settings.py:26]" in lines, done.stdout
    assert "SECRET_KEY=***  [project settings mysite/settings.py:23]" in lines, done.stdout
    as_json = tour.berth("env", "--json")
    assert as_json.returncode == 0, as_json.stderr
    json.loads(as_json.stdout)


def test_1_env_names_a_bad_variable_in_one_line_and_exits_2(tour: Tour) -> None:
    done = tour.berth("env", DATABASE_URL="postgres://app:secret@db:54x2/app")
    assert done.returncode == 2
    assert "STORAGE_URL=s3://" in done.stdout  # every line it can
    assert "secret" not in done.stdout + done.stderr.replace("SECRET_KEY", "")
    assert done.stderr.splitlines()[-1] == (
        "berth: DATABASE_URL: is not a valid URL (is the port a number, are special characters"
        " in the password percent-encoded?)"
    )


def test_1_env_masks_a_password_without_telling_it(tour: Tour) -> None:
    done = tour.berth("env", DATABASE_URL="postgres://postgres:postgres@db:5432/postgres")
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("DATABASE_URL="))
    assert line.startswith("DATABASE_URL=postgres://postgres:***@db:5432/postgres  "), line
    assert line.endswith("-> django.db.backends.postgresql db:5432/postgres"), line


def test_2_env_local_shows_what_the_replicas_get(tour: Tour) -> None:
    done = tour.berth("env", "local")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("DEBUG=off") for line in lines), done.stdout
    assert any(line.startswith("LOG_FORMAT=json") for line in lines), done.stdout
    assert any(line.startswith("SECRET_KEY=***") for line in lines), done.stdout
    secret_key = (tour.project / ".berth" / "secret_key").read_text().strip()
    assert secret_key not in done.stdout
    # An environment without an env_file keeps its variables in its containers.
    elsewhere = tour.berth("env", "staging")
    assert elsewhere.returncode == 1
    assert elsewhere.stderr.strip().endswith("berth exec staging -- berth env shows them there")


def test_3_up_serves_the_admin_round_robin(tour: Tour) -> None:
    served = set()
    for _ in range(4):
        answer = requests.get(f"{tour.up.url}/admin/login/", timeout=10)
        assert answer.status_code == 200, answer.text[:500]
        served.add(answer.headers["X-Berth-Replica"])
    assert served == {"web-1", "web-2"}
    # berth env local said DEBUG=off: no replica shows Django's debug page.
    missing = requests.get(f"{tour.up.url}/no-such-page/", timeout=10)
    assert missing.status_code == 404
    assert "URLconf" not in missing.text


def test_3_pages_answer_through_the_entry_point(tour: Tour) -> None:
    check_pages_answer(tour.up)


def test_4_verify_proves_the_built_in_flows(tour: Tour) -> None:
    done = tour.berth("verify", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    for flow in ("login", "messages", "default_storage"):
        assert re.search(rf"^held  {flow}:", done.stdout, re.MULTILINE), done.stdout
    assert re.search(r"^warn  cache:", done.stdout, re.MULTILINE), done.stdout
    assert "3 of 4 flows held across 2 replicas, with a restart (1 warned)" in done.stdout


def test_4_verify_json_says_what_held_and_why_the_cache_did_not(tour: Tour, tmp_path: Path) -> None:
    """tests/verify/test_builtin_flows.py's checks of a fresh startproject, on this one."""
    verified = verify_json(tour.project, tmp_path / "cache")
    check_a_fresh_startproject_holds_but_its_cache_is_not_shared(verified)
    check_no_throwaway_user_or_group_is_left(tour.database_url)
    check_no_stored_file_is_left(tour.bucket)


def test_4_verify_without_its_restart_holds_too(tour: Tour) -> None:
    check_verify_holds(tour.project)


def test_5_logs_merge_the_replicas_and_find_one_request(tour: Tour) -> None:
    request_id = uuid.uuid4().hex
    answer = requests.get(
        f"{tour.up.url}/admin/login/", headers={"X-Request-ID": request_id}, timeout=10
    )
    assert answer.headers["X-Request-ID"] == request_id
    replica = answer.headers["X-Berth-Replica"]

    def logs(*args: str) -> str:
        done = tour.berth("logs", *args)
        assert done.returncode == 0, done.stderr
        return done.stdout

    tour.up.wait_until(lambda: request_id[:8] in logs("--request-id", request_id), "the line")
    lines = logs("--request-id", request_id[:8]).splitlines()
    assert lines, "no line of the request"
    assert any(
        line.startswith(f"{replica} |") and "GET /admin/login/ 200" in line for line in lines
    ), lines
    records = [json.loads(line) for line in logs("--json", "--request-id", request_id).splitlines()]
    assert records and all(record["request_id"] == request_id for record in records)
    everything = logs()
    assert "web-1 |" in everything and "web-2 |" in everything
    assert not re.search(r"^\S+ \| \S+ INFO ", logs("--level", "warning"), re.MULTILINE)


def test_5_logs_follow_shows_new_lines(tour: Tour) -> None:
    request_id = uuid.uuid4().hex
    with subprocess.Popen(
        [sys.executable, "-m", "berth", "logs", "-f", "--request-id", request_id],
        cwd=tour.project,
        env=tour.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as follower:
        # Ends a follower that never prints the line, rather than a readline() hanging.
        stopper = threading.Timer(30, follower.terminate)
        stopper.start()
        try:
            # -f starts at the end of each file: give it the time to open them first.
            time.sleep(2)
            requests.get(
                f"{tour.up.url}/admin/login/", headers={"X-Request-ID": request_id}, timeout=10
            )
            assert follower.stdout is not None
            line = follower.stdout.readline()
            assert "GET /admin/login/ 200" in line, line
        finally:
            stopper.cancel()
            follower.terminate()


def test_6_run_is_a_one_off_in_a_fresh_copy(tour: Tour) -> None:
    created = tour.berth(
        "run",
        "--",
        "python",
        "manage.py",
        "createsuperuser",
        "--noinput",
        "--username",
        "admin",
        "--email",
        "admin@example.com",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    assert created.returncode == 0, created.stderr
    where = tour.berth("run", "--", "python", "-c", "import os; print(os.getcwd())")
    assert where.returncode == 0, where.stderr
    tree = Path(where.stdout.strip().splitlines()[-1])
    assert tree != tour.project
    assert not tree.exists()  # deleted afterwards, as `docker compose run --rm` does


def test_7_shell_replica_enters_that_replicas_tree(tour: Tour) -> None:
    out = tour.shell(
        "--replica",
        "web-2",
        code=(
            "import os; from django.contrib.auth.models import User; "
            "print(os.getcwd()); print(User.objects.filter(username='admin').exists())"
        ),
    )
    cwd, exists = out.strip().splitlines()[-2:]
    assert cwd == tour.up.replicas()["web-2"]["tree"]
    assert exists == "True"


def test_7_a_login_holds_on_every_replica_and_after_a_restart(tour: Tour) -> None:
    """With the superuser berth run created (step 6)."""
    check_a_login_holds_on_every_replica_and_after_a_restart(tour.up)


def test_8_init_writes_the_deployment_and_check_passes(tour: Tour) -> None:
    # docs/deploy.md: the image installs the project's dependencies from its dependency file,
    # and berth init stops without one, saying so.
    refused = tour.berth("init")
    assert refused.returncode == 1
    assert refused.stderr.startswith("berth: no requirements.txt"), refused.stderr
    assert "requirements.txt` makes a start" in refused.stderr, refused.stderr
    (tour.project / "requirements.txt").write_text("Django>=5.2\ndjango-berth[postgres]\n")
    done = tour.berth("init")
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("Dockerfile", "compose.yaml", "compose.override.yaml", ".env.example"):
        assert (tour.project / name).is_file(), name
    makefile = tour.project / "Makefile"
    assert makefile.is_file()
    check = tour.berth("init", "--check")
    assert check.returncode == 0, check.stdout + check.stderr
    # Re-runs keep your edits.
    edited = makefile.read_text() + "\nmine:\n\techo mine\n"
    makefile.write_text(edited)
    again = tour.berth("init")
    assert again.returncode == 0, again.stdout + again.stderr
    assert makefile.read_text() == edited
    # An edited file is yours: --check does not call it stale.
    assert tour.berth("init", "--check").returncode == 0
    (tour.project / "compose.yaml").unlink()
    stale = tour.berth("init", "--check")
    assert stale.returncode == 1
    assert "compose.yaml" in stale.stdout + stale.stderr
    assert not (tour.project / "compose.yaml").exists()  # --check writes nothing
    assert tour.berth("init").returncode == 0
    kubernetes = tour.berth("init", "--kubernetes")
    assert kubernetes.returncode == 0, kubernetes.stdout + kubernetes.stderr
    for name in ("kustomization.yaml", "deployment.yaml", "migrate-job.yaml"):
        assert (tour.project / "k8s" / name).is_file(), name
    (tour.project / "k8s" / "service.yaml").unlink()
    # Once k8s/ was generated, --check and re-runs cover it without --kubernetes.
    assert tour.berth("init", "--check").returncode == 1
    assert tour.berth("init").returncode == 0
    assert (tour.project / "k8s" / "service.yaml").is_file()
    assert tour.berth("init", "--check").returncode == 0


def test_8_doctor_has_nothing_to_fix_in_startprojects_settings(tour: Tour) -> None:
    """startproject's literal DEBUG, SECRET_KEY and SQLite come before berth.configure(globals()),
    whose rules govern served processes (docs/configuration.md); nothing berth init wrote is
    flagged either."""
    done = tour.berth("doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("berth doctor: no problems found"), done.stdout
    github = tour.berth("doctor", "--format", "github")
    assert (github.returncode, github.stdout.strip()) == (0, ""), github.stdout
    sarif = tour.berth("doctor", "--format", "sarif")
    assert sarif.returncode == 0
    assert json.loads(sarif.stdout)["runs"][0]["results"] == []


# The data is read and written in berth up's database directly: a `berth shell` per check
# cost 2-4 s each, and step 7 already shows the shell reaching that database.
def _marker_groups(tour: Tour) -> list[str]:
    with psycopg.connect(tour.database_url) as connection:
        rows = connection.execute("SELECT name FROM auth_group WHERE name LIKE 'tour-%%'")
        return sorted(row[0] for row in rows)


def _add_group(tour: Tour, name: str) -> None:
    with psycopg.connect(tour.database_url) as connection:
        connection.execute("INSERT INTO auth_group (name) VALUES (%s)", (name,))


def test_9_db_dump_then_restore_brings_back_the_data(tour: Tour) -> None:
    _add_group(tour, "tour-before")
    dumped = tour.berth("db", "dump")
    assert dumped.returncode == 0, dumped.stderr
    path = re.search(r"(\S*\.berth/dumps/local-\S+\.dump)", dumped.stdout + dumped.stderr)
    assert path, dumped.stdout + dumped.stderr
    dump = Path(path.group(1))
    assert dump.read_bytes().startswith(b"BERTH-DUMP 1 {")
    _add_group(tour, "tour-after")
    assert _marker_groups(tour) == ["tour-after", "tour-before"]

    refused = tour.berth("db", "restore", str(dump))
    assert refused.returncode != 0
    assert "--yes" in refused.stderr
    assert _marker_groups(tour) == ["tour-after", "tour-before"]

    restored = tour.berth("db", "restore", str(dump), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert re.search(r"\.berth/dumps/safety-local-\S+\.dump", restored.stdout + restored.stderr)
    assert _marker_groups(tour) == ["tour-before"]
    # The replicas reconnect to the database swapped in.
    tour.up.wait_until(
        lambda: requests.get(f"{tour.up.url}/readyz", timeout=10).status_code == 200, "readyz"
    )
    assert requests.get(f"{tour.up.url}/admin/login/", timeout=10).status_code == 200


def test_10_db_push_then_pull_through_the_exec_prefix(tour: Tour) -> None:
    pushed = tour.berth("db", "push", "staging", "--yes")
    assert pushed.returncode == 0, pushed.stderr
    with psycopg.connect(tour.staging_url) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM auth_group")]
        assert "tour-before" in names
        connection.execute("INSERT INTO auth_group (name) VALUES ('tour-staging')")
    pulled = tour.berth("db", "pull", "staging", "--yes")
    assert pulled.returncode == 0, pulled.stderr
    assert _marker_groups(tour) == ["tour-before", "tour-staging"]


def test_10_media_push_then_pull(tour: Tour) -> None:
    local = tour.bucket.client()
    staging = tour.staging_bucket.client()
    local.put_object(Bucket=tour.bucket.name, Key="tour/local.txt", Body=b"local")
    pushed = tour.berth("media", "push", "staging", "--yes")
    assert pushed.returncode == 0, pushed.stderr
    body = staging.get_object(Bucket=tour.staging_bucket.name, Key="tour/local.txt")["Body"]
    assert body.read() == b"local"
    staging.put_object(Bucket=tour.staging_bucket.name, Key="tour/staging.txt", Body=b"staging")
    pulled = tour.berth("media", "pull", "staging")
    assert pulled.returncode == 0, pulled.stderr
    body = local.get_object(Bucket=tour.bucket.name, Key="tour/staging.txt")["Body"]
    assert body.read() == b"staging"
    # Incremental: a second pull copies nothing.
    again = tour.berth("media", "pull", "staging", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["copied"] == 0, again.stdout


def test_11_dbshell_and_exec_local_use_berth_ups_database(tour: Tour) -> None:
    database = tour.database_url.rsplit("/", 1)[-1]
    shown = tour.berth("dbshell", "local", "--", "-At", "-c", "SELECT current_database()")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == database
    migrations = tour.berth("exec", "local", "--", "python", "manage.py", "showmigrations", "auth")
    assert migrations.returncode == 0, migrations.stderr
    assert "[X] 0001_initial" in migrations.stdout


def test_11_db_backup_then_restore_latest(tour: Tour) -> None:
    backed_up = tour.berth("db", "backup", "staging")
    assert backed_up.returncode == 0, backed_up.stderr
    named = re.search(r"db-\d{8}T\d{6}Z\.dump", backed_up.stdout + backed_up.stderr)
    assert named, backed_up.stdout + backed_up.stderr
    listed = tour.berth("db", "backups", "staging", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [backup["name"] for backup in json.loads(listed.stdout)] == [named.group(0)]
    with psycopg.connect(tour.staging_url) as connection:
        connection.execute("DELETE FROM auth_group WHERE name = 'tour-staging'")
    restored = tour.berth("db", "restore", "latest", "staging", "--yes")
    assert restored.returncode == 0, restored.stderr
    with psycopg.connect(tour.staging_url) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM auth_group")]
    assert "tour-staging" in names


def test_12_a_pull_never_brings_the_backups(tour: Tour) -> None:
    pulled = tour.berth("media", "pull", "staging", "--json")
    assert pulled.returncode == 0, pulled.stderr
    listed = tour.bucket.client().list_objects_v2(Bucket=tour.bucket.name, Prefix="backups/")
    assert listed.get("KeyCount") == 0, listed.get("Contents")


def test_12_a_protected_environment_needs_force(tour: Tour) -> None:
    for command in (("db", "push"), ("media", "push")):
        refused = tour.berth(*command, "production", "--yes")
        assert refused.returncode != 0, refused.stdout
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert "--force" in refused.stderr, refused.stderr


def test_12_a_key_leading_out_of_the_folder_is_refused_never_written(tour: Tour) -> None:
    staging = tour.staging_bucket.client()
    staging.put_object(Bucket=tour.staging_bucket.name, Key="../../escape.txt", Body=b"out")
    try:
        synced = tour.berth("media", "sync", "staging", "./copy/inner")
    finally:
        staging.delete_object(Bucket=tour.staging_bucket.name, Key="../../escape.txt")
    assert synced.returncode == 1
    assert "refused '../../escape.txt': has a . or .. segment" in synced.stderr, synced.stderr
    assert (tour.project / "copy" / "inner" / "tour" / "staging.txt").read_bytes() == b"staging"
    assert not list(tour.project.parent.rglob("escape.txt"))
