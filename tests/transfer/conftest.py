"""The databases the transfer tests move between: production's (reached through an exec
prefix) and the local one (this process's DATABASE_URL), with rows that tell them apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import fresh_database
from tests.transfer.helpers import fill, write_environments

from berth.services.postgres import PostgresServer


@pytest.fixture(autouse=True)
def _no_test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """These projects' manage.py names no settings: local is berth's embedded defaults there,
    not whatever pytest's own DJANGO_SETTINGS_MODULE would give a project that loads it."""
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)


@pytest.fixture
def source_url(postgres_server: PostgresServer) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        fill(url, note="prod-")
        yield url


@pytest.fixture
def local_url(postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The local database: what this process's own DATABASE_URL names, with other rows."""
    with fresh_database(postgres_server) as url:
        fill(url, customers=3, orders=7, note="local-")
        monkeypatch.setenv("DATABASE_URL", url)
        yield url


@pytest.fixture
def project(tmp_path: Path, source_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose environment "prod" reaches the source only through its exec prefix."""
    write_environments(tmp_path, prod={"DATABASE_URL": source_url})
    monkeypatch.chdir(tmp_path)
    return tmp_path
