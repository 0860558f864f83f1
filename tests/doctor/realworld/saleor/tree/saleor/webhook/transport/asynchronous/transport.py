import datetime
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from celery import group
from celery.exceptions import MaxRetriesExceededError
from celery.utils.log import get_task_logger
from django.apps import apps
from django.conf import settings
from django.db import transaction
from opentelemetry.trace import StatusCode
from promise import Promise

from ....celeryconf import app
from ....core import EventDeliveryStatus
from ....core.db.connection import allow_writer
from ....core.models import EventDelivery, EventPayload
from ....core.telemetry import (
    TelemetryTaskContext,
    get_task_context,
    task_with_telemetry_context,
)
from ....core.tracing import webhooks_otel_trace
from ....core.utils import get_domain
from ....core.utils.url import sanitize_url_for_logging
from ....graphql.webhook.subscription_payload import (
    generate_payload_promise_from_subscription,
    get_pre_save_payload_key,
    initialize_request,
)
from ... import observability
from ...event_types import WebhookEventAsyncType, WebhookEventSyncType
from ...observability import WebhookData
from ..metrics import record_external_request, record_first_delivery_attempt_delay
from ..utils import (
    DEFERRED_SUBSCRIBABLE_OBJECT_MAP,
    DeferredPayloadData,
    RequestorModelName,
    WebhookResponse,
    WebhookSchemes,
    attempt_update,
    clear_successful_deliveries,
    clear_successful_delivery,
    create_attempt,
    create_attempts_for_deliveries,
    delivery_update,
    get_deliveries_for_app,
    get_delivery_for_webhook,
    get_multiple_deliveries_for_webhooks,
    get_sqs_message_group_id,
    handle_webhook_retry,
    prepare_deferred_payload_data,
    process_failed_deliveries,
    send_webhook_using_scheme_method,
)

if TYPE_CHECKING:
    from ....graphql.core.context import SaleorContext
    from ....graphql.core.dataloaders import DataLoader
    from ....webhook.models import Webhook


logger = logging.getLogger(__name__)
task_logger = get_task_logger(f"{__name__}.celery")

OBSERVABILITY_QUEUE_NAME = "observability"
MAX_WEBHOOK_EVENTS_IN_DB_BULK = 100

MAX_WEBHOOK_RETRIES = 5
WEBHOOK_ASYNC_BATCH_SIZE = 100


@dataclass
class WebhookPayloadData:
    subscribable_object: Any
    legacy_data_generator: Callable[[], str] | None = None
    data: str | None = None  # deprecated, legacy_data_generator should be used instead


def create_deliveries_for_multiple_subscription_objects(
    event_type,
    subscribable_objects,
    webhooks,
    requestor=None,
    allow_replica=False,
    pre_save_payloads: dict | None = None,
    request_time: datetime.datetime | None = None,
) -> Promise[list[EventDelivery]]:
    """Create event deliveries with payloads based on multiple subscription objects.

    Trigger webhooks for each object in `subscribable_objects`. EventDeliveries and
    their related objects will be created in bulk.

    It uses a subscription query, defined for webhook to explicitly determine
    what fields should be included in the payload.

    :param event_type: event type which should be triggered.
    :param subscribable_objects: subscribable objects to process via subscription query.
    :param webhooks: sequence of async webhooks.
    :param requestor: used in subscription webhooks to generate meta data for payload.
    :return: List of event deliveries to send via webhook tasks.
    :param allow_replica: use replica database.
    """
    from ....graphql.webhook.subscription_types import WEBHOOK_TYPES_MAP

    if event_type not in WEBHOOK_TYPES_MAP:
        logger.info(
            "Skipping subscription webhook. Event %s is not subscribable.", event_type
        )
        return Promise.resolve([])

    is_sync_event = event_type in WebhookEventSyncType.ALL
    dataloaders: dict[str, type[DataLoader]] = {}
    request_map: dict[int, SaleorContext] = {}

    promises = []
    subscribable_object_with_webhook = []
    for subscribable_object in subscribable_objects:
        # Dataloaders are shared between calls to generate_payload_from_subscription to
        # reuse their cache. This avoids unnecessary DB queries when different webhooks
        # need to resolve the same data.
        for webhook in webhooks:
            request = request_map.get(webhook.app_id)
            if not request:
                request = initialize_request(
                    app=webhook.app,
                    requestor=requestor,
                    sync_event=is_sync_event,
                    event_type=event_type,
                    allow_replica=allow_replica,
                    request_time=request_time,
                    dataloaders=dataloaders,
                )
                request_map[webhook.app_id] = request

            promise = generate_payload_promise_from_subscription(
                event_type=event_type,
                subscribable_object=subscribable_object,
                subscription_query=webhook.subscription_query,
                request=request,
            )
            subscribable_object_with_webhook.append((subscribable_object, webhook))
            promises.append(promise)

    def process_webhook_payloads(webhook_payloads):
        event_payloads = []
        event_payloads_data = []
        event_deliveries = []
        event_deliveries_for_bulk_update = []

        for (subscribable_object, webhook), data in zip(
            subscribable_object_with_webhook, webhook_payloads, strict=False
        ):
            if not data:
                logger.info(
                    "No payload was generated with subscription for event: %s",
                    event_type,
                )
                continue

            if (
                settings.ENABLE_LIMITING_WEBHOOKS_FOR_IDENTICAL_PAYLOADS
                and pre_save_payloads
            ):
                key = get_pre_save_payload_key(webhook, subscribable_object)
                pre_save_payload = pre_save_payloads.get(key)
                if pre_save_payload and pre_save_payload == data:
                    logger.info(
                        "[Webhook ID:%r] No data changes for event %r, skip delivery to %r",
                        webhook.id,
                        event_type,
                        sanitize_url_for_logging(webhook.target_url),
                    )
                    continue

            payload_data = json.dumps({**data})
            event_payloads_data.append(payload_data)
            event_payload = EventPayload()
            event_payloads.append(event_payload)
            event_delivery = EventDelivery(
                status=EventDeliveryStatus.PENDING,
                event_type=event_type,
                payload=event_payload,
                webhook=webhook,
            )
            event_deliveries_for_bulk_update.append(event_delivery)

            if len(event_deliveries_for_bulk_update) > MAX_WEBHOOK_EVENTS_IN_DB_BULK:
                with allow_writer():
                    # Use transaction to ensure EventPayload and EventDelivery are created together, preventing inconsistent DB state.
                    with transaction.atomic():
                        EventPayload.objects.bulk_create_with_payload_files(
                            event_payloads, event_payloads_data
                        )
                        event_deliveries.extend(
                            EventDelivery.objects.bulk_create(
                                event_deliveries_for_bulk_update
                            )
                        )
                event_payloads = []
                event_payloads_data = []
                event_deliveries_for_bulk_update = []

        with allow_writer():
            # Use transaction to ensure EventPayload and EventDelivery are created together, preventing inconsistent DB state.
            with transaction.atomic():
                EventPayload.objects.bulk_create_with_payload_files(
                    event_payloads, event_payloads_data
                )
                event_deliveries.extend(
                    EventDelivery.objects.bulk_create(event_deliveries_for_bulk_update)
                )
            return event_deliveries

    return Promise.all(promises).then(process_webhook_payloads)


def create_deliveries_for_subscriptions(
    event_type: str,
    subscribable_object,
    webhooks: Sequence["Webhook"],
    requestor=None,
    allow_replica=False,
    pre_save_payloads: dict | None = None,
    request_time: datetime.datetime | None = None,
) -> list[EventDelivery]:
    """Create a list of event deliveries with payloads based on subscription query.

    It uses a subscription query, defined for webhook to explicitly determine
    what fields should be included in the payload.

    :param event_type: event type which should be triggered.
    :param subscribable_object: subscribable object to process via subscription query.
    :param webhooks: sequence of async webhooks.
    :param requestor: used in subscription webhooks to generate meta data for payload.
    :return: List of event deliveries to send via webhook tasks.
    :param allow_replica: use replica database.
    """
    return create_deliveries_for_multiple_subscription_objects(
        event_type,
        [subscribable_object],
        webhooks,
        requestor,
        allow_replica,
        pre_save_payloads,
        request_time,
    ).get()


def create_deliveries_for_deferred_payload_subscriptions(
    event_type: str,
    subscribable_objects,
    webhooks: Sequence["Webhook"],
    requestor=None,
    allow_replica=False,
    request_time=None,
) -> dict[Hashable, list[tuple[EventDelivery, DeferredPayloadData]]]:
    deliveries_to_create = []
    deliveries_per_object: dict[
        Hashable, list[tuple[EventDelivery, DeferredPayloadData]]
    ] = defaultdict(list)

    for subscribable_object in subscribable_objects:
        deferred_payload_data = prepare_deferred_payload_data(
            subscribable_object=subscribable_object,
            requestor=requestor,
            request_time=request_time,
        )

        for webhook in webhooks:
            delivery = EventDelivery(
                status=EventDeliveryStatus.PENDING,
                event_type=event_type,
                webhook=webhook,
            )
            deliveries_to_create.append(delivery)
            deliveries_per_object[subscribable_object.pk].append(
                (delivery, deferred_payload_data)
            )

    EventDelivery.objects.bulk_create(deliveries_to_create)
    return deliveries_per_object


def group_webhooks_by_subscription(
    webhooks: Sequence["Webhook"],
) -> tuple[list["Webhook"], list["Webhook"]]:
    """Group webhooks by subscription query.

    Returns a tuple of two lists: legacy webhooks and subscription webhooks.
    """
    subscription = [webhook for webhook in webhooks if webhook.subscription_query]
    legacy = [webhook for webhook in webhooks if not webhook.subscription_query]
    return legacy, subscription


@allow_writer()
def create_event_delivery_list_for_webhooks(
    webhooks: Sequence["Webhook"],
    event_payload: "EventPayload",
    event_type: str,
) -> list[EventDelivery]:
    event_deliveries = EventDelivery.objects.bulk_create(
        [
            EventDelivery(
                status=EventDeliveryStatus.PENDING,
                event_type=event_type,
                payload=event_payload,
                webhook=webhook,
            )
            for webhook in webhooks
        ]
    )
    return event_deliveries


def get_queue_name_for_webhook(webhook, default_queue):
    return {
        WebhookSchemes.AWS_SQS: settings.WEBHOOK_SQS_CELERY_QUEUE_NAME,
        WebhookSchemes.GOOGLE_CLOUD_PUBSUB: settings.WEBHOOK_PUBSUB_CELERY_QUEUE_NAME,
    }.get(
        urlparse(webhook.target_url).scheme.lower(),
        default_queue,
    )


def trigger_webhooks_async_for_multiple_objects(
    event_type,
    webhooks,
    webhook_payloads_data: list[WebhookPayloadData],
    requestor=None,
    allow_replica=False,
    pre_save_payloads=None,
    request_time=None,
    queue=None,
):
    """Trigger async webhooks (regular and subscription) for each object in the list.

    :param event_type: used in both webhook types as event type.
    :param webhooks: used in both webhook types, queryset of async webhooks.
    :param webhook_payloads_data: list of webhook payload data, required to generate
    the payload.
    :param requestor: used in subscription webhooks to generate metadata for payload.
    :param allow_replica: use a replica database.
    :param queue: defines the queue to which the event should be sent.
    """
    if transaction.get_connection().in_atomic_block:
        # Async webhooks should be delivered after the transaction is committed.
        # Otherwise the delivery task may not be able to fetch all the required data and
        # the delivery may fail.
        logger.warning(
            "Async webhook was triggered inside a transaction: %s", event_type
        )

    legacy_webhooks, subscription_webhooks = group_webhooks_by_subscription(webhooks)

    is_deferred_payload = WebhookEventAsyncType.EVENT_MAP.get(event_type, {}).get(
        "is_deferred_payload", False
    )

    # List of deliveries with payloads.
    deliveries: list[EventDelivery] = []
    delivery_promise: Promise[list[EventDelivery]] | None = None

    # List of deliveries and data to generate deferred payloads for each subscribable
    # object. Note: we assume that all subscribable objects are of the same type.
    deferred_deliveries_per_object: dict[
        Hashable, list[tuple[EventDelivery, DeferredPayloadData]]
    ] = defaultdict(list)

    for webhook_payload_detail in webhook_payloads_data:
        if legacy_webhooks:
            data = webhook_payload_detail.data
            if webhook_payload_detail.legacy_data_generator:
                data = webhook_payload_detail.legacy_data_generator()
            elif data is None:
                raise NotImplementedError(
                    "No payload was provided for regular webhooks."
                )

            with allow_writer():
                # Use transaction to ensure EventPayload and EventDelivery are created
                # together, preventing inconsistent DB state.
                with transaction.atomic():
                    payload = EventPayload.objects.create_with_payload_file(data)
                    deliveries.extend(
                        create_event_delivery_list_for_webhooks(
                            webhooks=legacy_webhooks,
                            event_payload=payload,
                            event_type=event_type,
                        )
                    )

    if subscription_webhooks:
        subscribable_objects = [
            webhook_payload_data.subscribable_object
            for webhook_payload_data in webhook_payloads_data
        ]
        if is_deferred_payload:
            deferred_deliveries_per_object = (
                create_deliveries_for_deferred_payload_subscriptions(
                    event_type=event_type,
                    subscribable_objects=subscribable_objects,
                    webhooks=subscription_webhooks,
                    requestor=requestor,
                    allow_replica=allow_replica,
                    request_time=request_time,
                )
            )
        else:
            delivery_promise = create_deliveries_for_multiple_subscription_objects(
                event_type=event_type,
                subscribable_objects=subscribable_objects,
                webhooks=subscription_webhooks,
                requestor=requestor,
                allow_replica=allow_replica,
                pre_save_payloads=pre_save_payloads,
                request_time=request_time,
            )

    domain = get_domain()

    for _, deferred_deliveries in deferred_deliveries_per_object.items():
        if not deferred_deliveries:
            continue

        event_delivery_ids = [delivery.pk for delivery, _ in deferred_deliveries]

        # Deferred payload data is the same for all deliveries for a given subscribable
        # object; we can take the first one for given `deferred_deliveries`.
        deferred_payload_data = deferred_deliveries[0][1]

        message_group_id = get_sqs_message_group_id(domain, app=None)

        # Trigger deferred payload generation task for each subscribable object.
        # This task in run on the default queue; `send_webhook_queue` is passed to
        # run the `send_webhook_request_async` task after the payload is generated.
        generate_deferred_payloads.apply_async(
            kwargs={
                "event_delivery_ids": event_delivery_ids,
                "deferred_payload_data": asdict(deferred_payload_data),
                "send_webhook_queue": queue,
                "telemetry_context": get_task_context().to_dict(),
            },
            MessageGroupId=message_group_id,
            queue=settings.WEBHOOK_DEFERRED_PAYLOAD_QUEUE_NAME,
        )

    def process_deliveries(deliveries_list):
        for delivery in deliveries_list:
            message_group_id = get_sqs_message_group_id(domain, delivery.webhook.app)
            # TODO: switch to new `send_webhooks_async_for_app` task when we have
            # deduplication mechanism in place.

            send_webhook_request_async.apply_async(
                kwargs={
                    "event_delivery_id": delivery.pk,
                    "telemetry_context": get_task_context().to_dict(),
                },
                queue=get_queue_name_for_webhook(
                    delivery.webhook,
                    default_queue=queue or settings.WEBHOOK_CELERY_QUEUE_NAME,
                ),
                MessageGroupId=message_group_id,  # for AWS SQS fair queues
            )

    process_deliveries(deliveries)
    if delivery_promise:
        delivery_promise.then(process_deliveries).get()


def trigger_webhooks_async(
    data,  # deprecated, legacy_data_generator should be used instead
    event_type,
    webhooks,
    subscribable_object=None,
    requestor=None,
    legacy_data_generator=None,
    allow_replica=False,
    pre_save_payloads=None,
    request_time=None,
    queue=None,
):
    """Trigger async webhooks - both regular and subscription.

    :param data: used as payload in regular webhooks.
        Note: this is a legacy parameter, thus it is optional; if it's not provided,
        `legacy_data_generator` function is used to generate the payload when needed.
    :param event_type: used in both webhook types as event type.
    :param webhooks: used in both webhook types, queryset of async webhooks.
    :param subscribable_object: subscribable object used in subscription webhooks.
    :param requestor: used in subscription webhooks to generate metadata for payload.
    :param legacy_data_generator: used to generate payload for regular webhooks.
    :param allow_replica: use a replica database.
    :param queue: defines the queue to which the event should be sent.
    """
    trigger_webhooks_async_for_multiple_objects(
        event_type=event_type,
        webhooks=webhooks,
        webhook_payloads_data=[
            WebhookPayloadData(
                subscribable_object=subscribable_object,
                legacy_data_generator=legacy_data_generator,
                data=data,
            )
        ],
        requestor=requestor,
        allow_replica=allow_replica,
        pre_save_payloads=pre_save_payloads,
        request_time=request_time,
        queue=queue,
    )


def confirm_event_delivery_availability(
    event_delivery_ids: list[int],
    db_connection_name: str,
) -> tuple[set[int], set[int]]:
    """Confirm which event deliveries are available on the given DB connection."""
    available_delivery_pks = set(
        EventDelivery.objects.using(db_connection_name)
        .filter(pk__in=event_delivery_ids)
        .values_list("pk", flat=True)
    )

    missing_delivery_pks = set(event_delivery_ids) - available_delivery_pks
    return available_delivery_pks, missing_delivery_pks


@app.task(
    bind=True,
    max_retries=12,
)
@allow_writer()
@task_with_telemetry_context
def generate_deferred_payloads(
    self,
    event_delivery_ids: list,
    deferred_payload_data: dict,
    send_webhook_queue: str | None = None,
    *,
    telemetry_context: TelemetryTaskContext,
):
    if not event_delivery_ids:
        logger.warning(
            "No event delivery IDs provided for deferred payload generation task."
        )
        return

    task_properties = self.request.properties or {}
    message_group_id = task_properties.get("MessageGroupId")
    if message_group_id is None:
        domain = get_domain()
        message_group_id = get_sqs_message_group_id(domain, app=None)

    # Set up transaction to ensure that we always use the same
    # replica while checking the lag and generating the payloads.
    with transaction.atomic(
        using=settings.DATABASE_CONNECTION_REPLICA_NAME, savepoint=False
    ):
        db_connection_name = settings.DATABASE_CONNECTION_REPLICA_NAME
        available_delivery_pks, missing_delivery_pks = (
            confirm_event_delivery_availability(event_delivery_ids, db_connection_name)
        )

        if not available_delivery_pks:
            # If all deliveries are missing, we queue a retry to wait for replica
            try:
                retry_backoff = 1
                countdown = retry_backoff * (2**self.request.retries)
                raise self.retry(
                    countdown=countdown,
                    MessageGroupId=message_group_id,
                )
            except MaxRetriesExceededError:
                logger.error(
                    "Max retries exceeded for deferred payload generation. "
                    "Event deliveries not found on replica: %s.",
                    missing_delivery_pks,
                    extra={
                        "event_delivery_ids": event_delivery_ids,
                    },
                )
            return

        if missing_delivery_pks:
            # Process missing deliveries separately.
            request_kwargs = self.request.kwargs
            generate_deferred_payloads.apply_async(
                kwargs={
                    **request_kwargs,
                    "event_delivery_ids": list(missing_delivery_pks),
                },
                MessageGroupId=message_group_id,
            )

        _generate_deferred_payloads(
            event_delivery_ids=available_delivery_pks,
            deferred_payload_data=deferred_payload_data,
            send_webhook_queue=send_webhook_queue,
            telemetry_context=telemetry_context,
            database_connection_name=db_connection_name,
        )


def _generate_deferred_payloads(
    event_delivery_ids: set[int],
    deferred_payload_data: dict,
    send_webhook_queue: str | None,
    telemetry_context: TelemetryTaskContext,
    database_connection_name: str,
):
    deliveries = list(
        get_multiple_deliveries_for_webhooks(
            event_delivery_ids,
            database_connection_name=database_connection_name,
        )[0].values()
    )
    args_obj = DeferredPayloadData(**deferred_payload_data)
    requestor = None
    if args_obj.requestor_object_id and args_obj.requestor_model_name in (
        RequestorModelName.APP,
        RequestorModelName.USER,
    ):
        model = apps.get_model(args_obj.requestor_model_name)
        requestor = (
            model.objects.using(database_connection_name)
            .filter(pk=args_obj.requestor_object_id)
            .first()
        )

    if args_obj.subscribable_object_data is not None:
        event_type = deliveries[0].event_type
        subscribable_object = _reconstruct_subscribable_object(event_type, args_obj)
    elif args_obj.model_name and args_obj.object_id is not None:
        subscribable_object = (
            apps.get_model(args_obj.model_name)
            .objects.using(database_connection_name)
            .filter(pk=args_obj.object_id)
            .first()
        )
    else:
        subscribable_object = None
    if not subscribable_object:
        EventDelivery.objects.filter(pk__in=event_delivery_ids).update(
            status=EventDeliveryStatus.FAILED
        )
        return

    event_payloads = []
    event_payloads_data = []

    dataloaders: dict[str, type[DataLoader]] = {}
    request_map: dict[int, SaleorContext] = {}

    data_promises = []
    for delivery in deliveries:
        event_type = delivery.event_type
        webhook = delivery.webhook
        if not webhook.subscription_query:
            continue
        request = request_map.get(webhook.app_id)
        if not request:
            request = initialize_request(
                app=webhook.app,
                requestor=requestor,
                sync_event=event_type in WebhookEventSyncType.ALL,
                event_type=event_type,
                allow_replica=True,
                request_time=args_obj.request_time,
                dataloaders=dataloaders,
            )
            request_map[webhook.app_id] = request
        data_promises.append(
            generate_payload_promise_from_subscription(
                event_type=event_type,
                subscribable_object=subscribable_object,
                subscription_query=webhook.subscription_query,
                request=request,
            )
        )

    def with_subscription_payload(payloads):
        event_deliveries_for_bulk_update = []
        for data, delivery in zip(payloads, deliveries, strict=False):
            if data:
                data_json = json.dumps({**data})
                event_payloads_data.append(data_json)
                event_payload = EventPayload()
                event_payloads.append(event_payload)
                delivery.payload = event_payload
                event_deliveries_for_bulk_update.append(delivery)

        if event_deliveries_for_bulk_update:
            with allow_writer():
                with transaction.atomic():
                    EventPayload.objects.bulk_create_with_payload_files(
                        event_payloads, event_payloads_data
                    )
                    EventDelivery.objects.bulk_update(
                        event_deliveries_for_bulk_update, ["payload"]
                    )
        domain = get_domain()
        for delivery in event_deliveries_for_bulk_update:
            # Trigger webhook delivery task when the payload is ready.
            message_group_id = get_sqs_message_group_id(domain, delivery.webhook.app)
            # TODO: switch to new `send_webhooks_async_for_app` task when we have
            # deduplication mechanism in place.
            send_webhook_request_async.apply_async(
                kwargs={
                    "event_delivery_id": delivery.pk,
                    "telemetry_context": telemetry_context.to_dict(),
                },
                queue=get_queue_name_for_webhook(
                    delivery.webhook,
                    default_queue=send_webhook_queue
                    or settings.WEBHOOK_CELERY_QUEUE_NAME,
                ),
                MessageGroupId=message_group_id,  # for AWS SQS fair queues
            )

    Promise.all(data_promises).then(with_subscription_payload).get()
    return


def _reconstruct_subscribable_object(
    event_type: str,
    deferred_data: "DeferredPayloadData",
):
    """Reconstruct a dataclass subscribable object from serialized data.

    Looks up the expected dataclass from the event type mapping and instantiates
    it with the stored data. The dataclass constructor validates the structure —
    missing or unexpected fields will raise a TypeError.
    """
    data = deferred_data.subscribable_object_data
    if data is None:
        raise ValueError(
            "subscribable_object_data is required for "
            "dataclass-based deferred payloads."
        )
    cls = DEFERRED_SUBSCRIBABLE_OBJECT_MAP.get(event_type)
    if cls is None:
        raise ValueError(
            f"No subscribable object class registered for event type: "
            f"{event_type}. Add it to DEFERRED_SUBSCRIBABLE_OBJECT_MAP."
        )
    try:
        return cls(**data)
    except (TypeError, ValueError) as e:
        raise ValueError(
            f"Failed to reconstruct {cls.__name__} from deferred payload data: {e}"
        ) from e


@app.task(
    queue=settings.WEBHOOK_CELERY_QUEUE_NAME,
    bind=True,
    retry_backoff=10,
    retry_kwargs={"max_retries": 5},
)
@allow_writer()
@task_with_telemetry_context
def send_webhook_request_async(
    self, event_delivery_id, *, telemetry_context: TelemetryTaskContext
) -> None:
    delivery, not_found = get_delivery_for_webhook(event_delivery_id)
    if not delivery:
        if not_found:
            raise self.retry(countdown=1)
        return

    webhook = delivery.webhook
    domain = get_domain()
    attempt = create_attempt(delivery, self.request.id)
    response = WebhookResponse(content="", status=EventDeliveryStatus.FAILED)
    retry_on_failure = False

    if not delivery.payload:
        response.content = f"Event delivery id: %{event_delivery_id}r has no payload."
    else:
        data = delivery.payload.get_payload()
        # Covert payload to bytes if it's not already.
        data = data if isinstance(data, bytes) else data.encode("utf-8")
        # Count payload size in bytes.
        payload_size = len(data)

        if self.request.retries == 0:
            record_first_delivery_attempt_delay(
                delivery.created_at, delivery.event_type, webhook.app
            )
        with webhooks_otel_trace(
            delivery.event_type,
            payload_size,
            webhook.app,
            span_links=telemetry_context.links,
        ) as span:
            try:
                response = send_webhook_using_scheme_method(
                    webhook.target_url,
                    domain,
                    webhook.secret_key,
                    delivery.event_type,
                    data,
                    webhook.custom_headers,
                )
                retry_on_failure = True
            except ValueError as e:
                response.content = str(e)
            if response.status == EventDeliveryStatus.FAILED:
                span.set_status(StatusCode.ERROR)
        record_external_request(
            delivery.event_type,
            webhook.target_url,
            response,
            payload_size,
            webhook.app,
            sync=False,
        )

    if response.status == EventDeliveryStatus.FAILED:
        attempt_update(attempt, response)
        if retry_on_failure:
            handle_webhook_retry(self, webhook, response, delivery, attempt)
        delivery_update(delivery, EventDeliveryStatus.FAILED)
    elif response.status == EventDeliveryStatus.SUCCESS:
        task_logger.info(
            "[Webhook ID:%r] Payload sent to %r for event %r. Delivery id: %r",
            webhook.id,
            sanitize_url_for_logging(webhook.target_url),
            delivery.event_type,
            delivery.id,
        )
        delivery.status = EventDeliveryStatus.SUCCESS
        # update attempt without save to provide proper data in observability
        attempt_update(attempt, response, with_save=False)
    observability.report_event_delivery_attempt(attempt)
    clear_successful_delivery(delivery)


@app.task(
    queue=settings.WEBHOOK_CELERY_QUEUE_NAME,
    bind=True,
)
@allow_writer()
@task_with_telemetry_context
def send_webhooks_async_for_app(
    self,
    app_id,
    telemetry_context: TelemetryTaskContext,
) -> None:
    domain = get_domain()
    deliveries = get_deliveries_for_app(app_id, WEBHOOK_ASYNC_BATCH_SIZE)

    if not deliveries:
        return

    attempts_for_deliveries = create_attempts_for_deliveries(
        deliveries, self.request.id
    )
    failed_deliveries_attempts = []
    successful_deliveries = []

    for delivery_id, delivery_with_count in deliveries.items():
        delivery = delivery_with_count.delivery
        attempt_count = delivery_with_count.count
        attempt = attempts_for_deliveries[delivery_id]

        webhook = delivery.webhook

        try:
            if not delivery.payload:
                raise ValueError(f"Event delivery id: {delivery_id} has no payload.")
            data = delivery.payload.get_payload()
            # Convert payload to bytes if it's not already.
            data = data if isinstance(data, bytes) else data.encode("utf-8")
            # Count payload size in bytes.
            payload_size = len(data)

            if attempt_count == 0:
                record_first_delivery_attempt_delay(
                    delivery.created_at, delivery.event_type, webhook.app
                )
            with webhooks_otel_trace(
                delivery.event_type,
                payload_size,
                webhook.app,
                span_links=telemetry_context.links,
            ):
                response = send_webhook_using_scheme_method(
                    webhook.target_url,
                    domain,
                    webhook.secret_key,
                    delivery.event_type,
                    data,
                    webhook.custom_headers,
                )

            record_external_request(
                delivery.event_type,
                webhook.target_url,
                response,
                payload_size,
                webhook.app,
                sync=False,
            )
            if response.status == EventDeliveryStatus.FAILED:
                attempt_update(attempt, response, with_save=False)
                failed_deliveries_attempts.append((delivery, attempt, attempt_count))
            elif response.status == EventDeliveryStatus.SUCCESS:
                task_logger.info(
                    "[Webhook ID:%r] Payload sent to %r for event %r. Delivery id: %r",
                    webhook.id,
                    sanitize_url_for_logging(webhook.target_url),
                    delivery.event_type,
                    delivery.id,
                )
                delivery.status = EventDeliveryStatus.SUCCESS
                # update attempt without save to provide proper data in observability
                attempt_update(attempt, response, with_save=False)
        except ValueError as e:
            response = WebhookResponse(
                content=str(e), status=EventDeliveryStatus.FAILED
            )
            attempt_update(attempt, response, with_save=False)
            failed_deliveries_attempts.append((delivery, attempt, attempt_count))

        observability.report_event_delivery_attempt(attempt)
        successful_deliveries.append(delivery)

    process_failed_deliveries(failed_deliveries_attempts, MAX_WEBHOOK_RETRIES)
    clear_successful_deliveries(successful_deliveries)

    send_webhooks_async_for_app.apply_async(
        kwargs={
            "app_id": app_id,
            "telemetry_context": telemetry_context.to_dict(),
        },
    )


def send_observability_events(webhooks: list[WebhookData], events: list[bytes]):
    event_type = WebhookEventAsyncType.OBSERVABILITY
    for webhook in webhooks:
        scheme = urlparse(webhook.target_url).scheme.lower()
        failed = 0
        extra = {
            "webhook_id": webhook.id,
            "webhook_target_url": webhook.target_url,
            "events_count": len(events),
        }
        try:
            if scheme in [WebhookSchemes.AWS_SQS, WebhookSchemes.GOOGLE_CLOUD_PUBSUB]:
                for event in events:
                    response = send_webhook_using_scheme_method(
                        webhook.target_url,
                        webhook.saleor_domain,
                        webhook.secret_key,
                        event_type,
                        event,
                    )
                    if response.status == EventDeliveryStatus.FAILED:
                        failed += 1
            else:
                response = send_webhook_using_scheme_method(
                    webhook.target_url,
                    webhook.saleor_domain,
                    webhook.secret_key,
                    event_type,
                    observability.concatenate_json_events(events),
                )
                if response.status == EventDeliveryStatus.FAILED:
                    failed = len(events)
        except ValueError:
            logger.error(
                "Webhook ID: %r unknown webhook scheme: %r.",
                webhook.id,
                scheme,
                extra={**extra, "dropped_events_count": len(events)},
            )
            continue
        if failed:
            logger.info(
                "Webhook ID: %r failed request to %r (%s/%s events dropped): %r.",
                webhook.id,
                sanitize_url_for_logging(webhook.target_url),
                failed,
                len(events),
                response.content,
                extra={**extra, "dropped_events_count": failed},
            )
            continue
        logger.debug(
            "Successful delivered %s events to %r.",
            len(events),
            sanitize_url_for_logging(webhook.target_url),
            extra={**extra, "dropped_events_count": 0},
        )


@app.task(queue=OBSERVABILITY_QUEUE_NAME)
@allow_writer()
def observability_send_events():
    with observability.otel_trace("send_events_task", "task"):
        if webhooks := observability.get_webhooks():
            with observability.otel_trace("pop_events", "buffer"):
                events, _ = observability.pop_events_with_remaining_size()
            if events:
                with observability.otel_trace("send_events", "webhooks"):
                    send_observability_events(webhooks, events)


@app.task(queue=OBSERVABILITY_QUEUE_NAME)
@allow_writer()
def observability_reporter_task():
    with observability.otel_trace("reporter_task", "task"):
        if webhooks := observability.get_webhooks():
            with observability.otel_trace("pop_events", "buffer"):
                events, batch_count = observability.pop_events_with_remaining_size()
            if batch_count > 0:
                tasks = [observability_send_events.s() for _ in range(batch_count)]
                expiration = settings.OBSERVABILITY_REPORT_PERIOD.total_seconds()
                group(tasks).apply_async(expires=expiration)
            if events:
                with observability.otel_trace("send_events", "webhooks"):
                    send_observability_events(webhooks, events)
