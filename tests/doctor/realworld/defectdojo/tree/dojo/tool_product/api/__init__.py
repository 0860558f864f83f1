path = "tool_product_settings"  # noqa: RUF067
