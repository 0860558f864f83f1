from __future__ import annotations

import os
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from berth.errors import ConfigurationError
from berth.project.tables import ConfigTableError, find_config_file
from berth.remote.environments import (
    LOCAL,
    DeploymentEnvironment,
    get_environment,
    load_environments,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip())
    return path


def test_compose_preset_derives_exec_and_logs(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "shop"

        [tool.berth.environments.staging]
        compose = "deploy/compose.yaml"
        service = "app"
        """,
    )
    staging = get_environment("staging", tmp_path)
    compose = ("docker", "compose", "-f", str(tmp_path / "deploy" / "compose.yaml"))
    assert staging.exec_prefix == (*compose, "exec", "-T", "app")
    assert staging.command("ls", terminal=True) == [*compose, "exec", "app", "ls"]
    assert staging.logs_command == (*compose, "logs", "--no-color", "app")
    assert staging.follow_args == ("-f",)
    assert staging.manage == ("python", "manage.py")
    assert staging.command("python", "manage.py", "shell") == [
        *compose,
        "exec",
        "-T",
        "app",
        "python",
        "manage.py",
        "shell",
    ]


def test_kubernetes_preset_with_and_without_selector(tmp_path: Path) -> None:
    write(
        tmp_path / "berth.toml",
        """
        [environments.production]
        kubernetes = "deploy/web"
        namespace = "shop"
        context = "eu-1"
        selector = "app=web"

        [environments.review]
        kubernetes = "deploy/web"
        """,
    )
    environments = load_environments(tmp_path)
    kubectl = ("kubectl", "--context", "eu-1", "--namespace", "shop")
    production = environments["production"]
    assert production.exec_prefix == (*kubectl, "exec", "-i", "deploy/web", "--")
    assert production.terminal_exec_prefix == (*kubectl, "exec", "-i", "-t", "deploy/web", "--")
    assert production.logs_command == (
        *kubectl,
        "logs",
        "-l",
        "app=web",
        "--prefix",
        "--all-containers",
        "--max-log-requests",
        "20",
    )
    review = environments["review"]
    assert review.exec_prefix == ("kubectl", "exec", "-i", "deploy/web", "--")
    assert review.logs_command is not None
    assert review.logs_command[:4] == ("kubectl", "logs", "deploy/web", "--all-pods=true")


def test_explicit_commands_override_presets_and_strings_are_split(tmp_path: Path) -> None:
    write(
        tmp_path / "berth.toml",
        """
        [environments.box]
        compose = "compose.yaml"
        exec = "ssh deploy@box.example.com docker exec -i 'shop app'"
        logs = ["ssh", "deploy@box.example.com", "docker", "logs", "shop-app"]
        follow = ["--follow", "--tail", "100"]
        manage = "/venv/bin/python /app/manage.py"
        """,
    )
    box = get_environment("box", tmp_path)
    assert box.exec_prefix == (
        "ssh",
        "deploy@box.example.com",
        "docker",
        "exec",
        "-i",
        "shop app",
    )
    # The preset's TTY variant would reach another container than the one configured.
    assert box.terminal_exec_prefix is None
    # Through ssh the remote words travel as one, quoted for the host's shell.
    assert box.command("id", terminal=True) == [
        "ssh",
        "deploy@box.example.com",
        "docker exec -i 'shop app' id",
    ]
    assert box.logs_command == ("ssh", "deploy@box.example.com", "docker", "logs", "shop-app")
    assert box.follow_args == ("--follow", "--tail", "100")
    assert box.manage == ("/venv/bin/python", "/app/manage.py")


def test_berth_toml_wins_over_pyproject_and_is_found_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.berth.environments.a]\nexec = ["true"]\n')
    write(tmp_path / "berth.toml", '[environments.b]\nexec = ["true"]\n')
    subfolder = tmp_path / "src" / "shop"
    subfolder.mkdir(parents=True)
    assert find_config_file(subfolder) == tmp_path / "berth.toml"
    assert sorted(load_environments(subfolder)) == ["b", LOCAL]


def test_a_pyproject_without_tool_berth_is_walked_past(tmp_path: Path) -> None:
    write(tmp_path / "berth.toml", '[environments.up]\nexec = ["true"]\n')
    write(tmp_path / "lib" / "pyproject.toml", '[project]\nname = "lib"\n')
    assert find_config_file(tmp_path / "lib") == tmp_path / "berth.toml"


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "berth.toml", '[environments.outer]\nexec = ["true"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config_file(tmp_path / "repo") is None
    assert list(load_environments(tmp_path / "repo")) == [LOCAL]


def test_local_when_not_configured_is_berth_up_of_the_project(tmp_path: Path) -> None:
    (tmp_path / "manage.py").write_text("")
    (tmp_path / "shop").mkdir()
    local = get_environment(LOCAL, tmp_path / "shop")
    assert local == DeploymentEnvironment(
        name=LOCAL,
        exec_prefix=(),
        logs_command=None,
        manage=(sys.executable, str(tmp_path / "manage.py")),
        log_folder=tmp_path / ".berth" / "logs",
        berth=(sys.executable, "-m", "berth"),
    )
    assert local.command("echo", "hi") == ["echo", "hi"]
    assert local.env_values() == {}


def test_configured_local_keeps_the_local_defaults_it_does_not_set(tmp_path: Path) -> None:
    (tmp_path / "manage.py").write_text("")
    write(tmp_path / "berth.toml", '[environments.local]\nenv_file = ".env.local"\n')
    local = get_environment(LOCAL, tmp_path)
    assert local.exec_prefix == ()
    assert local.log_folder == tmp_path / ".berth" / "logs"
    assert local.env_file == tmp_path / ".env.local"
    assert local.config_file == tmp_path / "berth.toml"


def test_env_file_is_read_by_django_environ_rules_without_touching_os_environ(
    tmp_path: Path,
) -> None:
    write(
        tmp_path / "deploy" / "berth.toml",
        '[environments.prod]\nexec = []\nenv_file = "prod.env"\n',
    )
    write(
        tmp_path / "deploy" / "prod.env",
        """
        # production
        DATABASE_URL=postgres://app:s3cret@db.internal:5432/shop
        export STORAGE_URL='s3://KEY:SECRET@photos'
        SECRET_KEY="line\\none"
        EMPTY=
        EMAIL_URL = smtp://mail:pa$$word@smtp.internal

        DEBUG=off # a comment, as Compose reads env files too
        """,
    )
    prod = get_environment("prod", tmp_path / "deploy")
    assert prod.env_file == tmp_path / "deploy" / "prod.env"
    assert prod.env_values() == {
        "DATABASE_URL": "postgres://app:s3cret@db.internal:5432/shop",
        "STORAGE_URL": "s3://KEY:SECRET@photos",
        "SECRET_KEY": "line\none",
        "EMPTY": "",
        # Not interpolated from this machine's environment: another environment's values.
        "EMAIL_URL": "smtp://mail:pa$$word@smtp.internal",
        "DEBUG": "off",
    }
    assert "DATABASE_URL" not in os.environ


def test_a_malformed_env_file_line_is_named_by_number_not_content(tmp_path: Path) -> None:
    write(tmp_path / "berth.toml", '[environments.prod]\nexec = []\nenv_file = "prod.env"\n')
    write(tmp_path / "prod.env", "A=1\nDATABASE_URL postgres://app:s3cret@db/shop\n")
    with pytest.raises(ConfigTableError) as raised:
        get_environment("prod", tmp_path).env_values()
    message = str(raised.value)
    assert "s3cret" not in message
    assert f"{tmp_path / 'berth.toml'} [environments.prod] env_file:" in message
    assert "line 2 is not KEY=value" in message


def test_a_missing_env_file_names_it(tmp_path: Path) -> None:
    write(tmp_path / "berth.toml", '[environments.prod]\nexec = []\nenv_file = "nope.env"\n')
    with pytest.raises(ConfigTableError, match=r"env_file: cannot read .*nope\.env"):
        get_environment("prod", tmp_path).env_values()


@pytest.mark.parametrize(
    ("table", "key", "problem"),
    [
        ('exec = ["true"]\nexecute = "x"', "execute", "unknown key"),
        ("exec = 3", "exec", "must be a list of strings or a string"),
        ('exec = ["docker", 1]', "exec", "must be a list of strings or a string"),
        ('exec = "ssh \'unclosed"', "exec", "cannot be split"),
        ('exec = []\nlogs = ""', "logs", "must not be empty"),
        ("exec = []\nmanage = []", "manage", "must not be empty"),
        ('service = "web"\nexec = []', "service", "only applies with compose"),
        ('selector = "app=web"\nexec = []', "selector", "only applies with kubernetes"),
        ('compose = "c.yaml"\nkubernetes = "deploy/web"', "kubernetes", "choose one"),
        ('compose = ""', "compose", "must be a non-empty string"),
        ('logs = ["true"]', "exec", "missing"),
        ("env_file = 1\nexec = []", "env_file", "must be a non-empty string"),
    ],
)
def test_malformed_environments_name_file_table_and_key(
    tmp_path: Path, table: str, key: str, problem: str
) -> None:
    config = write(tmp_path / "pyproject.toml", f"[tool.berth.environments.prod]\n{table}\n")
    with pytest.raises(ConfigTableError) as raised:
        load_environments(tmp_path)
    message = str(raised.value)
    assert message.startswith(f"{config} [tool.berth.environments.prod] {key}: "), message
    assert problem in message
    assert "\n" not in message
    assert (raised.value.file, raised.value.key) == (config, key)


def test_an_environment_that_is_not_a_table(tmp_path: Path) -> None:
    config = write(tmp_path / "berth.toml", 'environments.prod = "docker"\n')
    with pytest.raises(ConfigTableError, match=r"\[environments\.prod\]: must be a table"):
        load_environments(tmp_path)
    assert config.exists()


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    write(tmp_path / "berth.toml", "[environments.prod\n")
    with pytest.raises(ConfigurationError, match=r"berth\.toml: is not valid TOML"):
        load_environments(tmp_path)


def test_an_unknown_environment_lists_the_known_ones(tmp_path: Path) -> None:
    write(tmp_path / "berth.toml", '[environments.staging]\nexec = ["true"]\n')
    with pytest.raises(ConfigurationError) as raised:
        get_environment("prod", tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'berth.toml'}: no environment 'prod' (known: local, staging)"
    )


def test_an_unknown_environment_without_any_config(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigurationError, match=r"environment 'prod': not configured: no berth\.toml"
    ):
        get_environment("prod", tmp_path)


def test_protected_and_berth_keys(tmp_path: Path) -> None:
    (tmp_path / "berth.toml").write_text(
        '[environments.prod]\nexec = ["ssh", "box"]\nprotected = true\nberth = "/venv/bin/berth"\n'
        '[environments.stage]\nexec = ["ssh", "stage"]\n'
    )
    prod, stage = get_environment("prod", tmp_path), get_environment("stage", tmp_path)
    assert (prod.protected, prod.berth) == (True, ("/venv/bin/berth",))
    assert (stage.protected, stage.berth) == (False, ("berth",))


def test_protected_must_be_a_boolean(tmp_path: Path) -> None:
    (tmp_path / "berth.toml").write_text('[environments.prod]\nexec = []\nprotected = "yes"\n')
    with pytest.raises(ConfigTableError, match="protected: must be true or false"):
        get_environment("prod", tmp_path)


def test_replicas_of_the_presets_and_of_a_table_of_ones_own(tmp_path: Path) -> None:
    write(
        tmp_path / "berth.toml",
        """
        [environments.staging]
        compose = "compose.yaml"

        [environments.production]
        kubernetes = "deploy/web"
        namespace = "shop"
        selector = "app=web"

        [environments.review]
        kubernetes = "deploy/web"

        [environments.mine]
        compose = "compose.yaml"
        exec = "ssh box docker exec -i web"

        [environments.fleet]
        exec = "ssh box docker exec -i web-1"
        replicas = "ssh box docker ps --filter name=web --format '{{.Names}}'"
        replica_exec = "ssh box docker exec -i {replica}"
        """,
    )
    environments = load_environments(tmp_path)
    compose = ("docker", "compose", "-f", str(tmp_path / "compose.yaml"))
    staging = environments["staging"]
    assert staging.replicas_command == (
        *compose,
        "ps",
        "--status",
        "running",
        "--format",
        '{{.Label "com.docker.compose.container-number"}} {{.Name}}',
        "web",
    )
    assert staging.replica_exec == (*compose, "exec", "-T", "--index", "{replica}", "web")
    production = environments["production"]
    kubectl = ("kubectl", "--namespace", "shop")
    assert production.replicas_command == (
        *kubectl,
        *("get", "pods", "-l", "app=web", "--field-selector", "status.phase=Running"),
        *("-o", "name"),
    )
    assert production.replica_exec == (*kubectl, "exec", "-i", "{replica}", "--")
    # No selector to list the pods with, or an exec of one's own: one replica, the exec prefix.
    assert environments["review"].replicas_command is None
    assert environments["mine"].replica_exec is None
    fleet = environments["fleet"]
    assert fleet.replica_exec == ("ssh", "box", "docker", "exec", "-i", "{replica}")


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        ('replicas = "kubectl get pods -o name"', r"replica_exec: missing: replicas needs it"),
        ('replica_exec = "kubectl exec {replica} --"', r"replicas: missing: replica_exec needs it"),
        (
            'replicas = "kubectl get pods -o name"\nreplica_exec = "kubectl exec pod/a --"',
            r"replica_exec: must contain \{replica\}",
        ),
    ],
)
def test_replicas_and_replica_exec_go_together(tmp_path: Path, lines: str, problem: str) -> None:
    write(tmp_path / "berth.toml", f'[environments.prod]\nexec = "ssh box"\n{lines}\n')
    with pytest.raises(ConfigTableError, match=problem):
        get_environment("prod", tmp_path)
