path = "tests"  # noqa: RUF067
