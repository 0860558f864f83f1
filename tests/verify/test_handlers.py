"""Which files handle a URL path, read from the URLconf without importing the project."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tests.verify.stateful_sample import EXAMPLE

from berth.verify.handlers import handler_files, imported_files, urlconf_files

SETTINGS = EXAMPLE / "gallery_site" / "settings.py"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "gallery/views.py"),
        ("/upload/", "gallery/views.py"),
        ("/photos/12/", "gallery/views.py"),
        ("/accounts/signup/", "accounts/views.py"),
        ("/accounts/me/", "accounts/views.py"),
        # Django's own LoginView, berth's /healthz, the admin: no file of the project.
        ("/accounts/login/", None),
        ("/healthz", None),
        ("/admin/", None),
        ("/photos/twelve/", None),
    ],
)
def test_the_reference_projects_paths(path: str, expected: str | None) -> None:
    found = handler_files(EXAMPLE, SETTINGS, [path])
    assert [p.relative_to(EXAMPLE).as_posix() for p in found] == ([expected] if expected else [])


def test_files_come_once_in_the_order_first_served() -> None:
    paths = ["/accounts/signup/", "/upload/", "/accounts/me/", "/photos/1/"]
    found = handler_files(EXAMPLE, SETTINGS, paths)
    assert [p.relative_to(EXAMPLE).as_posix() for p in found] == [
        "accounts/views.py",
        "gallery/views.py",
    ]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).lstrip())


def test_relative_imports_re_path_nested_includes_and_views_in_the_urlconf(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "site_conf/__init__.py": "",
            "site_conf/settings.py": 'ROOT_URLCONF = "site_conf.urls"\n',
            "site_conf/urls.py": """
                from django.http import HttpResponse
                from django.urls import include, path, re_path

                def ping(request):
                    return HttpResponse("pong")

                urlpatterns = [
                    path("ping", ping),
                    path("shop/", include(("shop.urls", "shop"), namespace="shop")),
                    re_path(r"^api/v(?P<version>[0-9]+)/", include([
                        path("orders/<uuid:id>", include("shop.api_urls")),
                    ])),
                ]
            """,
            "shop/__init__.py": "",
            "shop/urls.py": """
                from django.urls import path
                from . import views
                from .exports import ExportView

                urlpatterns = [path("<slug:name>/", views.detail)]
                urlpatterns += [path("export/<int:year>.csv", ExportView.as_view())]
            """,
            "shop/api_urls.py": """
                from django.urls import path
                import shop.api

                urlpatterns = [path("", shop.api.order)]
            """,
            "shop/views.py": "",
            "shop/exports.py": "",
            "shop/api.py": "",
        },
    )
    settings = tmp_path / "site_conf" / "settings.py"

    def served(path: str) -> list[str]:
        found = handler_files(tmp_path, settings, [path])
        return [p.relative_to(tmp_path).as_posix() for p in found]

    assert served("/ping") == ["site_conf/urls.py"]
    assert served("/shop/blue-shoes/") == ["shop/views.py"]
    # The first pattern takes it (a slug cannot hold a slash, so not "export/2024.csv/").
    assert served("/shop/export/2024.csv") == ["shop/exports.py"]
    assert served("/api/v2/orders/12345678-1234-1234-1234-123456789abc") == ["shop/api.py"]
    assert served("/api/v2/orders/not-a-uuid") == []
    assert {p.relative_to(tmp_path).as_posix() for p in urlconf_files(tmp_path, settings)} == {
        "site_conf/urls.py",
        "shop/api_urls.py",
        "shop/urls.py",
    }


def test_imported_project_modules(tmp_path: Path) -> None:
    found = imported_files(EXAMPLE, [EXAMPLE / "gallery" / "views.py"])
    assert {p.relative_to(EXAMPLE).as_posix() for p in found} == {
        "gallery/forms.py",
        "gallery/models.py",
        "gallery/validators.py",
    }


def test_no_urlconf_no_files(tmp_path: Path) -> None:
    assert handler_files(tmp_path, None, ["/"]) == []
    (tmp_path / "settings.py").write_text("DEBUG = False\n")
    assert handler_files(tmp_path, tmp_path / "settings.py", ["/"]) == []


def test_the_first_match_serves_even_a_view_of_another_package(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "conf/settings.py": 'ROOT_URLCONF = "conf.urls"\n',
            "conf/urls.py": """
                from django.contrib.auth import views as auth_views
                from django.urls import include, path

                from conf import views

                urlpatterns = [
                    path("", include("django.contrib.auth.urls")),
                    path("login/", auth_views.LoginView.as_view()),
                    path("<slug:page>/", views.page),
                ]
            """,
            "conf/views.py": "",
        },
    )
    settings = tmp_path / "conf" / "settings.py"
    # Django's LoginView answers /login/; the slug pattern after it never sees it.
    assert handler_files(tmp_path, settings, ["/login/"]) == []
    # An installed app's URLconf is taken not to serve what the project's patterns after it do.
    assert handler_files(tmp_path, settings, ["/about/"]) == [tmp_path / "conf" / "views.py"]
