import dojo.product_type.admin  # noqa: F401
