"""Backward-compatible re-export. Real definitions in dojo/auditlog/helpers.py."""
from dojo.auditlog.helpers import (  # noqa: F401 -- backward compat
    PgHistoryContextFromTask,
    get_pghistory_context_manager,
    get_serializable_pghistory_context,
)
