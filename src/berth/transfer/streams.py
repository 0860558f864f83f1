"""Bytes between processes and files: copying with progress, and a child's stderr kept for its error.

No temporary file stands between a dump and a restore: the bytes go from one process's stdout
through berth (which counts them) into the other's stdin.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import threading
from collections.abc import Callable
from typing import IO, Any

from berth.config.masking import redact
from berth.services.processes import last_lines

__all__ = [
    "CHUNK",
    "ErrorTail",
    "Joined",
    "joined",
    "close_quietly",
    "copy_stream",
    "error_tail",
]

CHUNK = 1 << 20
"""1 MiB: large enough that a pipe's throughput is not lost to calls, small enough for memory."""


def copy_stream(
    source: IO[bytes], target: IO[bytes], advance: Callable[[int], None] | None = None
) -> int:
    """Copy ``source`` to ``target`` until end of file; return the byte count."""
    total = 0
    read = getattr(source, "read1", source.read)
    while True:
        chunk = read(CHUNK)
        if not chunk:
            return total
        target.write(chunk)
        total += len(chunk)
        if advance is not None:
            advance(len(chunk))


class ErrorTail:
    """A child's stderr, drained by a thread into memory (its last 64 kB), for a one-line error."""

    def __init__(self, stream: IO[bytes], secrets: list[str]) -> None:
        self._stream = stream
        self._secrets = secrets
        self._data = bytearray()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        try:
            for chunk in iter(lambda: self._stream.read1(65536), b""):  # type: ignore[attr-defined]
                self._data += chunk
                del self._data[:-65536]
        except (OSError, ValueError):
            pass  # closed under us: the process is gone
        finally:
            self._stream.close()

    def text(self) -> str:
        self._thread.join(timeout=5)
        return redact(self._data.decode("utf-8", errors="replace"), self._secrets)

    def line(self, count: int = 1) -> str:
        """The last ``count`` lines, without berth's own ``berth:`` prefix from a remote berth."""
        tail = last_lines(self.text(), count)
        return tail.removeprefix("berth: ")


class Joined(io.RawIOBase):
    """``head`` then everything ``rest`` holds, read as one stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = (
            self._rest.read1(len(view))
            if hasattr(self._rest, "read1")
            else self._rest.read(len(view))
        )
        view[: len(chunk)] = chunk
        return len(chunk)


def joined(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A buffered stream of ``head``, then ``rest``."""
    return io.BufferedReader(Joined(head, rest), buffer_size=CHUNK)


def close_quietly(stream: IO[bytes] | None) -> None:
    """Close a pipe whose other end may be gone (a flush into it would raise)."""
    if stream is not None:
        with contextlib.suppress(OSError):
            stream.close()


def error_tail(process: subprocess.Popen[bytes], secrets: list[str]) -> ErrorTail:
    assert process.stderr is not None
    return ErrorTail(process.stderr, secrets)
