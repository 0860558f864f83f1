"""What berth shows of a command it runs in a container: the same argv, secrets masked."""

from __future__ import annotations

import pytest

from berth.remote.commands import shown_command


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (
            ["env", "DATABASE_URL=postgres://u:pw@h/d", "x"],
            "env 'DATABASE_URL=postgres://u:***@h/d' x",
        ),
        (["kubectl", "--token=abc", "exec"], "kubectl '--token=***' exec"),
        (["app", "--password", "pw", "--user", "me"], "app --password '***' --user me"),
        (["env", "SECRET_KEY=k3y", "API_KEY=k"], "env 'SECRET_KEY=***' 'API_KEY=***'"),
        (["s3", "s3://KEY:S3CRET@bucket?x=1"], "s3 's3://KEY:***@bucket?x=1'"),
        (
            ["ssh", "deploy@host", "docker", "exec", "-i", "app"],
            "ssh deploy@host docker exec -i app",
        ),
    ],
)
def test_shown_command(command: list[str], shown: str) -> None:
    assert shown_command(command) == shown
