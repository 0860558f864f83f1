"""Start and stop real server processes in tests: free ports, waiting for readiness, clean stop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def child_environment(**values: str) -> dict[str, str]:
    """os.environ (already cleaned by the autouse fixture) plus ``values``."""
    env = dict(os.environ)
    # pytest-django sets this for the unit-test settings; a project under test uses its own.
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(values)
    return env


def wait_for_http(url: str, process: subprocess.Popen[bytes], *, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        # A worker still booting on a loaded machine may accept the connection but answer late.
        try:
            requests.get(url, timeout=1)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} within {timeout} s")


@contextmanager
def gunicorn(
    wsgi_app: str,
    *,
    env: Mapping[str, str],
    cwd: Path,
    pythonpath: Path | None = None,
    workers: int = 1,
    timeout: int = 30,
    extra_args: Sequence[str] = (),
) -> Iterator[str]:
    """Serve ``wsgi_app`` with gunicorn on a free loopback port; yields the base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        wsgi_app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        str(timeout),
        *extra_args,
    ]
    if pythonpath is not None:
        command += ["--pythonpath", str(pythonpath)]
    # The log goes to an anonymous file, never into the served tree (the example is a checkout).
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for_http(f"{base}/healthz", process)
            yield base
        except BaseException:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])
            raise
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def manage(project: Path, *args: str, env: Mapping[str, str], cwd: Path | None = None) -> str:
    """Run ``manage.py`` of ``project`` and return its output; fail with the output on error."""
    result = subprocess.run(
        [sys.executable, str(project / "manage.py"), *args],
        cwd=cwd or project,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout + result.stderr


@contextmanager
def traversable_folder(prefix: str) -> Iterator[Path]:
    """A temporary folder that other accounts may enter (0711), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix, ignore_cleanup_errors=True) as folder:
        os.chmod(folder, 0o711)
        yield Path(folder)
