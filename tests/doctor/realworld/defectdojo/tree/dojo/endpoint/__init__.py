import dojo.endpoint.admin  # noqa: F401
