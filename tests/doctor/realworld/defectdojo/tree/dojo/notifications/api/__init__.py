path = "notifications"  # noqa: RUF067  -- API URL prefix consumed by add_notifications_urls
