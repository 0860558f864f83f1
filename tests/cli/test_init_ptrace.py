"""``berth init --ptrace``: SYS_PTRACE for py-spy, opted into once and kept by later runs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.cli.test_init import project  # noqa: F401 - the reference project's copy

from berth.cli import main


def _added(root: Path) -> tuple[object, object]:
    """The capabilities added to Compose's web service and to the Deployment's container."""
    compose = yaml.safe_load((root / "compose.yaml").read_text())
    deployment = yaml.safe_load((root / "k8s" / "deployment.yaml").read_text())
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    return (
        compose["services"]["web"].get("cap_add"),
        container["securityContext"]["capabilities"].get("add"),
    )


def test_ptrace_is_opt_in_kept_on_re_runs_and_taken_back_with_no_ptrace(
    project: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["init", "--kubernetes", "--project", str(project)]) == 0
    assert _added(project) == (None, None)
    assert main(["init", "--ptrace", "--project", str(project)]) == 0
    assert _added(project) == (["SYS_PTRACE"], ["SYS_PTRACE"])
    capsys.readouterr()
    # A later run without the flag keeps it: nothing is out of date.
    assert main(["init", "--check", "--project", str(project)]) == 0, capsys.readouterr().err
    assert main(["init", "--no-ptrace", "--project", str(project)]) == 0
    assert _added(project) == (None, None)
