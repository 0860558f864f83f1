"""nginx as berth up runs it: checked configurations, graceful reloads, a tethered process."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pytest
import requests
from tests.processes import free_port

from berth.errors import ServiceError
from berth.scaffold.render import ReplicaAddress, render_up_nginx
from berth.services.nginx import NginxServer, find_nginx, nginx_version


class _Named(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        body = self.server.name.encode()  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def backend(name: str) -> Iterator[ReplicaAddress]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Named)
    server.name = name  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ReplicaAddress(name, "127.0.0.1", server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def config(folder: Path, port: int, *replicas: ReplicaAddress) -> str:
    return render_up_nginx(
        listen=f"127.0.0.1:{port}",
        prefix=folder,
        access_log=folder / "proxy.log",
        replicas=list(replicas),
        shutdown_timeout=5,
    )


def test_the_wheels_nginx_is_found_and_recent() -> None:
    assert nginx_version(find_nginx()) >= (1, 27)


def test_a_reload_returns_once_no_request_goes_to_the_replica_left_out(tmp_path: Path) -> None:
    port = free_port()
    with backend("one") as one, backend("two") as two:
        nginx = NginxServer(tmp_path, config(tmp_path, port, one, two), shutdown_timeout=5)
        with nginx:
            url = f"http://127.0.0.1:{port}"
            assert {requests.get(url, timeout=5).text for _ in range(4)} == {"one", "two"}
            assert {requests.get(url, timeout=5).headers["X-Berth-Replica"] for _ in range(4)} == {
                "one",
                "two",
            }
            # A slow request on the old workers: the reload waits for it, and it completes.
            slow: list[str] = []
            in_flight = threading.Thread(
                target=lambda: slow.append(requests.get(f"{url}/slow", timeout=10).text)
            )
            in_flight.start()
            time.sleep(0.3)
            started = time.monotonic()
            nginx.reload(config(tmp_path, port, two))
            assert time.monotonic() - started > 0.5, "returned before the slow request ended"
            in_flight.join()
            assert slow and slow[0] in ("one", "two")
            assert {requests.get(url, timeout=5).text for _ in range(6)} == {"two"}
    assert (tmp_path / "proxy.log").read_text().count('"logger": "nginx.access"') >= 15


def test_a_configuration_nginx_refuses_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    port = free_port()
    with backend("one") as one:
        nginx = NginxServer(tmp_path, config(tmp_path, port, one))
        with nginx:
            with pytest.raises(
                ServiceError, match=r"^nginx refused its configuration: .*unknown directive"
            ):
                nginx.reload(config(tmp_path, port, one).replace("proxy_pass", "proxy_passs"))
            assert requests.get(f"http://127.0.0.1:{port}", timeout=5).text == "one"


def test_a_port_in_use_is_named(tmp_path: Path) -> None:
    with backend("one") as one:
        taken = one.port
        with pytest.raises(ServiceError, match=r"bind\(\) to 127.0.0.1:\d+ failed \(98: Address"):
            NginxServer(tmp_path, config(tmp_path, taken, one)).start()


def test_nginx_dies_with_the_process_that_started_it(tmp_path: Path) -> None:
    port = free_port()
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from berth.scaffold.render import render_up_nginx\n"
        "from berth.services.nginx import NginxServer\n"
        f"folder = Path({str(tmp_path)!r})\n"
        f"config = render_up_nginx(listen='127.0.0.1:{port}', prefix=folder, "
        "access_log=folder / 'proxy.log', replicas=[])\n"
        "server = NginxServer(folder, config)\n"
        "server.start()\n"
        "print(server.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    master = psutil.Process(int(parent.stdout.readline()))
    family = [master, *master.children()]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    parent.stdout.close()
    gone, alive = psutil.wait_procs(family, timeout=3)
    assert alive == [], "nginx outlived the SIGKILLed process that started it"


def serving(process: psutil.Process) -> bool:
    """Alive, not merely a zombie (an exited process init has not reaped holds no port)."""
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_sigkilled_master_leaves_no_worker_holding_its_port(tmp_path: Path) -> None:
    port = free_port()
    with backend("one") as one:
        nginx = NginxServer(tmp_path, config(tmp_path, port, one))
        with nginx:
            assert nginx.pid is not None
            master = psutil.Process(nginx.pid)
            workers = master.children()
            assert workers
            master.kill()  # its workers live on, still listening, unless berth ends them
            master.wait(timeout=5)
            assert not nginx.is_running()
            nginx.start()  # on the same port: the orphaned workers are gone
            assert not any(serving(worker) for worker in workers)
            assert requests.get(f"http://127.0.0.1:{port}", timeout=5).text == "one"
            killed_again = psutil.Process(nginx.pid)
            workers = killed_again.children()
            killed_again.kill()
            killed_again.wait(timeout=5)
        # Stopping a master that died ends its workers too.
        assert not any(serving(worker) for worker in workers)


def test_a_reload_while_nginx_is_down_is_what_its_restart_serves(tmp_path: Path) -> None:
    port = free_port()
    failures: list[Exception] = []
    with backend("one") as one, backend("two") as two:
        nginx = NginxServer(tmp_path, config(tmp_path, port, one))

        def reload(replica: ReplicaAddress) -> None:
            try:
                nginx.reload(config(tmp_path, port, replica))
            except Exception as error:
                failures.append(error)

        with nginx:
            for turn, (old, new) in enumerate([(one, two), (two, one)] * 3):
                assert nginx.pid is not None
                master = psutil.Process(nginx.pid)
                workers = master.children()
                master.kill()
                master.wait(timeout=5)
                # As berth up does: a replica's thread reloads while the watcher restarts.
                reloading = threading.Thread(target=reload, args=(new,))
                reloading.start()
                if turn % 2:
                    time.sleep(0.05)  # the reload first, then the restart; else both at once
                nginx.start()
                reloading.join()
                assert failures == []
                assert not any(serving(worker) for worker in workers), "old workers serve on"
                answers = {
                    requests.get(f"http://127.0.0.1:{port}", timeout=5).text for _ in range(4)
                }
                assert answers == {new.name}, f"turn {turn}: {old.name} still served"
    assert sorted(path.name for path in tmp_path.glob("nginx.conf*")) == ["nginx.conf"]
