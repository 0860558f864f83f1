path = "endpoints"  # noqa: RUF067
