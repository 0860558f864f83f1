"""BD301: background work that AppConfig.ready() starts through a helper of another module."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_ready_calls_a_function_of_another_module_that_starts_a_scheduler(
    tmp_path: Path,
) -> None:
    # Trimmed from github:benella/vestibule@2c3daf345a5c2239c449095dcd7bc1e442d9f886,
    # torrents/apps.py and torrents_manager/routine.py.
    files = {
        "torrents/apps.py": """
            from django.apps import AppConfig


            class TorrentsConfig(AppConfig):
                name = "torrents"

                def ready(self):
                    from torrents_manager import routine
                    routine.start()
        """,
        "torrents_manager/routine.py": """
            from apscheduler.schedulers.background import BackgroundScheduler
            from torrents_manager.torrents_updater import update_torrents


            def start():
                scheduler = BackgroundScheduler()
                scheduler.start()
                scheduler.add_job(update_torrents, "interval", minutes=5)
        """,
    }
    assert lines(tmp_path, files, "BD301") == [("torrents/apps.py", 9)]


def test_ready_starts_a_thread_subclass_of_another_module(tmp_path: Path) -> None:
    # Trimmed from github:WindoC/django-locallibrary-tutorial@a72cd7bd44ecae19628dd249607824742e9595a1,
    # catalog/apps.py and catalog/jobs/testthread.py; and from
    # github:Leeps-Lab/otree-redwood@619e79d5b2419b133a3110f51d4f820c9b8b34ae (MIT),
    # otree_redwood/apps.py and otree_redwood/firebase/watch.py.
    files = {
        "catalog/apps.py": """
            from django.apps import AppConfig

            from catalog.jobs.testthread import TestThread


            class CatalogConfig(AppConfig):
                name = "catalog"

                def ready(self):
                    TestThread().start()
        """,
        "catalog/jobs/testthread.py": """
            import time
            from threading import Thread

            from django.core.cache import cache


            class TestThread(Thread):
                def run(self):
                    while True:
                        cache.incr("thread_running")
                        time.sleep(5)
        """,
        "otree_redwood/apps.py": """
            from django.apps import AppConfig
            from otree_redwood.firebase import watch


            class Config(AppConfig):
                name = "otree_redwood"

                def ready(self):
                    watch.start()
        """,
        "otree_redwood/firebase/watch.py": """
            import threading

            import fasteners


            def start():
                lock = fasteners.InterProcessLock("/tmp/firewatch_lock_file")
                if not lock.acquire(blocking=False):
                    return
                t = Thread("https://otree.firebaseio.com/.json")
                t.daemon = True
                t.start()


            class Thread(threading.Thread):
                def __init__(self, fbURL):
                    super().__init__()
                    self.fbURL = fbURL
        """,
    }
    assert lines(tmp_path, files, "BD301") == [
        ("catalog/apps.py", 10),
        ("otree_redwood/apps.py", 9),
    ]


def test_a_constructor_that_starts_a_thread(tmp_path: Path) -> None:
    files = {
        "feeds/apps.py": """
            from django.apps import AppConfig


            class FeedsConfig(AppConfig):
                name = "feeds"

                def ready(self):
                    from .poller import Poller
                    self.poller = Poller(interval=60)
        """,
        "feeds/poller.py": """
            import threading


            class Poller:
                def __init__(self, interval):
                    self.interval = interval
                    self._thread = threading.Thread(target=self.run, daemon=True)
                    self._thread.start()

                def run(self):
                    pass
        """,
    }
    assert lines(tmp_path, files, "BD301") == [("feeds/apps.py", 9)]


def test_helpers_that_start_nothing_and_runserver_only_work_are_not_reported(
    tmp_path: Path,
) -> None:
    # The runserver guard: github:Makhmudjonov/xujjat_talaba, apps/apps.py.
    files = {
        "bot/apps.py": """
            import sys

            from django.apps import AppConfig


            class BotConfig(AppConfig):
                name = "bot"

                def ready(self):
                    from . import signals
                    from .registry import load
                    load()
                    signals.connect_all()
                    if "runserver" in sys.argv:
                        from .runner import start_bot
                        start_bot()
        """,
        "bot/registry.py": """
            def load():
                return {}
        """,
        "bot/runner.py": """
            import threading


            def start_bot():
                threading.Thread(target=print, daemon=True).start()
        """,
    }
    assert lines(tmp_path, files, "BD301") == []
