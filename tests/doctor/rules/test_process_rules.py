"""BD301-BD303: state and work that live in one process."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_background_work_at_startup(tmp_path: Path) -> None:
    files = {
        "shop/apps.py": """
            import threading
            from apscheduler.schedulers.background import BackgroundScheduler
            from django.apps import AppConfig

            def poll():
                pass

            def start_poller():
                threading.Thread(target=poll, daemon=True).start()

            class ShopConfig(AppConfig):
                name = "shop"

                def ready(self):
                    scheduler = BackgroundScheduler()
                    scheduler.add_job(poll, "interval", minutes=5)
                    scheduler.start()
                    start_poller()
        """,
        "shop/jobs.py": """
            import schedule
            import threading
            schedule.every(10).minutes.do(print)
            timer = threading.Timer(60, print)
            timer.start()
        """,
        "shop/views.py": """
            import threading
            def send(request):
                threading.Thread(target=print).start()  # per request, not per replica
        """,
    }
    assert lines(tmp_path, files, "BD301") == [
        ("shop/apps.py", 17),
        ("shop/apps.py", 18),
        ("shop/jobs.py", 3),
        ("shop/jobs.py", 5),
    ]


def test_module_level_state_changed_while_serving(tmp_path: Path) -> None:
    files = {
        "shop/views.py": """
            from django.http import HttpResponse
            from shop.models import Product

            HITS = {}
            RECENT = []
            CHOICES = {"a": 1}
            _registry = {}

            def register(name, view):
                _registry[name] = view  # at import, by a decorator: fine

            def product(request, pk):
                HITS[pk] = HITS.get(pk, 0) + 1
                RECENT.append(Product.objects.get(pk=pk))
                choices = dict(CHOICES)
                choices["b"] = 2
                return HttpResponse(CHOICES["a"])
        """,
    }
    assert lines(tmp_path, files, "BD302") == [("shop/views.py", 13), ("shop/views.py", 14)]


def test_lru_cache_on_database_reads(tmp_path: Path) -> None:
    files = {
        "shop/helpers.py": """
            import functools
            from functools import lru_cache
            from shop.models import Category

            @lru_cache(maxsize=None)
            def categories():
                return list(Category.objects.all())

            @functools.cache
            def slugify_name(name):
                return name.lower()
        """,
    }
    assert lines(tmp_path, files, "BD303") == [("shop/helpers.py", 5)]
