import dojo.regulations.admin  # noqa: F401
