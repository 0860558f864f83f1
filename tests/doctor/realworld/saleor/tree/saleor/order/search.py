from typing import TYPE_CHECKING

import graphene
from django.conf import settings
from django.db.models import Value, prefetch_related_objects

from ..account.search import generate_address_search_vector_value, generate_email_vector
from ..core.postgres import FlatConcatSearchVector, NoValidationSearchVector
from . import OrderEvents

if TYPE_CHECKING:
    from .models import Order


def update_order_search_vector(order: "Order", *, save: bool = True):
    order.search_vector = FlatConcatSearchVector(
        *prepare_order_search_vector_value(order)
    )
    if save:
        order.save(update_fields=["search_vector", "updated_at"])


def prepare_order_search_vector_value(
    order: "Order", *, already_prefetched=False
) -> list[NoValidationSearchVector]:
    if not already_prefetched:
        prefetch_related_objects(
            [order],
            "user",
            "billing_address",
            "shipping_address",
            "payments",
            "discounts",
            "lines",
            "payment_transactions__events",
            "invoices",
            "events",
        )
    search_vectors = [
        NoValidationSearchVector(Value(str(order.number)), config="simple", weight="A"),
        NoValidationSearchVector(
            Value(graphene.Node.to_global_id("Order", order.id)),
            config="simple",
            weight="A",
        ),
    ]
    if order.user_email:
        search_vectors.extend(generate_email_vector(order.user_email))
    if order.user:
        if order.user.email and order.user.email != order.user_email:
            search_vectors.extend(generate_email_vector(order.user.email))
        if order.user.first_name:
            search_vectors.append(
                NoValidationSearchVector(
                    Value(order.user.first_name), config="simple", weight="A"
                )
            )
        if order.user.last_name:
            search_vectors.append(
                NoValidationSearchVector(
                    Value(order.user.last_name), config="simple", weight="A"
                )
            )

    if order.customer_note:
        search_vectors.append(
            NoValidationSearchVector(
                Value(order.customer_note), config="simple", weight="B"
            )
        )

    if order.billing_address:
        search_vectors += generate_address_search_vector_value(
            order.billing_address, weight="B"
        )
    if order.shipping_address:
        search_vectors += generate_address_search_vector_value(
            order.shipping_address, weight="B"
        )
    if order.external_reference:
        search_vectors.append(
            NoValidationSearchVector(
                Value(order.external_reference), config="simple", weight="B"
            )
        )

    search_vectors += generate_order_payments_search_vector_value(order)
    search_vectors += generate_order_discounts_search_vector_value(order)
    search_vectors += generate_order_lines_search_vector_value(order)
    search_vectors += generate_order_transactions_search_vector_value(order)
    search_vectors += generate_order_invoices_search_vector_value(order)
    search_vectors += generate_order_events_search_vector_value(order)
    return search_vectors


def generate_order_transactions_search_vector_value(
    order: "Order",
) -> list[NoValidationSearchVector]:
    transaction_vectors = []
    for transaction in order.payment_transactions.all()[
        : settings.SEARCH_ORDERS_MAX_INDEXED_TRANSACTIONS
    ]:
        transaction_vectors.append(
            NoValidationSearchVector(
                Value(graphene.Node.to_global_id("TransactionItem", transaction.token)),
                config="simple",
                weight="D",
            )
        )
        if transaction.psp_reference:
            transaction_vectors.append(
                NoValidationSearchVector(
                    Value(transaction.psp_reference),
                    config="simple",
                    weight="D",
                )
            )
        for event in transaction.events.all()[
            : settings.SEARCH_ORDERS_MAX_INDEXED_TRANSACTIONS
        ]:
            if event.psp_reference:
                transaction_vectors.append(
                    NoValidationSearchVector(
                        Value(event.psp_reference),
                        config="simple",
                        weight="D",
                    )
                )
    return transaction_vectors


def generate_order_payments_search_vector_value(
    order: "Order",
) -> list[NoValidationSearchVector]:
    payment_vectors = []
    for payment in order.payments.all()[: settings.SEARCH_ORDERS_MAX_INDEXED_PAYMENTS]:
        payment_vectors.append(
            NoValidationSearchVector(
                Value(graphene.Node.to_global_id("Payment", payment.id)),
                config="simple",
                weight="D",
            )
        )
        if payment.psp_reference:
            payment_vectors.append(
                NoValidationSearchVector(
                    Value(payment.psp_reference),
                    config="simple",
                    weight="D",
                )
            )
    return payment_vectors


def generate_order_discounts_search_vector_value(
    order: "Order",
) -> list[NoValidationSearchVector]:
    discount_vectors = []
    for discount in order.discounts.all()[
        : settings.SEARCH_ORDERS_MAX_INDEXED_DISCOUNTS
    ]:
        if discount.name:
            discount_vectors.append(
                NoValidationSearchVector(
                    Value(discount.name),
                    config="simple",
                    weight="D",
                )
            )
        if discount.translated_name:
            discount_vectors.append(
                NoValidationSearchVector(
                    Value(discount.translated_name),
                    config="simple",
                    weight="D",
                )
            )
    return discount_vectors


def generate_order_lines_search_vector_value(
    order: "Order",
) -> list[NoValidationSearchVector]:
    line_vectors = []
    for line in order.lines.all()[: settings.SEARCH_ORDERS_MAX_INDEXED_LINES]:
        if line.product_sku:
            line_vectors.append(
                NoValidationSearchVector(
                    Value(line.product_sku),
                    config="simple",
                    weight="C",
                )
            )
        if line.product_name:
            line_vectors.append(
                NoValidationSearchVector(
                    Value(line.product_name),
                    config="simple",
                    weight="C",
                )
            )
        if line.variant_name:
            line_vectors.append(
                NoValidationSearchVector(
                    Value(line.variant_name),
                    config="simple",
                    weight="C",
                )
            )
        if line.translated_product_name:
            line_vectors.append(
                NoValidationSearchVector(
                    Value(line.translated_product_name),
                    config="simple",
                    weight="C",
                )
            )
        if line.translated_variant_name:
            line_vectors.append(
                NoValidationSearchVector(
                    Value(line.translated_variant_name),
                    config="simple",
                    weight="C",
                )
            )
    return line_vectors


def generate_order_invoices_search_vector_value(
    order: "Order",
) -> list[NoValidationSearchVector]:
    invoice_vectors = []
    for invoice in order.invoices.all().order_by("-created_at")[
        : settings.SEARCH_ORDERS_MAX_INDEXED_INVOICES
    ]:
        invoice_vectors.append(
            NoValidationSearchVector(
                Value(graphene.Node.to_global_id("Invoice", invoice.id)),
                config="simple",
                weight="D",
            )
        )
    return invoice_vectors


def generate_order_events_search_vector_value(
    order: "Order",
) -> list[NoValidationSearchVector]:
    event_vectors = []
    events = order.events.filter(
        type__in=[OrderEvents.NOTE_ADDED, OrderEvents.NOTE_UPDATED]
    ).order_by("-date")
    for event in events[: settings.SEARCH_ORDERS_MAX_INDEXED_EVENTS]:
        if message := event.parameters.get("message"):
            event_vectors.append(
                NoValidationSearchVector(
                    Value(message),
                    config="simple",
                    weight="D",
                )
            )
    return event_vectors
