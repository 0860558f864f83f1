import dojo.test.admin  # noqa: F401
