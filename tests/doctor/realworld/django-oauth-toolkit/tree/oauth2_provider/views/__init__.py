# flake8: noqa
from .base import AuthorizationView, TokenView, RevokeTokenView  # isort:skip
from .application import (
    ApplicationDelete,
    ApplicationDetail,
    ApplicationList,
    ApplicationRegistration,
    ApplicationUpdate,
)
from .generic import (
    ClientProtectedResourceMetadataView,
    ClientProtectedResourceView,
    ClientProtectedScopedResourceView,
    ProtectedResourceMetadataView,
    ProtectedResourceView,
    ReadWriteScopedProtectedResourceMetadataView,
    ReadWriteScopedResourceView,
    ScopedProtectedResourceMetadataView,
    ScopedProtectedResourceView,
)
from .introspect import IntrospectTokenView
from .metadata import OAuthProtectedResourceMetadataView, OAuthServerMetadataView
from .oidc import ConnectDiscoveryInfoView, JwksInfoView, RPInitiatedLogoutView, UserInfoView
from .token import AuthorizedTokenDeleteView, AuthorizedTokensListView
from .device import DeviceAuthorizationView, DeviceUserCodeView, DeviceConfirmView, DeviceGrantStatusView
from .dynamic_client_registration import (
    DynamicClientRegistrationView,
    DynamicClientRegistrationManagementView,
)
