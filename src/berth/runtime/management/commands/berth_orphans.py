"""``manage.py berth_orphans``: objects in a storage that no FileField of any model references.

They are what a replica killed between storing an upload and committing its row leaves
behind, and what deleting a row leaves (Django never deletes a row's files). The threshold
(``--older-than``) keeps uploads in flight out of it: it must exceed the longest time between
storing an object and committing the row that references it. Database backups
(``backups/``, see berth.jobs.backups) are never listed nor deleted.
"""

from __future__ import annotations

from argparse import ArgumentTypeError
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.core.files.storage import InvalidStorageError, Storage, storages
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models
from django.utils import timezone

from berth.jobs.backups import BACKUP_PREFIX

__all__ = ["Command", "referenced_names", "stored_names"]

# collectstatic's files are referenced by templates, not rows: every one would look orphaned.
_NEVER_SCANNED = frozenset({"staticfiles"})
# Where berth db backup files the database's dumps: beside the media when the storage has a
# prefix, but inside what a storage without one lists. No row references a backup, so each
# would look orphaned; the folder is skipped whole (a folder of uploads so named is kept too).
_BACKUPS_FOLDER = BACKUP_PREFIX.rstrip("/")


class Command(BaseCommand):
    help = (
        "List (or with --delete, delete) objects in a storage that no FileField or ImageField "
        "of any model references and that are older than --older-than minutes."
    )
    # A cleanup job reads; the deployment warnings of the checks would only bury its list.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--delete", action="store_true", help="Delete the objects listed (default: list only)."
        )
        parser.add_argument(
            "--older-than",
            type=_minutes,
            default=60,
            metavar="MINUTES",
            help="Only objects last modified at least this long ago (default: 60), so that "
            "uploads in flight, stored but not yet committed, are left alone.",
        )
        parser.add_argument(
            "--storage",
            default="default",
            metavar="ALIAS",
            help="The STORAGES alias to scan (default: default).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        alias: str = options["storage"]
        delete: bool = options["delete"]
        minutes: int = options["older_than"]
        if alias in _NEVER_SCANNED:
            raise CommandError(f"the {alias!r} storage holds collectstatic's files, not uploads")
        try:
            storage = storages[alias]
        except InvalidStorageError:
            raise CommandError(f"no storage {alias!r} in STORAGES") from None

        # References first, objects second: a row committed after this point can only
        # reference an object stored less than --older-than ago, which is not touched.
        referenced = referenced_names()
        cutoff = timezone.now() - timedelta(minutes=minutes)
        count = 0
        for name in stored_names(storage):
            # Ages are asked only of unreferenced objects: on S3 each is a request of its own.
            if name in referenced or storage.get_modified_time(name) > cutoff:
                continue
            self.stdout.write(name)
            if delete:
                storage.delete(name)
            count += 1

        objects = f"{count} orphaned object{'s' if count != 1 else ''}"
        where = f"older than {minutes} minute{'s' if minutes != 1 else ''} in storage {alias!r}"
        summary = (
            f"Deleted {objects} {where}."
            if delete
            else f"{objects.capitalize()} {where}; nothing deleted (dry run, use --delete)."
        )
        # The count goes to stderr so that stdout stays a plain list of names; it is no
        # error, so without the error colour stderr gets on a terminal.
        self.stderr.write(summary, style_func=str)


def referenced_names() -> set[str]:
    """Every name a FileField (ImageField included) of any installed model holds.

    Fields of every storage count, whichever is scanned: a name shared across storages is
    kept, which errs on the side of keeping a file. The base manager sees rows a default
    manager may hide (soft-deleted ones, say), and the iterator fetches rows in chunks.
    """
    names: set[str] = set()
    for model in apps.get_models():
        if model._meta.proxy or model._meta.swapped:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                values = model._base_manager.values_list(field.attname, flat=True)
                names.update(name for name in values.iterator() if name)
    return names


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every object's name in ``storage`` under ``folder``, walked with ``listdir``."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        # A local storage's folder is created by its first upload.
        return
    prefix = f"{folder}/" if folder else ""
    for name in files:
        yield prefix + name
    for sub in folders:
        if not folder and sub == _BACKUPS_FOLDER:
            continue
        yield from stored_names(storage, prefix + sub)


def _minutes(value: str) -> int:
    if not value.isdigit():
        raise ArgumentTypeError(f"expected a whole number of minutes, not {value!r}")
    return int(value)
