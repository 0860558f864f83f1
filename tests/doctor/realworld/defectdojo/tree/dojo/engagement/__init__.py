import dojo.engagement.admin  # noqa: F401
