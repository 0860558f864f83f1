import dojo.tool_config.admin  # noqa: F401
