from http import HTTPStatus
from unittest.mock import patch

from django.urls import reverse

import pytest

from allauth.account.models import EmailAddress


@pytest.fixture(autouse=True)
def prbc_settings(settings_impacting_urls):
    with settings_impacting_urls(ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED=True):
        yield


@pytest.mark.parametrize("login_on_password_reset", [False, True])
def test_flow(
    user,
    client,
    mailoutbox,
    get_last_password_reset_code,
    password_factory,
    login_on_password_reset,
    settings,
):
    settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET = login_on_password_reset
    new_password = password_factory()
    assert not user.check_password(new_password)
    resp = client.post(reverse("account_reset_password"), {"email": user.email})
    assert resp.status_code == HTTPStatus.FOUND
    assert resp["location"] == reverse("account_confirm_password_reset_code")

    # Test wrong code
    with patch(
        "allauth.account.signals.password_reset_code_rejected"
    ) as code_rejected_signal:
        resp = client.post(
            reverse("account_confirm_password_reset_code"),
            {"code": "WRONG"},
        )
        assert resp.status_code == HTTPStatus.OK
        assert code_rejected_signal.send.called
        signal_kwargs = code_rejected_signal.send.call_args[1]
        assert signal_kwargs["user"] == user
        assert signal_kwargs["last_attempt"] is False

    # Test right code
    resp = client.post(
        reverse("account_confirm_password_reset_code"),
        {"code": get_last_password_reset_code(client, mailoutbox)},
    )
    assert resp.status_code == HTTPStatus.FOUND
    assert resp["location"] == reverse("account_complete_password_reset")
    resp = client.post(
        reverse("account_complete_password_reset"),
        {"password1": new_password, "password2": new_password},
    )
    assert resp.status_code == HTTPStatus.FOUND
    assert (
        resp["location"] == settings.LOGIN_REDIRECT_URL
        if login_on_password_reset
        else reverse("account_password_reset_completed")
    )
    user.refresh_from_db()
    assert user.check_password(new_password)


@pytest.mark.parametrize(
    "reset_at,password_reset",
    [
        (1011, True),
        (1020, False),
    ],
)
def test_timeout_restarts_after_code_confirmation(
    user,
    client,
    mailoutbox,
    get_last_password_reset_code,
    password_factory,
    settings,
    reset_at,
    password_reset,
):
    settings.ACCOUNT_PASSWORD_RESET_BY_CODE_TIMEOUT = 10
    new_password = password_factory()
    time_path = "allauth.account.internal.flows.code_verification.time.time"
    with patch(time_path) as now:
        now.return_value = 1000
        client.post(reverse("account_reset_password"), {"email": user.email})

        now.return_value = 1009
        client.post(
            reverse("account_confirm_password_reset_code"),
            {"code": get_last_password_reset_code(client, mailoutbox)},
        )

        now.return_value = reset_at
        resp = client.post(
            reverse("account_complete_password_reset"),
            {"password1": new_password, "password2": new_password},
        )

    assert resp.status_code == HTTPStatus.FOUND
    expected_url = (
        "account_password_reset_completed"
        if password_reset
        else "account_reset_password"
    )
    assert resp["location"] == reverse(expected_url)
    user.refresh_from_db()
    assert user.check_password(new_password) is password_reset


def test_prevent_enumeration(db, client, mailoutbox):
    resp = client.post(
        reverse("account_reset_password"), {"email": "unknown@account.org"}
    )
    assert resp.status_code == HTTPStatus.FOUND
    assert resp["location"] == reverse("account_confirm_password_reset_code")
    assert mailoutbox[0].subject == "[example.com] Unknown Account"
    resp = client.post(
        reverse("account_confirm_password_reset_code"),
        {"code": "none?"},
    )
    assert resp.status_code == HTTPStatus.OK


def test_indirect_email_verification(
    db, client, mailoutbox, user_factory, get_last_password_reset_code
):
    user = user_factory(email_verified=False)
    address = EmailAddress.objects.get(user=user, email=user.email, verified=False)
    resp = client.post(reverse("account_reset_password"), {"email": address.email})
    assert resp.status_code == HTTPStatus.FOUND
    resp = client.post(
        reverse("account_confirm_password_reset_code"),
        {"code": get_last_password_reset_code(client, mailoutbox)},
    )
    assert resp.status_code == HTTPStatus.FOUND
    address.refresh_from_db()
    assert address.verified
