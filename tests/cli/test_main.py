"""``main(argv) -> int``: every error is one line with secrets masked; tracebacks only with --debug."""

from __future__ import annotations

from pathlib import Path

import pytest
from botocore.exceptions import ClientError
from tests.s3_server import S3Bucket

from berth.cli import foreign_error_line, main


def test_a_debug_flag_meant_for_the_container_is_not_berths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "berth.toml").write_text("[environments.box]\nexec = []\n")
    monkeypatch.chdir(tmp_path)
    # The program is missing: a berth error, which --debug before the command would raise.
    assert main(["exec", "box", "--", "no-such-program-here", "--debug"]) == 127
    assert (
        capsys.readouterr()
        .err.splitlines()[-1]
        .startswith("berth: no-such-program-here: not found")
    )
    with pytest.raises(Exception, match="no-such-program-here: not found"):
        main(["--debug", "exec", "box", "--", "no-such-program-here"])


def test_a_client_librarys_error_is_one_masked_line(
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dump = tmp_path / "db.dump"
    dump.write_bytes(b"PGDMP")
    missing = s3_bucket.storage_url.replace(s3_bucket.name, "no-such-bucket-here")
    monkeypatch.setenv("STORAGE_URL", missing.replace("testing:testing", "AKIDEXAMPLE:s3cret-key"))
    assert main(["backup", "upload", str(dump)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    # The backup's location is probed first (a PutObject, whose error botocore names).
    assert line.startswith(
        ("berth: S3UploadFailedError: ", "berth: ClientError: ", "berth: NoSuchBucket: ")
    )
    assert "NoSuchBucket" in line
    assert "s3cret-key" not in line
    with pytest.raises(Exception, match="NoSuchBucket"):
        main(["--debug", "backup", "upload", str(dump)])


def test_foreign_messages_lose_their_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw-from-env@db:5432/shop")
    monkeypatch.setenv("SECRET_KEY", "k3y-from-env-0123456789")
    error = OSError(
        "connection to server at db failed: FATAL: password pw-from-env\n"
        "  DETAIL: tried postgres://other:quoted-pw@db/x with k3y-from-env-0123456789"
    )
    line = foreign_error_line(error)
    assert "\n" not in line
    assert "pw-from-env" not in line and "quoted-pw" not in line and "k3y-from-env" not in line
    assert line.startswith("OSError: connection to server at db failed: FATAL: password ***")


def test_a_client_error_class_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    error = ClientError({"Error": {"Code": "AccessDenied", "Message": "nope"}}, "PutObject")
    assert foreign_error_line(error).startswith("ClientError: An error occurred (AccessDenied)")
