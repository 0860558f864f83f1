"""Peak RSS of the serving process while a large upload streams through Django to S3.

Serves the throwaway test project (settings: only ``berth.configure(globals())``) under
gunicorn with one sync worker, against a real moto S3 server process, and streams a
multipart upload of ``--size-mb`` from a generator (the client never holds it either). The
anchor, in the same run, is the same project with Django's in-memory upload handler for every
size (``FILE_UPLOAD_MAX_MEMORY_SIZE`` above the upload): what a naive setup costs.

    .venv/bin/python bench/upload_memory.py [--size-mb 1024]
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import markdown_table  # noqa: E402
from tests.integration.throwaway import write_project  # noqa: E402
from tests.processes import child_environment, gunicorn, manage  # noqa: E402
from tests.s3_server import S3Bucket, S3Server  # noqa: E402

CHUNK = b"\0" * (1 << 20)
GOAL_MB = 200


def stream_upload(base: str, size_mb: int) -> dict[str, object]:
    boundary = "berthbenchboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=1800)
    connection.putrequest("POST", "/documents/upload")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + size_mb * len(CHUNK) + len(tail)))
    connection.endheaders()
    connection.send(head)
    for _ in range(size_mb):
        connection.send(CHUNK)
    connection.send(tail)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"upload failed: HTTP {response.status}: {body[:300]!r}")
    result: dict[str, object] = json.loads(body)
    return result


def worker_peak_rss_mb(base: str) -> float:
    port = int(base.rsplit(":", 1)[1])
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info["cmdline"] or []
        if "gunicorn" in " ".join(cmdline) and f"127.0.0.1:{port}" in cmdline:
            worker = process.children()[0]
            for line in Path(f"/proc/{worker.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    raise SystemExit("gunicorn worker not found")


def measure(
    folder: Path, server: S3Server, size_mb: int, *, in_memory: bool
) -> tuple[float, float]:
    project = write_project(folder / ("anchor" if in_memory else "berth"))
    if in_memory:
        settings = project / "throwaway" / "settings.py"
        limit = (size_mb + 16) << 20
        settings.write_text(
            settings.read_text().replace(
                "berth.configure", f"FILE_UPLOAD_MAX_MEMORY_SIZE = {limit}\nberth.configure"
            )
        )
    bucket = S3Bucket(
        name=f"bench-{'anchor' if in_memory else 'berth'}", endpoint_url=server.endpoint_url
    )
    bucket.client().create_bucket(Bucket=bucket.name)
    env = child_environment(
        DATABASE_URL=f"sqlite:///{project}/db.sqlite3",
        STORAGE_URL=bucket.storage_url,
        SECRET_KEY="bench" * 10,
        LOG_LEVEL="WARNING",
        TMPDIR=str(folder),
    )
    manage(project, "migrate", "--noinput", env=env)
    with gunicorn("throwaway.wsgi", env=env, cwd=project, timeout=1800) as base:
        started = time.perf_counter()
        result = stream_upload(base, size_mb)
        seconds = time.perf_counter() - started
        peak = worker_peak_rss_mb(base)
    assert result["size"] == size_mb << 20, result
    bucket.close()
    return peak, seconds


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="berth-bench-") as tmp, S3Server() as server:
        berth_peak, berth_s = measure(Path(tmp), server, args.size_mb, in_memory=False)
        anchor_peak, anchor_s = measure(Path(tmp), server, args.size_mb, in_memory=True)
    print(
        f"Upload of {args.size_mb} MB through Django to S3 (moto server), one gunicorn sync worker\n"
    )
    print(
        markdown_table(
            ["variant", "peak RSS (MB)", "time (s)"],
            [
                ["berth (streamed)", f"{berth_peak:.1f}", f"{berth_s:.1f}"],
                ["anchor (in-memory upload)", f"{anchor_peak:.1f}", f"{anchor_s:.1f}"],
            ],
        )
    )
    print(
        f"\nratio berth/anchor: {berth_peak / anchor_peak:.3f}   goal: under {GOAL_MB} MB -> {'met' if berth_peak < GOAL_MB else 'MISSED'}"
    )
    return 0 if berth_peak < GOAL_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
