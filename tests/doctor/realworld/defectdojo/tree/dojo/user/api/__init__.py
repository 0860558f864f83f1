path = "users"  # noqa: RUF067
