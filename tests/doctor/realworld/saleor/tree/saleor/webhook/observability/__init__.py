from .buffers import get_buffer
from .exceptions import ObservabilityError
from .payloads import concatenate_json_events, dump_payload
from .tracing import otel_trace
from .utils import (
    WebhookData,
    get_buffer_name,
    get_webhooks,
    pop_events_with_remaining_size,
    report_api_call,
    report_event_delivery_attempt,
    report_gql_operation,
    report_view,
    task_next_retry_date,
)

__all__ = [
    "get_buffer",
    "pop_events_with_remaining_size",
    "ObservabilityError",
    "dump_payload",
    "WebhookData",
    "get_buffer_name",
    "get_webhooks",
    "report_api_call",
    "report_gql_operation",
    "report_event_delivery_attempt",
    "task_next_retry_date",
    "report_view",
    "otel_trace",
    "concatenate_json_events",
]
