path = "announcements"  # noqa: RUF067
