"""Property tests: whatever the input, nothing berth prints or logs shows a secret.

The rule (docs/configuration.md, "How secrets are masked"): where a secret stands as a credential (a URL's
password, a secret query value, a secret variable's value, a ``password=`` pair or a
``'PASSWORD': …`` item in free text) it is ``***``, whatever it is; a secret that is not part of
the non-secret text shown beside it (its URL's user, host, database name; berth's own words such
as the engine) appears nowhere at all; and `berth env` prints the same bytes whatever the
password, so what got masked tells nothing about it (``postgres:postgres`` is not given away).

The DSN parsers have their own (tests/config/dsn/); these cover what surrounds them: env files
of other environments, `berth env`, every CLI error line, and every log line berth writes.
Each property either parses or raises berth's own error: no other exception escapes.
`pytest --hypothesis-profile=deep tests/test_secrets_never_shown.py` runs 3,000 examples each.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.own_words import is_berths_own

from berth.cli import foreign_error_line, main
from berth.errors import ConfigurationError
from berth.remote.environments import get_environment
from berth.runtime.log_format import ConsoleFormatter, JsonFormatter

# Secrets as people pick them: printable, no white space at the ends, long enough to matter.
secrets = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=8,
    max_size=24,
).filter(lambda s: s.strip() == s and len(set(s)) > 4 and not is_berths_own(s))
noise = st.text(max_size=40)
# What an environment variable can hold: anything but NUL.
env_noise = st.text(st.characters(exclude_characters="\x00", codec="utf-8"), max_size=40)
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def leaks(secret: str, text: str) -> bool:
    return secret in text or json.dumps(secret)[1:-1] in text


@settings(suppress_health_check=FUNCTION_SCOPED)
@given(secret=secrets, before=noise, after=noise, key=st.sampled_from(["DATABASE_URL", "X", ""]))
def test_env_files_parse_or_refuse_without_the_secret(
    tmp_path: Path, secret: str, before: str, after: str, key: str
) -> None:
    (tmp_path / "berth.toml").write_text('[environments.other]\nexec = []\nenv_file = "o.env"\n')
    (tmp_path / "o.env").write_text(f"{before}\n{key}=postgres://app:{secret}@db/x{after}\n")
    try:
        get_environment("other", tmp_path).env_values()
    except ConfigurationError as error:
        assert not leaks(secret, str(error))


@settings(suppress_health_check=FUNCTION_SCOPED)
@given(
    secret=secrets,
    variable=st.sampled_from(
        ["DATABASE_URL", "STORAGE_URL", "CACHE_URL", "EMAIL_URL", "SENTRY_DSN"]
    ),
    scheme=st.sampled_from(["postgres", "s3", "redis", "smtp", "https", "file", "x"]),
    rest=env_noise,
    as_json=st.booleans(),
)
def test_berth_env_never_shows_a_secret(
    capsys: pytest.CaptureFixture[str],
    secret: str,
    variable: str,
    scheme: str,
    rest: str,
    as_json: bool,
) -> None:
    shown = []
    for password in (secret, "x"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(variable, f"{scheme}://user:{password}@host{rest}")
            patch.setenv("SECRET_KEY", secret[::-1] + "-key")
            assert main(["env", *(["--json"] if as_json else [])]) in (0, 2)
        shown.append("".join(capsys.readouterr()))
    assert f":{secret}@" not in shown[0], "shown where it is the password"
    # Spelt like words berth env prints for any password (the host, CACHE_URL), it is shown
    # as those words: a mask on them would tell it.
    if not leaks(secret, shown[1]):
        assert not leaks(secret, shown[0])
    assert not leaks(secret[::-1] + "-key", shown[0])


# The parts of a DSN that are no secret, and what berth env prints of them.
_word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)
_DSNS = {
    "DATABASE_URL": ("postgres://{user}:{password}@{host}:5432/{name}", "{host}:5432/{name}"),
    "CACHE_URL": ("redis://{user}:{password}@{host}:6379/0", "RedisCache"),
    "STORAGE_URL": (
        "s3://{user}:{password}@{name}?endpoint_url=http://{host}:9000",
        "bucket={name} endpoint=http://{host}:9000",
    ),
    "EMAIL_URL": ("smtp://{user}:{password}@{host}:587", "smtp.EmailBackend"),
}


@settings(suppress_health_check=FUNCTION_SCOPED)
@given(
    variable=st.sampled_from(sorted(_DSNS)),
    user=_word,
    host=_word,
    name=_word,
    spelt_like=st.sampled_from(["user", "host", "name", "scheme", "engine"]),
    cut=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    other=secrets,
    as_json=st.booleans(),
)
def test_berth_env_prints_the_same_whatever_the_password(
    capsys: pytest.CaptureFixture[str],
    variable: str,
    user: str,
    host: str,
    name: str,
    spelt_like: str,
    cut: tuple[int, int],
    other: str,
    as_json: bool,
) -> None:
    """A password spelt like the user, host or database name, the scheme or the engine (all
    shown): masked where it is the password, and nowhere else, or the masks would tell it."""
    from urllib.parse import quote

    template, resolved = _DSNS[variable]
    parts = {"user": user, "host": host, "name": name}
    scheme = template.partition(":")[0]
    shown = {**parts, "scheme": scheme, "engine": "django.db.backends.postgresql"}[spelt_like]
    spelt = shown[cut[0] : len(shown) - cut[1]] or shown
    outputs = []
    for password in (spelt, quote(other, safe="")):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SECRET_KEY", "k" * 50)
            patch.setenv(variable, template.format(password=password, **parts))
            assert main(["env", *(["--json"] if as_json else [])]) == 0
        outputs.append(capsys.readouterr())
    # Equal outputs also mean that the random password shows nowhere but in words printed
    # for the other one too (CACHE_URL, the user name): nothing of it is told.
    assert outputs[0] == outputs[1]
    out = outputs[0].out
    assert template.format(password="***", **parts) in out
    assert resolved.format(**parts) in out


# Password halves that cannot pass for anything berth env prints on its own: letters and a digit.
_half = st.text("abcdefghjkmnpqrstuvwxyz0123456789", min_size=6, max_size=12).filter(
    lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s) and not is_berths_own(s)
)


@settings(suppress_health_check=FUNCTION_SCOPED)
@given(
    head=_half,
    reserved=st.lists(st.sampled_from("@/?#"), min_size=1, max_size=2),
    middle=_half,
    tail=_half,
    variable=st.sampled_from(["DATABASE_URL", "STORAGE_URL"]),
    as_json=st.booleans(),
)
def test_a_password_with_a_reserved_character_is_refused_and_no_part_of_it_shown(
    capsys: pytest.CaptureFixture[str],
    head: str,
    reserved: list[str],
    middle: str,
    tail: str,
    variable: str,
    as_json: bool,
) -> None:
    """`p@ss/word` once gave host `ss` and printed `ss/word@db:5432/app`: part of the password."""
    parts = [head, middle, tail][: len(reserved) + 1]
    password = parts[0] + "".join(r + part for r, part in zip(reserved, parts[1:], strict=True))
    url = {
        "DATABASE_URL": f"postgres://app:{password}@db:5432/app",
        "STORAGE_URL": f"s3://app:{password}@photos/media",
    }[variable]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(variable, url)
        patch.setenv("SECRET_KEY", "k" * 50)
        code = main(["env", *(["--json"] if as_json else [])])
    out, err = capsys.readouterr()
    # Extra '@'s alone are unambiguous (the host follows the last one): they may parse.
    if set(reserved) != {"@"} or code != 0:
        assert code == 2
        assert err.count("\n") == 1 and variable in err, err
    for part in parts:
        assert not leaks(part, out + err)


@given(secret=secrets, before=noise, after=noise)
def test_cli_error_lines_never_show_a_secret(secret: str, before: str, after: str) -> None:
    environ = {"DATABASE_URL": f"postgres://app:{secret}@db:5432/app"}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environ.items():
            patch.setenv(name, value)
        for text in (
            f"{before}{secret}{after}",
            f"{before}mysql://root:{secret}@db/x{after}",
            f"{before}?token={secret}&x=1{after}",
        ):
            line = foreign_error_line(RuntimeError(text))
            assert "\n" not in line
            assert not leaks(secret, line)


@given(secret=secrets, user=_word, before=noise, after=noise)
def test_free_text_masks_a_secret_where_it_stands_and_elsewhere_unless_shown_anyway(
    secret: str, user: str, before: str, after: str
) -> None:
    """An error quoting a DSN, libpq's conninfo or a settings dict in a traceback: the password's
    place is masked whatever it holds, a random password everywhere; one spelt like the user
    name shown beside it gives the same text, so the masks do not tell it."""
    from berth.config.masking import mask_text

    public = [f"postgres://{user}:***@db:5432/app"]
    # Noise apart, as words: an '@' in the same word would rightly widen the URL's mask.
    texts = {
        lambda p: f"{before} postgres://{user}:{p}@db:5432/app {after}": f"//{user}:***@db:5432",
        lambda p: f"{before} host=db user={user} password={p} dbname=app {after}": "password=***",
        lambda p: f"{before} { {'USER': user, 'PASSWORD': p}!r} {after}": "'PASSWORD': ***",
        lambda p: f"{before} password authentication failed for user {user!r} {after}": user,
    }
    for text, kept in texts.items():
        masked = mask_text(text(secret), [secret], public)
        assert kept in masked, (text(secret), masked)
        if secret not in public[0]:
            assert not leaks(secret, masked), (text(secret), masked)
        if secret not in text(user):  # elsewhere it is masked too, as it should be
            assert mask_text(text(user), [user], public) == masked


@settings(suppress_health_check=FUNCTION_SCOPED)
@given(secret=secrets, before=noise, after=noise, formatter=st.sampled_from(["json", "console"]))
def test_log_lines_never_show_a_secret(
    monkeypatch: pytest.MonkeyPatch, secret: str, before: str, after: str, formatter: str
) -> None:
    monkeypatch.setenv("STORAGE_URL", f"s3://KEY:{secret}@bucket")
    monkeypatch.setenv("SECRET_KEY", f"{secret}-signing")
    format_line = (JsonFormatter() if formatter == "json" else ConsoleFormatter()).format
    try:
        raise ValueError(f"{before}{secret}{after}")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.makeLogRecord(
        {
            "name": "shop",
            "levelno": logging.ERROR,
            "levelname": "ERROR",
            "msg": "upload failed: %s",
            "args": (f"{before}{secret}{after}",),
            "exc_info": exc_info,
            "detail": {"key": f"{secret}-signing"},
        }
    )
    line = format_line(record)
    assert not leaks(secret, line)
    assert "***" in line


# -- berth env in a project, and berth env ENVIRONMENT: the settings load in a child process -----
# Each example starts one, so these run fewer examples (also under the deep profile).
PROJECT_EXAMPLES = settings(max_examples=12, deadline=None, suppress_health_check=FUNCTION_SCOPED)
_CONFIGURE = "\nimport berth\n\nberth.configure(globals())\n"
_SETTINGS_SECRETS = """
DATABASES["replica"] = {{"ENGINE": "django.db.backends.postgresql", "NAME": "app", "HOST": "db",
                        "USER": "app", "PASSWORD": {password!r}}}
SECRET_KEY = {key!r}
CACHES = {{"default": {{"BACKEND": "django.core.cache.backends.redis.RedisCache",
                      "LOCATION": "redis://:" + {quoted!r} + "@cache:6379/0"}}}}
"""


@pytest.fixture(scope="module")
def startproject_settings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from tests.up.test_startproject import startproject

    project = startproject(tmp_path_factory.mktemp("secrets"))
    settings_py = project / "mysite" / "settings.py"
    return project, settings_py.read_text().replace(_CONFIGURE, "")


@PROJECT_EXAMPLES
@given(
    secret=secrets,
    password=secrets,
    variable=st.sampled_from(["DATABASE_URL", "STORAGE_URL", "CACHE_URL", "SENTRY_DSN"]),
    as_json=st.booleans(),
)
def test_berth_env_in_a_project_never_shows_a_secret_of_its_settings_or_environment(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    startproject_settings: tuple[Path, str],
    secret: str,
    password: str,
    variable: str,
    as_json: bool,
) -> None:
    from urllib.parse import quote

    project, text = startproject_settings
    key = password[::-1] + "-settings-key"
    block = _SETTINGS_SECRETS.format(password=password, key=key, quoted=quote(password, safe=""))
    (project / "mysite" / "settings.py").write_text(text + block + _CONFIGURE)
    monkeypatch.chdir(project)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    # A rewrite in the same second with the same size would load the last example's bytecode.
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv(variable, f"https://user:{quote(secret, safe='')}@host/1")
    assert main(["env", *(["--json"] if as_json else [])]) in (0, 2)
    out, err = capsys.readouterr()
    for shown in (secret, quote(secret, safe=""), password, quote(password, safe=""), key):
        assert not leaks(shown, out + err)


@PROJECT_EXAMPLES
@given(
    secret=secrets.filter(lambda s: not {"'", "\\"} & set(s)),
    password=secrets,
    as_json=st.booleans(),
    name=st.sampled_from(["other", "local"]),
)
def test_berth_env_of_an_environment_never_shows_a_secret_of_its_env_file(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    startproject_settings: tuple[Path, str],
    secret: str,
    password: str,
    as_json: bool,
    name: str,
) -> None:
    from urllib.parse import quote

    project, text = startproject_settings
    (project / "mysite" / "settings.py").write_text(text + _CONFIGURE)
    (project / "berth.toml").write_text(f'[environments.{name}]\nenv_file = "o.env"\n')
    (project / "o.env").write_text(
        f"DATABASE_URL=postgres://app:{quote(password, safe='')}@db:5432/app\n"
        f"SECRET_KEY='{secret}'\n"
    )
    monkeypatch.chdir(project)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    assert main(["env", name, *(["--json"] if as_json else [])]) in (0, 2)
    out, err = capsys.readouterr()
    for shown in (secret, password, quote(password, safe="")):
        assert not leaks(shown, out + err)


_QUOTING_SETTINGS = """
import os
password = os.environ["DATABASE_URL"].split(":")[2].split("@")[0]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "postgres",
                         "USER": "postgres", "PASSWORD": password, "HOST": "db"}}
raise RuntimeError(f"cannot reach {os.environ['DATABASE_URL']} as {DATABASES['default']!r}")
"""


def test_berth_env_of_settings_that_quote_the_password_in_an_error_tells_nothing_of_it(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    startproject_settings: tuple[Path, str],
) -> None:
    """The tour's ``postgres://postgres:postgres@db:5432/postgres``, quoted by settings that fail
    to load (free text): berth env prints the same as for any other password."""
    project, text = startproject_settings
    (project / "mysite" / "settings.py").write_text(text + _QUOTING_SETTINGS + _CONFIGURE)
    monkeypatch.chdir(project)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    outputs = []
    for password in ("postgres", "x7-unguessable-9q"):
        monkeypatch.setenv("DATABASE_URL", f"postgres://postgres:{password}@db:5432/postgres")
        assert main(["env"]) == 2
        outputs.append(capsys.readouterr())
    assert outputs[0] == outputs[1]
    out, err = outputs[0]
    assert "DATABASE_URL=postgres://postgres:***@db:5432/postgres  " in out, out
    assert "-> django.db.backends.postgresql db:5432/postgres" in out, out
    assert "cannot reach postgres://postgres:***@db:5432/postgres as {" in err, err
    assert "'USER': 'postgres', 'PASSWORD': ***" in err, err
    assert not leaks("x7-unguessable-9q", out + err)


def test_berths_own_words_are_never_drawn_as_secrets() -> None:
    """CI drew the "secret" WEB_CONC, which every `berth env` prints (WEB_CONCURRENCY)."""
    assert is_berths_own("WEB_CONC") and is_berths_own("postgresql://")
    assert not is_berths_own("zq9-Ω-x7 secret")
