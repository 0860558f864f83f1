import logging
import warnings
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from wagtail.utils.deprecation import RemovedInWagtail90Warning

from .base import BaseBackend

logger = logging.getLogger("wagtail.frontendcache")


__all__ = ["AzureBaseBackend", "AzureFrontDoorBackend", "AzureCdnBackend"]


class AzureBaseBackend(BaseBackend):
    _package_name = ""
    _required_version = ""
    _installed_version = ""

    def __init__(self, params):
        super().__init__(params)
        self._credentials = params.pop("CREDENTIALS", None)
        self._subscription_id = params.pop("SUBSCRIPTION_ID", None)
        try:
            self._resource_group_name = params.pop("RESOURCE_GROUP_NAME")
        except KeyError as e:
            raise ImproperlyConfigured(
                "The setting 'WAGTAILFRONTENDCACHE' requires 'RESOURCE_GROUP_NAME' to be specified."
            ) from e
        self._custom_headers = params.pop("CUSTOM_HEADERS", None)
        self._legacy_azure_library = self._is_legacy_azure_library(
            required=self._required_version,
            installed=self._installed_version,
        )
        if self._legacy_azure_library:
            warnings.warn(
                f"Support for {self._package_name} {self._installed_version} "
                f"will be dropped in a future release. Please upgrade to "
                f"{self._package_name} >= {self._required_version}.",
                RemovedInWagtail90Warning,
            )

    def _is_legacy_azure_library(self, *, required, installed):
        required_ver = [int(part) for part in required.split(".")]
        version_ver = [int(part) for part in installed.split(".")]
        return version_ver < required_ver

    def purge_batch(self, urls):
        self._purge_content([self._get_path(url) for url in urls])

    def purge(self, url):
        self.purge_batch([url])

    def _get_default_credentials(self):
        try:
            from azure.identity import DefaultAzureCredential
        except ImportError:
            return
        return DefaultAzureCredential()

    def _get_credentials(self):
        """
        Use credentials object set by user. If not set, use the one configured
        in the current environment.
        """
        user_credentials = self._credentials
        if user_credentials:
            return user_credentials
        return self._get_default_credentials()

    def _get_default_subscription_id(self):
        """
        Obtain subscription ID directly from Azure.
        """
        try:
            from azure.mgmt.subscription import SubscriptionClient
        except ImportError:
            # Old versions
            try:
                from azure.mgmt.resource import SubscriptionClient
            except ImportError:
                return ""
            else:
                warnings.warn(
                    "Support for getting the default Azure subscription from "
                    "azure-mgmt-resource is deprecated. "
                    "Please install azure-mgmt-subscription instead.",
                    RemovedInWagtail90Warning,
                )
        credential = self._get_credentials()
        subscription_client = SubscriptionClient(credential)
        subscription = next(subscription_client.subscriptions.list())
        return subscription.subscription_id

    def _get_subscription_id(self):
        """
        Use subscription ID set in the user configuration. If not set, try to
        retrieve one from Azure directly.
        """
        user_subscription_id = self._subscription_id
        if user_subscription_id:
            return user_subscription_id
        return self._get_default_subscription_id()

    def _get_client_kwargs(self):
        return {
            "credential": self._get_credentials(),
            "subscription_id": self._get_subscription_id(),
        }

    def _get_path(self, url):
        """
        Split netloc from the URL and return path only.
        """
        # Delete scheme and netloc from the URL, that will result in only path being
        # left.
        url_parts = ("",) * 2 + urlsplit(url)[2:]
        return urlunsplit(url_parts)

    def _get_client(self):
        """
        Get Azure client instance.
        """
        klass = self._get_client_class()
        kwargs = self._get_client_kwargs()
        return klass(**kwargs)

    def _get_purge_kwargs(self, paths, **kwargs):
        """
        Get keyword arguments passes to Azure purge content calls.
        """
        if self._is_legacy_azure_library:
            return {
                "resource_group_name": self._resource_group_name,
                "custom_headers": self._custom_headers,
                "content_paths": set(paths),
            }
        return {
            "resource_group_name": self._resource_group_name,
            **kwargs,
        }

    def _purge_content(self, paths):
        if self._legacy_azure_library:
            from msrest.exceptions import HttpOperationError as HttpError
        else:
            from azure.core.exceptions import HttpResponseError as HttpError

        client = self._get_client()
        try:
            self._make_purge_call(client, paths)
        except HttpError as exception:
            for path in paths:
                logger.exception(
                    "Couldn't purge '%s' from %s cache. %s: %r",
                    path,
                    type(self).__name__,
                    type(exception).__name__,
                    exception.response,
                )


class AzureFrontDoorBackend(AzureBaseBackend):
    def __init__(self, params):
        from azure.mgmt.frontdoor import __version__

        self._package_name = "azure-mgmt-frontdoor"
        self._required_version = "1.1.0"
        self._installed_version = __version__

        super().__init__(params)
        try:
            self._front_door_name = params.pop("FRONT_DOOR_NAME")
        except KeyError as e:
            raise ImproperlyConfigured(
                "The setting 'WAGTAILFRONTENDCACHE' requires 'FRONT_DOOR_NAME' to be specified."
            ) from e
        self._front_door_service_url = params.pop("FRONT_DOOR_SERVICE_URL", None)

    def _get_client_class(self):
        from azure.mgmt.frontdoor import FrontDoorManagementClient

        return FrontDoorManagementClient

    def _get_client_kwargs(self):
        kwargs = super()._get_client_kwargs()
        if self._front_door_service_url:
            kwargs.setdefault("base_url", self._front_door_service_url)

        return kwargs

    def _get_purge_kwargs(self, paths, **kwargs):
        if self._is_legacy_azure_library:
            return super()._get_purge_kwargs(paths, **kwargs)

        from azure.mgmt.frontdoor.models import PurgeParameters

        return super()._get_purge_kwargs(
            content_file_paths=PurgeParameters(content_paths=paths)
        )

    def _make_purge_call(self, client, paths):
        if self._is_legacy_azure_library:
            return client.endpoints.purge_content(
                **self._get_purge_kwargs(paths),
                front_door_name=self._front_door_name,
            )
        return client.endpoints.begin_purge_content(
            **self._get_purge_kwargs(paths=paths),
            front_door_name=self._front_door_name,
        )


class AzureCdnBackend(AzureBaseBackend):
    def __init__(self, params):
        from azure.mgmt.cdn import __version__

        self._package_name = "azure-mgmt-cdn"
        self._required_version = "13.0.0"
        self._installed_version = __version__

        super().__init__(params)
        try:
            self._cdn_profile_name = params.pop("CDN_PROFILE_NAME")
            self._cdn_endpoint_name = params.pop("CDN_ENDPOINT_NAME")
        except KeyError as e:
            raise ImproperlyConfigured(
                "The setting 'WAGTAILFRONTENDCACHE' requires 'CDN_PROFILE_NAME' and 'CDN_ENDPOINT_NAME' to be specified."
            ) from e
        self._cdn_service_url = params.pop("CDN_SERVICE_URL", None)

    def _get_client_class(self):
        from azure.mgmt.cdn import CdnManagementClient

        return CdnManagementClient

    def _get_client_kwargs(self):
        kwargs = super()._get_client_kwargs()
        if self._cdn_service_url:
            kwargs.setdefault("base_url", self._cdn_service_url)

        return kwargs

    def _get_purge_kwargs(self, paths, **kwargs):
        if self._is_legacy_azure_library:
            return super()._get_purge_kwargs(paths, **kwargs)

        from azure.mgmt.cdn.models import PurgeParameters

        return super()._get_purge_kwargs(
            content_file_paths=PurgeParameters(content_paths=paths)
        )

    def _make_purge_call(self, client, paths):
        if self._is_legacy_azure_library:
            return client.endpoints.purge_content(
                **self._get_purge_kwargs(paths),
                profile_name=self._cdn_profile_name,
                endpoint_name=self._cdn_endpoint_name,
            )
        return client.endpoints.begin_purge_content(
            **self._get_purge_kwargs(paths=paths),
            profile_name=self._cdn_profile_name,
            endpoint_name=self._cdn_endpoint_name,
        )
