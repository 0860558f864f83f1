import dojo.url.admin  # noqa: F401
