path = "product_types"  # noqa: RUF067
