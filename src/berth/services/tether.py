"""Run a program that dies with the process that started it, even when that one is SIGKILLed.

``python -m berth.services.tether SIGNAL PARENT_PID [--as UID:GID] -- PROGRAM ARGS...``

On Linux the tether asks the kernel for ``SIGNAL`` when its parent dies (``PR_SET_PDEATHSIG``,
which survives ``exec``; "parent" is the thread that started it, so start long-lived programs
from a thread that lives as long as they should), checks that the parent is still the one that started it, and then
becomes the program: same pid, same exit status, nothing in between. Elsewhere it stays as the
program's parent and watches its own parent, passing signals on, and sends ``SIGNAL`` to the
program's process group when the parent is gone.

Why a process of its own: the kernel setting must be made in the child between fork and exec,
which from Python means ``preexec_fn``, and CPython's documentation warns that it can deadlock
when the parent runs threads (berth up does). ``--as`` drops to another account first (the
kernel clears the setting on a change of user): the program then runs as that account while
the tether itself, started as root, could still read the Python it runs on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence

__all__ = ["tethered"]

_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 0.25
_PASSED_ON = (
    signal.SIGTERM,
    signal.SIGINT,
    signal.SIGQUIT,
    signal.SIGHUP,
    signal.SIGUSR1,
    signal.SIGUSR2,
)


def tethered(
    command: Sequence[str],
    death_signal: signal.Signals = signal.SIGTERM,
    *,
    account: tuple[int, int] | None = None,
) -> list[str]:
    """``command`` wrapped so that it gets ``death_signal`` when this process dies.

    ``account`` (uid, gid) is who the program runs as; None: as this process.
    """
    run_as = ["--as", f"{account[0]}:{account[1]}"] if account else []
    return [
        sys.executable,
        "-m",
        "berth.services.tether",
        death_signal.name,
        str(os.getpid()),
        *run_as,
        "--",
        *command,
    ]


def _main(argv: Sequence[str]) -> int:
    arguments = list(argv)
    account = None
    if len(arguments) > 3 and arguments[2] == "--as":
        uid, _, gid = arguments.pop(3).partition(":")
        account = (int(uid), int(gid))
        del arguments[2]
    if len(arguments) < 4 or arguments[2] != "--":
        print(
            "usage: python -m berth.services.tether SIGNAL PARENT_PID [--as UID:GID] -- PROGRAM ...",
            file=sys.stderr,
        )
        return 2
    death_signal = signal.Signals[arguments[0]]
    parent = int(arguments[1])
    command = arguments[3:]
    # Everything imported before the account changes: the new one may not read this Python.
    libc = None
    if sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
    if account is not None:
        os.setgroups([])
        os.setgid(account[1])
        os.setuid(account[0])
    if libc is not None:
        if libc.prctl(_PR_SET_PDEATHSIG, int(death_signal), 0, 0, 0) != 0:
            return 1
        if os.getppid() != parent:
            return 1  # the parent died before the request took effect: nobody would signal us
        try:
            os.execvp(command[0], command)
        except OSError as error:
            print(f"berth: cannot run {command[0]}: {error.strerror or error}", file=sys.stderr)
            return 127
    return _watch(command, parent, death_signal)


def _watch(command: list[str], parent: int, death_signal: signal.Signals) -> int:
    try:
        child = subprocess.Popen(command, start_new_session=True)
    except OSError as error:
        print(f"berth: cannot run {command[0]}: {error.strerror or error}", file=sys.stderr)
        return 127
    for signum in _PASSED_ON:
        signal.signal(signum, lambda received, frame: child.send_signal(received))
    while True:
        code = child.poll()
        if code is not None:
            return code if code >= 0 else 128 - code
        if os.getppid() != parent:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, death_signal)
            return child.wait()
        time.sleep(_WATCH_SECONDS)


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
