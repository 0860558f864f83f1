from datetime import datetime, timedelta, timezone
from unittest import mock
from urllib.parse import urlencode

import django.http.response
import pytest
from django import http
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

import oauth2_provider.models
from oauth2_provider.models import (
    DeviceCodeResponse,
    DeviceRequest,
    create_device_grant,
    get_access_token_model,
    get_application_model,
    get_device_grant_model,
    get_refresh_token_model,
)
from oauth2_provider.utils import set_oauthlib_user_to_device_request_user

from . import presets
from .common_testing import OAuth2ProviderTestCase as TestCase


Application = get_application_model()
AccessToken = get_access_token_model()
RefreshToken = get_refresh_token_model()
UserModel = get_user_model()
DeviceModel: oauth2_provider.models.DeviceGrant = get_device_grant_model()


@pytest.mark.usefixtures("oauth2_settings")
@pytest.mark.oauth2_settings(presets.DEFAULT_SCOPES_RW)
class DeviceFlowBaseTestCase(TestCase):
    factory = RequestFactory()

    @classmethod
    def setUpTestData(cls):
        cls.test_user = UserModel.objects.create_user("test_user", "test@example.com", "123456")
        cls.dev_user = UserModel.objects.create_user("dev_user", "dev@example.com", "123456")

        cls.application = Application.objects.create(
            name="test_client_credentials_app",
            user=cls.dev_user,
            client_type=Application.CLIENT_PUBLIC,
            authorization_grant_type=Application.GRANT_DEVICE_CODE,
            client_secret="abcdefghijklmnopqrstuvwxyz1234567890",
        )

    def tearDown(self):
        DeviceModel.objects.all().delete()
        return super().tearDown()


class TestDeviceFlow(DeviceFlowBaseTestCase):
    """
    The first 2 tests test the device flow in order
    how the device flow works
    """

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "abc",
    )
    def test_device_flow_authorization_initiation(self):
        """
        Tests the initial stage of the flow when the device sends its device authorization
        request to the authorization server.

        Device Authorization Request(https://datatracker.ietf.org/doc/html/rfc8628#section-3.1)

        This request shape:
            POST /device_authorization HTTP/1.1
            Host: server.example.com
            Content-Type: application/x-www-form-urlencoded

            client_id=1406020730&scope=example_scope

        Should respond with this response shape:
            Device Authorization Response (https://datatracker.ietf.org/doc/html/rfc8628#section-3.2)
                {
                "device_code": "GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS",
                "user_code": "WDJB-MJHT",
                "verification_uri": "https://example.com/device",
                "expires_in": 1800,
                "interval": 5
              }
        """

        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "xyz"

        request_data: dict[str, str] = {
            "client_id": self.application.client_id,
        }
        request_as_x_www_form_urlencoded: str = urlencode(request_data)

        response: django.http.response.JsonResponse = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=request_as_x_www_form_urlencoded,
            content_type="application/x-www-form-urlencoded",
        )

        assert response.status_code == 200

        # let's make sure the device was created in the db
        assert DeviceModel.objects.get(device_code="abc").status == DeviceModel.AUTHORIZATION_PENDING

        assert response.json() == {
            "verification_uri": "example.com/device",
            "expires_in": 1800,
            "user_code": "xyz",
            "device_code": "abc",
            "interval": 5,
        }

    def _run_full_device_flow_journey(
        self,
        *,
        scope: str | None,
        expected_confirm_scope_descriptions: list[str],
        expected_token_scope: str,
    ) -> None:
        """
        Runs the full device flow user journey from device authorization through token issuance.

        The device initiates the flow by calling the /device-authorization endpoint and starts
        polling the /token endpoint getting back errors until the user approves in the browser.

        In the meantime, the user visits the /device endpoint in their browsers to submit the
        user code and approve, after which the /token returns the tokens to the device.
        """

        # -----------------------
        #  0: Setup device flow, where the device sends an authorization request and
        #  starts polling. The polling will fail because the user has not approved yet
        # -----------------------
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "xyz"
        self.oauth2_settings.OAUTH_PRE_TOKEN_VALIDATION = [set_oauthlib_user_to_device_request_user]

        request_data: dict[str, str] = {"client_id": self.application.client_id}
        if scope is not None:
            request_data["scope"] = scope

        device_authorization_response: http.response.JsonResponse = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode(request_data),
            content_type="application/x-www-form-urlencoded",
        )

        assert device_authorization_response.__getitem__("content-type") == "application/json"
        device = DeviceModel.objects.get(device_code="abc")
        self.assertJSONEqual(
            raw=device_authorization_response.content,
            expected_data={
                "verification_uri": "example.com/device",
                "expires_in": 1800,
                "user_code": device.user_code,
                "device_code": device.device_code,
                "interval": 5,
            },
        )

        # Device polls /token and gets back error because the user hasn't approved yet
        token_payload = {
            "device_code": device.device_code,
            "client_id": self.application.client_id,
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        }

        token_response: http.response.JsonResponse = self.client.post(
            "/o/token/",
            data=urlencode(token_payload),
            content_type="application/x-www-form-urlencoded",
        )
        # TokenView should always respond with application/json as it's meant to be
        # consumed by devices.
        assert token_response.__getitem__("content-type") == "application/json"
        assert token_response.status_code == 400
        self.assertJSONEqual(raw=token_response.content, expected_data={"error": "authorization_pending"})

        # /device and /device_confirm require a user to be logged in
        # to access it
        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        # --------------------------------------------------------------------------------
        #  1. User visits the /device endpoint in their browsers and submits the user code
        #  submits wrong code then right code
        # --------------------------------------------------------------------------------

        # 1. User visits the /device endpoint in their browsers and submits the user code
        # (GET Request to load it)
        get_response = self.client.get(reverse("oauth2_provider:device"))
        assert get_response.status_code == 200
        assert "form" in get_response.context  # Ensure the form is rendered in the context

        # 1.1.0  User visits the /device endpoint in their browsers and submits wrong user code
        self.assertContains(
            self.client.post(reverse("oauth2_provider:device"), data={"user_code": "invalid_code"}),
            status_code=200,
            text="Incorrect user code",
            count=1,
        )

        # Note: the device not being in the expected test covered in the other tests

        # 1.1.1: user submits valid user code
        device_confirm_url = reverse(
            "oauth2_provider:device-confirm",
            kwargs={"user_code": "xyz", "client_id": self.application.client_id},
        )

        self.assertRedirects(
            response=self.client.post(
                reverse("oauth2_provider:device"),
                data={"user_code": "xyz"},
            ),
            expected_url=device_confirm_url,
        )

        get_response = self.client.get(device_confirm_url)
        assert get_response.status_code == 200
        assert "application" in get_response.context
        assert get_response.context["application"] == self.application
        assert "scopes_descriptions" in get_response.context
        for expected_scope in expected_confirm_scope_descriptions:
            assert expected_scope in get_response.context["scopes_descriptions"]
            self.assertContains(get_response, expected_scope)
        self.assertContains(get_response, self.application.name)

        # --------------------------------------------------------------------------------
        # 2: We redirect to the accept/deny form (the user is still in their browser)
        #  and approves
        # --------------------------------------------------------------------------------
        device_grant_status_url = reverse(
            "oauth2_provider:device-grant-status",
            kwargs={"user_code": "xyz", "client_id": self.application.client_id},
        )

        self.assertRedirects(
            response=self.client.post(device_confirm_url, data={"action": "accept"}),
            expected_url=device_grant_status_url,
        )

        # --------------------------------------------------------------------------------
        # 3: We redirect to the device grant status page (the user is still in their browser)
        # --------------------------------------------------------------------------------
        self.assertContains(
            response=self.client.get(device_grant_status_url),
            text="Device Authorized",
            count=1,
        )

        device = DeviceModel.objects.get(device_code="abc")
        assert device.status == device.AUTHORIZED

        # -------------------------
        # 4: Device polls /token successfully
        # -------------------------
        token_payload = {
            "device_code": device.device_code,
            "client_id": self.application.client_id,
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        }

        token_response = self.client.post(
            "/o/token/",
            data=urlencode(token_payload),
            content_type="application/x-www-form-urlencoded",
        )
        # TokenView should always respond with application/json as it's meant to be
        # consumed by devices.
        assert token_response.__getitem__("content-type") == "application/json"
        assert token_response.status_code == 200

        token_data = token_response.json()
        assert token_data == {
            "access_token": mock.ANY,
            "expires_in": 36000,
            "token_type": "Bearer",
            "scope": expected_token_scope,
            "refresh_token": mock.ANY,
        }

        # ensure the access token and refresh token have the same user as the device that just authenticated
        access_token: oauth2_provider.models.AccessToken = AccessToken.objects.get(
            token=token_data["access_token"]
        )
        assert access_token.user == device.user

        refresh_token: oauth2_provider.models.RefreshToken = RefreshToken.objects.get(
            token=token_data["refresh_token"]
        )
        assert refresh_token.user == device.user

    def test_device_user_code_view_get_prefills_form_from_query_param(self):
        """
        A GET to the device user-code view with ?user_code=... should render a form
        whose initial value for user_code is pre-populated from the query parameter.
        """
        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        response = self.client.get(reverse("oauth2_provider:device"), data={"user_code": "WDJB-MJHT"})

        assert response.status_code == 200
        assert "form" in response.context
        assert response.context["form"].initial.get("user_code") == "WDJB-MJHT"
        assert b'value="WDJB-MJHT"' in response.content

    def test_device_user_code_view_get_without_query_param_has_empty_initial(self):
        """
        A GET to the device user-code view without a user_code query parameter should
        render a form with an empty initial value for user_code.
        """
        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        response = self.client.get(reverse("oauth2_provider:device"))

        assert response.status_code == 200
        assert "form" in response.context
        assert response.context["form"].initial.get("user_code", "") == ""
        assert b'name="user_code"' in response.content
        assert b'value="WDJB-MJHT"' not in response.content

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "abc",
    )
    def test_device_flow_authorization_user_code_confirm_and_access_token(self):
        """
        Full user journey with an explicit scope. The confirm page shows the requested
        scope and the issued token contains only that scope.
        """
        self._run_full_device_flow_journey(
            scope="read",
            expected_confirm_scope_descriptions=["Reading scope"],
            expected_token_scope="read",
        )

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "abc",
    )
    def test_device_flow_authorization_user_code_confirm_and_access_token_default_scopes(self):
        """
        Full user journey without an explicit scope. The server falls back to DEFAULT_SCOPES,
        the confirm page shows all default scopes, and the issued token reflects them.
        """
        self._run_full_device_flow_journey(
            scope=None,
            expected_confirm_scope_descriptions=["Reading scope", "Writing scope"],
            expected_token_scope="read write",
        )

    def test_user_denies_access(self):
        """
        This test asserts the when the user denies access, the state of the grant is saved
        and the user is redirected to the page where they can see the "denied" state.

        The /token View returning the appropriate message for the "denied" state is covered
        in test_token_view_returns_error_if_device_in_invalid_state.
        """
        user = UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(days=1),
            status=DeviceModel.AUTHORIZATION_PENDING,
            user=user,
        )
        device.save()

        device_confirm_url = reverse(
            "oauth2_provider:device-confirm",
            kwargs={"user_code": "user_code", "client_id": "client_id"},
        )

        device_grant_status_url = reverse(
            "oauth2_provider:device-grant-status",
            kwargs={"user_code": "user_code", "client_id": "client_id"},
        )

        self.assertRedirects(
            response=self.client.post(device_confirm_url, data={"action": "deny"}),
            expected_url=device_grant_status_url,
        )

        device.refresh_from_db()
        assert device.status == device.DENIED

    def test_device_confirm_view_returns_400_on_incorrect_action(self):
        """
        This test asserts that the confirm view returns 400 if action is not
        "accept" or "deny".
        """
        user = UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(days=1),
            status=DeviceModel.AUTHORIZATION_PENDING,
            user=user,
        )
        device.save()

        device_confirm_url = reverse(
            "oauth2_provider:device-confirm",
            kwargs={"user_code": "user_code", "client_id": "client_id"},
        )
        response = self.client.post(device_confirm_url, data={"action": "inccorect_action"})

        assert response.status_code == 400

    def test_device_confirm_view_rejects_different_authenticated_user(self):
        """
        A user must not be able to approve or deny a device grant that was
        associated with another user during the user-code step, nor view its
        status.
        """
        UserModel.objects.create_user(
            username="attacker",
            email="attacker@example.com",
            password="password123",
        )
        self.client.login(username="attacker", password="password123")

        device = DeviceModel.objects.create(
            client_id=self.application.client_id,
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(days=1),
            status=DeviceModel.AUTHORIZATION_PENDING,
            user=self.test_user,
        )
        device_confirm_url = reverse(
            "oauth2_provider:device-confirm",
            kwargs={"user_code": device.user_code, "client_id": device.client_id},
        )

        get_response = self.client.get(device_confirm_url)
        assert get_response.status_code == 404

        post_response = self.client.post(device_confirm_url, data={"action": "accept"})
        assert post_response.status_code == 404

        device_grant_status_url = reverse(
            "oauth2_provider:device-grant-status",
            kwargs={"user_code": device.user_code, "client_id": device.client_id},
        )
        status_response = self.client.get(device_grant_status_url)
        assert status_response.status_code == 404

        device.refresh_from_db()
        assert device.status == DeviceModel.AUTHORIZATION_PENDING

    def test_device_flow_authorization_device_invalid_state_returns_form_error(self):
        """
        This test asserts that only devices in the expected state (authorization-pending)
        can be approved/denied by the user.
        """

        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(days=1),
        )
        device.save()

        # This simulates pytest.mark.parameterize, which unfortunately does not work with unittest
        # and consequently with Django TestCase.
        for invalid_state in ["authorized", "denied", "LOL_status"]:
            # Set the device into an incorrect state.
            device.status = invalid_state
            device.save(update_fields=["status"])

            self.assertContains(
                response=self.client.post(
                    reverse("oauth2_provider:device"),
                    data={"user_code": "user_code"},
                ),
                status_code=200,
                text="User code has already been used",
                count=1,
            )

    def test_device_flow_authorization_device_expired_returns_form_error(self):
        """
        This test asserts that only devices in the expected state (authorization-pending)
        can be approved/denied by the user.
        """

        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(seconds=-1),  # <- essentially expired
        )
        device.save()

        self.assertContains(
            response=self.client.post(
                reverse("oauth2_provider:device"),
                data={"user_code": "user_code"},
            ),
            status_code=200,
            text="Expired user code",
            count=1,
        )

    def test_token_view_returns_error_if_device_in_invalid_state(self):
        """
        This test asserts that the token view returns the appropriate errors as specified
        in https://datatracker.ietf.org/doc/html/rfc8628#section-3.5, in case the device
        has not yet been approved by the user.
        """

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(seconds=60),
        )
        device.save()

        token_payload = {
            "device_code": "device_code",
            "client_id": "client_id",
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        }

        testcases = [
            ("authorization-pending", '{"error": "authorization_pending"}', 400),
            ("expired", '{"error": "expired_token"}', 400),
            ("denied", '{"error": "access_denied"}', 400),
            ("LOL_status", '{"error": "internal_error"}', 500),
        ]
        for invalid_state, expected_error_message, expected_error_code in testcases:
            device.status = invalid_state
            device.save(update_fields=["status"])

            response = self.client.post(
                "/o/token/",
                data=urlencode(token_payload),
                content_type="application/x-www-form-urlencoded",
            )
            self.assertContains(
                response=response,
                status_code=expected_error_code,
                text=expected_error_message,
                count=1,
            )
            # TokenView should always respond with application/json as it's meant to be
            # consumed by devices.
            self.assertEqual(response.__getitem__("content-type"), "application/json")

    def test_token_view_returns_404_error_if_device_not_found(self):
        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(seconds=60),
        )
        device.save()

        token_payload = {
            "device_code": "another_device_code",
            "client_id": "client_id",
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        }

        response = self.client.post(
            "/o/token/",
            data=urlencode(token_payload),
            content_type="application/x-www-form-urlencoded",
        )
        self.assertContains(
            response=response,
            status_code=404,
            text="device_not_found",
            count=1,
        )
        # TokenView should always respond with application/json as it's meant to be
        # consumed by devices.
        self.assertEqual(response.__getitem__("content-type"), "application/json")

    def test_token_view_status_equals_what_oauthlib_token_response_method_returns(self):
        """
        Tests the use case where oauthlib create_token_response returns a status different
        than 200.
        """

        class MockOauthlibCoreClass:
            def create_token_response(self, _):
                return "url", {"headers_are_ignored": True}, '{"Key": "Value"}', 299

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now() + timedelta(seconds=60),
            status="authorized",
        )
        device.save()

        token_payload = {
            "device_code": "device_code",
            "client_id": "client_id",
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        }

        with mock.patch(
            "oauth2_provider.views.mixins.OAuthLibMixin.get_oauthlib_core", MockOauthlibCoreClass
        ):
            response = self.client.post(
                "/o/token/",
                data=urlencode(token_payload),
                content_type="application/x-www-form-urlencoded",
            )

        self.assertEqual(response["content-type"], "application/json")
        self.assertContains(
            response=response,
            status_code=299,
            text='{"Key": "Value"}',
            count=1,
        )
        assert not response.has_header("headers_are_ignored")

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "abc",
    )
    def test_device_polling_interval_can_be_changed(self):
        """
        Tests the device polling rate(interval) can be changed to something other than the default
        of 5 seconds.
        """

        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "xyz"

        self.oauth2_settings.DEVICE_FLOW_INTERVAL = 10

        request_data: dict[str, str] = {
            "client_id": self.application.client_id,
        }
        request_as_x_www_form_urlencoded: str = urlencode(request_data)

        response: django.http.response.JsonResponse = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=request_as_x_www_form_urlencoded,
            content_type="application/x-www-form-urlencoded",
        )

        assert response.status_code == 200

        assert response.json() == {
            "verification_uri": "example.com/device",
            "expires_in": 1800,
            "user_code": "xyz",
            "device_code": "abc",
            "interval": 10,
        }

    def test_incorrect_client_id_sent(self):
        """
        Ensure the correct error is returned when an invalid client is sent
        """
        request_data: dict[str, str] = {
            "client_id": "client_id_that_does_not_exist",
        }
        request_as_x_www_form_urlencoded: str = urlencode(request_data)

        response: django.http.response.JsonResponse = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=request_as_x_www_form_urlencoded,
            content_type="application/x-www-form-urlencoded",
        )

        assert response.status_code == 400

        assert response.json() == {
            "error": "invalid_request",
            "error_description": "Invalid client_id parameter value.",
        }

    def test_missing_client_id(self):
        """
        Ensure the correct error is returned when the client id is missing.
        """
        request_data: dict[str, str] = {
            "not_client_id": "client_id_that_does_not_exist",
        }
        request_as_x_www_form_urlencoded: str = urlencode(request_data)

        response: django.http.response.JsonResponse = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=request_as_x_www_form_urlencoded,
            content_type="application/x-www-form-urlencoded",
        )

        assert response.status_code == 400

        assert response.json() == {
            "error": "invalid_request",
            "error_description": "Missing client_id parameter.",
        }

    def test_device_confirm_and_user_code_views_require_login(self):
        URLs = [
            reverse("oauth2_provider:device-confirm", kwargs={"user_code": None, "client_id": "abc"}),
            reverse("oauth2_provider:device-confirm", kwargs={"user_code": "abc", "client_id": "abc"}),
            reverse("oauth2_provider:device"),
        ]

        for url in URLs:
            r = self.client.get(url)
            assert r.status_code == 302
            assert r["Location"] == f"{settings.LOGIN_URL}?next={url}"

            r = self.client.post(url)
            assert r.status_code == 302
            assert r["Location"] == f"{settings.LOGIN_URL}?next={url}"

    def test_device_confirm_view_GET_returns_404_when_device_does_not_exist(self):
        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now(),
        )
        device.save()

        self.assertContains(
            response=self.client.get(
                reverse(
                    "oauth2_provider:device-confirm",
                    kwargs={"user_code": "not_user_code", "client_id": "not_client_id"},
                )
            ),
            status_code=404,
            text="The requested resource was not found on this server.",
        )

        # Asserts for valid user_code and client_id but invalid states
        for invalid_state in ["authorized", "denied", "expired"]:
            device.status = invalid_state
            device.save(update_fields=["status"])

            self.assertContains(
                response=self.client.get(
                    reverse(
                        "oauth2_provider:device-confirm",
                        kwargs={"user_code": "not_user_code", "client_id": "client_id"},
                    )
                ),
                status_code=404,
                text="The requested resource was not found on this server.",
            )

    def test_device_confirm_view_POST_returns_404_when_device_does_not_exist(self):
        UserModel.objects.create_user(
            username="test_user_device_flow",
            email="test_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_device_flow", password="password123")

        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now(),
        )
        device.save()

        self.assertContains(
            response=self.client.post(
                reverse(
                    "oauth2_provider:device-confirm",
                    kwargs={"user_code": "not_user_code", "client_id": "client_id"},
                ),
                data={"action": "accept"},
            ),
            status_code=404,
            text="The requested resource was not found on this server.",
            count=1,
        )

        # Asserts for valid user_code and client_id but invalid states
        for invalid_state in ["authorized", "denied", "expired"]:
            device.status = invalid_state
            device.save(update_fields=["status"])

            self.assertContains(
                response=self.client.post(
                    reverse(
                        "oauth2_provider:device-confirm",
                        kwargs={"user_code": "user_code", "client_id": "client_id"},
                    ),
                    data={"action": "accept"},
                ),
                status_code=404,
                text="The requested resource was not found on this server.",
                count=1,
            )

    def test_device_is_expired_method_sets_status_to_expired_if_deadline_passed(self):
        device = DeviceModel(
            client_id="client_id",
            device_code="device_code",
            user_code="user_code",
            scope="scope",
            expires=datetime.now(tz=timezone.utc) + timedelta(seconds=-1),  # <- essentially expired
        )
        device.save()

        assert device.status == device.AUTHORIZATION_PENDING  # default value

        # call is_expired() which should update the state
        is_expired = device.is_expired()

        assert is_expired
        assert device.status == device.EXPIRED

        # calling again is_expired() should return true and not change the state
        is_expired = device.is_expired()

        assert is_expired
        assert device.status == device.EXPIRED

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "def",
    )
    def test_device_flow_uses_requested_scope_not_default(self):
        """
        Test that requested scope in device authorization is used in the token,
        not DEFAULT_SCOPES.
        """
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "XYZ"
        self.oauth2_settings.OAUTH_PRE_TOKEN_VALIDATION = [set_oauthlib_user_to_device_request_user]

        device_authorization_response = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode({"client_id": self.application.client_id, "scope": "read"}),
            content_type="application/x-www-form-urlencoded",
        )
        assert device_authorization_response.status_code == 200

        self.client.login(username="test_user", password="123456")
        self.client.post(reverse("oauth2_provider:device"), data={"user_code": "XYZ"})
        self.client.post(
            reverse(
                "oauth2_provider:device-confirm",
                kwargs={"user_code": "XYZ", "client_id": self.application.client_id},
            ),
            data={"action": "accept"},
        )

        token_response = self.client.post(
            "/o/token/",
            data=urlencode(
                {
                    "device_code": "def",
                    "client_id": self.application.client_id,
                    "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                }
            ),
            content_type="application/x-www-form-urlencoded",
        )

        assert token_response.status_code == 200
        assert token_response.json()["scope"] == "read"

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "def",
    )
    def test_device_flow_default_scopes_stored_on_grant_when_no_scope_requested(self):
        """
        When the device omits `scope`, DEFAULT_SCOPES must be stored on the DeviceGrant
        at authorization time so the consent screen shows the correct scopes and the
        issued token matches what the user approved.
        """
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "XYZ"
        self.oauth2_settings.OAUTH_PRE_TOKEN_VALIDATION = [set_oauthlib_user_to_device_request_user]

        # Device sends authorization request with no scope
        device_authorization_response = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode({"client_id": self.application.client_id}),
            content_type="application/x-www-form-urlencoded",
        )
        assert device_authorization_response.status_code == 200

        # DEFAULT_SCOPES ("read write") must be persisted on the grant immediately
        DeviceGrantModel = get_device_grant_model()
        grant = DeviceGrantModel.objects.get(device_code="def")
        assert grant.scope == "read write"

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "def",
    )
    def test_device_flow_whitespace_only_scope_falls_back_to_default_scopes(self):
        """
        When the device sends scope consisting only of whitespace (e.g. scope="   "),
        it must be treated as if scope was omitted and DEFAULT_SCOPES must be stored
        on the DeviceGrant, not the raw whitespace string.
        """
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "XYZ"

        device_authorization_response = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode({"client_id": self.application.client_id, "scope": "   "}),
            content_type="application/x-www-form-urlencoded",
        )
        assert device_authorization_response.status_code == 200

        DeviceGrantModel = get_device_grant_model()
        grant = DeviceGrantModel.objects.get(device_code="def")
        assert grant.scope == "read write"

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "def",
    )
    def test_device_flow_scope_longer_than_64_chars_is_stored_intact(self):
        """
        DeviceGrant.scope used to be a CharField(max_length=64), which silently truncated
        (or rejected, depending on the backend) longer scope strings. Real-world providers
        allow much longer scopes (Okta 1024, Google 2048), so scope is now a TextField and
        must store long values intact. Regression test for issue #1693.
        """
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "XYZ"

        long_scope = " ".join(f"scope{i}" for i in range(300))
        assert len(long_scope) > 2048

        device_authorization_response = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode({"client_id": self.application.client_id, "scope": long_scope}),
            content_type="application/x-www-form-urlencoded",
        )
        assert device_authorization_response.status_code == 200

        DeviceGrantModel = get_device_grant_model()
        # SQLite does not enforce varchar lengths, so also assert the field type directly.
        assert isinstance(DeviceGrantModel._meta.get_field("scope"), models.TextField)
        grant = DeviceGrantModel.objects.get(device_code="def")
        assert grant.scope == long_scope

    def test_create_device_grant_stores_empty_string_when_scope_is_none(self):
        """
        DeviceGrant.scope is non-nullable (like the other grant and token models), so
        create_device_grant must coerce a missing scope to an empty string.
        """
        device_request = DeviceRequest(client_id=self.application.client_id, scope=None)
        device_response = DeviceCodeResponse(
            verification_uri="example.com/device",
            expires_in=3600,
            user_code="ABC",
            device_code="ghi",
            interval=5,
        )
        grant = create_device_grant(device_request, device_response)

        grant.refresh_from_db()
        assert grant.scope == ""

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "def",
    )
    def test_device_flow_default_scopes_not_re_evaluated_at_token_time(self):
        """
        If DEFAULT_SCOPES changes between user consent and device polling, the token
        must reflect the scopes that were shown on the consent screen (locked in at
        authorization time), not the new DEFAULT_SCOPES.
        """
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "XYZ"
        self.oauth2_settings.OAUTH_PRE_TOKEN_VALIDATION = [set_oauthlib_user_to_device_request_user]

        # Device sends authorization request with no scope; DEFAULT_SCOPES = ["read", "write"]
        device_authorization_response = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode({"client_id": self.application.client_id}),
            content_type="application/x-www-form-urlencoded",
        )
        assert device_authorization_response.status_code == 200

        self.client.login(username="test_user", password="123456")
        self.client.post(reverse("oauth2_provider:device"), data={"user_code": "XYZ"})
        self.client.post(
            reverse(
                "oauth2_provider:device-confirm",
                kwargs={"user_code": "XYZ", "client_id": self.application.client_id},
            ),
            data={"action": "accept"},
        )

        # Admin changes DEFAULT_SCOPES after consent but before the device polls.
        # "admin" must also be in SCOPES or oauth2_settings raises ImproperlyConfigured
        # when _DEFAULT_SCOPES is re-evaluated after reload().
        self.oauth2_settings.SCOPES = {
            "read": "Reading scope",
            "write": "Writing scope",
            "admin": "Admin scope",
        }
        self.oauth2_settings.DEFAULT_SCOPES = ["read", "write", "admin"]
        # Clear only the computed scope caches so the new SCOPES/DEFAULT_SCOPES
        # values take effect without wiping the overrides we just set above.
        # Calling reload() would delete those overrides and fall back to Django settings.
        for _attr in ("_SCOPES", "_DEFAULT_SCOPES"):
            try:
                delattr(self.oauth2_settings, _attr)
            except AttributeError:
                pass
            self.oauth2_settings._cached_attrs.discard(_attr)

        token_response = self.client.post(
            "/o/token/",
            data=urlencode(
                {
                    "device_code": "def",
                    "client_id": self.application.client_id,
                    "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                }
            ),
            content_type="application/x-www-form-urlencoded",
        )

        assert token_response.status_code == 200
        # Token must reflect the scopes from consent time, not the expanded DEFAULT_SCOPES
        assert token_response.json()["scope"] == "read write"

    def test_device_authorization_returns_invalid_client_when_application_deleted_before_scope_resolution(
        self,
    ):
        """
        If the Application is deleted between oauthlib validating the client and DOT
        resolving default scopes, the view must return an invalid_client error rather
        than silently proceeding with application=None.

        This covers the DoesNotExist branch in DeviceAuthorizationView.post() that is
        only reached when scope is omitted (so default-scope resolution is attempted).
        """
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "XYZ"

        Application = get_application_model()

        # Patch get_application_model as imported in the view to simulate a race where
        # the Application row is deleted between oauthlib validation and scope resolution.
        # We use a spec'd mock so that DoesNotExist is accessible as an attribute.
        mock_model = mock.MagicMock(spec=Application)
        mock_model.DoesNotExist = Application.DoesNotExist
        mock_model.objects.get.side_effect = Application.DoesNotExist

        with mock.patch("oauth2_provider.views.device.get_application_model", return_value=mock_model):
            response = self.client.post(
                reverse("oauth2_provider:device-authorization"),
                data=urlencode({"client_id": self.application.client_id}),
                content_type="application/x-www-form-urlencoded",
            )

        assert response.status_code == 401
        assert response.json()["error"] == "invalid_client"


class TestDeviceFlowWithSwappedDeviceGrantModel(DeviceFlowBaseTestCase):
    def setUp(self):
        super().setUp()
        self._original_device_grant_model = self.oauth2_settings.DEVICE_GRANT_MODEL
        self.oauth2_settings.DEVICE_GRANT_MODEL = "tests.SampleDeviceGrant"

    def tearDown(self):
        get_device_grant_model().objects.all().delete()
        self.oauth2_settings.DEVICE_GRANT_MODEL = self._original_device_grant_model
        super().tearDown()

    @mock.patch(
        "oauthlib.oauth2.rfc8628.endpoints.device_authorization.generate_token",
        lambda: "abc",
    )
    def test_full_device_flow_uses_swapped_device_grant_model(self):
        self.oauth2_settings.OAUTH_DEVICE_VERIFICATION_URI = "example.com/device"
        self.oauth2_settings.OAUTH_DEVICE_USER_CODE_GENERATOR = lambda: "xyz"
        self.oauth2_settings.OAUTH_PRE_TOKEN_VALIDATION = [set_oauthlib_user_to_device_request_user]

        device_model = get_device_grant_model()
        assert device_model._meta.label == "tests.SampleDeviceGrant"

        device_authorization_response: http.response.JsonResponse = self.client.post(
            reverse("oauth2_provider:device-authorization"),
            data=urlencode({"client_id": self.application.client_id}),
            content_type="application/x-www-form-urlencoded",
        )

        assert device_authorization_response.status_code == 200
        assert device_model.objects.get(device_code="abc").status == device_model.AUTHORIZATION_PENDING
        if not oauth2_provider.models.DeviceGrant._meta.swapped:
            assert not oauth2_provider.models.DeviceGrant.objects.filter(device_code="abc").exists()

        token_payload = {
            "device_code": "abc",
            "client_id": self.application.client_id,
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        }
        pending_response = self.client.post(
            "/o/token/",
            data=urlencode(token_payload),
            content_type="application/x-www-form-urlencoded",
        )
        self.assertJSONEqual(
            raw=pending_response.content,
            expected_data={"error": "authorization_pending"},
        )

        UserModel.objects.create_user(
            username="test_user_swapped_device_flow",
            email="test_swapped_device@example.com",
            password="password123",
        )
        self.client.login(username="test_user_swapped_device_flow", password="password123")

        device_confirm_url = reverse(
            "oauth2_provider:device-confirm",
            kwargs={"user_code": "xyz", "client_id": self.application.client_id},
        )
        device_grant_status_url = reverse(
            "oauth2_provider:device-grant-status",
            kwargs={"user_code": "xyz", "client_id": self.application.client_id},
        )

        self.assertRedirects(
            response=self.client.post(reverse("oauth2_provider:device"), data={"user_code": "xyz"}),
            expected_url=device_confirm_url,
        )
        self.assertRedirects(
            response=self.client.post(device_confirm_url, data={"action": "accept"}),
            expected_url=device_grant_status_url,
        )
        self.assertContains(
            response=self.client.get(device_grant_status_url),
            text="Device Authorized",
            count=1,
        )

        token_response = self.client.post(
            "/o/token/",
            data=urlencode(token_payload),
            content_type="application/x-www-form-urlencoded",
        )
        assert token_response.status_code == 200
        assert token_response.json() == {
            "access_token": mock.ANY,
            "expires_in": 36000,
            "token_type": "Bearer",
            "scope": "read write",
            "refresh_token": mock.ANY,
        }

    def test_invalid_user_code_returns_form_error_with_swapped_device_model(self):
        UserModel.objects.create_user(
            username="test_user_swapped_invalid_code",
            email="test_swapped_invalid_code@example.com",
            password="password123",
        )
        self.client.login(username="test_user_swapped_invalid_code", password="password123")

        self.assertContains(
            response=self.client.post(reverse("oauth2_provider:device"), data={"user_code": "invalid_code"}),
            status_code=200,
            text="Incorrect user code",
            count=1,
        )
