path = "tool_types"  # noqa: RUF067
