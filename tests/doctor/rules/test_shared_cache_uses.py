"""BD204: code that needs the cache shared (counters, cache.add locks, a thread's or a task's
result left for a request) in a project whose cache is local memory."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines, run

# Trimmed from github:WindoC/django-locallibrary-tutorial@f9db89737f5b6c9da3e9f885725528c77069d232:
# locallibrary/settings.py sets no CACHES (Django's implicit LocMemCache), a thread started in
# ready() records which databases answer, a database router reads it on each request.
SETTINGS = """
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "catalog"]
DATABASE_ROUTERS = ["api.router.CheckDBRouter"]
"""
CHECK = """
import time
from threading import Thread

from django.core.cache import cache
from django.core.checks.database import check_database_backends


class CheckDB(Thread):
    daemon = True

    def run(self):
        while True:
            for db in ["default", "test1"]:
                if not check_database_backends([db]):
                    cache.set("jobs_CheckDB_%s" % db, True)
                else:
                    cache.set("jobs_CheckDB_%s" % db, False)
            time.sleep(5)
"""
TESTTHREAD = """
import time
from threading import Thread

from django.core.cache import cache


class TestThread(Thread):
    def run(self):
        cache.add("thread_running", 0)
        while True:
            cache.incr("thread_running")
            time.sleep(5)
"""
# Trimmed from github:copiqat-999/copiqat_backend@d9243ad9d56a07f27a861ae58879922da3cdc8ab,
# trades/tasks.py: a Celery task's lock.
TASKS = """
from django.core.cache import cache
from django.core.management import call_command

from copiqat.celery import app


@app.task(max_retries=3, retry_backoff=True)
def update_prices_task():
    lock_id = "update_prices_lock"
    if cache.add(lock_id, "locked", timeout=60):
        try:
            call_command("update_asset_prices")
        finally:
            cache.delete(lock_id)
"""


def test_thread_results_counters_and_locks_on_the_implicit_local_cache(tmp_path: Path) -> None:
    files = {
        "locallibrary/settings.py": SETTINGS,
        "catalog/jobs/check.py": CHECK,
        "catalog/jobs/testthread.py": TESTTHREAD,
        "trades/tasks.py": TASKS,
        "catalog/views.py": """
            from django.core.cache import cache


            def book_list(request):
                books = cache.get("books")
                if books is None:
                    books = list(range(3))
                    cache.set("books", books, 60)  # a cache used as a cache: a miss recomputes
                return books
        """,
    }
    assert lines(tmp_path, files, "BD204") == [
        ("catalog/jobs/check.py", 15),
        ("catalog/jobs/testthread.py", 9),
        ("trades/tasks.py", 10),
    ]


def test_a_shared_cache_or_an_app_without_settings(tmp_path: Path) -> None:
    # copiqat/settings.py at 56254039256bb31e0c3b1b2b5ba2fc7e55e0ac6a: Redis.
    shared = {
        "copiqat/settings.py": """
            INSTALLED_APPS = ["django.contrib.auth", "accounts", "trades"]
            ROOT_URLCONF = "copiqat.urls"
            CACHES = {
                "default": {
                    "BACKEND": "django_redis.cache.RedisCache",
                    "LOCATION": "redis://copiqat-redis:6379/1",
                }
            }
        """,
        "trades/tasks.py": TASKS,
    }
    assert lines(tmp_path / "project", shared, "BD204") == []
    # An app alone: the project that installs it chooses the cache, and Django's default is
    # local memory, so what the code needs is said.
    assert lines(tmp_path / "app", {"trades/tasks.py": TASKS}, "BD204") == [("trades/tasks.py", 10)]


def test_settings_of_an_example_project_leave_the_app_an_app(tmp_path: Path) -> None:
    # django-allauth 65.x (pypi:django-allauth): allauth/core/internal/ratelimit.py locks with
    # cache.add(); examples/regular-django/example/settings.py sets no CACHES.
    files = {
        "examples/regular-django/example/settings.py": SETTINGS,
        "allauth/core/internal/ratelimit.py": """
            import time
            from contextlib import contextmanager

            from django.core.cache import cache


            @contextmanager
            def cache_lock(cache_key):
                while not cache.add(f"{cache_key}:lock", True, timeout=10):
                    time.sleep(0.01)
                yield True
        """,
    }
    report = run(tmp_path, files)
    assert [(f.path, f.line, f.message) for f in report.findings if f.rule == "BD204"] == [
        (
            "allauth/core/internal/ratelimit.py",
            9,
            "cache.add() as a lock locks only this process when the cache is local memory, "
            "Django's default: this needs CACHES shared by every process (Redis, Memcached)",
        )
    ]


def test_the_settings_the_image_selects_judge_its_code(tmp_path: Path) -> None:
    # Trimmed from github:apptension/saas-boilerplate@ee01a0e43b75f38d975057badfc09182a7eec5cb:
    # the backend image selects config.settings (Redis); the workers package has settings of
    # its own without CACHES, which configure none of the backend's code.
    files = {
        "packages/backend/Dockerfile": """
            FROM python:3.11-slim
            ENV DJANGO_SETTINGS_MODULE=config.settings
            CMD ["gunicorn", "config.wsgi"]
        """,
        "packages/backend/config/settings.py": """
            INSTALLED_APPS = ["django.contrib.auth", "common"]
            ROOT_URLCONF = "config.urls"
            CACHES = {
                "default": {
                    "BACKEND": "django_redis.cache.RedisCache",
                    "LOCATION": REDIS_CONNECTION,
                }
            }
        """,
        "packages/workers/settings/__init__.py": """
            INSTALLED_APPS = ["django.contrib.auth"]
            ROOT_URLCONF = "urls"
        """,
        "packages/backend/common/ratelimiting/utils.py": """
            from django.core.cache import cache


            def check_rate_limit(key, rate, increment=True):
                current = cache.get(key, 0)
                if increment:
                    try:
                        current = cache.incr(key)
                    except ValueError:
                        cache.set(key, 1, 60)
                        current = 1
                return current
        """,
    }
    assert lines(tmp_path, files, "BD204") == []
    files["packages/backend/config/settings.py"] = SETTINGS
    assert lines(tmp_path, files, "BD204") == [("packages/backend/common/ratelimiting/utils.py", 8)]


def test_a_project_whose_only_leaf_settings_are_the_tests(tmp_path: Path) -> None:
    # github:saleor/saleor@723cd4eba87dfc72822ade45dc08a3caa548428d: saleor/tests/settings.py
    # star-imports saleor/settings.py, whose CACHES come from CACHE_URL; account/throttling.py
    # locks with cache.add(). The project is judged by saleor/settings.py, not as an app.
    files = {
        "saleor/settings.py": """
            import django_cache_url

            INSTALLED_APPS = ["django.contrib.auth", "saleor.account"]
            ROOT_URLCONF = "saleor.urls"
            CACHES = {"default": django_cache_url.config()}
        """,
        "saleor/tests/settings.py": """
            from ..settings import *  # noqa: F403

            DEBUG = False
        """,
        "saleor/account/throttling.py": """
            from django.core.cache import cache


            def get_delay_time(ip, user):
                if not cache.add("login-lock:" + ip, 1, timeout=10):
                    return 10
                return 0
        """,
    }
    assert lines(tmp_path, files, "BD204") == []
