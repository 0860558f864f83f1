"""Render the templates in ``templates/`` for one project: relative path → file content."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from django.template import Context, Engine

from berth.config.variables import DEFAULT_MAX_UPLOAD_SIZE
from berth.scaffold.detect import Stack
from berth.scaffold.dockerignore import DATA_EXCLUDES
from berth.scaffold.writer import with_header

__all__ = [
    "COMPOSE_FILES",
    "KUBERNETES_FILES",
    "PublicMedia",
    "ReplicaAddress",
    "render_files",
    "render_up_nginx",
]

# Output path → template. Pinned by tag, so rebuilding next month gives the same majors.
IMAGES = {
    "postgres": "postgres:17-bookworm",
    "rclone": "rclone/rclone:1.75.2",
    "nginx": "nginx:1.27-alpine",
    "uv": "ghcr.io/astral-sh/uv:0.13.9",
}
PACKAGES = {"poetry": "2.5.1", "uvicorn_worker": "0.4.0"}

COMPOSE_FILES = {
    "Dockerfile": "Dockerfile",
    ".dockerignore": "dockerignore",
    "compose.yaml": "compose.yaml",
    "compose.override.yaml": "compose.override.yaml",
    "deploy/nginx.conf": "nginx.conf",
    ".env.example": "env.example",
}
KUBERNETES_FILES = {
    f"k8s/{name}": f"k8s/{name}"
    for name in (
        "kustomization.yaml",
        "configmap.yaml",
        "secret.example.yaml",
        "deployment.yaml",
        "service.yaml",
        "ingress.yaml",
        "migrate-job.yaml",
        "backup-cronjob.yaml",
    )
}
"""nginx's client_max_body_size, as MAX_UPLOAD_SIZE's default gives it."""
# Jinja's trim_blocks and lstrip_blocks, which Django's engine lacks: a line holding only a
# block tag leaves no blank line behind.
_TAG_LINE = re.compile(r"^[ \t]*({%[^%]*%})[ \t]*\n", re.MULTILINE)
_ENGINE = Engine(autoescape=False)


def render_files(
    stack: Stack,
    kubernetes: bool = False,
    makefile: str = "Makefile",
    max_upload_size: str = DEFAULT_MAX_UPLOAD_SIZE,
    ptrace: bool = False,
) -> dict[str, str]:
    """Every generated file, header included; the Makefile's shortcuts go to ``makefile``;
    ``ptrace`` adds SYS_PTRACE to the web containers, for py-spy."""
    targets = {**COMPOSE_FILES, makefile: "Makefile"}
    if kubernetes:
        targets.update(KUBERNETES_FILES)
    context = {
        "stack": stack,
        "images": IMAGES,
        "packages": PACKAGES,
        # The image's PostgreSQL client programs are of the Compose server's major version:
        # pg_dump refuses a server newer than itself.
        "postgres_major": IMAGES["postgres"].partition(":")[2].partition("-")[0],
        "uses_uv": stack.dependency_kind in ("uv", "pyproject"),
        "makefile": makefile,
        "data_excludes": DATA_EXCLUDES,
        "nginx": _nginx_parts(max_upload_size, http=0, server=4, proxy=8),
        "ptrace": ptrace,
    }
    return {
        path: with_header(_render(_TEMPLATES(), name, context)) for path, name in targets.items()
    }


@dataclass(frozen=True)
class ReplicaAddress:
    """A replica as berth up's nginx sends it requests."""

    name: str
    host: str
    port: int

    @property
    def address(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @property
    def pattern(self) -> str:
        return re.escape(self.address)


@dataclass(frozen=True)
class PublicMedia:
    """Media served by nginx from the bucket's own folder, as a public-read bucket's are."""

    url: str
    """The path links start with, e.g. ``/media/``."""
    folder: Path
    backups: str | None = None
    """The folder of the bucket that holds database backups: answered 404, never served."""


def render_up_nginx(
    *,
    listen: str,
    prefix: Path,
    access_log: Path,
    replicas: Sequence[ReplicaAddress],
    max_upload_size: str = DEFAULT_MAX_UPLOAD_SIZE,
    shutdown_timeout: int = 30,
    media: PublicMedia | None = None,
) -> str:
    """berth up's whole nginx.conf: ``listen`` in front of ``replicas``, in the prefix folder."""
    context: dict[str, object] = {
        "run_as": _root_account(),
        "listen": listen,
        "prefix": prefix,
        "access_log": access_log,
        "replicas": list(replicas),
        "shutdown_timeout": str(shutdown_timeout),
        "media": media,
        "mime_types": sorted(_MIME_TYPES.items()),
        "nginx": _nginx_parts(max_upload_size, http=4, server=8, proxy=12),
    }
    return _render(_TEMPLATES(), "up-nginx.conf", context)


def _root_account() -> str | None:
    """``user group`` for nginx's ``user`` directive when running as root; None otherwise."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import grp
    import pwd

    return f"{pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name}"


def _TEMPLATES() -> Traversable:  # noqa: N802 - a constant, read when first needed
    return files("berth.scaffold") / "templates"


def _nginx_parts(max_upload_size: str, *, http: int, server: int, proxy: int) -> dict[str, str]:
    """The directives both proxies share, indented for where each template puts them."""
    context: dict[str, object] = {"max_upload_size": max_upload_size}
    return {
        name: _indent(_render(_TEMPLATES(), f"nginx/{name}.conf", context), spaces)
        for name, spaces in (("http", http), ("server", server), ("proxy", proxy))
    }


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.rstrip("\n").split("\n"))


# What the media of a web application are, for nginx's Content-Type when it serves them.
_MIME_TYPES = {
    "avif": "image/avif",
    "css": "text/css",
    "csv": "text/csv",
    "gif": "image/gif",
    "html": "text/html",
    "ico": "image/x-icon",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "js": "text/javascript",
    "json": "application/json",
    "mp3": "audio/mpeg",
    "mp4": "video/mp4",
    "pdf": "application/pdf",
    "png": "image/png",
    "svg": "image/svg+xml",
    "txt": "text/plain",
    "webm": "video/webm",
    "webp": "image/webp",
    "zip": "application/zip",
}


def _render(templates: Traversable, name: str, context: dict[str, object]) -> str:
    source = _TAG_LINE.sub(r"\1", (templates / name).read_text(encoding="utf-8"))
    text = _ENGINE.from_string(source).render(Context(context, autoescape=False))
    return text.rstrip("\n") + "\n"
