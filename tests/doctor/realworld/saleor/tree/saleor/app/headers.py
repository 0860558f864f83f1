class AppHeaders:
    DOMAIN = "Saleor-Domain"
    EVENT_TYPE = "Saleor-Event"
    SIGNATURE = "Saleor-Signature"
    API_URL = "Saleor-Api-Url"
    SCHEMA_VERSION = "Saleor-Schema-Version"


class DeprecatedAppHeaders:
    DOMAIN = "X-Saleor-Domain"
    EVENT_TYPE = "X-Saleor-Event"
    SIGNATURE = "X-Saleor-Signature"
