"""Bytes between processes and files: copying with progress, and a child's stderr kept for its error.

No temporary file stands between a dump and a restore: the bytes go from one process's stdout
through berth (which counts them) into the other's stdin, or, where the channel is a pipe
(:class:`Handoff`), from the channel straight into the restoring program.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import io
import os
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import IO, Any, Protocol

from berth.config.masking import redact
from berth.services.processes import kill_tree, last_lines, wait_exited
from berth.transfer.errors import TransferError

__all__ = [
    "CHUNK",
    "ErrorTail",
    "Sink",
    "StallWatch",
    "Handoff",
    "Joined",
    "joined",
    "close_quietly",
    "copy_stream",
    "error_tail",
    "peek",
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

    def waiting(self, since: float) -> None:
        """Count berth as waiting on the channel since ``since`` (a ``time.monotonic()``)."""
        if self._waiting_since is None:
            self._waiting_since = since

    def settle(self) -> None:
        """Berth waits on the channel no more."""
        self._waiting_since = None

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


# Linux's tee(2) flag: fail at once rather than wait for bytes.
_SPLICE_F_NONBLOCK = 2


def peek(descriptor: int, size: int) -> bytes:
    """Up to ``size`` bytes waiting in the pipe ``descriptor``, left in it; b"" where it cannot.

    Linux's tee(2) duplicates a pipe's bytes into another pipe without consuming them: the
    caller can look at a channel's first bytes and still hand the channel on whole.
    """
    if not sys.platform.startswith("linux"):
        return b""
    tee = ctypes.CDLL(None, use_errno=True).tee
    tee.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_size_t, ctypes.c_uint]
    tee.restype = ctypes.c_ssize_t
    scratch_read, scratch_write = os.pipe()
    try:
        count = tee(descriptor, scratch_write, size, _SPLICE_F_NONBLOCK)
        data = bytearray()
        while len(data) < count:
            data += os.read(scratch_read, count - len(data))
        return bytes(data)
    finally:
        os.close(scratch_read)
        os.close(scratch_write)


def read_exactly(descriptor: int, size: int) -> bytes:
    """``size`` bytes from ``descriptor``, never one more: what follows stays for another reader."""
    data = bytearray()
    while len(data) < size:
        chunk = os.read(descriptor, size - len(data))
        if not chunk:
            break
        data += chunk
    return bytes(data)


def _read_chars(pid: int) -> int | None:
    """What process ``pid`` has read so far through read(2) and its kind (Linux's rchar)."""
    try:
        with open(f"/proc/{pid}/io", "rb") as file:
            for line in file:
                if line.startswith(b"rchar:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _pending(descriptor: int) -> int:
    """Bytes waiting in the pipe ``descriptor``."""
    buffer = bytearray(4)
    fcntl.ioctl(descriptor, termios.FIONREAD, buffer)
    return int.from_bytes(buffer, sys.byteorder)


# How often a handed-on channel's consumer is looked at: the progress bar's pace.
_FOLLOW_TICK = 0.2


class Handoff:
    """A channel's pipe, past the dump's header, that the restoring program reads itself.

    Relaying through berth adds a third process to the chain (channel → berth → pg_restore),
    which a loaded machine charges for in wake-ups: handed on, the bytes go as in ``pg_dump |
    pg_restore``. Berth then watches from outside: progress is the consumer's read counter
    (``/proc/PID/io``), and the channel counts as stalled while the consumer reads nothing and
    the pipe holds nothing (a consumer busy with bytes already there is berth's side, as in
    :class:`StallWatch`).
    """

    def __init__(self, descriptor: int, watch: StallWatch) -> None:
        self.descriptor = descriptor
        self.watch = watch

    @staticmethod
    def available() -> bool:
        return _read_chars(os.getpid()) is not None

    def follow(
        self, consumer: subprocess.Popen[bytes], advance: Callable[[int], None] | None
    ) -> int:
        """Wait for ``consumer``, given :attr:`descriptor` as its stdin; return its exit status."""
        seen = _read_chars(consumer.pid) or 0
        quiet_since = time.monotonic()
        try:
            while True:
                status = wait_exited(consumer, _FOLLOW_TICK)
                if status is not None:
                    return status
                now = _read_chars(consumer.pid)
                if now is not None and now > seen:
                    if advance is not None:
                        advance(now - seen)
                    seen = now
                    quiet_since = time.monotonic()
                    self.watch.settle()
                elif _pending(self.descriptor) == 0:
                    self.watch.waiting(quiet_since)
                else:
                    quiet_since = time.monotonic()
                    self.watch.settle()
        finally:
            self.watch.settle()
