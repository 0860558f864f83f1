from common.graphql import field_conversions  # noqa
