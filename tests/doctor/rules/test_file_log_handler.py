"""BD207 in code: a file logging handler made outside the settings' LOGGING dict."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines

# Trimmed from Justiks1337/ChessBot, web_django/django_log/log.py (GitHub): a Django project's
# module that every view imports for its logger.
MODULE_LEVEL = """
from logging import getLogger, Formatter, FileHandler
from os import path

log = getLogger(path.join(path.dirname(__file__), 'django_log'))
log.setLevel('DEBUG')

log_handler = FileHandler(path.join(path.dirname(__file__), 'main.log'), 'a+')
log_handler.setFormatter(Formatter("%(name)s %(asctime)s %(levelname)s %(message)s"))
log.addHandler(log_handler)
"""

SCRIPT = """
import logging
from django.conf import settings

if settings.DEBUG:
    logging.getLogger().addHandler(logging.FileHandler("debug.log"))

if __name__ == "__main__":
    logging.getLogger().addHandler(logging.handlers.RotatingFileHandler("run.log"))
"""


def test_a_file_handler_made_in_app_code(tmp_path: Path) -> None:
    assert lines(tmp_path, {"web_django/django_log/log.py": MODULE_LEVEL}, "BD207") == [
        ("web_django/django_log/log.py", 7)
    ]


def test_under_debug_in_a_script_or_in_tooling_it_is_not_reported(tmp_path: Path) -> None:
    files = {
        "app/logs.py": SCRIPT,
        "app/management/commands/sync.py": MODULE_LEVEL,
        "app/tests/test_log.py": MODULE_LEVEL,
    }
    assert lines(tmp_path, files, "BD207") == []


# Trimmed from django-extensions 3.2.3 (PyPI), django_extensions/management/utils.py: a helper
# of management commands that tees to a file only when its caller passes one.
HELPER = """
import logging

def setup_logger(logger, stream, filename=None, fmt=None):
    if filename:
        outfile = logging.FileHandler(filename)
        logger.addHandler(outfile)
"""


def test_a_helper_whose_callers_are_not_known_is_not_reported(tmp_path: Path) -> None:
    assert lines(tmp_path, {"django_extensions/management/utils.py": HELPER}, "BD207") == []
