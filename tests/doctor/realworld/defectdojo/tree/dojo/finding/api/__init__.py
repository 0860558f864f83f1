path = "findings"  # noqa: RUF067
