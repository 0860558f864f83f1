"""The operator's way into one replica: ``manage.py berth_verify`` run in its tree and environment.

What a visitor cannot reach (``default_storage``, the cache, a throwaway user) is made and read
back as an operator would with ``berth exec local --replica web-2 -- …``: a one-off process in
that replica's own tree with its variables. It is not the served process: it shares the
replica's disk, database, bucket and cache server, never the served process's memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from berth.config.masking import mask_text
from berth.config.variables import environment_secrets
from berth.errors import BerthError

__all__ = ["Operator", "OperatorError"]

_TIMEOUT_SECONDS = 120


class OperatorError(BerthError):
    """``manage.py berth_verify`` failed inside a replica."""


class Operator:
    def __init__(self, root: Path, replica: str) -> None:
        self.root = root
        self.replica = replica

    def call(self, action: str, name: str | None = None, *, stdin: str = "") -> dict[str, Any]:
        """``manage.py berth_verify ACTION [NAME]`` in the replica; its JSON answer."""
        from berth.up.attach import attach

        # Read again on each call: after a restart the replica of that name has a new tree.
        attachment = attach(self.root, self.replica)
        env = {**os.environ, **attachment.variables}
        command = [sys.executable, "manage.py", "berth_verify", action, *([name] if name else [])]
        try:
            run = subprocess.run(
                command,
                cwd=attachment.cwd,
                env=env,
                input=stdin,
                capture_output=True,
                text=True,
                timeout=_TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            raise OperatorError(
                f"manage.py berth_verify {action} on {self.replica}: no answer within "
                f"{_TIMEOUT_SECONDS} s"
            ) from None
        lines = run.stdout.strip().splitlines()
        if run.returncode != 0 or not lines:
            tail = (run.stderr.strip().splitlines() or ["no output"])[-1]
            raise OperatorError(
                f"manage.py berth_verify {action} on {self.replica} failed: "
                + mask_text(tail, environment_secrets(env))
            )
        answer: dict[str, Any] = json.loads(lines[-1])
        return answer
