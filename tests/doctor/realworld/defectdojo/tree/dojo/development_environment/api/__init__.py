path = "development_environments"  # noqa: RUF067
