"""When a flow loses state, berth verify names what berth doctor finds in the files handling it.

These run the hint on reports written by hand (the runs against real replicas are in
test_runner.py); the project is the deliberately stateful copy of the reference project.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.verify.stateful_sample import copy_example, make_stateful

from berth.verify.client import ReplicaClient
from berth.verify.doctor_hint import doctor_hints
from berth.verify.runner import (
    AFTER_RESTART,
    OTHER_REPLICA,
    SAME_REPLICA,
    Failure,
    FlowResult,
    Report,
)

PHOTO = ["/upload/", "/photos/3/"]
SESSION = ["/accounts/signup/", "/accounts/me/"]


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


def lost(name: str, paths: list[str], phase: str = OTHER_REPLICA) -> FlowResult:
    return FlowResult(name, [Failure(phase, "web-1", "web-2", "gone", "cause")], list(paths))


@pytest.fixture
def stateful(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_stateful(tmp_path / "gallery")
    monkeypatch.chdir(project)
    return project


def test_each_lost_flow_names_its_views_and_what_keeps_state(stateful: Path) -> None:
    report = Report(
        ["web-1", "web-2"],
        False,
        [lost("photo", PHOTO), lost("session", SESSION, AFTER_RESTART), FlowResult("held")],
    )
    hints = doctor_hints(report, [stateful])
    assert set(hints) == {"photo", "session"}
    photo, session = hints["photo"], hints["session"]
    assert photo.handlers == ["gallery/views.py"]
    assert session.handlers == ["accounts/views.py"]
    where = {(f.path, f.rule) for f in photo.findings}
    # The settings' FileSystemStorage and file sessions, and the urls.py serving media
    # from the replica's disk (ROOT_URLCONF is on every flow's way).
    assert {
        ("gallery_site/settings.py", "BD101"),
        ("gallery_site/settings.py", "BD202"),
        ("gallery_site/urls.py", "BD107"),
    } <= where
    assert all(f.line > 0 and f.message for f in photo.findings)
    assert photo.command == (
        "berth doctor gallery/views.py gallery_site/settings.py gallery_site/urls.py"
    )
    assert session.command.startswith("berth doctor accounts/views.py gallery_site/settings.py")
    assert photo.lines()[-1] == f"try: {photo.command}"
    assert photo.as_dict()["command"] == photo.command


def test_findings_of_other_views_are_not_a_flows(stateful: Path) -> None:
    other = stateful / "gallery" / "exports.py"
    other.write_text(
        "from django.conf import settings\n\n"
        "def export(request):\n"
        '    open(settings.MEDIA_ROOT + "/export.csv", "w").write("x")\n'
    )
    hints = doctor_hints(
        Report(["a", "b"], False, [lost("photo", PHOTO), lost("any", [])]), [stateful]
    )
    assert "gallery/exports.py" not in {f.path for f in hints["photo"].findings}
    # A flow whose views cannot be told gets every finding that can lose state.
    assert ("gallery/exports.py", "BD102") in {(f.path, f.rule) for f in hints["any"].findings}
    assert hints["any"].handlers == []


def test_nothing_to_say(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = copy_example(tmp_path / "gallery")
    monkeypatch.chdir(tmp_path)
    failed_on_the_writer = lost("photo", PHOTO, SAME_REPLICA)
    assert doctor_hints(Report(["a", "b"], False, [failed_on_the_writer]), [clean]) == {}
    assert doctor_hints(Report(["a", "b"], False, [FlowResult("held")]), [clean]) == {}
    assert doctor_hints(Report(["a", "b"], False, [lost("photo", PHOTO)]), [tmp_path]) == {}
    # The reference project: its views named, nothing found, still the command to run, with
    # paths as typed where berth verify runs (here: above the project).
    (hint,) = doctor_hints(Report(["a", "b"], False, [lost("photo", PHOTO)]), [clean]).values()
    assert hint.findings == []
    assert hint.lines() == ["try: berth doctor gallery/gallery/views.py"]


def test_a_broken_doctor_configuration_gives_no_hint(stateful: Path) -> None:
    (stateful / "pyproject.toml").write_text("[tool.berth.doctor]\nselect = ['BD999']\n")
    assert doctor_hints(Report(["a", "b"], False, [lost("photo", PHOTO)]), [stateful]) == {}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/old"):
            self.send_response(302)
            self.send_header("Location", "/new/?page=2")
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_client_notes_the_projects_paths_redirects_included(site: str) -> None:
    requested: list[str] = []
    client = ReplicaClient("web-1", site, {}, requested)
    client.get("/old/?x=1")
    client.get("new/")
    other_host = site.replace("127.0.0.1", "localhost")
    client.get(f"{other_host}/bucket/photo.png")  # object storage: not the project's
    assert requested == ["/old/", "/new/"]


def test_a_flow_naming_its_rules_gets_only_their_findings(stateful: Path) -> None:
    """A built-in flow requests no view of the project (or only the admin's): without its
    rules it would list every finding, the media's under a lost session."""
    session = lost("session", [])
    session.doctor_rules = ("BD202",)
    hints = doctor_hints(Report(["web-1", "web-2"], False, [session, lost("any", [])]), [stateful])
    assert {f.rule for f in hints["session"].findings} == {"BD202"}
    assert {"BD101", "BD202"} <= {f.rule for f in hints["any"].findings}
