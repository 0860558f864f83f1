path = "tool_configurations"  # noqa: RUF067
