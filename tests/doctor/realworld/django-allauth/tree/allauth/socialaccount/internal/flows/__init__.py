from allauth.socialaccount.internal.flows import (
    connect,
    email_authentication,
    login,
    signup,
)


__all__ = ["connect", "login", "signup", "email_authentication"]
