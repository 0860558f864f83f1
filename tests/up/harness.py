"""Run ``berth up`` as a real subprocess in tests, read its up.json, find what it left running."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from textwrap import dedent
from typing import IO, Any

import psutil
from tests.integration.throwaway import write_project
from tests.processes import free_port

# Views a replica answers besides the throwaway project's documents: a file in its own tree,
# and where it runs from.
_URLS = """
    import os
    import sys
    from pathlib import Path

    from django.conf import settings
    from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
    from django.urls import include, path
    from django.views.decorators.csrf import csrf_exempt

    from docs.views import document, upload


    @csrf_exempt
    def local_file(request, name):
        target = Path(settings.BASE_DIR) / "local" / name
        if request.method == "POST":
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(request.body)
            return HttpResponse(status=201)
        if not target.exists():
            return HttpResponseNotFound()
        return HttpResponse(target.read_bytes())


    def where(request):
        return JsonResponse(
            {
                "settings_file": sys.modules[os.environ["DJANGO_SETTINGS_MODULE"]].__file__,
                "cwd": os.getcwd(),
                "tmpdir": os.environ.get("TMPDIR"),
                "home": os.environ.get("HOME"),
                "debug": settings.DEBUG,
            }
        )


    urlpatterns = [
        path("documents/<int:pk>", document),
        path("documents/upload", upload),
        path("local/<str:name>", local_file),
        path("where", where),
        path("", include("berth.urls")),
    ]
"""


def write_up_project(folder: Path) -> Path:
    """The throwaway project, plus views that show a replica's private tree."""
    write_project(folder)
    (folder / "throwaway" / "urls.py").write_text(dedent(_URLS).lstrip())
    return folder


class RunningUp:
    """A ``berth up`` process started by :func:`berth_up`."""

    def __init__(
        self, project: Path, process: subprocess.Popen[bytes], output: IO[bytes], port: int
    ) -> None:
        self.project = project
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._output = output

    @property
    def state_file(self) -> Path:
        return self.project / ".berth" / "up.json"

    def state(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.state_file.read_text())
        return loaded

    def replicas(self) -> dict[str, dict[str, Any]]:
        return {replica["name"]: replica for replica in self.state()["replicas"]}

    def output(self) -> str:
        self._output.flush()
        with open(self._output.name, "rb") as reader:
            return reader.read().decode(errors="replace")

    def wait_until(self, predicate: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"berth up exited with {self.process.returncode} while waiting for {what}:\n{self.output()}"
                )
            try:
                if predicate():
                    return
            except (OSError, ValueError, KeyError):
                pass  # up.json not written yet
            time.sleep(0.1)
        raise AssertionError(f"no {what} within {timeout} s:\n{self.output()[-6000:]}")

    def wait_ready(self, replicas: int, timeout: float = 60) -> None:
        def ready() -> bool:
            state = self.state()
            return (
                state["pid"] == self.process.pid  # not a file a killed berth up left behind
                and state["status"] == "ready"
                and len(state["replicas"]) == replicas
                and all(replica["ready"] for replica in state["replicas"])
            )

        self.wait_until(ready, "ready replicas", timeout)

    def stop(self, signum: int = signal.SIGINT, timeout: float = 30) -> int:
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(
                f"berth up did not stop within {timeout} s:\n{self.output()}"
            ) from None


@contextmanager
def berth_up(
    project: Path, env: Mapping[str, str], *args: str, replicas: int = 2
) -> Iterator[RunningUp]:
    """``berth up --replicas N --port <free>`` in ``project``; stopped (SIGINT) at the end."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "berth",
        "up",
        "--replicas",
        str(replicas),
        "--port",
        str(port),
    ]
    with tempfile.NamedTemporaryFile(prefix="berth-up-output-") as output:
        process = subprocess.Popen(
            [*command, *args],
            cwd=project,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        running = RunningUp(project, process, output, port)
        try:
            yield running
        finally:
            if process.poll() is None:
                with suppress(AssertionError):
                    running.stop()


def processes_touching(*paths: Path) -> list[str]:
    """Processes whose command line names one of ``paths``, or whose working folder is in one."""
    found = []
    prefixes = [str(path) for path in paths]
    for process in psutil.process_iter(["pid", "cmdline", "cwd"]):
        if process.pid == os.getpid():
            continue
        command = " ".join(process.info["cmdline"] or [])
        cwd = process.info["cwd"] or ""
        if any(prefix in command or cwd.startswith(prefix) for prefix in prefixes):
            found.append(f"{process.pid}: {command} (in {cwd})")
    return found
