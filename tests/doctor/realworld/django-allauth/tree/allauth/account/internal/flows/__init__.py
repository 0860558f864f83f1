from allauth.account.internal.flows import (
    email_verification,
    email_verification_by_code,
    login,
    login_by_code,
    logout,
    manage_email,
    password_change,
    password_reset,
    password_reset_by_code,
    phone_verification,
    reauthenticate_by_code,
    reauthentication,
    signup,
)


__all__ = [
    "email_verification",
    "email_verification_by_code",
    "login",
    "login_by_code",
    "logout",
    "manage_email",
    "password_change",
    "password_reset",
    "password_reset_by_code",
    "phone_verification",
    "reauthentication",
    "reauthenticate_by_code",
    "signup",
]
