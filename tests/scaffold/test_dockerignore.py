"""One matcher for what an image leaves out: .dockerignore read as docker build reads it, and
berth's own patterns spelled for git with the same meaning (checked by git itself)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from berth.scaffold.dockerignore import DATA_EXCLUDES, IgnoreRules, gitignore_lines

# What moby's patternmatcher answers for these (the last matching pattern decides; a pattern
# matching a folder matches what is in it; no "/" does not mean "at any depth", unlike git).
DOCKER_CASES = [
    (["data"], "data", True),
    (["data"], "data/media/photo.jpg", True),
    (["data"], "app/data/models.py", False),
    (["/data/"], "data/db.sqlite3", True),
    (["*.dump"], "prod.dump", True),
    (["*.dump"], "backups/prod.dump", False),
    (["**/*.dump"], "backups/2026/prod.dump", True),
    (["**/*.dump"], "prod.dump", True),
    (["docs/**/*.png"], "docs/a/b/c.png", True),
    (["docs/**/*.png"], "docs/c.png", True),
    (["docs/*.png"], "docs/a/c.png", False),
    (["?.txt"], "a.txt", True),
    (["?.txt"], "ab.txt", False),
    (["[ab].txt"], "b.txt", True),
    (["[ab].txt"], "c.txt", False),
    (["*.md", "!README.md"], "README.md", False),
    (["*.md", "!README.md"], "CHANGES.md", True),
    (["*.md", "!README.md", "README.md"], "README.md", True),
    (["data", "!data/fixtures"], "data/fixtures/users.json", False),
    (["data", "!data/fixtures"], "data/db.sqlite3", True),
    (["# a comment", "", "  .env  "], ".env", True),
    ([r"\#notes"], "#notes", True),
    (["./build/../dist"], "dist/app.js", True),
]


@pytest.mark.parametrize(("patterns", "path", "excluded"), DOCKER_CASES)
def test_patterns_mean_what_they_mean_to_docker_build(
    patterns: list[str], path: str, excluded: bool
) -> None:
    assert IgnoreRules(patterns).excludes(path) is excluded


def test_an_exception_below_an_excluded_folder_makes_it_walked() -> None:
    rules = IgnoreRules(["data", "!data/fixtures", "cache", "!**/*.keep"])
    assert rules.may_keep_below("data")
    assert rules.may_keep_below("cache")  # a wildcard exception may match anywhere
    assert not IgnoreRules(DATA_EXCLUDES).may_keep_below("data")


PATHS = [
    ".berth/postgres/PG_VERSION",
    "data/db.sqlite3",
    "data/media/photo.jpg",
    "app/data/models.py",
    "prod.dump",
    "backups/2026/prod.dump",
    "db.sqlite3",
    "app/db.sqlite3-wal",
    ".env",
    ".env.production",
    ".envrc",
    ".env.example",
    "app/.env",
    "manage.py",
]


def test_the_gitignore_lines_mean_what_the_dockerignore_patterns_do(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("".join(f"{line}\n" for line in gitignore_lines()))
    checked = subprocess.run(
        ["git", "-C", str(tmp_path), "check-ignore", "--no-index", "--stdin"],
        input="".join(f"{path}\n" for path in PATHS),
        capture_output=True,
        text=True,
        check=False,
    )
    ignored_by_git = set(checked.stdout.split())
    rules = IgnoreRules(DATA_EXCLUDES)
    assert {path for path in PATHS if rules.excludes(path)} == ignored_by_git
    assert ignored_by_git == set(PATHS) - {
        "app/data/models.py",
        ".env.example",
        "app/.env",
        "manage.py",
    }
