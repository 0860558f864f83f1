path = "regulations"  # noqa: RUF067
