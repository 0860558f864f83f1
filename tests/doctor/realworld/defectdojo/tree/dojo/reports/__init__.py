import dojo.reports.admin  # noqa: F401
