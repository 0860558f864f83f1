import dojo.user.admin  # noqa: F401
