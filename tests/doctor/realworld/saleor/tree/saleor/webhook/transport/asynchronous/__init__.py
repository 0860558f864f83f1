from .transport import (
    create_deliveries_for_subscriptions,
    send_webhook_request_async,
    trigger_webhooks_async,
)

__all__ = [
    "create_deliveries_for_subscriptions",
    "trigger_webhooks_async",
    "send_webhook_request_async",
]
