"""Commands through ssh: which prefixes are ssh's, and the one quoted word its far side runs."""

from __future__ import annotations

import shlex
from pathlib import Path

__all__ = ["is_ssh", "through_remote_shell"]

# ssh's options that take a value, from its usage line: -p 22, -i key, -o Option=value, …
_SSH_OPTIONS_WITH_VALUE = frozenset("BbcDEeFIiJLlmOoPpRSWw")


def is_ssh(prefix: tuple[str, ...]) -> bool:
    return bool(prefix) and Path(prefix[0]).name in ("ssh", "autossh")


def _split_ssh(prefix: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(ssh, its options, destination)`` and the remote command words that follow them."""
    index = 1
    while index < len(prefix):
        word = prefix[index]
        if word == "--":
            index += 1
            break
        if not word.startswith("-") or word == "-":
            break
        # Clustered flags (-tt, -At) until one that takes a value, inline or as the next word.
        for position, letter in enumerate(word[1:], start=1):
            if letter in _SSH_OPTIONS_WITH_VALUE:
                if position == len(word) - 1:
                    index += 1
                break
        index += 1
    destination = index + 1
    return prefix[:destination], prefix[destination:]


def through_remote_shell(prefix: tuple[str, ...], args: tuple[str, ...]) -> list[str]:
    """``args`` after ``prefix``, the words after ssh's destination quoted into one, so that the
    far side runs exactly this argv: ssh joins its arguments with spaces and hands the line to a
    shell, which would otherwise run ``b`` of ``sh -c 'a; b'`` on the host, outside the container.
    """
    local, remote = _split_ssh(prefix) if is_ssh(prefix) else (prefix, ())
    words = [*remote, *args]
    return [*local, shlex.join(words)] if words else list(local)
