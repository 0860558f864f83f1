import dojo.github.admin  # noqa: F401
