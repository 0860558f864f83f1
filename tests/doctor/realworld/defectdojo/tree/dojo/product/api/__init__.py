path = "products"  # noqa: RUF067
