import datetime
import logging
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional, cast
from uuid import UUID

import graphene
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from prices import Money, TaxedMoney

from ..account.error_codes import AccountErrorCode
from ..account.models import Address, User
from ..account.utils import retrieve_user_by_email, store_user_address
from ..channel import MarkAsPaidStrategy
from ..checkout import CheckoutAuthorizeStatus, calculations
from ..checkout.error_codes import CheckoutErrorCode
from ..core.exceptions import GiftCardNotApplicable, InsufficientStock
from ..core.postgres import FlatConcatSearchVector
from ..core.taxes import TaxDataError, TaxError, zero_taxed_money
from ..core.tracing import traced_atomic_transaction
from ..core.transactions import transaction_with_commit_on_errors
from ..core.utils.url import validate_storefront_url
from ..discount import DiscountType, DiscountValueType
from ..discount.models import CheckoutDiscount, NotApplicable, OrderLineDiscount
from ..discount.utils.promotion import get_sale_id
from ..discount.utils.voucher import (
    calculate_line_discount_amount_from_voucher,
    get_customer_email_for_voucher_usage,
    increase_voucher_usage,
    is_line_level_voucher,
    is_order_level_voucher,
    release_voucher_code_usage,
)
from ..graphql.checkout.utils import (
    prepare_insufficient_stock_checkout_validation_error,
)
from ..order import OrderOrigin, OrderStatus
from ..order import delivery_context as order_delivery_context
from ..order.actions import order_created
from ..order.fetch import OrderInfo, OrderLineInfo
from ..order.models import Order, OrderLine
from ..order.notifications import send_order_confirmation
from ..order.search import prepare_order_search_vector_value
from ..order.utils import (
    update_order_authorize_data,
    update_order_charge_data,
    update_order_display_gross_prices,
)
from ..payment import PaymentError, TransactionKind, gateway
from ..payment.model_helpers import get_subtotal
from ..payment.models import Payment, Transaction
from ..payment.utils import fetch_customer_id, store_customer_id
from ..product.models import ProductTranslation, ProductVariantTranslation
from ..shipping.interface import ShippingMethodData
from ..tax.calculations import get_taxed_undiscounted_price
from ..tax.utils import (
    get_tax_class_kwargs_for_order_line,
)
from ..warehouse.availability import check_stock_and_preorder_quantity_bulk
from ..warehouse.management import allocate_preorders, allocate_stocks
from ..warehouse.models import Reservation, Stock
from ..warehouse.reservations import is_reservation_enabled
from . import AddressType
from .base_calculations import (
    base_checkout_delivery_price,
    base_checkout_undiscounted_delivery_price,
    calculate_base_line_unit_price,
    calculate_undiscounted_base_line_total_price,
    calculate_undiscounted_base_line_unit_price,
)
from .calculations import fetch_checkout_data
from .checkout_cleaner import (
    _validate_gift_cards,
    clean_billing_address,
    clean_checkout_payment,
    clean_checkout_shipping,
)
from .fetch import (
    CheckoutInfo,
    CheckoutLineInfo,
    fetch_checkout_info,
    fetch_checkout_lines,
)
from .models import Checkout
from .utils import (
    calculate_checkout_weight,
    delete_checkouts,
    get_checkout_metadata,
    get_or_create_checkout_metadata,
    get_voucher_for_checkout_info,
    log_unknown_discount_reason,
)

if TYPE_CHECKING:
    from ..app.models import App
    from ..channel.models import Channel
    from ..discount.models import Voucher, VoucherChannelListing, VoucherCode
    from ..plugins.manager import PluginsManager
    from ..site.models import SiteSettings

logger = logging.getLogger(__name__)


def _process_voucher_data_for_order(checkout_info: "CheckoutInfo") -> dict:
    """Fetch, process and return voucher/discount data from checkout.

    Careful! It should be called inside a transaction.
    If voucher has a usage limit, it will be increased!

    :raises NotApplicable: When the voucher is not applicable in the current checkout.
    """
    checkout = checkout_info.checkout
    voucher, voucher_code = get_voucher_for_checkout_info(checkout_info, with_lock=True)

    if checkout.voucher_code and not voucher_code:
        msg = "Voucher expired in meantime. Order placement aborted."
        raise NotApplicable(msg)

    if not voucher_code or not voucher:
        return {}

    customer_email = cast(str, get_customer_email_for_voucher_usage(checkout_info))

    _increase_checkout_voucher_usage(checkout, voucher_code, voucher, customer_email)
    return {
        "voucher": voucher,
        "voucher_code": voucher_code.code,
    }


@traced_atomic_transaction()
def _increase_checkout_voucher_usage(
    checkout: "Checkout",
    voucher_code: "VoucherCode",
    voucher: "Voucher",
    customer_email: str,
):
    # Prevent race condition when two different threads are processing the same checkout
    # with limited usage voucher assigned, both threads increasing the
    # voucher usage which causing `NotApplicable` error for voucher.
    if checkout.is_voucher_usage_increased:
        return

    increase_voucher_usage(voucher, voucher_code, customer_email)
    checkout.is_voucher_usage_increased = True
    checkout.save(update_fields=["is_voucher_usage_increased"])


@traced_atomic_transaction()
def _release_checkout_voucher_usage(
    checkout: "Checkout",
    voucher_code: Optional["VoucherCode"],
    voucher: Optional["Voucher"],
    user_email: str | None,
    checkout_update_fields: list[str] | None = None,
):
    if not checkout.is_voucher_usage_increased:
        return

    checkout.is_voucher_usage_increased = False
    if checkout_update_fields is None:
        checkout.save(update_fields=["is_voucher_usage_increased"])
    else:
        checkout_update_fields.append("is_voucher_usage_increased")

    if voucher_code:
        release_voucher_code_usage(
            voucher_code,
            voucher,
            user_email,
        )


def _process_shipping_data_for_order(
    checkout_info: "CheckoutInfo",
    undiscounted_base_shipping_price: Money,
    base_shipping_price: Money,
    shipping_price: TaxedMoney,
    manager: "PluginsManager",
    lines: list["CheckoutLineInfo"],
) -> dict[str, Any]:
    """Fetch, process and return shipping data from checkout."""
    delivery_method_info = checkout_info.get_delivery_method_info()
    shipping_address = delivery_method_info.shipping_address

    # allow saving shipping address in case the delivery method is not provided,
    # but the shipping address is set
    if not delivery_method_info.delivery_method:
        shipping_address = checkout_info.shipping_address

    if _should_store_shipping_address_in_user_addresses(
        checkout_info, shipping_address
    ):
        user = cast(User, checkout_info.user)
        shipping_address = cast(Address, shipping_address)
        store_user_address(
            user,
            shipping_address,
            AddressType.SHIPPING,
            manager=manager,
        )
        if user.addresses.filter(pk=shipping_address.pk).exists():
            shipping_address = shipping_address.get_copy()

    if shipping_address and delivery_method_info.warehouse_pk:
        shipping_address = shipping_address.get_copy()

    shipping_method = delivery_method_info.delivery_method
    is_external = getattr(shipping_method, "is_external", False)
    if is_external and shipping_method:
        # It is temporary solution for setting up the external shipping method
        # for order. Order doesn't have any field for storing the external shipping
        # method.
        checkout_metadata = get_or_create_checkout_metadata(checkout_info.checkout)
        checkout_metadata.store_value_in_private_metadata(
            {order_delivery_context.PRIVATE_META_APP_SHIPPING_ID: shipping_method.id}
        )
        checkout_metadata.save()

    result: dict[str, Any] = {
        "undiscounted_base_shipping_price": undiscounted_base_shipping_price,
        "shipping_address": shipping_address,
        "base_shipping_price": base_shipping_price,
        "shipping_price": shipping_price,
        "weight": calculate_checkout_weight(lines),
        **delivery_method_info.get_details_for_conversion_to_order(),
    }

    if isinstance(shipping_method, ShippingMethodData):
        result.update(
            {
                "shipping_method_metadata": shipping_method.metadata,
                "shipping_method_private_metadata": shipping_method.private_metadata,
            }
        )

    return result


def _should_store_shipping_address_in_user_addresses(
    checkout_info: "CheckoutInfo", shipping_address: Optional["Address"]
) -> bool:
    """Determine whether the shipping address should be stored in the user's addresses.

    The address should be stored if:
    - the user is authenticated
    - the shipping address is set
    - the address is marked to be saved
    - the delivery method allows storing the address as a user address
    (the delivery method is not a collection point) or the delivery method is not set
    """
    delivery_method_info = checkout_info.get_delivery_method_info()
    address_marked_to_be_saved = checkout_info.checkout.save_shipping_address
    delivery_allows_storing_as_user_address = (
        delivery_method_info.store_as_customer_address
    )
    delivery_method_not_set = not delivery_method_info.is_delivery_method_set()

    save_shipping_address = address_marked_to_be_saved and (
        delivery_allows_storing_as_user_address or delivery_method_not_set
    )

    return bool(save_shipping_address and checkout_info.user and shipping_address)


def _process_user_data_for_order(checkout_info: "CheckoutInfo", manager):
    """Fetch, process and return shipping data from checkout."""
    billing_address = checkout_info.billing_address
    save_billing_address = checkout_info.checkout.save_billing_address

    if checkout_info.user and billing_address and save_billing_address:
        store_user_address(
            checkout_info.user, billing_address, AddressType.BILLING, manager=manager
        )
        if checkout_info.user.addresses.filter(pk=billing_address.pk).exists():
            billing_address = billing_address.get_copy()

    return {
        "user": checkout_info.user,
        "user_email": checkout_info.get_customer_email(),
        "billing_address": billing_address,
        "customer_note": checkout_info.checkout.note,
    }


def _create_line_for_order(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    checkout_line_info: "CheckoutLineInfo",
    products_translation: dict[int, str | None],
    variants_translation: dict[int, str | None],
    prices_entered_with_tax: bool,
    voucher_channel_listing: Optional["VoucherChannelListing"],
) -> OrderLineInfo:
    """Create a line for the given order.

    :raises InsufficientStock: when there is not enough items in stock for this variant.
    """
    checkout_line = checkout_line_info.line
    quantity = checkout_line.quantity
    variant = checkout_line_info.variant
    product = checkout_line_info.product

    product_name = str(product)
    variant_name = str(variant)

    translated_product_name = products_translation.get(product.id, "")
    translated_variant_name = variants_translation.get(variant.id, "")

    # the price with sale and discounts applied - base price that is used for
    # total price calculation
    base_unit_price = calculate_base_line_unit_price(line_info=checkout_line_info)
    # the unit price before applying any discount (sale or voucher)
    undiscounted_base_unit_price = calculate_undiscounted_base_line_unit_price(
        line_info=checkout_line_info,
        channel=checkout_info.channel,
    )
    # the total price before applying any discount (sale or voucher)
    undiscounted_base_total_price = calculate_undiscounted_base_line_total_price(
        line_info=checkout_line_info,
        channel=checkout_info.channel,
    )
    # total price after applying all discounts - sales and vouchers
    total_line_price = calculations.checkout_line_total(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
        checkout_line_info=checkout_line_info,
    )
    # unit price after applying all discounts - sales and vouchers
    unit_price = calculations.checkout_line_unit_price(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
        checkout_line_info=checkout_line_info,
    )
    tax_rate = calculations.checkout_line_tax_rate(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
        checkout_line_info=checkout_line_info,
    )
    # unit price before applying discounts
    undiscounted_unit_price = get_taxed_undiscounted_price(
        undiscounted_base_unit_price,
        unit_price,
        tax_rate,
        prices_entered_with_tax,
    )
    # total price before applying discounts
    undiscounted_total_price = get_taxed_undiscounted_price(
        undiscounted_base_total_price,
        total_line_price,
        tax_rate,
        prices_entered_with_tax,
    )

    voucher_code = checkout_info.checkout.voucher_code
    is_line_voucher_code = bool(checkout_line_info.voucher)

    if product.tax_class_id:
        tax_class = product.tax_class
    else:
        tax_class = product.product_type.tax_class

    is_price_overridden = checkout_line.price_override is not None

    discount_amount = _get_unit_discount(
        unit_price=unit_price,
        undiscounted_unit_price=undiscounted_unit_price,
        base_unit_price=base_unit_price,
        undiscounted_base_unit_price=undiscounted_base_unit_price,
        use_legacy_discount_propagation=checkout_info.channel.use_legacy_line_discount_propagation_for_order,
        prices_entered_with_tax=prices_entered_with_tax,
    )

    line = OrderLine(  # type: ignore[misc] # see below:
        product_name=product_name,
        variant_name=variant_name,
        translated_product_name=translated_product_name,
        translated_variant_name=translated_variant_name,
        product_sku=variant.sku,
        product_variant_id=variant.get_global_id(),
        product_type_id=checkout_line_info.product.product_type_id,
        is_shipping_required=variant.is_shipping_required(),
        is_gift_card=variant.is_gift_card(),
        quantity=quantity,
        variant=variant,
        is_gift=checkout_line.is_gift,
        unit_price=unit_price,  # money field not supported by mypy_django_plugin
        undiscounted_unit_price=undiscounted_unit_price,  # money field not supported by mypy_django_plugin # noqa: E501
        undiscounted_total_price=undiscounted_total_price,  # money field not supported by mypy_django_plugin # noqa: E501
        total_price=total_line_price,
        tax_rate=tax_rate,
        voucher_code=voucher_code if is_line_voucher_code else None,
        unit_discount=discount_amount,  # money field not supported by mypy_django_plugin # noqa: E501
        unit_discount_value=discount_amount.amount,  # we store value as fixed discount
        unit_discount_type=DiscountValueType.FIXED,
        base_unit_price=base_unit_price,  # money field not supported by mypy_django_plugin # noqa: E501
        undiscounted_base_unit_price=undiscounted_base_unit_price,  # money field not supported by mypy_django_plugin # noqa: E501
        is_price_overridden=is_price_overridden,
        price_override_reason=checkout_line.price_override_reason,
        metadata=checkout_line.metadata,
        private_metadata=checkout_line.private_metadata,
        **get_tax_class_kwargs_for_order_line(tax_class),
    )

    line_discounts = _create_order_line_discounts(
        checkout_line_info, line, checkout_info.channel, voucher_channel_listing
    )

    line.unit_discount_reason = _get_unit_discount_reason(
        line_discounts,
        order_lvl_voucher_code=(
            checkout_info.voucher.code
            if checkout_info.voucher and is_order_level_voucher(checkout_info.voucher)
            else None
        ),
        use_legacy_discount_propagation=checkout_info.channel.use_legacy_line_discount_propagation_for_order,
    )

    if line_discounts:
        # We might have catalogue and gift predicate promotion so there might be more
        # than one sale_id.
        # The sale_id will be set only for the catalogue discount if exists.
        line.sale_id = _get_sale_id(line_discounts)

    line_info = OrderLineInfo(
        line=line,
        quantity=quantity,
        variant=variant,
        warehouse_pk=checkout_info.get_delivery_method_info().warehouse_pk,
        line_discounts=line_discounts,
    )

    return line_info


def _get_unit_discount(
    unit_price: TaxedMoney,
    undiscounted_unit_price: TaxedMoney,
    base_unit_price: Money,
    undiscounted_base_unit_price: Money,
    use_legacy_discount_propagation: bool,
    prices_entered_with_tax: bool,
) -> Money:
    """Returng the discount applicable on single line.

    When `use_legacy_discount_propagation` is `True`, the discount
    amount includes the `ENTIRE_ORDER` voucher discount, and OrderPromotion discount.
    This is already reflected in the order-level discounts, but to maintain
    backward compatibility, the legacy flow behaves as before.

    When `use_legacy_discount_propagation` is `False`, the
    `unit_discount` includes only the order-line level discounts.
    """
    if use_legacy_discount_propagation:
        discount_price = undiscounted_unit_price - unit_price
        if prices_entered_with_tax:
            return discount_price.gross
        return discount_price.net
    return undiscounted_base_unit_price - base_unit_price


def _get_unit_discount_reason(
    line_discounts: list[OrderLineDiscount],
    order_lvl_voucher_code: str | None,
    use_legacy_discount_propagation: bool,
) -> str | None:
    include_entire_order_lvl_reason = (
        order_lvl_voucher_code and use_legacy_discount_propagation
    )
    if not include_entire_order_lvl_reason and not line_discounts:
        return None

    reasons = []
    if include_entire_order_lvl_reason:
        reasons.append(f"Entire order voucher code: {order_lvl_voucher_code}")

    reasons.extend([discount.reason for discount in line_discounts if discount.reason])
    return " & ".join(reasons)


def _create_order_line_discount_object_for_voucher(
    checkout_line_info: "CheckoutLineInfo",
    order_line: "OrderLine",
    channel: "Channel",
    voucher_channel_listing: Optional["VoucherChannelListing"],
) -> OrderLineDiscount | None:
    voucher = checkout_line_info.voucher
    if not voucher or not voucher_channel_listing:
        return None

    total_price = (
        checkout_line_info.variant_discounted_price * checkout_line_info.line.quantity
    )
    discount_amount = calculate_line_discount_amount_from_voucher(
        checkout_line_info, total_price
    ).amount
    discount_name = f"{voucher.name}"
    code = checkout_line_info.voucher_code
    discount_reason = f"Voucher code: {code}"

    if channel.use_legacy_line_discount_propagation_for_order:
        # Previously voucher discount was always set as fixed value. To keep it in the
        # same way as previously we force the fixed type when legacy flow is used
        value_type = DiscountValueType.FIXED
        value = discount_amount
    else:
        value_type = voucher.discount_value_type
        value = voucher_channel_listing.discount_value

    return OrderLineDiscount(
        line=order_line,
        type=DiscountType.VOUCHER,
        value_type=value_type,
        value=value,
        amount_value=discount_amount,
        currency=order_line.currency,
        name=discount_name,
        translated_name=None,
        reason=discount_reason,
        voucher=voucher,
        unique_type=DiscountType.VOUCHER,
        voucher_code=code,
    )


def _create_order_line_discounts(
    checkout_line_info: "CheckoutLineInfo",
    order_line: "OrderLine",
    channel: "Channel",
    voucher_channel_listing: Optional["VoucherChannelListing"],
) -> list["OrderLineDiscount"]:
    line_discounts = []
    discounts = checkout_line_info.get_promotion_discounts()
    for discount in discounts:
        discount_data = model_to_dict(discount)
        discount_data.pop("line")
        discount_data["promotion_rule_id"] = discount_data.pop("promotion_rule")
        discount_data["line_id"] = order_line.pk
        line_discounts.append(OrderLineDiscount(**discount_data))

    voucher_line_discount = _create_order_line_discount_object_for_voucher(
        checkout_line_info,
        order_line,
        channel=channel,
        voucher_channel_listing=voucher_channel_listing,
    )
    if voucher_line_discount:
        line_discounts.append(voucher_line_discount)

    return line_discounts


def _get_sale_id(line_discounts: list[OrderLineDiscount]):
    for discount in line_discounts:
        if discount.type == DiscountType.PROMOTION:
            if rule := discount.promotion_rule:
                return get_sale_id(rule.promotion)
    return None


def _create_lines_for_order(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    prices_entered_with_tax: bool,
    site_settings: "SiteSettings",
) -> Iterable[OrderLineInfo]:
    """Create a lines for the given order.

    :raises InsufficientStock: when there is not enough items in stock for this variant.
    """
    translation_language_code = checkout_info.checkout.language_code
    country_code = checkout_info.get_country()

    variants = []
    quantities = []
    products = []
    for line_info in lines:
        variants.append(line_info.variant)
        quantities.append(line_info.line.quantity)
        products.append(line_info.product)

    products_translation = (
        ProductTranslation.objects.filter(
            product__in=products, language_code=translation_language_code
        )
        .exclude(name__isnull=True)
        .values("product_id", "name")
    )
    product_translations = {
        product_translation["product_id"]: product_translation.get("name")
        for product_translation in products_translation
    }

    variants_translation = ProductVariantTranslation.objects.filter(
        product_variant__in=variants, language_code=translation_language_code
    ).values("product_variant_id", "name")
    variants_translation = {
        variant_translation["product_variant_id"]: variant_translation.get("name")
        for variant_translation in variants_translation
    }

    additional_warehouse_lookup = (
        checkout_info.get_delivery_method_info().get_warehouse_filter_lookup()
    )
    include_shipping_zones = site_settings.use_legacy_shipping_zone_stock_availability
    check_stock_and_preorder_quantity_bulk(
        variants,
        country_code,
        quantities,
        checkout_info.channel.slug,
        global_quantity_limit=None,
        delivery_method_info=checkout_info.get_delivery_method_info(),
        additional_filter_lookup=additional_warehouse_lookup,
        existing_lines=lines,
        replace=True,
        check_reservations=True,
        include_shipping_zones=include_shipping_zones,
    )
    voucher = checkout_info.voucher
    voucher_channel_listing = None
    if voucher and is_line_level_voucher(voucher):
        voucher_channel_listing = voucher.channel_listings.filter(
            channel_id=checkout_info.channel.id
        ).first()
    order_lines_info = [
        _create_line_for_order(
            manager,
            checkout_info,
            lines,
            checkout_line_info,
            product_translations,
            variants_translation,
            prices_entered_with_tax,
            voucher_channel_listing=voucher_channel_listing,
        )
        for checkout_line_info in lines
    ]

    log_unknown_discount_reason(
        [line_info.line for line_info in order_lines_info], checkout_info, lines, logger
    )

    return order_lines_info


def _prepare_order_data(
    *,
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    prices_entered_with_tax: bool,
    site_settings: "SiteSettings",
) -> dict:
    """Run checks and return all the data from a given checkout to create an order.

    :raises NotApplicable InsufficientStock:
    """
    checkout = checkout_info.checkout
    order_data = {}
    taxed_total = calculations.calculate_checkout_total_with_gift_cards(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
    )

    undiscounted_base_shipping_price = base_checkout_undiscounted_delivery_price(
        checkout_info, lines
    )
    base_shipping_price = base_checkout_delivery_price(checkout_info, lines)
    shipping_total = calculations.checkout_shipping_price(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
    )
    shipping_tax_rate = calculations.checkout_shipping_tax_rate(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
    )
    order_data.update(
        _process_shipping_data_for_order(
            checkout_info,
            undiscounted_base_shipping_price,
            base_shipping_price,
            shipping_total,
            manager,
            lines,
        )
    )
    order_data.update(_process_user_data_for_order(checkout_info, manager))

    order_data["lines"] = _create_lines_for_order(
        manager,
        checkout_info,
        lines,
        prices_entered_with_tax,
        site_settings=site_settings,
    )
    undiscounted_total = (
        sum(
            [
                line_data.line.undiscounted_total_price
                for line_data in order_data["lines"]
            ],
            start=zero_taxed_money(taxed_total.currency),
        )
        + undiscounted_base_shipping_price
    )

    subtotal = get_subtotal(
        [order_line_info.line for order_line_info in order_data["lines"]],
        taxed_total.currency,
    )

    order_data.update(
        {
            "language_code": checkout.language_code,
            "tracking_client_id": checkout.tracking_code or "",
            "total": taxed_total,
            "subtotal": subtotal,
            "undiscounted_total": undiscounted_total,
            "shipping_tax_rate": shipping_tax_rate,
            "tax_error": checkout.tax_error,
            "lines_count": len(order_data["lines"]),
        }
    )

    # validate checkout gift cards
    _validate_gift_cards(checkout)

    order_data.update(_process_voucher_data_for_order(checkout_info))

    order_data["total_price_left"] = calculations.calculate_checkout_total(
        manager=manager,
        checkout_info=checkout_info,
        lines=lines,
    ).gross

    try:
        manager.preprocess_order_creation(checkout_info, lines)
    except TaxError:
        user_email = get_customer_email_for_voucher_usage(checkout_info)
        _release_checkout_voucher_usage(
            checkout,
            checkout_info.voucher_code,
            checkout_info.voucher,
            user_email,
        )
        raise

    return order_data


@traced_atomic_transaction()
def _create_order(
    *,
    checkout_info: "CheckoutInfo",
    checkout_lines: list["CheckoutLineInfo"],
    order_data: dict,
    user: User,
    app: Optional["App"],
    manager: "PluginsManager",
    site_settings: Optional["SiteSettings"] = None,
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
) -> Order:
    """Create an order from the checkout.

    Each order will get a private copy of both the billing and the shipping
    address (if shipping).

    If any of the addresses is new and the user is logged in the address
    will also get saved to that user's address book.

    Current user's language is saved in the order so we can later determine
    which language to use when sending email.
    """
    from ..order.utils import add_gift_cards_to_order

    checkout = checkout_info.checkout
    order = Order.objects.filter(checkout_token=checkout.token).first()
    if order is not None:
        return order

    total_price_left = order_data.pop("total_price_left")
    order_lines_info = order_data.pop("lines")

    if site_settings is None:
        site_settings = Site.objects.get_current().settings

    status = (
        OrderStatus.UNFULFILLED
        if checkout_info.channel.automatically_confirm_all_new_orders
        else OrderStatus.UNCONFIRMED
    )
    order = Order.objects.create(
        **order_data,
        checkout_token=str(checkout.token),
        status=status,
        origin=OrderOrigin.CHECKOUT,
        channel=checkout_info.channel,
        should_refresh_prices=False,
        tax_exemption=checkout_info.checkout.tax_exemption,
    )

    _create_order_discount(order, checkout_info)

    order_lines: list[OrderLine] = []
    order_line_discounts: list[OrderLineDiscount] = []
    for line_info in order_lines_info:
        line = line_info.line
        line.order_id = order.pk
        order_lines.append(line)
        if discounts := line_info.line_discounts:
            order_line_discounts.extend(discounts)

    OrderLine.objects.bulk_create(order_lines)
    OrderLineDiscount.objects.bulk_create(order_line_discounts)

    country_code = checkout_info.get_country()
    additional_warehouse_lookup = (
        checkout_info.get_delivery_method_info().get_warehouse_filter_lookup()
    )
    allocate_stocks(
        order_lines_info,
        country_code,
        checkout_info.channel,
        site_settings,
        app or user,
        calculate_stocks_with_shipping_zones=site_settings.use_legacy_shipping_zone_stock_availability,
        collection_point_pk=checkout_info.get_delivery_method_info().warehouse_pk,
        additional_filter_lookup=additional_warehouse_lookup,
        check_reservations=True,
        checkout_lines=[line.line for line in checkout_lines],
    )
    allocate_preorders(
        order_lines_info,
        checkout_info.channel.slug,
        check_reservations=is_reservation_enabled(site_settings),
        checkout_lines=[line.line for line in checkout_lines],
    )

    add_gift_cards_to_order(checkout_info, order, total_price_left, user, app)

    # assign checkout payments to the order
    checkout.payments.update(order=order)

    # store current tax configuration
    update_order_display_gross_prices(order)

    checkout_metadata = get_checkout_metadata(checkout)
    # copy metadata from the checkout into the new order
    if checkout_metadata:
        order.metadata = checkout_metadata.metadata
        order.private_metadata = checkout_metadata.private_metadata

    if metadata_list:
        order.store_value_in_metadata({data.key: data.value for data in metadata_list})

    order.redirect_url = checkout.redirect_url

    if private_metadata_list:
        order.store_value_in_private_metadata(
            {data.key: data.value for data in private_metadata_list}
        )

    update_order_charge_data(order, with_save=False)
    update_order_authorize_data(order, with_save=False)
    order.search_vector = FlatConcatSearchVector(
        *prepare_order_search_vector_value(order)
    )
    order.save()

    order_info = OrderInfo(
        order=order,
        customer_email=order_data["user_email"],
        channel=checkout_info.channel,
        payment=order.get_last_payment(),
        lines_data=order_lines_info,
    )

    transaction.on_commit(
        lambda: order_created(
            order_info=order_info,
            user=user,
            app=app,
            manager=manager,
            site_settings=site_settings,
            automatic=is_automatic_completion,
        )
    )

    # Send the order confirmation email
    transaction.on_commit(
        lambda: send_order_confirmation(order_info, checkout.redirect_url, manager)
    )

    return order


def _prepare_checkout(
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    redirect_url,
):
    """Prepare checkout object to complete the checkout process."""
    checkout = checkout_info.checkout
    clean_checkout_shipping(checkout_info, lines, CheckoutErrorCode)
    if not checkout_info.channel.is_active:
        raise ValidationError(
            {
                "channel": ValidationError(
                    "Cannot complete checkout with inactive channel.",
                    code=CheckoutErrorCode.CHANNEL_INACTIVE.value,
                )
            }
        )
    if redirect_url:
        try:
            validate_storefront_url(redirect_url)
        except ValidationError as e:
            raise ValidationError(
                {"redirect_url": e}, code=AccountErrorCode.INVALID.value
            ) from e

    to_update = []
    if redirect_url and redirect_url != checkout.redirect_url:
        checkout.redirect_url = redirect_url
        to_update.append("redirect_url")

    if to_update:
        to_update.append("last_change")
        checkout.safe_update(update_fields=to_update)


def _prepare_checkout_with_transactions(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    redirect_url: str | None,
):
    """Prepare checkout object with transactions to complete the checkout process."""
    clean_billing_address(checkout_info, CheckoutErrorCode)
    if (
        checkout_info.checkout.authorize_status != CheckoutAuthorizeStatus.FULL
        and not checkout_info.channel.allow_unpaid_orders
    ):
        raise ValidationError(
            {
                "id": ValidationError(
                    "The authorized amount doesn't cover the checkout's total amount.",
                    code=CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID.value,
                )
            }
        )
    if checkout_info.checkout.voucher_code and not checkout_info.voucher:
        raise ValidationError(
            {
                "voucher_code": ValidationError(
                    "Voucher not applicable",
                    code=CheckoutErrorCode.VOUCHER_NOT_APPLICABLE.value,
                )
            }
        )
    _validate_gift_cards(checkout_info.checkout)
    _prepare_checkout(
        checkout_info=checkout_info,
        lines=lines,
        redirect_url=redirect_url,
    )
    try:
        manager.preprocess_order_creation(checkout_info, lines)
    except TaxError as e:
        raise ValidationError(
            f"Unable to calculate taxes - {str(e)}",
            code=CheckoutErrorCode.TAX_ERROR.value,
        ) from e


def _prepare_checkout_with_payment(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    redirect_url: str | None,
    payment: Payment | None,
):
    """Prepare checkout object with payment to complete the checkout process."""
    clean_checkout_payment(
        manager,
        checkout_info,
        lines,
        CheckoutErrorCode,
        last_payment=payment,
    )
    _prepare_checkout(
        checkout_info=checkout_info,
        lines=lines,
        redirect_url=redirect_url,
    )


def _get_order_data(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    site_settings: "SiteSettings",
) -> dict:
    """Prepare data that will be converted to order and its lines."""
    tax_configuration = checkout_info.tax_configuration
    prices_entered_with_tax = tax_configuration.prices_entered_with_tax
    try:
        order_data = _prepare_order_data(
            manager=manager,
            checkout_info=checkout_info,
            lines=lines,
            prices_entered_with_tax=prices_entered_with_tax,
            site_settings=site_settings,
        )
    except InsufficientStock as e:
        error = prepare_insufficient_stock_checkout_validation_error(e)
        raise error from e
    except NotApplicable as e:
        raise ValidationError(
            "Voucher not applicable",
            code=CheckoutErrorCode.VOUCHER_NOT_APPLICABLE.value,
        ) from e
    except GiftCardNotApplicable as e:
        raise ValidationError(e.message, code=e.code) from e
    except TaxError as e:
        raise ValidationError(
            f"Unable to calculate taxes - {str(e)}",
            code=CheckoutErrorCode.TAX_ERROR.value,
        ) from e
    return order_data


def _process_payment(
    checkout_info: CheckoutInfo,
    payment: Payment,
    customer_id: str | None,
    store_source: bool,
    payment_data: dict | None,
    manager: "PluginsManager",
    channel_slug: str,
    voucher_code: Optional["VoucherCode"] = None,
    voucher: Optional["Voucher"] = None,
) -> Transaction:
    """Process the payment assigned to checkout."""
    try:
        if payment.to_confirm:
            txn = gateway.confirm(
                payment,
                manager,
                additional_data=payment_data,
                channel_slug=channel_slug,
            )
        else:
            txn = gateway.process_payment(
                payment=payment,
                token=payment.token,
                manager=manager,
                customer_id=customer_id,
                store_source=store_source,
                additional_data=payment_data,
                channel_slug=channel_slug,
            )

        payment.refresh_from_db()
        if not txn.is_success:
            raise PaymentError(txn.error)
    except PaymentError as e:
        _complete_checkout_fail_handler(checkout_info, manager)
        raise ValidationError(str(e), code=CheckoutErrorCode.PAYMENT_ERROR.value) from e
    return txn


def complete_checkout_pre_payment_part(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    user: Optional["User"],
    app: Optional["App"],
    site_settings=None,
    redirect_url=None,
) -> tuple[Payment | None, str | None, dict]:
    """Logic required to process checkout before payment.

    Should be used with transaction_with_commit_on_errors, as there is a possibility
    for thread race.
    :raises ValidationError
    """
    if site_settings is None:
        site_settings = Site.objects.get_current().settings

    fetch_checkout_data(checkout_info, manager, lines, requestor=app or user).get()

    checkout = checkout_info.checkout
    payment = checkout.get_last_active_payment()
    try:
        _prepare_checkout_with_payment(
            manager=manager,
            checkout_info=checkout_info,
            lines=lines,
            redirect_url=redirect_url,
            payment=payment,
        )
    except Checkout.DoesNotExist:
        order = Order.objects.get_by_checkout_token(checkout_info.checkout.token)
        return order
    except ValidationError as exc:
        _complete_checkout_fail_handler(checkout_info, manager, payment=payment)
        raise exc

    try:
        order_data = _get_order_data(manager, checkout_info, lines, site_settings)
    except ValidationError as exc:
        _complete_checkout_fail_handler(checkout_info, manager, payment=payment)
        raise exc

    customer_id = None
    if payment and user:
        customer_id = fetch_customer_id(user=user, gateway=payment.gateway)

    return payment, customer_id, order_data


def complete_checkout_post_payment_part(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    payment: Payment | None,
    txn: Transaction | None,
    order_data,
    user,
    app,
    site_settings=None,
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
) -> tuple[Order | None, bool, dict]:
    action_required = False
    action_data: dict[str, str] = {}

    if payment and txn:
        if txn.customer_id and user:
            store_customer_id(user, payment.gateway, txn.customer_id)

        action_required = txn.action_required
        if action_required:
            action_data = txn.action_required_data
            user_email = get_customer_email_for_voucher_usage(checkout_info)
            _release_checkout_voucher_usage(
                checkout_info.checkout,
                checkout_info.voucher_code,
                checkout_info.voucher,
                user_email,
            )

    order = None
    if not action_required and not _is_refund_ongoing(payment):
        try:
            order = _create_order(
                checkout_info=checkout_info,
                checkout_lines=lines,
                order_data=order_data,
                user=user,
                app=app,
                manager=manager,
                site_settings=site_settings,
                metadata_list=metadata_list,
                private_metadata_list=private_metadata_list,
                is_automatic_completion=is_automatic_completion,
            )
            # remove checkout after order is successfully created
            delete_checkouts([checkout_info.checkout.pk])
            checkout_info.checkout.pk = None
        except InsufficientStock as e:
            _complete_checkout_fail_handler(
                checkout_info,
                manager,
                voucher_code=checkout_info.voucher_code,
                voucher=checkout_info.voucher,
                payment=payment,
            )
            error = prepare_insufficient_stock_checkout_validation_error(e)
            raise error from e
        except GiftCardNotApplicable as e:
            _complete_checkout_fail_handler(
                checkout_info,
                manager,
                voucher_code=checkout_info.voucher_code,
                voucher=checkout_info.voucher,
                payment=payment,
            )
            raise ValidationError(code=e.code, message=e.message) from e

    return order, action_required, action_data


def _is_refund_ongoing(payment):
    """Return True if refund is ongoing for given payment."""
    return (
        payment.transactions.filter(
            kind=TransactionKind.REFUND_ONGOING, is_success=True
        ).exists()
        if payment
        else False
    )


def _increase_voucher_code_usage_value(checkout_info: "CheckoutInfo"):
    """Increase a voucher usage applied to the checkout."""
    voucher, code = get_voucher_for_checkout_info(checkout_info, with_lock=True)
    if not voucher or not code:
        return None

    customer_email = cast(str, get_customer_email_for_voucher_usage(checkout_info))

    checkout = checkout_info.checkout
    _increase_checkout_voucher_usage(checkout, code, voucher, customer_email)
    return code


def _create_order_lines_from_checkout_lines(
    checkout_info: CheckoutInfo,
    lines: list[CheckoutLineInfo],
    manager: "PluginsManager",
    order_pk: str | UUID,
    prices_entered_with_tax: bool,
    site_settings: "SiteSettings",
) -> list[OrderLineInfo]:
    order_lines_info = _create_lines_for_order(
        manager,
        checkout_info,
        lines,
        prices_entered_with_tax,
        site_settings=site_settings,
    )
    order_lines = []
    order_line_discounts: list[OrderLineDiscount] = []
    for line_info in order_lines_info:
        line = line_info.line
        line.order_id = order_pk
        order_lines.append(line)
        if discounts := line_info.line_discounts:
            order_line_discounts.extend(discounts)

    OrderLine.objects.bulk_create(order_lines)
    OrderLineDiscount.objects.bulk_create(order_line_discounts)

    return list(order_lines_info)


def _handle_allocations_of_order_lines(
    checkout_info: CheckoutInfo,
    checkout_lines: list[CheckoutLineInfo],
    order_lines_info: list[OrderLineInfo],
    site_settings: "SiteSettings",
    requestor: "App | User | None",
    reservation_enabled: bool,
    calculate_stocks_with_shipping_zones: bool,
):
    country_code = checkout_info.get_country()
    additional_warehouse_lookup = (
        checkout_info.get_delivery_method_info().get_warehouse_filter_lookup()
    )
    allocate_stocks(
        order_lines_info,
        country_code,
        checkout_info.channel,
        site_settings,
        requestor,
        calculate_stocks_with_shipping_zones=calculate_stocks_with_shipping_zones,
        collection_point_pk=checkout_info.get_delivery_method_info().warehouse_pk,
        additional_filter_lookup=additional_warehouse_lookup,
        check_reservations=True,
        checkout_lines=[line.line for line in checkout_lines],
    )
    allocate_preorders(
        order_lines_info,
        checkout_info.channel.slug,
        check_reservations=reservation_enabled,
        checkout_lines=[line.line for line in checkout_lines],
    )


def _create_order_discount(order: "Order", checkout_info: "CheckoutInfo"):
    checkout = checkout_info.checkout
    checkout_discount = checkout.discounts.first()

    # Currently, we don't create `CheckoutDiscount` of type VOUCHER, so if there is
    # discount on checkout, but not related `CheckoutDiscount`, we assume it is
    # a voucher discount.
    is_voucher_discount = checkout.discount and not checkout_discount
    is_order_level_voucher_discount = is_voucher_discount and not is_line_level_voucher(
        checkout_info.voucher
    )

    is_promotion_discount = (
        checkout_discount and checkout_discount.type == DiscountType.ORDER_PROMOTION
    )

    if is_promotion_discount:
        checkout_discount = cast(CheckoutDiscount, checkout_discount)
        discount_data = model_to_dict(checkout_discount)
        discount_data["promotion_rule"] = checkout_discount.promotion_rule
        del discount_data["checkout"]
        order.discounts.create(**discount_data)

    if is_order_level_voucher_discount:
        # Store voucher as a fixed value as it this the simplest solution for now.
        # This will be solved when we refactor the voucher logic to use .discounts
        # relations.
        order.discounts.create(
            type=DiscountType.VOUCHER,
            value_type=DiscountValueType.FIXED,
            value=checkout.discount.amount,
            name=checkout.discount_name,
            translated_name=checkout.translated_discount_name,
            currency=checkout.currency,
            amount_value=checkout.discount_amount,
            voucher=checkout_info.voucher,
            voucher_code=(
                checkout_info.voucher_code.code if checkout_info.voucher_code else None
            ),
        )


def _post_create_order_actions(
    order: "Order",
    checkout_info: "CheckoutInfo",
    order_lines_info: list["OrderLineInfo"],
    manager: "PluginsManager",
    user: User | None,
    app: Optional["App"],
    site_settings: "SiteSettings",
    is_automatic_completion: bool,
):
    order_info = OrderInfo(
        order=order,
        customer_email=order.user_email,
        channel=checkout_info.channel,
        payment=order.get_last_payment(),
        lines_data=order_lines_info,
    )

    transaction.on_commit(
        lambda: order_created(
            order_info=order_info,
            user=user,
            app=app,
            manager=manager,
            site_settings=site_settings,
            automatic=is_automatic_completion,
        )
    )

    # Send the order confirmation email
    transaction.on_commit(
        lambda: send_order_confirmation(
            order_info, checkout_info.checkout.redirect_url, manager
        )
    )


def _create_order_from_checkout(
    checkout_info: CheckoutInfo,
    checkout_lines_info: list[CheckoutLineInfo],
    manager: "PluginsManager",
    user: User | None,
    app: Optional["App"],
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
    force_update: bool = False,
):
    from ..order.utils import add_gift_cards_to_order

    site_settings = Site.objects.get_current().settings

    reservation_enabled = is_reservation_enabled(site_settings)
    tax_configuration = checkout_info.tax_configuration
    prices_entered_with_tax = tax_configuration.prices_entered_with_tax

    # total
    taxed_total = calculations.calculate_checkout_total_with_gift_cards(
        manager=manager,
        checkout_info=checkout_info,
        lines=checkout_lines_info,
        force_update=force_update,
    )

    # voucher
    voucher = checkout_info.voucher
    voucher_code = (
        checkout_info.voucher_code.code if checkout_info.voucher_code else None
    )

    # shipping
    undiscounted_base_shipping_price = base_checkout_undiscounted_delivery_price(
        checkout_info, checkout_lines_info
    )
    base_shipping_price = base_checkout_delivery_price(
        checkout_info, checkout_lines_info
    )
    shipping_total = calculations.checkout_shipping_price(
        manager=manager,
        checkout_info=checkout_info,
        lines=checkout_lines_info,
    )
    shipping_tax_rate = calculations.checkout_shipping_tax_rate(
        manager=manager,
        checkout_info=checkout_info,
        lines=checkout_lines_info,
    )

    # status
    status = (
        OrderStatus.UNFULFILLED
        if (
            checkout_info.channel.automatically_confirm_all_new_orders
            and checkout_info.checkout.payment_transactions.exists()
        )
        else OrderStatus.UNCONFIRMED
    )
    checkout_metadata = get_or_create_checkout_metadata(checkout_info.checkout)

    # update metadata
    if metadata_list:
        checkout_metadata.store_value_in_metadata(
            {data.key: data.value for data in metadata_list}
        )
    if private_metadata_list:
        checkout_metadata.store_value_in_private_metadata(
            {data.key: data.value for data in private_metadata_list}
        )

    shipping_details = _process_shipping_data_for_order(
        checkout_info,
        undiscounted_base_shipping_price,
        base_shipping_price,
        shipping_total,
        manager,
        checkout_lines_info,
    )

    # order
    order = Order.objects.create(  # type: ignore[misc] # see below:
        status=status,
        language_code=checkout_info.checkout.language_code,
        total=taxed_total,  # money field not supported by mypy_django_plugin
        shipping_tax_rate=shipping_tax_rate,
        voucher=voucher,
        voucher_code=voucher_code,
        checkout_token=str(checkout_info.checkout.token),
        origin=OrderOrigin.CHECKOUT,
        channel=checkout_info.channel,
        metadata=checkout_metadata.metadata,
        private_metadata=checkout_metadata.private_metadata,
        redirect_url=checkout_info.checkout.redirect_url,
        should_refresh_prices=False,
        tax_exemption=checkout_info.checkout.tax_exemption,
        tax_error=checkout_info.checkout.tax_error,
        lines_count=len(checkout_lines_info),
        **shipping_details,
        **_process_user_data_for_order(checkout_info, manager),
    )

    # checkout discount
    _create_order_discount(order, checkout_info)

    # lines
    order_lines_info = _create_order_lines_from_checkout_lines(
        checkout_info=checkout_info,
        lines=checkout_lines_info,
        manager=manager,
        order_pk=order.pk,
        prices_entered_with_tax=prices_entered_with_tax,
        site_settings=site_settings,
    )

    # update undiscounted order total
    undiscounted_total = (
        sum(
            [line_info.line.undiscounted_total_price for line_info in order_lines_info],
            start=zero_taxed_money(taxed_total.currency),
        )
        + undiscounted_base_shipping_price
    )
    order.undiscounted_total = undiscounted_total
    currency = checkout_info.checkout.currency
    subtotal_list = [line.line.total_price for line in order_lines_info]
    order.subtotal = sum(subtotal_list, zero_taxed_money(currency))
    order.save(
        update_fields=[
            "undiscounted_total_net_amount",
            "undiscounted_total_gross_amount",
            "subtotal_net_amount",
            "subtotal_gross_amount",
        ]
    )
    # allocations
    _handle_allocations_of_order_lines(
        checkout_info=checkout_info,
        checkout_lines=checkout_lines_info,
        order_lines_info=order_lines_info,
        site_settings=site_settings,
        requestor=app or user,
        reservation_enabled=reservation_enabled,
        calculate_stocks_with_shipping_zones=site_settings.use_legacy_shipping_zone_stock_availability,
    )

    # giftcards
    total_without_giftcard = calculations.calculate_checkout_total(
        manager=manager,
        checkout_info=checkout_info,
        lines=checkout_lines_info,
    ).gross
    add_gift_cards_to_order(checkout_info, order, total_without_giftcard, user, app)

    # payments
    checkout_info.checkout.payments.update(order=order, checkout_id=None)
    checkout_info.checkout.payment_transactions.update(order=order, checkout_id=None)
    update_order_charge_data(order, with_save=False)
    update_order_authorize_data(order, with_save=False)

    # tax settings
    update_order_display_gross_prices(order)

    # order search
    order.search_vector = FlatConcatSearchVector(
        *prepare_order_search_vector_value(order)
    )
    order.save()

    # post create actions
    _post_create_order_actions(
        order=order,
        checkout_info=checkout_info,
        order_lines_info=order_lines_info,
        manager=manager,
        user=user,
        app=app,
        site_settings=site_settings,
        is_automatic_completion=is_automatic_completion,
    )
    return order


def create_order_from_checkout(
    checkout_info: CheckoutInfo,
    manager: "PluginsManager",
    user: Optional["User"],
    app: Optional["App"],
    delete_checkout: bool = True,
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
) -> Order:
    """Crate order from checkout.

    If checkout doesn't have all required data, the function will raise ValidationError.

    Each order will get a private copy of both the billing and the shipping
    address (if shipping).

    If any of the addresses is new and the user is logged in the address
    will also get saved to that user's address book.

    Current user's language is saved in the order so we can later determine
    which language to use when sending email.

    Checkout can be deleted by setting flag `delete_checkout` to True

    :raises: InsufficientStock, GiftCardNotApplicable
    """

    code = None
    checkout_pk = checkout_info.checkout.pk

    if voucher := checkout_info.voucher:
        with transaction.atomic():
            checkout = (
                Checkout.objects.select_for_update().filter(pk=checkout_pk).first()
            )
            if not checkout:
                order = Order.objects.get_by_checkout_token(checkout_pk)
                return order
            code = _increase_voucher_code_usage_value(checkout_info=checkout_info)

    with transaction.atomic():
        checkout = Checkout.objects.select_for_update().filter(pk=checkout_pk).first()
        if not checkout:
            order = Order.objects.get_by_checkout_token(checkout_pk)
            return order

        # Fetching checkout info inside the transaction block with select_for_update
        # ensure that we are processing checkout on the current data.
        force_update = checkout.tax_error is not None
        checkout_lines, _ = fetch_checkout_lines(checkout, voucher=voucher)
        checkout_info = fetch_checkout_info(
            checkout, checkout_lines, manager, voucher=voucher, voucher_code=code
        )
        if not checkout_lines:
            raise ValidationError(
                {
                    "lines": ValidationError(
                        "Cannot complete checkout without lines.",
                        code=CheckoutErrorCode.NO_LINES.value,
                    )
                }
            )
        assign_checkout_user(user, checkout_info)

        try:
            order = _create_order_from_checkout(
                checkout_info=checkout_info,
                checkout_lines_info=list(checkout_lines),
                manager=manager,
                user=user,
                app=app,
                metadata_list=metadata_list,
                private_metadata_list=private_metadata_list,
                is_automatic_completion=is_automatic_completion,
                force_update=force_update,
            )

            if checkout_info.checkout.tax_error is not None:
                checkout_id = graphene.Node.to_global_id(
                    "Checkout", checkout_info.checkout.pk
                )
                logger.warning(
                    "Tax app error for checkout %s",
                    checkout_id,
                    extra={
                        "tax_error": checkout_info.checkout.tax_error,
                        "checkout_id": checkout_id,
                    },
                )
                raise TaxDataError("Configured Tax App returned invalid response.")

            if delete_checkout:
                delete_checkouts([checkout_info.checkout.pk])
                checkout_info.checkout.pk = None
            else:
                checkout = checkout_info.checkout
                update_fields = []
                if checkout.shipping_address:
                    checkout.shipping_address = checkout.shipping_address.get_copy()
                    update_fields.append("shipping_address")
                if checkout.billing_address:
                    checkout.billing_address = checkout.billing_address.get_copy()
                    update_fields.append("billing_address")
                if update_fields:
                    checkout.save(update_fields=update_fields)
            return order
        except InsufficientStock:
            _complete_checkout_fail_handler(
                checkout_info,
                manager,
                voucher_code=code,
                voucher=voucher,
            )
            raise
        except GiftCardNotApplicable:
            _complete_checkout_fail_handler(
                checkout_info,
                manager,
                voucher_code=code,
                voucher=voucher,
            )
            raise


def assign_checkout_user(
    user: Optional["User"],
    checkout_info: "CheckoutInfo",
):
    # Assign checkout user to an existing user if checkout email matches a valid
    #  customer account
    if user is None and not checkout_info.user and checkout_info.checkout.email:
        existing_user = retrieve_user_by_email(checkout_info.checkout.email)
        checkout_info.user = (
            existing_user if existing_user and existing_user.is_active else None
        )


def complete_checkout(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    payment_data: dict[Any, Any],
    store_source: bool,
    user: Optional["User"],
    app: Optional["App"],
    site_settings: Optional["SiteSettings"] = None,
    redirect_url: str | None = None,
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
) -> tuple[Order | None, bool, dict]:
    checkout = checkout_info.checkout
    transactions = checkout_info.checkout.payment_transactions.all()

    force_update = checkout_info.checkout.tax_error is not None
    fetch_checkout_data(
        checkout_info, manager, lines, force_update=force_update, requestor=app or user
    ).get()
    if checkout_info.checkout.tax_error is not None:
        raise ValidationError(
            "Configured Tax App returned invalid response.",
            code=CheckoutErrorCode.TAX_ERROR.value,
        )

    active_payment = checkout.get_last_active_payment()
    is_checkout_fully_authorized = (
        checkout.authorize_status == CheckoutAuthorizeStatus.FULL
    )
    checkout_is_zero = checkout_info.checkout.total.gross.amount == Decimal(0)
    is_transaction_flow = (
        checkout_info.channel.order_mark_as_paid_strategy
        == MarkAsPaidStrategy.TRANSACTION_FLOW
    )
    # When checkout is zero, we don't need any transaction to cover the checkout total.
    # We check if checkout is zero, and we also check what flow for marking an order as
    # paid is used. In case when we have TRANSACTION_FLOW we use transaction flow to
    # finalize the checkout.
    # When checkout is not fully authorized and contains active payment, we use the
    # payment flow to finalize the checkout.
    if (
        is_checkout_fully_authorized
        or (transactions and not active_payment)
        or checkout_info.channel.allow_unpaid_orders
        or (checkout_is_zero and is_transaction_flow)
    ):
        order = complete_checkout_with_transaction(
            manager=manager,
            checkout_info=checkout_info,
            lines=lines,
            user=user,
            app=app,
            redirect_url=redirect_url,
            metadata_list=metadata_list,
            private_metadata_list=private_metadata_list,
            is_automatic_completion=is_automatic_completion,
        )
        return order, False, {}

    return complete_checkout_with_payment(
        manager=manager,
        checkout_pk=checkout_info.checkout.pk,
        payment_data=payment_data,
        store_source=store_source,
        user=user,
        app=app,
        site_settings=site_settings,
        redirect_url=redirect_url,
        metadata_list=metadata_list,
        private_metadata_list=private_metadata_list,
        is_automatic_completion=is_automatic_completion,
    )


def complete_checkout_with_transaction(
    manager: "PluginsManager",
    checkout_info: "CheckoutInfo",
    lines: list["CheckoutLineInfo"],
    user: Optional["User"],
    app: Optional["App"],
    redirect_url: str | None = None,
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
) -> Order | None:
    try:
        _prepare_checkout_with_transactions(
            manager=manager,
            checkout_info=checkout_info,
            lines=lines,
            redirect_url=redirect_url,
        )

        return create_order_from_checkout(
            checkout_info=checkout_info,
            manager=manager,
            user=user,
            app=app,
            delete_checkout=True,
            metadata_list=metadata_list,
            private_metadata_list=private_metadata_list,
            is_automatic_completion=is_automatic_completion,
        )
    except Checkout.DoesNotExist:
        order = Order.objects.get_by_checkout_token(checkout_info.checkout.token)
        return order
    except NotApplicable as e:
        raise ValidationError(
            {
                "voucher_code": ValidationError(
                    "Voucher not applicable",
                    code=CheckoutErrorCode.VOUCHER_NOT_APPLICABLE.value,
                )
            }
        ) from e
    except InsufficientStock as e:
        error = prepare_insufficient_stock_checkout_validation_error(e)
        raise error from e
    except GiftCardNotApplicable as e:
        raise ValidationError({"gift_cards": e}) from e


def complete_checkout_with_payment(
    manager: "PluginsManager",
    checkout_pk: UUID,
    payment_data,
    store_source,
    user,
    app,
    site_settings=None,
    redirect_url=None,
    metadata_list: list | None = None,
    private_metadata_list: list | None = None,
    is_automatic_completion: bool = False,
) -> tuple[Order | None, bool, dict]:
    """Logic required to finalize the checkout and convert it to order.

    Should be used with transaction_with_commit_on_errors, as there is a possibility
    for thread race.
    :raises ValidationError
    """
    with transaction_with_commit_on_errors():
        checkout = Checkout.objects.select_for_update().filter(pk=checkout_pk).first()
        if not checkout:
            order = Order.objects.get_by_checkout_token(checkout_pk)
            return order, False, {}

        checkout.completing_started_at = timezone.now()
        checkout.save(update_fields=["completing_started_at"])

        # Fetching checkout info inside the transaction block with select_for_update
        # enure that we are processing checkout on the current data.
        lines, _ = fetch_checkout_lines(checkout)
        checkout_info = fetch_checkout_info(checkout, lines, manager)
        assign_checkout_user(user, checkout_info)

        site_settings = site_settings or Site.objects.get_current().settings
        payment, customer_id, order_data = complete_checkout_pre_payment_part(
            manager=manager,
            checkout_info=checkout_info,
            lines=lines,
            user=user,
            app=app,
            site_settings=site_settings,
            redirect_url=redirect_url,
        )

        _reserve_stocks_without_availability_check(
            checkout_info,
            lines,
            site_settings.use_legacy_shipping_zone_stock_availability,
        )

    # Process payments out of transaction to unlock stock rows for another user,
    # who potentially can order the same product variants.
    txn = None
    channel_slug = checkout_info.channel.slug
    voucher = checkout_info.voucher
    voucher_code = checkout_info.voucher_code
    if payment:
        with transaction_with_commit_on_errors():
            checkout = (
                Checkout.objects.select_for_update().filter(pk=checkout_pk).first()
            )

            if not checkout:
                order = Order.objects.get_by_checkout_token(checkout_pk)
                return order, False, {}

            payment = Payment.objects.select_for_update().get(id=payment.id)
            txn = _process_payment(
                checkout_info=checkout_info,
                payment=payment,
                customer_id=customer_id,
                store_source=store_source,
                payment_data=payment_data,
                manager=manager,
                channel_slug=channel_slug,
                voucher_code=checkout_info.voucher_code,
                voucher=checkout_info.voucher,
            )

            # As payment processing might take a while, we need to check if the payment
            # doesn't become inactive in the meantime. If it's inactive we need to
            # refund the payment.
            payment.refresh_from_db()
            if not payment.is_active:
                _complete_checkout_fail_handler(
                    checkout_info,
                    manager,
                    voucher=order_data.get("voucher"),
                    payment=payment,
                )
                raise ValidationError(
                    f"The payment with pspReference: {payment.psp_reference} is "
                    "inactive.",
                    code=CheckoutErrorCode.INACTIVE_PAYMENT.value,
                )

    with transaction_with_commit_on_errors():
        checkout = (
            Checkout.objects.select_for_update()
            .filter(pk=checkout_info.checkout.pk)
            .first()
        )
        if not checkout:
            order = Order.objects.get_by_checkout_token(checkout_info.checkout.token)
            return order, False, {}

        # We need to refetch the checkout info to ensure that we process checkout
        # for correct data.
        lines, _ = fetch_checkout_lines(checkout, skip_recalculation=True)

        # reassign voucher data that was used during payment process to allow voucher
        # usage releasing in case of checkout complete failure
        checkout_info = fetch_checkout_info(
            checkout, lines, manager, voucher=voucher, voucher_code=voucher_code
        )

        order, action_required, action_data = complete_checkout_post_payment_part(
            manager=manager,
            checkout_info=checkout_info,
            lines=lines,
            payment=payment,
            txn=txn,
            order_data=order_data,
            user=user,
            app=app,
            site_settings=site_settings,
            metadata_list=metadata_list,
            private_metadata_list=private_metadata_list,
            is_automatic_completion=is_automatic_completion,
        )
        if checkout.pk:
            checkout.completing_started_at = None
            checkout.save(update_fields=["completing_started_at"])

    return order, action_required, action_data


def _reserve_stocks_without_availability_check(
    checkout_info: CheckoutInfo,
    lines: list[CheckoutLineInfo],
    calculate_stocks_with_shipping_zones: bool,
):
    """Add additional temporary reservation for stock.

    Due to unlocking rows, for the time of external payment call, it prevents users
    ordering the same product, in the same time, which is out of stock.
    """
    variants = [line.variant for line in lines]
    stocks = Stock.objects.get_variants_stocks(
        channel_slug=checkout_info.channel.slug,
        products_variants=variants,
        country_code=checkout_info.get_country(),
        include_shipping_zones=calculate_stocks_with_shipping_zones,
    )
    variants_stocks_map = {stock.product_variant_id: stock for stock in stocks}

    reservations = []
    for line in lines:
        if line.variant.id in variants_stocks_map:
            reservations.append(
                Reservation(
                    quantity_reserved=line.line.quantity,
                    reserved_until=timezone.now()
                    + datetime.timedelta(seconds=settings.RESERVE_DURATION),
                    stock=variants_stocks_map[line.variant.id],
                    checkout_line=line.line,
                )
            )
    Reservation.objects.bulk_create(reservations)
    return reservations


def _complete_checkout_fail_handler(
    checkout_info: "CheckoutInfo",
    manager: "PluginsManager",
    *,
    voucher_code: Optional["VoucherCode"] = None,
    voucher: Optional["Voucher"] = None,
    payment: Payment | None = None,
) -> None:
    """Handle the case when the checkout completion failed.

    - Release the checkout processing indicator.
    - Release the voucher usage.
    - Refund or void the payment.
    """
    checkout = checkout_info.checkout
    update_fields = []
    if checkout.completing_started_at is not None:
        # release the checkout processing indicator
        checkout.completing_started_at = None
        update_fields.append("completing_started_at")

    # release the voucher usage
    if voucher:
        _release_checkout_voucher_usage(
            checkout,
            voucher_code,
            voucher,
            get_customer_email_for_voucher_usage(checkout_info),
            update_fields,
        )

    if update_fields:
        checkout.save(update_fields=update_fields)

    if payment:
        gateway.payment_refund_or_void(
            payment, manager, channel_slug=checkout_info.channel.slug
        )
