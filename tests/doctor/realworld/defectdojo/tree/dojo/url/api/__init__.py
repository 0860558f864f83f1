path = "url"  # noqa: RUF067
