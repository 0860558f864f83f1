import dojo.object.admin  # noqa: F401
