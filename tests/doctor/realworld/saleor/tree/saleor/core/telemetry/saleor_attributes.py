from typing import Final

SALEOR_ENVIRONMENT_DOMAIN: Final = "saleor.environment.domain"

COMPONENT: Final = "component"
SPAN_TYPE: Final = "span.type"
OPERATION_NAME: Final = "operation.name"

# GraphQL
GRAPHQL_DOCUMENT_FINGERPRINT: Final = "graphql.document_fingerprint"
GRAPHQL_FIELD_NAME: Final = "graphql.field_name"
GRAPHQL_OPERATION_COST: Final = "graphql.operation.cost"
GRAPHQL_OPERATION_IDENTIFIER: Final = "graphql.operation.identifier"
GRAPHQL_PARENT_TYPE: Final = "graphql.parent_type"
GRAPHQL_RESOLVER_ROW_COUNT: Final = "graphql.resolver.row_count"
GRAPHQL_FIELD_DEPRECATED: Final = "graphql.field.deprecated"

# Http
SALEOR_SOURCE_SERVICE_NAME: Final = "saleor.source.service.name"

# Apps
SALEOR_APP_ID: Final = "saleor.app.id"
SALEOR_APP_IDENTIFIER: Final = "saleor.app.identifier"
SALEOR_APP_NAME: Final = "saleor.app.name"

# Webhooks
SALEOR_WEBHOOK_EXECUTION_MODE: Final = "saleor.webhook.execution_mode"
SALEOR_WEBHOOK_EVENT_TYPE: Final = "saleor.webhook.event_type"
SALEOR_WEBHOOK_PAYLOAD_SIZE: Final = "saleor.webhook.payload.size"

# Circuit Breaker
SALEOR_CIRCUIT_BREAKER_STATE: Final = "saleor.circuit_breaker.state"
