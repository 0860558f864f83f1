path = "notes"  # noqa: RUF067
