from http import HTTPStatus
from unittest.mock import ANY, patch

from django.contrib.auth import get_user_model

import pytest
from fido2.utils import websafe_encode

from allauth.account import app_settings
from allauth.headless.constants import Flow
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator


def test_passkey_login(
    client, passkey, webauthn_authentication_bypass, headless_reverse
):
    with webauthn_authentication_bypass(passkey) as credential:
        resp = client.get(headless_reverse("headless:mfa:login_webauthn"))
        assert "request_options" in resp.json()["data"]
        resp = client.post(
            headless_reverse("headless:mfa:login_webauthn"),
            data={"credential": credential},
            content_type="application/json",
        )
    data = resp.json()
    assert data["data"]["user"]["id"] == passkey.user_id


def test_passkey_login_requires_user_verification(
    client, passkey, webauthn_authentication_bypass, headless_reverse
):
    with webauthn_authentication_bypass(passkey, user_verified=False) as credential:
        resp = client.get(headless_reverse("headless:mfa:login_webauthn"))
        assert resp.status_code == HTTPStatus.OK
        resp = client.post(
            headless_reverse("headless:mfa:login_webauthn"),
            data={"credential": credential},
            content_type="application/json",
        )

    assert resp.status_code == HTTPStatus.BAD_REQUEST
    assert resp.json()["errors"][0]["code"] == "incorrect_code"


def test_invalid_passkey_login_does_not_consume_user_rate_limit(
    client,
    user_with_totp,
    user_password,
    headless_reverse,
    settings,
    enable_cache,
    totp_validation_bypass,
):
    settings.ACCOUNT_RATE_LIMITS = {
        "login_failed": "10/m/ip,1/m/key",
    }
    settings.MFA_RATE_LIMITS = {
        "webauthn_login": "10/m/ip",
    }
    user_handle = get_adapter().get_public_key_credential_user_entity(user_with_totp)[
        "id"
    ]
    credential = {
        "response": {"userHandle": websafe_encode(user_handle)},
    }
    with (
        patch("allauth.mfa.webauthn.internal.auth.parse_authentication_response"),
        patch(
            "allauth.mfa.webauthn.internal.auth.complete_authentication",
            side_effect=get_adapter().validation_error("incorrect_code"),
        ),
    ):
        resp = client.post(
            headless_reverse("headless:mfa:login_webauthn"),
            data={"credential": credential},
            content_type="application/json",
        )
    assert resp.status_code == HTTPStatus.BAD_REQUEST

    resp = client.post(
        headless_reverse("headless:account:login"),
        data={
            "username": user_with_totp.username,
            "password": user_password,
        },
        content_type="application/json",
    )
    assert resp.status_code == HTTPStatus.UNAUTHORIZED
    with totp_validation_bypass():
        resp = client.post(
            headless_reverse("headless:mfa:authenticate"),
            data={"code": "123456"},
            content_type="application/json",
        )
    assert resp.status_code == HTTPStatus.OK


def test_passkey_login_rate_limit_applies_before_parsing(
    client,
    headless_reverse,
    settings,
    enable_cache,
):
    settings.MFA_RATE_LIMITS = {"webauthn_login": "1/m/ip"}

    url = headless_reverse("headless:mfa:login_webauthn")

    resp = client.post(
        url,
        data={"credential": {}},
        content_type="application/json",
    )
    assert resp.status_code == HTTPStatus.BAD_REQUEST
    assert resp.json()["errors"][0]["code"] == "required"

    resp = client.post(
        url,
        data={"credential": {}},
        content_type="application/json",
    )
    assert resp.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_passkey_login_get_options(
    client, headless_client, headless_reverse, db, settings
):
    settings.MFA_WEBAUTHN_USER_VERIFICATION = "discouraged"
    resp = client.get(headless_reverse("headless:mfa:login_webauthn"))
    data = resp.json()
    assert (
        data["data"]["request_options"]["publicKey"]["userVerification"] == "required"
    )
    meta = {}
    if headless_client == "app":
        meta = {
            "meta": {"session_token": ANY},
        }
    assert data == {
        "status": HTTPStatus.OK,
        "data": {"request_options": {"publicKey": ANY}},
        **meta,
    }


@pytest.mark.parametrize("user_verification", ["preferred", "required"])
def test_reauthenticate(
    auth_client,
    passkey,
    user_with_recovery_codes,
    webauthn_authentication_bypass,
    headless_reverse,
    settings,
    user_verification,
):
    settings.MFA_WEBAUTHN_USER_VERIFICATION = user_verification
    # View recovery codes, confirm webauthn reauthentication is an option
    resp = auth_client.get(headless_reverse("headless:mfa:manage_recovery_codes"))
    assert resp.status_code == HTTPStatus.UNAUTHORIZED
    assert Flow.MFA_REAUTHENTICATE in [
        flow["id"] for flow in resp.json()["data"]["flows"]
    ]

    # Get request options
    with webauthn_authentication_bypass(passkey):
        resp = auth_client.get(headless_reverse("headless:mfa:reauthenticate_webauthn"))
        data = resp.json()
        assert data["status"] == HTTPStatus.OK
        assert (
            data["data"]["request_options"]["publicKey"]["userVerification"]
            == user_verification
        )

    # Reauthenticate
    with webauthn_authentication_bypass(passkey) as credential:
        resp = auth_client.post(
            headless_reverse("headless:mfa:reauthenticate_webauthn"),
            data={"credential": credential},
            content_type="application/json",
        )
        assert resp.status_code == HTTPStatus.OK
    resp = auth_client.get(headless_reverse("headless:mfa:manage_recovery_codes"))
    assert resp.status_code == HTTPStatus.OK


@pytest.mark.parametrize("http_method", ["get", "post"])
def test_reauthentication_method_disabled(
    auth_client, headless_reverse, settings, http_method
):
    settings.ACCOUNT_REAUTHENTICATION_METHODS = {"password", "code"}
    request = getattr(auth_client, http_method)
    resp = request(
        headless_reverse("headless:mfa:reauthenticate_webauthn"),
        data={} if http_method == "post" else None,
        content_type="application/json",
    )

    assert resp.status_code == HTTPStatus.FORBIDDEN
    assert resp["content-type"] == "application/json"
    assert resp.json()["status"] == HTTPStatus.FORBIDDEN


def test_update_authenticator(
    auth_client, headless_reverse, passkey, reauthentication_bypass
):
    data = {"id": passkey.pk, "name": "Renamed!"}
    resp = auth_client.put(
        headless_reverse("headless:mfa:manage_webauthn"),
        data=data,
        content_type="application/json",
    )
    # Reauthentication required
    assert resp.status_code == HTTPStatus.UNAUTHORIZED
    with reauthentication_bypass():
        resp = auth_client.put(
            headless_reverse("headless:mfa:manage_webauthn"),
            data=data,
            content_type="application/json",
        )
    assert resp.status_code == HTTPStatus.OK
    passkey.refresh_from_db()
    assert passkey.wrap().name == "Renamed!"


def test_delete_authenticator(
    auth_client, headless_reverse, passkey, reauthentication_bypass
):
    data = {"authenticators": [passkey.pk]}
    resp = auth_client.delete(
        headless_reverse("headless:mfa:manage_webauthn"),
        data=data,
        content_type="application/json",
    )
    # Reauthentication required
    assert resp.status_code == HTTPStatus.UNAUTHORIZED
    with reauthentication_bypass():
        resp = auth_client.delete(
            headless_reverse("headless:mfa:manage_webauthn"),
            data=data,
            content_type="application/json",
        )
    assert resp.status_code == HTTPStatus.OK
    assert not Authenticator.objects.filter(pk=passkey.pk).exists()


@pytest.mark.parametrize("email_verified", [False, True])
def test_add_authenticator(
    user,
    auth_client,
    headless_reverse,
    webauthn_registration_bypass,
    reauthentication_bypass,
    email_verified,
):
    resp = auth_client.get(headless_reverse("headless:mfa:manage_webauthn"))
    # Reauthentication required
    assert (
        resp.status_code == HTTPStatus.UNAUTHORIZED
        if email_verified
        else HTTPStatus.CONFLICT
    )

    with reauthentication_bypass():
        resp = auth_client.get(headless_reverse("headless:mfa:manage_webauthn"))
        if email_verified:
            assert resp.status_code == HTTPStatus.OK
            data = resp.json()
            assert data["data"]["creation_options"] == ANY
        else:
            assert resp.status_code == HTTPStatus.CONFLICT

        with webauthn_registration_bypass(user, False) as credential:
            resp = auth_client.post(
                headless_reverse("headless:mfa:manage_webauthn"),
                data={"credential": credential},
                content_type="application/json",
            )
            webauthn_count = Authenticator.objects.filter(
                type=Authenticator.Type.WEBAUTHN, user=user
            ).count()
            if email_verified:
                assert resp.status_code == HTTPStatus.OK
                assert webauthn_count == 1
            else:
                assert resp.status_code == HTTPStatus.CONFLICT
                assert webauthn_count == 0


def test_2fa_login(
    client,
    user,
    user_password,
    passkey,
    webauthn_authentication_bypass,
    headless_reverse,
):
    resp = client.post(
        headless_reverse("headless:account:login"),
        data={
            "username": user.username,
            "password": user_password,
        },
        content_type="application/json",
    )
    assert resp.status_code == HTTPStatus.UNAUTHORIZED
    data = resp.json()
    pending_flows = [f for f in data["data"]["flows"] if f.get("is_pending")]
    assert len(pending_flows) == 1
    pending_flow = pending_flows[0]
    assert pending_flow == {
        "id": "mfa_authenticate",
        "is_pending": True,
        "types": ["webauthn"],
    }
    with webauthn_authentication_bypass(passkey) as credential:
        resp = client.get(headless_reverse("headless:mfa:authenticate_webauthn"))
        assert "request_options" in resp.json()["data"]
        resp = client.post(
            headless_reverse("headless:mfa:authenticate_webauthn"),
            data={"credential": credential},
            content_type="application/json",
        )
    data = resp.json()
    assert resp.status_code == HTTPStatus.OK
    assert data["data"]["user"]["id"] == passkey.user_id
    assert data["data"]["methods"] == [
        {
            "method": "password",
            "at": ANY,
            "username": passkey.user.username,
        },
        {
            "method": "mfa",
            "at": ANY,
            "id": ANY,
            "type": Authenticator.Type.WEBAUTHN,
        },
    ]


@pytest.mark.parametrize("login_on_email_verification", [False, True])
def test_passkey_signup(
    client,
    db,
    webauthn_registration_bypass,
    headless_reverse,
    settings,
    get_last_email_verification_code,
    mailoutbox,
    login_on_email_verification,
):
    settings.ACCOUNT_EMAIL_VERIFICATION = app_settings.EmailVerificationMethod.MANDATORY
    settings.ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
    # This setting should have no influence when verifying by code:
    settings.ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = login_on_email_verification

    # Initiate passkey signup
    resp = client.post(
        headless_reverse("headless:mfa:signup_webauthn"),
        data={"email": "pass@key.org", "username": "passkey"},
        content_type="application/json",
    )

    # Email verification kicks in.
    assert resp.status_code == HTTPStatus.UNAUTHORIZED
    pending_flows = [
        flow for flow in resp.json()["data"]["flows"] if flow.get("is_pending")
    ]
    assert len(pending_flows) == 1
    flow = pending_flows[0]
    assert flow["id"] == Flow.VERIFY_EMAIL.value

    # Verify email.
    code = get_last_email_verification_code(client, mailoutbox)
    resp = client.post(
        headless_reverse("headless:account:verify_email"),
        data={"key": code},
        content_type="application/json",
    )
    assert resp.status_code == HTTPStatus.UNAUTHORIZED

    # Now, the webauthn signup flow is pending.
    pending_flows = [
        flow for flow in resp.json()["data"]["flows"] if flow.get("is_pending")
    ]
    assert len(pending_flows) == 1
    flow = pending_flows[0]
    assert flow["id"] == Flow.MFA_SIGNUP_WEBAUTHN.value

    # Fetch flow creation options.
    resp = client.get(headless_reverse("headless:mfa:signup_webauthn"))
    data = resp.json()
    assert "creation_options" in data["data"]

    # Create a passkey.
    user = get_user_model().objects.get(email="pass@key.org")
    with webauthn_registration_bypass(user, True) as credential:
        resp = client.put(
            headless_reverse("headless:mfa:signup_webauthn"),
            data={"name": "Some key", "credential": credential},
            content_type="application/json",
        )

    # Signed up successfully.
    data = resp.json()
    assert resp.status_code == HTTPStatus.OK
    assert data["meta"]["is_authenticated"]
    authenticator = Authenticator.objects.get(user=user)
    assert authenticator.wrap().name == "Some key"


def test_get_login_webauthn_doesnt_crash_with_jwt(
    db, client, headless_reverse, settings
):
    settings.HEADLESS_TOKEN_STRATEGY = (
        "tests.apps.headless.tokens.test_jwttokenstrategy.CustomJWTTokenStrategy"
    )
    resp = client.get(headless_reverse("headless:mfa:login_webauthn"))
    assert resp.status_code == HTTPStatus.OK
