"""Backward-compatible re-export. Real definitions in dojo/auditlog/models.py."""
from dojo.auditlog.models import DojoEvents  # noqa: F401 -- backward compat
