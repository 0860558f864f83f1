path = "engagements"  # noqa: RUF067
