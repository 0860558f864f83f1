"""A moto S3 server run as a separate process, and the test buckets made on it.

moto keeps its state in memory: stopping or restarting the server loses every bucket and object.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING
from urllib.parse import quote, urlencode

import boto3
from botocore.config import Config

from berth.services.processes import LocalService, free_port

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_HOST = "127.0.0.1"
_START_TIMEOUT = 20.0


class S3Server(LocalService):
    """``python -m moto.server`` on 127.0.0.1; ``stop()`` then ``start()`` reuse the same port."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port if port is not None else free_port(_HOST)
        self._process: subprocess.Popen[bytes] | None = None
        self._output: IO[bytes] | None = None
        # Bypass any HTTP proxy from the environment: the server is local.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def __repr__(self) -> str:
        return f"S3Server(endpoint_url={self.endpoint_url!r}, running={self.is_running()})"

    @property
    def endpoint_url(self) -> str:
        return f"http://{_HOST}:{self.port}"

    def start(self) -> None:
        """Start the server, empty, and wait until it answers HTTP; does nothing if it runs."""
        if self.is_running():
            return
        self.stop()
        # A file, not a pipe: nobody reads the request log, and a full pipe would block the server.
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
        self._process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", _HOST, "-p", str(self.port)],
            stdin=subprocess.DEVNULL,
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._answers():
            if self._process.poll() is not None or time.monotonic() > deadline:
                output = self._output_tail()
                self.stop()
                raise RuntimeError(f"moto S3 server on {self.endpoint_url} did not start: {output}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server (its buckets are lost); does nothing if it is not running."""
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self._output is not None:
            self._output.close()
            self._output = None

    def request_lines(self) -> list[str]:
        """Each request the server has logged since it started: ``GET /bucket?list-type=2 …``."""
        if self._output is None:
            return []
        # pread, not seek and read: the server writes through the same open file, whose
        # offset a seek here would move under it.
        descriptor = self._output.fileno()
        data = os.pread(descriptor, os.fstat(descriptor).st_size, 0)
        text = data.decode("utf-8", errors="replace")
        return [
            line.split('"')[1]
            for line in text.splitlines()
            if line.count('"') >= 2 and " HTTP/" in line.split('"')[1]
        ]

    def _answers(self) -> bool:
        try:
            with self._opener.open(f"{self.endpoint_url}/", timeout=1):
                return True
        except urllib.error.HTTPError as error:
            error.close()
            return True
        except OSError:
            return False

    def _output_tail(self) -> str:
        if self._output is None:
            return ""
        self._output.seek(0)
        lines = self._output.read().decode("utf-8", errors="replace").strip().splitlines()
        return " | ".join(lines[-3:])


@dataclass(frozen=True)
class S3Bucket:
    """A bucket on the test S3 server, and how to reach it.

    Clients from ``client()`` are closed when the test that made the bucket ends.
    """

    name: str
    endpoint_url: str
    access_key: str = "testing"
    secret_key: str = "testing"
    region: str = "us-east-1"
    _clients: list[S3Client] = field(default_factory=list, repr=False, compare=False)

    @property
    def storage_url(self) -> str:
        """The bucket as a berth ``STORAGE_URL``."""
        credentials = f"{quote(self.access_key, safe='')}:{quote(self.secret_key, safe='')}"
        query = urlencode(
            {"endpoint_url": self.endpoint_url, "region": self.region, "addressing_style": "path"},
            quote_via=quote,
        )
        return f"s3://{credentials}@{self.name}?{query}"

    def client(self) -> S3Client:
        """A boto3 S3 client for the server; it fails fast rather than retrying a stopped server."""
        client: S3Client = boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
            config=Config(
                s3={"addressing_style": "path"},
                retries={"mode": "standard", "max_attempts": 2},
                connect_timeout=2,
                read_timeout=10,
            ),
        )
        self._clients.append(client)
        return client

    def close(self) -> None:
        """Close the clients handed out, so that no socket is left to the garbage collector."""
        while self._clients:
            self._clients.pop().close()
