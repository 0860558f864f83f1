import dojo.finding.admin  # noqa: F401
