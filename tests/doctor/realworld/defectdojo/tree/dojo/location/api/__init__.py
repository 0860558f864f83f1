path = "location"  # noqa: RUF067
finding_path = "location_findings"  # noqa: RUF067
product_path = "location_products"  # noqa: RUF067
