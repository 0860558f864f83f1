from django.test import TestCase

import pytest

from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProviderAccount,
)
from tests.apps.socialaccount.base import OpenIDConnectTests


class OpenIDConnectFetchUserInfoTests(OpenIDConnectTests, TestCase):
    provider_id = "oidc-server"

    def test_openid_configuration_overrides(self):
        self.app.settings["openid_configuration_overrides"] = {
            "token_endpoint": "/custom/token"
        }
        self.app.save(update_fields=["settings"])
        adapter = self.provider.get_oauth2_adapter(self.request)
        with self.mocked_response():
            config = adapter.openid_config
        assert config == {
            **self.oidc_info_content,
            "token_endpoint": "/custom/token",
        }

    def test_email_verified(self):
        values = [
            (True, True),
            ("true", True),
            ("false", False),
            ("False", False),
            ("foo", False),
            (None, False),
        ]
        for value, verified in values:
            with self.subTest(value=value):
                addresses = self.provider.extract_email_addresses(
                    {
                        "userinfo": {
                            "email": "user@example.com",
                            "email_verified": value,
                        }
                    }
                )
                assert addresses[0].verified is verified


class OpenIDConnectUseIDTokenTests(OpenIDConnectTests, TestCase):
    provider_id = "other-oidc-server"

    def setup_provider(self):
        super().setup_provider()
        self.app.settings["fetch_userinfo"] = False
        self.app.save()
        self.extra_data = self.id_token


@pytest.mark.parametrize(
    "extra_data,expected_to_str",
    [
        ({"username": "compatpre6511"}, "compatpre6511"),
        ({"id_token": {"username": "idtokusr"}}, "idtokusr"),
        ({"userinfo": {"username": "userinfousr"}}, "userinfousr"),
    ],
)
def test_socialaccount_extra_data(extra_data, expected_to_str):
    sa = SocialAccount()
    sa.extra_data = extra_data
    assert OpenIDConnectProviderAccount(sa).to_str() == expected_to_str
