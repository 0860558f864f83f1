import dojo.banner.admin  # noqa: F401
