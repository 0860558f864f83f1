"""The header line of a berth dump: written, read back, and damaged input refused in one line."""

from __future__ import annotations

import io

import pytest

from berth.transfer.errors import DumpFormatError
from berth.transfer.header import DumpHeader, read_header


def test_round_trip_leaves_the_stream_at_the_engine_bytes() -> None:
    header = DumpHeader(
        engine="postgresql",
        server_version="15.4",
        server_version_num=150004,
        tool_version="16.2",
        database="shop",
        excluded_table_data=("audit_*",),
    )
    stream = io.BytesIO(header.line() + b"PGDMP...")
    assert read_header(stream, "x") == header
    assert stream.read() == b"PGDMP..."
    assert (header.server_major, header.tool_major) == (15, 16)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "x is empty: not a berth dump"),
        (b"PGDMP\x01\x0e", "x is a plain pg_dump archive, not a berth dump"),
        (b"SQLite format 3\x00", "x is not a berth dump (it does not start with BERTH-DUMP)"),
        (b"BERTH-DUMP 1 {", "x: the dump's header is cut off or damaged"),
        (b"BERTH-DUMP 1 [1]\n", "x: the dump's header is damaged"),
        (
            b'BERTH-DUMP 1 {"engine": "mysql", "server_version": "8", "server_version_num": 8}\n',
            "x holds a 'mysql' database",
        ),
    ],
)
def test_what_is_not_a_dump_is_refused(data: bytes, problem: str) -> None:
    with pytest.raises(
        DumpFormatError,
        match="^" + problem.replace("(", r"\(").replace(")", r"\)").replace("[", r"\["),
    ):
        read_header(io.BytesIO(data), "x")
