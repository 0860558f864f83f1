from allauth.account.internal.flows.login import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    get_authentication_records,
)


__all__ = ["AUTHENTICATION_METHODS_SESSION_KEY", "get_authentication_records"]
