"""Render the templates in ``templates/`` for one project: relative path → file content."""

from __future__ import annotations

import re
from importlib.resources import files
from importlib.resources.abc import Traversable

from django.template import Context, Engine

from berth.scaffold.detect import Stack
from berth.scaffold.writer import with_header

__all__ = ["COMPOSE_FILES", "KUBERNETES_FILES", "render_files"]

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
# Jinja's trim_blocks and lstrip_blocks, which Django's engine lacks: a line holding only a
# block tag leaves no blank line behind.
_TAG_LINE = re.compile(r"^[ \t]*({%[^%]*%})[ \t]*\n", re.MULTILINE)
_ENGINE = Engine(autoescape=False)


def render_files(
    stack: Stack, kubernetes: bool = False, makefile: str = "Makefile"
) -> dict[str, str]:
    """Every generated file, header included; the Makefile's shortcuts go to ``makefile``."""
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
    }
    templates = files("berth.scaffold") / "templates"
    return {path: with_header(_render(templates, name, context)) for path, name in targets.items()}


def _render(templates: Traversable, name: str, context: dict[str, object]) -> str:
    source = _TAG_LINE.sub(r"\1", (templates / name).read_text(encoding="utf-8"))
    text = _ENGINE.from_string(source).render(Context(context, autoescape=False))
    return text.rstrip("\n") + "\n"
