from . import (
    create_category,
    create_product,
    create_product_channel_listing,
    create_product_type,
    create_product_variant,
    create_product_variant_channel_listing,
)


def prepare_product(
    e2e_staff_api_client,
    warehouse_id,
    channel_id,
    variant_price,
    product_type_slug="default",
    is_shipping_required=True,
):
    product_type_data = create_product_type(
        e2e_staff_api_client,
        slug=product_type_slug,
        is_shipping_required=is_shipping_required,
    )
    product_type_id = product_type_data["id"]

    category_data = create_category(e2e_staff_api_client)
    category_id = category_data["id"]

    product_data = create_product(
        e2e_staff_api_client,
        product_type_id,
        category_id,
    )
    product_id = product_data["id"]

    create_product_channel_listing(
        e2e_staff_api_client,
        product_id,
        channel_id,
    )

    stocks = [
        {
            "warehouse": warehouse_id,
            "quantity": 15,
        }
    ]
    product_variant_data = create_product_variant(
        e2e_staff_api_client,
        product_id,
        stocks=stocks,
    )
    product_variant_id = product_variant_data["id"]

    product_variant_channel_listing_data = create_product_variant_channel_listing(
        e2e_staff_api_client,
        product_variant_id,
        channel_id,
        variant_price,
    )
    product_variant_price = product_variant_channel_listing_data["channelListings"][0][
        "price"
    ]["amount"]

    return product_id, product_variant_id, product_variant_price


def prepare_products(
    e2e_staff_api_client,
    warehouse_id,
    channel_id,
    prices,
):
    products_data = []

    for i, variant_price in enumerate(prices):
        product_id, variant_id, price = prepare_product(
            e2e_staff_api_client,
            warehouse_id,
            channel_id,
            variant_price,
            product_type_slug=f"test-{i}",
        )
        product_data = {
            "product_id": product_id,
            "variant_id": variant_id,
            "price": price,
        }
        products_data.append(product_data)

    return products_data
