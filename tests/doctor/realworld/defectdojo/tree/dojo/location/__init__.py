import dojo.location.admin  # noqa: F401
