"""berth media sync against a real S3 server (moto): incremental, safe, resumable, economical."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.processes import child_environment
from tests.s3_server import S3Bucket, S3Server
from tests.transfer.helpers import write_environments

from berth.cli import main
from berth.transfer.paths import PART_SUFFIX


def make_tree(root: Path, files: int = 40, seed: int = 1) -> dict[str, bytes]:
    rng = random.Random(seed)
    tree = {}
    for i in range(files):
        key = f"photos/{i % 5}/{i % 3}/img-{i}.jpg" if i % 4 else f"docs/note-{i}.txt"
        tree[key] = rng.randbytes(rng.randrange(0, 5000))
    tree["big/video.bin"] = rng.randbytes(9 << 20)  # above 8 MB: multipart
    for key, data in tree.items():
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tree


def read_tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def bucket_tree(bucket: S3Bucket, prefix: str = "") -> dict[str, bytes]:
    import boto3
    from botocore.config import Config

    # moto gives a server-side copy of a multipart object its source's composite checksum,
    # which botocore would then refuse; the bytes are compared here instead.
    client = boto3.client(
        "s3",
        endpoint_url=bucket.endpoint_url,
        aws_access_key_id=bucket.access_key,
        aws_secret_access_key=bucket.secret_key,
        region_name=bucket.region,
        config=Config(
            s3={"addressing_style": "path"}, response_checksum_validation="when_required"
        ),
    )
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket.name, Prefix=prefix):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=bucket.name, Key=item["Key"])["Body"].read()
            found[item["Key"][len(prefix) :]] = body
    client.close()
    return found


def requests_during(server: S3Server, bucket: S3Bucket, action: object) -> list[str]:
    """The requests on ``bucket`` while ``action`` ran: the server is the whole session's, and
    another test's process may still be answered while this one runs."""
    before = len(server.request_lines())
    assert callable(action)
    action()
    time.sleep(0.2)  # the server logs a request once it has answered it
    return [
        line
        for line in server.request_lines()[before:]
        if line.split()[1].partition("?")[0].split("/")[1] == bucket.name
    ]


def test_push_resync_change_delete_and_pull(
    s3_server: S3Server, s3_bucket: S3Bucket, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "media"
    tree = make_tree(source)
    url = s3_bucket.storage_url.replace("?", "/media?", 1)
    assert main(["media", "sync", str(source), url]) == 0
    assert bucket_tree(s3_bucket, "media/") == tree
    head = s3_bucket.client().head_object(Bucket=s3_bucket.name, Key="media/photos/1/1/img-1.jpg")
    assert head["ContentType"] == "image/jpeg"
    capsys.readouterr()

    # Unchanged: one listing request, nothing per object.
    noop = requests_during(
        s3_server, s3_bucket, lambda: main(["media", "sync", str(source), url, "--json"])
    )
    (listing,) = noop
    assert listing.startswith(f"GET /{s3_bucket.name}?list-type=2&prefix=media")
    summary = json.loads(capsys.readouterr().out)
    assert (summary["copied"], summary["unchanged"], summary["deleted"]) == (0, 41, 0)

    # Three changed (one of them the same size), one new, one removed locally.
    time.sleep(1.1)  # LastModified has whole seconds
    for key in ["docs/note-0.txt", "photos/1/1/img-1.jpg", "photos/2/2/img-2.jpg"]:
        (source / key).write_bytes(b"changed " + key.encode())
    (source / "docs/new.txt").write_bytes(b"new")
    (source / "docs/note-4.txt").unlink()
    changed = requests_during(
        s3_server, s3_bucket, lambda: main(["media", "sync", str(source), url, "--delete", "--yes"])
    )
    puts = sorted(line.split()[1] for line in changed if line.startswith("PUT"))
    assert puts == sorted(
        f"/{s3_bucket.name}/media/{key}"
        for key in [
            "docs/note-0.txt",
            "photos/1/1/img-1.jpg",
            "photos/2/2/img-2.jpg",
            "docs/new.txt",
        ]
    )
    assert bucket_tree(s3_bucket, "media/") == read_tree(source)

    # Pull into an empty folder, then the same pull again changes nothing.
    copy = tmp_path / "copy"
    assert main(["media", "sync", url, str(copy)]) == 0
    assert read_tree(copy) == read_tree(source)
    again = requests_during(s3_server, s3_bucket, lambda: main(["media", "sync", url, str(copy)]))
    assert [line.split("?")[0] for line in again] == [f"GET /{s3_bucket.name}"]


def test_dry_run_filters_and_delete_needs_yes(
    s3_bucket: S3Bucket, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    make_tree(source, files=8)
    (target / "stale.txt").parent.mkdir(parents=True)
    (target / "stale.txt").write_bytes(b"old")
    assert main(["media", "sync", str(source), str(target), "--dry-run", "--delete"]) == 0
    err = capsys.readouterr().err
    assert "would copy docs/note-0.txt" in err and "would delete stale.txt" in err
    assert read_tree(target) == {"stale.txt": b"old"}
    assert main(["media", "sync", str(source), str(target), "--delete"]) == 4
    assert "--delete would delete 1 object(s)" in capsys.readouterr().err
    assert (
        main(
            [
                "media",
                "sync",
                str(source),
                str(target),
                "--include",
                "docs/*",
                "--exclude",
                "*-4.txt",
            ]
        )
        == 0
    )
    assert sorted(read_tree(target)) == ["docs/note-0.txt", "stale.txt"]


def test_between_buckets_of_one_server_objects_are_copied_server_side(
    s3_server: S3Server, s3_bucket: S3Bucket, tmp_path: Path
) -> None:
    tree = make_tree(tmp_path / "media", files=10)
    client = s3_bucket.client()
    client.put_object(
        Bucket=s3_bucket.name,
        Key="src/page.html",
        Body=b"<p>",
        ContentType="text/html",
        CacheControl="max-age=60",
    )
    assert (
        main(
            [
                "media",
                "sync",
                str(tmp_path / "media"),
                s3_bucket.storage_url.replace("?", "/src?", 1),
            ]
        )
        == 0
    )
    target = s3_bucket.storage_url.replace("?", "/dst?", 1)
    lines = requests_during(
        s3_server,
        s3_bucket,
        lambda: main(["media", "sync", s3_bucket.storage_url.replace("?", "/src?", 1), target]),
    )
    assert not [line for line in lines if line.startswith("GET") and "list-type" not in line]
    assert bucket_tree(s3_bucket, "dst/") == {**tree, "page.html": b"<p>"}
    head = client.head_object(Bucket=s3_bucket.name, Key="dst/page.html")
    assert (head["ContentType"], head["CacheControl"]) == ("text/html", "max-age=60")


def test_symlinks_out_of_the_source_are_refused_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    (source / "inside").mkdir(parents=True)
    (source / "inside" / "ok.txt").write_bytes(b"ok")
    (tmp_path / "secret.txt").write_bytes(b"secret")
    (source / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (source / "leakdir").symlink_to(tmp_path)
    (source / "alias.txt").symlink_to(source / "inside" / "ok.txt")
    assert main(["media", "sync", str(source), str(target), "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert sorted(r["key"] for r in summary["refused"]) == ["leak.txt", "leakdir"]
    assert read_tree(target) == {"alias.txt": b"ok", "inside/ok.txt": b"ok"}


def test_a_pull_killed_halfway_completes_on_rerun_sending_only_what_was_missing(
    s3_server: S3Server, s3_bucket: S3Bucket, tmp_path: Path
) -> None:
    source = tmp_path / "media"
    make_tree(source, files=300)
    for i in range(3):
        (source / f"big/part-{i}.bin").write_bytes(os.urandom(12 << 20))
    url = s3_bucket.storage_url
    assert main(["media", "sync", str(source), url]) == 0
    target = tmp_path / "copy"
    process = subprocess.Popen(
        [sys.executable, "-m", "berth", "media", "sync", url, str(target), "--transfers", "4"],
        env=child_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        done = (
            [p for p in target.rglob("*") if p.is_file() and not p.name.endswith(PART_SUFFIX)]
            if target.exists()
            else []
        )
        if len(done) >= 100:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # Requests the killed pull had in flight are logged once answered: let them land first.
    settled = -1
    while settled != len(s3_server.request_lines()):
        settled = len(s3_server.request_lines())
        time.sleep(0.3)
    arrived = {
        str(p.relative_to(target))
        for p in target.rglob("*")
        if p.is_file() and not p.name.endswith(PART_SUFFIX)
    }
    assert 0 < len(arrived) < 304, "the pull was not killed halfway"
    # Whatever arrived under its final name is complete.
    assert all((target / key).read_bytes() == (source / key).read_bytes() for key in arrived)
    missing = {key for key in read_tree(source) if key not in arrived}
    # A file killed after its last byte was written, before its rename, is complete under its
    # partial name: the rerun renames it without asking for it again.
    complete = {
        key
        for key in missing
        if (source / key).stat().st_size
        and any(
            part.read_bytes() == (source / key).read_bytes()
            for part in (target / key).parent.glob(f".{Path(key).name}.*{PART_SUFFIX}")
        )
    }

    status: list[int] = []
    rerun = requests_during(
        s3_server, s3_bucket, lambda: status.append(main(["media", "sync", url, str(target)]))
    )
    assert status == [0]
    fetched = {
        line.split()[1].split("/", 2)[2]
        for line in rerun
        if line.startswith("GET") and "list-type" not in line
    }
    assert fetched == missing - complete
    assert read_tree(target) == read_tree(source)
    assert not list(target.rglob(f"*{PART_SUFFIX}"))


def test_checksum_compares_content_where_size_and_time_agree(
    s3_bucket: S3Bucket, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "media"
    tree = make_tree(source, files=6)
    url = s3_bucket.storage_url
    assert main(["media", "sync", str(source), url]) == 0
    # Same size, same mtime, other bytes: only --checksum sees it (the big file's ETag is a
    # multipart one, computed in 8 MB parts).
    for key in ["docs/note-0.txt", "big/video.bin"]:
        path = source / key
        stat = path.stat()
        path.write_bytes(bytes(reversed(tree[key])))
        os.utime(path, (stat.st_atime, stat.st_mtime))
    capsys.readouterr()
    assert main(["media", "sync", str(source), url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copied"] == 0
    assert main(["media", "sync", str(source), url, "--json", "--checksum"]) == 0
    assert json.loads(capsys.readouterr().out)["copied"] == 2
    assert main(["media", "sync", str(source), url, "--json", "--checksum"]) == 0
    assert json.loads(capsys.readouterr().out)["copied"] == 0
    assert bucket_tree(s3_bucket) == read_tree(source)


def test_between_two_services_bytes_and_headers_pass_through(
    s3_bucket: S3Bucket, tmp_path: Path
) -> None:
    from berth.services.processes import free_port
    from berth.services.s3 import S3Server as RcloneServer

    client = s3_bucket.client()
    client.put_object(
        Bucket=s3_bucket.name,
        Key="a/page.html",
        Body=b"<p>",
        ContentType="text/html",
        CacheControl="max-age=60",
    )
    client.put_object(Bucket=s3_bucket.name, Key="big.bin", Body=os.urandom(9 << 20))
    with RcloneServer(tmp_path / "rclone", free_port()) as other:
        other.create_bucket("copy")
        assert main(["media", "sync", s3_bucket.storage_url, other.storage_url("copy")]) == 0
        theirs = other.client()
        try:
            head = theirs.head_object(Bucket="copy", Key="a/page.html")
            assert (head["ContentType"], head.get("CacheControl")) == ("text/html", "max-age=60")
            body = theirs.get_object(Bucket="copy", Key="big.bin")["Body"].read()
            assert body == client.get_object(Bucket=s3_bucket.name, Key="big.bin")["Body"].read()
        finally:
            theirs.close()


def test_a_missing_source_folder_is_an_error_not_an_empty_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "target").mkdir()
    (tmp_path / "target" / "keep.txt").write_bytes(b"x")
    assert (
        main(
            ["media", "sync", str(tmp_path / "typo"), str(tmp_path / "target"), "--delete", "--yes"]
        )
        == 1
    )
    assert "typo is not a folder: nothing to sync from" in capsys.readouterr().err
    assert read_tree(tmp_path / "target") == {"keep.txt": b"x"}


@pytest.mark.parametrize(
    ("argv", "exit_code", "message"),
    [
        (["media", "push", "production"], 2, "environment 'production': not configured"),
        (["media", "pull", "production"], 2, "environment 'production': not configured"),
        (
            ["media", "sync", "local", "production"],
            1,
            "'production' is neither an environment (known: local) nor an existing folder: "
            "write ./production for a new folder",
        ),
    ],
)
def test_a_name_no_environment_has_is_an_error_not_a_new_folder(
    argv: list[str],
    exit_code: int,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == exit_code
    assert message in capsys.readouterr().err
    assert not (tmp_path / "production").exists()


def test_a_new_folder_is_written_with_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path / "source", files=3)
    assert main(["media", "sync", "source", "./copy"]) == 0
    assert read_tree(tmp_path / "copy") == read_tree(tmp_path / "source")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("media", "media/sub"),  # a target inside the source
        ("media/photos", "media"),  # a source inside the target
        ("media", "alias/sub"),  # inside, once the symlink is resolved
        ("media", "alias"),  # the same folder under two names
    ],
)
def test_overlapping_folders_are_refused_before_anything_changes(
    source: str, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path / "media", files=6)
    (tmp_path / "media" / "sub").mkdir()
    (tmp_path / "media" / "sub" / "stale.txt").write_bytes(b"x")
    (tmp_path / "alias").symlink_to(tmp_path / "media")
    before = read_tree(tmp_path / "media")
    argv = ["media", "sync", str(tmp_path / source), str(tmp_path / target), "--delete", "--yes"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "overlap" in err, err
    assert read_tree(tmp_path / "media") == before


def test_overlapping_prefixes_of_one_bucket_are_refused_before_anything_changes(
    s3_server: S3Server, s3_bucket: S3Bucket, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path / "media", files=6)
    media = s3_bucket.storage_url.replace("?", "/media?", 1)
    assert main(["media", "sync", str(tmp_path / "media"), media]) == 0
    before = bucket_tree(s3_bucket)
    capsys.readouterr()
    for source, target in [
        (media, s3_bucket.storage_url.replace("?", "/media/photos?", 1)),
        (s3_bucket.storage_url, media),
        (media, media),
    ]:
        argv = ["media", "sync", source, target, "--delete", "--yes"]
        requests = requests_during(s3_server, s3_bucket, lambda argv=argv: main(argv))
        assert requests == []
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "overlap" in err, err
    assert bucket_tree(s3_bucket) == before
    # A sibling prefix that merely starts alike is another place.
    sibling = s3_bucket.storage_url.replace("?", "/media-copy?", 1)
    assert main(["media", "sync", media, sibling]) == 0


def test_a_sync_between_folders_loads_no_environment_machinery(tmp_path: Path) -> None:
    # Start-up is most of a small sync's time: what it does not use, it must not import.
    make_tree(tmp_path / "a", files=3)
    script = (
        "import sys; from berth.cli import main; "
        f"assert main(['media', 'sync', {str(tmp_path / 'a')!r}, {str(tmp_path / 'b')!r}]) == 0; "
        "loaded = {'dotenv', 'berth.transfer.endpoints', 'berth.remote.environments'}; "
        "print(sorted(loaded & set(sys.modules)))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script],
        env=child_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "[]"


def test_media_pull_and_push_delete_never_touch_the_backups_among_the_media(
    s3_server: S3Server,
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # production's media fill its bucket, and an older berth filed the backups among them.
    write_environments(tmp_path, production={"STORAGE_URL": s3_bucket.storage_url})
    monkeypatch.chdir(tmp_path)
    client = s3_bucket.client()
    backups = {
        "backups/db-20250101T031700Z.dump": b"PGDMP one",
        "backups/db-20250102T031700Z.dump": b"PGDMP two",
    }
    for key, body in {**backups, "photos/a.jpg": b"a", "photos/old.jpg": b"old"}.items():
        client.put_object(Bucket=s3_bucket.name, Key=key, Body=body)
    local = tmp_path / "data" / "media"

    before = len(s3_server.request_lines())
    assert main(["media", "pull", "production"]) == 0
    err = capsys.readouterr().err
    assert read_tree(local) == {"photos/a.jpg": b"a", "photos/old.jpg": b"old"}
    assert err.count("lie among the media") == 1
    assert "then run: berth db backups production --move" in err

    (local / "photos/old.jpg").unlink()
    (local / "photos/b.jpg").write_bytes(b"b")
    assert main(["media", "push", "production", "--delete", "--yes"]) == 0
    time.sleep(0.2)  # the server logs a request once it has answered it
    backup_requests = [
        line for line in s3_server.request_lines()[before:] if f"/{s3_bucket.name}/backups/" in line
    ]
    assert backup_requests == []  # never downloaded, never deleted, never written
    assert bucket_tree(s3_bucket) == {**backups, "photos/a.jpg": b"a", "photos/b.jpg": b"b"}
    capsys.readouterr()

    # A backup that came down with an older berth is not pushed back over the real ones.
    (local / "backups").mkdir()
    (local / "backups/db-20250102T031700Z.dump").write_bytes(b"stale")
    assert main(["media", "push", "production"]) == 1
    assert "refused 'backups/db-20250102T031700Z.dump': backups/ holds database backups" in (
        capsys.readouterr().err
    )
    assert bucket_tree(s3_bucket, "backups/") == {k[8:]: v for k, v in backups.items()}


def test_a_media_location_inside_the_backups_is_refused(
    s3_bucket: S3Bucket, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = s3_bucket.storage_url.replace("?", "/backups/media?", 1)
    assert main(["media", "sync", url, str(tmp_path / "copy")]) == 1
    err = capsys.readouterr().err
    assert (
        f"s3://{s3_bucket.name}/backups/media/ is inside backups/, where berth keeps database backups"
        in err
    )
    assert not (tmp_path / "copy").exists()
