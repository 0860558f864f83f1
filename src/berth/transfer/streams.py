"""Bytes between processes and files: copying with progress, and a child's stderr kept for its error.

No temporary file stands between a dump and a restore: the bytes go from one process's stdout
through berth (which counts them) into the other's stdin.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import IO, Any, Protocol

from berth.config.masking import redact
from berth.services.processes import kill_tree, last_lines
from berth.transfer.errors import TransferError

__all__ = [
    "CHUNK",
    "ErrorTail",
    "Sink",
    "StallWatch",
    "Joined",
    "joined",
    "close_quietly",
    "copy_stream",
    "error_tail",
]

CHUNK = 1 << 20
"""1 MiB: large enough that a pipe's throughput is not lost to calls, small enough for memory."""


class Sink(Protocol):
    """Where bytes are written: a file, a pipe, or a pipe whose writes are timed."""

    def write(self, data: bytes, /) -> int: ...


def copy_stream(
    source: IO[bytes], target: Sink, advance: Callable[[int], None] | None = None
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


class StallWatch:
    """Ends a channel that gives or takes no byte for ``seconds`` while berth waits on it.

    A pipe has no timeout of its own: a read from an exec channel gone silent (a frozen ssh, a
    stalled ``docker exec``) or a write into one that stopped reading waits forever. Reads and
    writes through :meth:`reading` and :meth:`writing` are timed; a thread kills the channel's
    process once one has waited ``seconds``, which ends the wait, and the read or the write
    then raises the one-line reason. Time spent on berth's own side (a slow local restore not
    taking bytes) never counts.
    """

    def __init__(self, process: subprocess.Popen[bytes], seconds: float, what: str) -> None:
        self.process = process
        self.seconds = seconds
        self.what = what
        self.stalled = False
        self._waiting_since: float | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="berth-stall-watch", daemon=True)

    def __enter__(self) -> StallWatch:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._done.set()
        self._thread.join(timeout=5)

    def _watch(self) -> None:
        while not self._done.wait(min(1.0, self.seconds / 4)):
            since = self._waiting_since
            if since is not None and time.monotonic() - since > self.seconds:
                if self.process.poll() is None:
                    self.stalled = True
                    kill_tree(self.process.pid)
                return

    def check(self) -> None:
        """Raise the reason if the watch ended the channel."""
        if self.stalled:
            raise TransferError(
                f"{self.what} moved no byte for {self.seconds:.0f} s (BERTH_STALL_TIMEOUT): "
                "berth ended it; the target is unchanged"
            )

    def timed(self, call: Callable[[], Any]) -> Any:
        self._waiting_since = time.monotonic()
        try:
            return call()
        except OSError:
            self.check()
            raise
        finally:
            self._waiting_since = None

    def reading(self, stream: IO[bytes]) -> IO[bytes]:
        """``stream``, whose reads are timed; the end it reaches after a stall raises."""
        return io.BufferedReader(_TimedReader(self, stream), buffer_size=CHUNK)

    def writing(self, stream: IO[bytes]) -> _TimedWriter:
        """``stream``, whose writes are timed."""
        return _TimedWriter(self, stream)


class _TimedReader(io.RawIOBase):
    def __init__(self, watch: StallWatch, stream: IO[bytes]) -> None:
        self._watch = watch
        self._stream = stream
        self._read = getattr(stream, "read1", stream.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        chunk: bytes = self._watch.timed(lambda: self._read(len(view)))
        if not chunk:
            self._watch.check()
        view[: len(chunk)] = chunk
        return len(chunk)


class _TimedWriter:
    """A pipe's write end whose writes are timed by a :class:`StallWatch`."""

    def __init__(self, watch: StallWatch, stream: IO[bytes]) -> None:
        self._watch = watch
        self._stream = stream

    def write(self, data: bytes) -> int:
        written: int = self._watch.timed(lambda: self._stream.write(data))
        return written

    def flush(self) -> None:
        self._watch.timed(self._stream.flush)
