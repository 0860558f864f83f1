path = "system_settings"  # noqa: RUF067
