# SPDX-FileCopyrightText: 2020-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

"""This command supersedes the Django-inbuilt makemessages command.

We do this to allow the easy management of translations by way of plugins.
The way GNU gettext handles path precedence, it will always create new
translation files for given languages in the pretalx root locales directory
instead of updating the already existing plugin locale directory.

This management command copies all plugin-provided languages to the core
locales directory, then moves them back once the translations have been
generated and cleans up empty directories.

This command also handles frontend translations.

Yes, it's hacky, but have you tried managing symlinks instead?
"""

import shutil
import subprocess
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.management.commands.makemessages import Command as Parent

from pretalx._build import FRONTEND_DIR
from pretalx.common.signals import register_locales


def pathreplace(left, right):
    left.mkdir(parents=True, exist_ok=True)
    right.mkdir(parents=True, exist_ok=True)
    left.replace(right)


class Command(Parent):
    def handle(self, *args, **options):
        # Exclude src/local/ plugins from message extraction
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), "local"]
        # Skip line numbers in location comments to avoid noisy diffs
        options["add_location"] = options.get("add_location") or "file"
        locales = {}
        for receiver, response in register_locales.send(sender=None):
            module = import_module(receiver.__module__.split(".")[0])
            path = Path(module.__path__[0])
            for locale in response:
                # if it's a tuple, use the first part
                locale_str = locale[0] if isinstance(locale, tuple) else locale
                if "-" in locale_str:
                    locale_parts = locale_str.split("-")
                    locale_str = (
                        locale_parts[0]
                        + "_"
                        + "_".join(part.capitalize() for part in locale_parts[1:])
                    )
                locales[locale_str] = path

        if not locales:
            super().handle(*args, **options)

        locale_path = Path(settings.LOCALE_PATHS[0])
        moves = []
        for locale, path in locales.items():
            translation_path = path / "locale" / locale
            translation_file = translation_path / "LC_MESSAGES/django.po"
            new_dir = locale_path / locale
            moves.append((translation_path, new_dir))

            if not translation_file.exists():
                self.stdout.write(f"{translation_file} does not exist, regenerating.")
                continue

            if new_dir.exists():
                shutil.rmtree(new_dir)
            translation_path.replace(new_dir)

        super().handle(*args, **options)

        for move in moves:
            pathreplace(move[1], move[0])

        # Create frontend translations
        base_path = locale_path.parent
        locales = [locale.name for locale in locale_path.iterdir() if locale.is_dir()]

        subprocess.run(
            ["npm", "run", "i18n:extract"],  # noqa: S607  -- npm is a dev dependency
            check=True,
            cwd=FRONTEND_DIR,
        )
        # We only need one file, as it's empty anyway
        # (and we don't use numbers or other fancy features.)
        subprocess.run(
            ["npm", "run", "i18n:convert2gettext"],  # noqa: S607  -- npm is a dev dependency
            check=True,
            cwd=FRONTEND_DIR,
        )

        # Now merge the js file with the django file in each language
        for locale in locales:
            subprocess.run(  # noqa: S603  -- dev-only management command with controlled input
                [  # noqa: S607  -- msgcat is a gettext utility
                    "msgcat",
                    "-o",
                    f"locale/{locale}/LC_MESSAGES/django.po",
                    "--use-first",
                    f"locale/{locale}/LC_MESSAGES/django.po",
                    "frontend/schedule-editor/locales/en/translation.po",
                ],
                check=True,
                cwd=base_path,
            )
