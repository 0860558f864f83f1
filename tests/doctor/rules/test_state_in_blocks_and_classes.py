"""BD302: per-process state declared in a module-level with block or as a class attribute."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_a_cache_declared_in_a_with_block_and_filled_while_serving(tmp_path: Path) -> None:
    # Trimmed from github:saleor/saleor@723cd4eba87dfc72822ade45dc08a3caa548428d (BSD-3-Clause),
    # saleor/site/patch_sites.py: the Site
    # of each host is cached per process; Site.objects.clear_cache() on a settings change
    # clears it in one process of one replica.
    files = {
        "saleor/site/patch_sites.py": """
            import threading

            from django.contrib.sites.models import Site, SiteManager

            lock = threading.Lock()
            with lock:
                THREADED_SITE_CACHE: dict[str | int, Site] = {}


            def new_get_current(self, request=None):
                if request:
                    host = request.get_host()
                    try:
                        if host not in THREADED_SITE_CACHE:
                            with lock:
                                site = self.filter(domain__iexact=host)[0]
                                THREADED_SITE_CACHE[host] = site
                        return THREADED_SITE_CACHE[host]
                    except Site.DoesNotExist:
                        domain = host.split(":")[0]
                        if domain not in THREADED_SITE_CACHE:
                            with lock:
                                site = self.filter(domain__iexact=domain)[0]
                                THREADED_SITE_CACHE[domain] = site
                    return THREADED_SITE_CACHE[domain]
        """,
    }
    # Once per function: the second fill of the same cache is the same problem.
    assert lines(tmp_path, files, "BD302") == [("saleor/site/patch_sites.py", 17)]


def test_a_class_attribute_changed_by_a_view(tmp_path: Path) -> None:
    # The shape Django's class-based views documentation warns about: a mutable class
    # attribute is shared by every instance, so by every request a process serves.
    files = {
        "reports/views.py": """
            from django.views.generic import TemplateView

            from .models import Sale


            class TotalsView(TemplateView):
                template_name = "totals.html"
                _totals = {}
                extra = []

                def get_context_data(self, **kwargs):
                    region = self.request.GET["region"]
                    if region not in self._totals:
                        self._totals[region] = Sale.objects.filter(region=region).count()
                    return {"total": self._totals[region]}


            class PerRequestView(TemplateView):
                seen = {}

                def setup(self, request, *args, **kwargs):
                    super().setup(request, *args, **kwargs)
                    self.seen = {}

                def get(self, request):
                    self.seen[request.path] = True
                    return self.seen
        """,
    }
    assert lines(tmp_path, files, "BD302") == [("reports/views.py", 14)]


def test_a_per_process_cache_that_expires_on_its_own(tmp_path: Path) -> None:
    # Trimmed from github:apptension/saas-boilerplate@ee01a0e43b75f38d975057badfc09182a7eec5cb,
    # packages/backend/common/middleware.py: the health check's migration result is kept for
    # 30 s per process, with the time it was taken.
    files = {
        "common/middleware.py": """
            import time

            from django.db import DEFAULT_DB_ALIAS, connections
            from django.db.migrations.executor import MigrationExecutor

            _health_check_cache = {"migrations_ok": None, "last_check": 0}


            def _check_migrations_with_cache(request):
                now = time.time()
                cache_age = now - _health_check_cache["last_check"]
                if _health_check_cache["migrations_ok"] is not None and cache_age < 30:
                    return _health_check_cache["migrations_ok"]
                executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
                migrations_ok = not executor.migration_plan(executor.loader.graph.leaf_nodes())
                _health_check_cache["migrations_ok"] = migrations_ok
                _health_check_cache["last_check"] = now
                return migrations_ok


            class HealthCheckMiddleware:
                def __call__(self, request):
                    if request.path != "/lbcheck":
                        return self.get_response(request)
                    try:
                        return _check_migrations_with_cache(request)
                    except Exception:
                        # Invalidate cache on error so we retry on next check
                        _health_check_cache["migrations_ok"] = None
                        _health_check_cache["last_check"] = 0
                        return False
        """,
    }
    assert lines(tmp_path, files, "BD302") == []
