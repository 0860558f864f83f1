import dojo.product.admin  # noqa: F401
