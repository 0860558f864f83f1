"""The errors of data transfers; each is one line for the CLI, never with a secret."""

from __future__ import annotations

from berth.errors import BerthError

__all__ = ["DumpFormatError", "RefusedError", "TransferError"]


class TransferError(BerthError):
    """A dump, restore or sync failed; whatever it was to replace is left as it was."""

    exit_code = 1


class DumpFormatError(TransferError):
    """A dump is not berth's, is damaged, or does not fit the target; nothing was changed."""

    exit_code = 2


class RefusedError(TransferError):
    """A destructive command was not confirmed, or its target is protected."""

    exit_code = 4
