import dojo.announcement.admin  # noqa: F401
