"""The exceptions berth raises; the CLI turns them into one line and an exit code."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

__all__ = ["BerthError", "ConfigurationError", "ServiceError"]


class BerthError(Exception):
    """Base of every error berth reports to a user; carries the process exit code."""

    exit_code = 1


class ConfigurationError(BerthError, ImproperlyConfigured):
    """A setting or environment variable berth reads is missing or malformed.

    Also an ``ImproperlyConfigured`` so that Django reports it the usual way when
    raised while settings load. The message never contains a secret.
    """

    exit_code = 2

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        self.problem = problem
        super().__init__(f"{variable}: {problem}")


class ServiceError(BerthError):
    """A backing service (database, object storage, cache) could not be started or reached."""

    exit_code = 3
