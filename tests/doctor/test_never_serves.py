"""Python code that never serves, told from the project's evidence: test runners' configuration,
packaging, Sphinx; folder names only where nothing else says."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import found, write

from berth.doctor.files import discover
from berth.doctor.never_serves import gather

# Trimmed from django-celery-beat 2.9.0 (PyPI): its test project lives in t/proj/, which
# setup.cfg's pytest section names and setup.py's find_packages(exclude=...) leaves out.
BEAT_SETTINGS = """
import os
BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = 'u($kbs9$irs0)436gbo9%!b&#zyd&70tx!n7!i&fl6qun@z1_l'
DEBUG = True
INSTALLED_APPS = ['django.contrib.admin', 'django_celery_beat', 't.proj']
ROOT_URLCONF = 't.proj.urls'
WSGI_APPLICATION = 't.proj.wsgi.application'
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': os.path.join(BASE_DIR, 'db.sqlite3'),
    }
}
"""
BEAT_WSGI = """
import os
from django.core.wsgi import get_wsgi_application
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")
application = get_wsgi_application()
"""
BEAT_SETUP_CFG = """
[tool:pytest]
testpaths = t/unit/
python_classes = test_*
DJANGO_SETTINGS_MODULE = t.proj.settings
"""
BEAT_SETUP_PY = """
import setuptools
setuptools.setup(
    name='django-celery-beat',
    packages=setuptools.find_packages(exclude=[
        'ez_setup', 't', 't.*',
    ]),
)
"""
SETTINGS_RULES = {"BD201", "BD208", "BD209"}


def _settings_findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    return [f for f in found(root, files) if f[2] in SETTINGS_RULES]


def test_a_test_project_the_package_leaves_out_is_not_production(tmp_path: Path) -> None:
    files = {
        "t/proj/settings.py": BEAT_SETTINGS,
        "t/proj/wsgi.py": BEAT_WSGI,
        "setup.py": BEAT_SETUP_PY,
    }
    assert _settings_findings(tmp_path, files) == []


def test_the_settings_pytest_runs_with_are_not_production(tmp_path: Path) -> None:
    files = {"t/proj/settings.py": BEAT_SETTINGS, "setup.cfg": BEAT_SETUP_CFG}
    assert _settings_findings(tmp_path, files) == []


def test_settings_a_serving_entry_point_selects_stay_production(tmp_path: Path) -> None:
    # A project that runs its tests with its own settings: wsgi.py serves them too.
    wsgi = BEAT_WSGI.replace("proj.settings", "t.proj.settings")
    files = {"t/proj/settings.py": BEAT_SETTINGS, "setup.cfg": BEAT_SETUP_CFG, "wsgi.py": wsgi}
    assert [line for _, line, _ in _settings_findings(tmp_path, files)] == [3, 4, 10]


# Trimmed from django-cms 5.1.3 (PyPI): cms/test_utils/project/ is the tests' project, its
# urls.py serving media for the test server; docs/django_settings.py is what Sphinx loads.
CMS_URLS = """
from django.conf import settings
from django.urls import re_path
from django.views.static import serve

urlpatterns = [
    re_path(r'^media/(?P<path>.*)$', serve, {'document_root': settings.MEDIA_ROOT, 'show_indexes': True}),
]
"""
CMS_DOCS_SETTINGS = """
INSTALLED_APPS = ['django.contrib.contenttypes', 'cms']
ROOT_URLCONF = 'cms.urls'
MIGRATE = False
DEBUG = True
SECRET_KEY = "Totally secret"
"""
SPHINX_CONF = """
import os, sys
os.environ['DJANGO_SETTINGS_MODULE'] = 'django_settings'
extensions = ['sphinx.ext.autodoc', 'sphinx.ext.intersphinx']
project = 'django cms'
"""


def test_a_test_utils_folder_is_test_code(tmp_path: Path) -> None:
    assert found(tmp_path, {"cms/test_utils/project/urls.py": CMS_URLS}) == []


def test_sphinx_settings_are_not_production(tmp_path: Path) -> None:
    files = {
        "docs/django_settings.py": CMS_DOCS_SETTINGS,
        "documentation/django_settings.py": CMS_DOCS_SETTINGS,
        "documentation/conf.py": SPHINX_CONF,
    }
    assert found(tmp_path, files) == []


def test_the_same_code_in_the_project_is_reported(tmp_path: Path) -> None:
    files = {"cms/urls.py": CMS_URLS, "mysite/settings.py": CMS_DOCS_SETTINGS}
    assert {(path, rule) for path, _, rule in found(tmp_path, files)} == {
        ("cms/urls.py", "BD107"),
        ("mysite/settings.py", "BD208"),
        ("mysite/settings.py", "BD209"),
    }


# Trimmed from django-sortedm2m 3.1.1 (PyPI), tox.ini: the settings module is named relative
# to a folder tox puts on PYTHONPATH.
SORTEDM2M_TOX = """
[testenv]
setenv =
    PYTHONPATH = {toxinidir}:{toxinidir}/test_project
    DJANGO_SETTINGS_MODULE = settings
    sqlite3: DB_ENGINE=sqlite3
commands =
    coverage run {envbindir}/django-admin test --noinput {posargs:sortedm2m_tests}
"""


def test_tox_names_settings_relative_to_its_python_path(tmp_path: Path) -> None:
    (tmp_path / "tox.ini").write_text(SORTEDM2M_TOX)
    evidence = gather([], [tmp_path], tmp_path, [])
    assert evidence.settings_reason("test_project.settings", "test_project/settings.py")
    assert evidence.settings_reason("mysite.settings", "mysite/settings.py") is None


# Trimmed from django-downloadview 2.5.0 (PyPI), demo/demoproject/storage/storage.py: the
# package's demo project, which no deployment of the package runs.
DEMO_STORAGE = """
from django.core.files.storage import FileSystemStorage

storage = FileSystemStorage()
"""


def test_a_demo_folder_is_not_a_deployment(tmp_path: Path) -> None:
    files = {
        "demo/demoproject/settings.py": "INSTALLED_APPS = ['demoproject.storage']\n",
        "demo/demoproject/storage/storage.py": DEMO_STORAGE,
        "app/storage.py": DEMO_STORAGE,
    }
    assert found(tmp_path, files) == [("app/storage.py", 3, "BD101")]


# Trimmed from python/pythondotorg@0a7e8d1f: pydotorg/settings/static.py extends base.py (a
# development key) for collectstatic in Dockerfile.cabotage; cabotage.py, what serves, reads
# the key from the environment.
PYDOTORG_BASE = """
SECRET_KEY = "its-a-secret-to-everybody"  # noqa: S105 - development-only default
INSTALLED_APPS = ["django.contrib.staticfiles"]
ROOT_URLCONF = "pydotorg.urls"
"""
PYDOTORG_STATIC = """
from pydotorg.settings.base import *

DEBUG = TEMPLATE_DEBUG = False
"""
PYDOTORG_CABOTAGE = """
from decouple import config
from pydotorg.settings.base import *

SECRET_KEY = config("SECRET_KEY")
"""
PYDOTORG_DOCKERFILE = """
FROM python:3.12-slim
RUN DJANGO_SETTINGS_MODULE=pydotorg.settings.static uv run python manage.py collectstatic --noinput
CMD ["gunicorn", "pydotorg.wsgi"]
"""


def test_settings_only_the_image_build_runs_with_are_not_production(tmp_path: Path) -> None:
    files = {
        "pydotorg/settings/base.py": PYDOTORG_BASE,
        "pydotorg/settings/static.py": PYDOTORG_STATIC,
        "pydotorg/settings/cabotage.py": PYDOTORG_CABOTAGE,
        "Dockerfile.cabotage": PYDOTORG_DOCKERFILE,
    }
    assert [f for f in found(tmp_path, files) if f[2] == "BD209"] == []


# The layout of apptension/saas-boilerplate@ee01a0e4: apps/demo/ is one of the project's
# installed apps, not a demo project of its own.
def test_an_app_named_demo_in_a_project_serves(tmp_path: Path) -> None:
    files = {
        "packages/backend/config/settings.py": "INSTALLED_APPS = ['apps.demo']\n",
        "packages/backend/apps/demo/models.py": DEMO_STORAGE,
        "demo/demoproject/settings.py": "INSTALLED_APPS = []\n",
        "demo/demoproject/storage/storage.py": DEMO_STORAGE,
    }
    write(tmp_path, files)
    evidence = gather(discover([tmp_path], tmp_path), [tmp_path], tmp_path, [])
    assert evidence.folders == {"demo": "an example or demo by its folder's name"}


# Trimmed from django-sortedm2m 3.1.1 (PyPI): the test project's settings name example/urls.py
# as their ROOT_URLCONF, and that URLconf serves media for the test server.
SORTEDM2M_SETTINGS = """
SECRET_KEY = 'define in local settings'
ROOT_URLCONF = 'example.urls'
INSTALLED_APPS = ('django.contrib.auth', 'sortedm2m', 'sortedm2m_tests')
"""
SORTEDM2M_URLS = """
import django.views.static
from django.conf import settings
from django.urls import re_path

urlpatterns = [
    re_path(r"^media/(.*)$", django.views.static.serve, {"document_root": settings.MEDIA_ROOT}),
]
"""


def test_a_urlconf_only_test_settings_name_is_test_code(tmp_path: Path) -> None:
    files = {"test_project/settings.py": SORTEDM2M_SETTINGS, "example/urls.py": SORTEDM2M_URLS}
    assert found(tmp_path, files) == []
    files = {"mysite/settings.py": SORTEDM2M_SETTINGS, "example/urls.py": SORTEDM2M_URLS}
    assert ("example/urls.py", 6, "BD107") in found(tmp_path / "served", files)
