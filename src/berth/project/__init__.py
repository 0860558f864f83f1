"""The Django project on disk: found and read without importing it, and loaded when a command needs it."""

from __future__ import annotations

from berth.project.discovery import (
    TOOL_FOLDERS,
    DjangoProject,
    ProjectNotFound,
    find_project,
    setup_django,
)

__all__ = ["TOOL_FOLDERS", "DjangoProject", "ProjectNotFound", "find_project", "setup_django"]
