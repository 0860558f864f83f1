import dojo.system_settings.admin  # noqa: F401
