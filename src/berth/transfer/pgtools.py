"""PostgreSQL's client programs, for the transfer modules: :mod:`berth.services.pg_programs`
finds them, with the server's, through the one variable ``BERTH_PG_BIN``."""

from __future__ import annotations

from berth.services.pg_programs import ClientProgram, ClientVersionError, find_program

__all__ = ["ClientProgram", "ClientVersionError", "find_program"]
