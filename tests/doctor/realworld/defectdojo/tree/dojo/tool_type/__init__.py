import dojo.tool_type.admin  # noqa: F401
