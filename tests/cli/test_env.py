from __future__ import annotations

import json
import subprocess
import sys

import pytest

from berth.cli import main

PASSWORD = "pa55-w0rd-xyzzy"


def test_malformed_database_url_exits_non_zero_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:54x2/shop")
    monkeypatch.setenv("SECRET_KEY", "k" * 50)
    assert main(["env"]) == 2
    out, err = capsys.readouterr()
    assert PASSWORD not in out + err
    assert err.strip().splitlines() == [err.strip()], "one line"
    assert err.startswith("berth: DATABASE_URL: ")
    assert "STORAGE_URL=" in out, "every other variable is still shown"


def test_database_url_without_secret_key_shows_every_other_line_and_both_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:54x2/shop")
    assert main(["env"]) == 2
    out, err = capsys.readouterr()
    assert [line.split(":")[1] for line in err.splitlines()] == [" DATABASE_URL", " SECRET_KEY"]
    assert "WEB_CONCURRENCY=" in out and PASSWORD not in out + err


def test_malformed_database_url_in_a_real_process() -> None:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"postgresql://app:{PASSWORD}@[db/shop"}
    result = subprocess.run(
        [sys.executable, "-m", "berth", "env"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert PASSWORD not in result.stdout + result.stderr
    assert "DATABASE_URL" in result.stderr


def test_shows_sources_and_masks_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:5432/shop")
    monkeypatch.setenv(
        "STORAGE_URL", "s3://KEY:S3CRET%2Fx@photos?endpoint_url=http://127.0.0.1:9000"
    )
    monkeypatch.setenv("SECRET_KEY", "very-secret-key-value")
    assert main(["env", "--json"]) == 0
    out = capsys.readouterr().out
    assert PASSWORD not in out and "S3CRET" not in out and "very-secret-key-value" not in out
    rows = {row["name"]: row for row in json.loads(out)["variables"]}
    assert rows["DATABASE_URL"]["source"] == "environment"
    assert rows["DATABASE_URL"]["value"] == "postgres://app:***@db:5432/shop"
    assert rows["DATABASE_URL"]["resolved"] == "django.db.backends.postgresql db:5432/shop"
    assert "bucket=photos endpoint=http://127.0.0.1:9000" in rows["STORAGE_URL"]["resolved"]
    assert rows["SECRET_KEY"]["value"] == "***"
    assert rows["CACHE_URL"]["source"] == "default"
    assert rows["DEBUG"]["value"] == "off"


def test_plain_output_names_the_embedded_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["env"]) == 0
    out = capsys.readouterr().out
    assert "DATABASE_URL=sqlite:///" in out and "[default]" in out
    assert "DEBUG=on  [default]" in out


def test_help_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "berth", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "env" in result.stdout
