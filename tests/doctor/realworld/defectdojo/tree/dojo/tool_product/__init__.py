import dojo.tool_product.admin  # noqa: F401
