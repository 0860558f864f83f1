"""What ``berth media sync SRC DST`` takes for each side: a storage URL, an environment, a folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from berth.config.dsn.storage import StorageConfig, parse_storage_url
from berth.errors import ConfigurationError
from berth.transfer.errors import TransferError
from berth.transfer.local_store import LocalStore
from berth.transfer.stores import Store, open_store

# The environments and their endpoints are imported only when a side names one: a sync
# between folders and storage URLs starts without them (and without python-dotenv).
if TYPE_CHECKING:
    from berth.transfer.endpoints import Endpoint

__all__ = ["Location", "endpoint_storage", "open_location"]


class Location:
    """One side of a sync, opened: its store, and the environment it belongs to (if any)."""

    def __init__(self, store: Store, endpoint: Endpoint | None) -> None:
        self.store = store
        self.endpoint = endpoint

    @property
    def label(self) -> str:
        return self.endpoint.label if self.endpoint else self.store.describe()


def endpoint_storage(endpoint: Endpoint) -> StorageConfig:
    """An environment's storage: from its DSNs here, or as its own berth reports it."""
    from berth.transfer.endpoints import storage_config

    if endpoint.storage_is_direct:
        return endpoint.storage()
    found = endpoint.remote().run_json("media", "storage", "--here", "--json")
    divio = found.get("variable") == "DEFAULT_STORAGE_DSN"
    config = storage_config({"DEFAULT_STORAGE_DSN" if divio else "STORAGE_URL": found["url"]})
    if config.is_local:
        raise TransferError(
            f"{endpoint.label} keeps its media on its containers' own disk ({config.options['location']}): berth syncs object storage or local folders"
        )
    return config


def open_location(spec: str, transfers: int, *, environment: bool = False) -> Location:
    """``s3://…`` or ``file:///…``, an environment's name, or a folder (``./name`` if both).

    ``environment`` (``pull``/``push``): the spec can only be an environment's name.
    """
    if environment:
        from berth.transfer.endpoints import resolve

        endpoint = resolve(spec)  # an unknown name: the one-line "no environment" error
        return Location(open_store(endpoint_storage(endpoint), transfers), endpoint)
    if spec.startswith(("s3://", "file://")):
        return Location(open_store(parse_storage_url(spec, "storage URL"), transfers), None)
    names = {} if spec.startswith((".", "/")) else _environment_names()
    if spec in names:
        return open_location(spec, transfers, environment=True)
    path = Path(spec)
    if path.exists() and not path.is_dir():
        raise TransferError(f"{spec} is a file: give a folder, a storage URL or an environment")
    if not path.exists() and _is_bare_name(spec):
        # A mistyped or unconfigured environment must not become a new folder in the project.
        known = ", ".join(sorted(names)) or "none"
        raise TransferError(
            f"{spec!r} is neither an environment (known: {known}) nor an existing folder: "
            f"write ./{spec} for a new folder"
        )
    return Location(LocalStore(path), None)


def _environment_names() -> set[str]:
    from berth.remote.environments import load_environments

    try:
        return set(load_environments())
    except ConfigurationError:
        return set()


def _is_bare_name(spec: str) -> bool:
    return (
        not spec.startswith((".", "~"))
        and not Path(spec).is_absolute()
        and len(Path(spec).parts) == 1
    )
