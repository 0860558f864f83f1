import jwt
from django.conf import settings

from ..account.models import User
from ..graphql.account.dataloaders import UserByEmailLoader
from ..graphql.plugins.dataloaders import AnonymousPluginManagerLoader
from ..graphql.site.dataloaders import get_site_promise
from ..permission.enums import (
    get_permissions_from_codenames,
    get_permissions_from_names,
)
from ..permission.models import Permission
from ..plugins.manager import get_plugins_manager
from ..site import PasswordLoginMode
from .auth import get_token_from_request
from .jwt import (
    JWT_ACCESS_TYPE,
    JWT_THIRDPARTY_ACCESS_TYPE,
    PERMISSIONS_FIELD,
    is_saleor_token,
    jwt_decode,
)


# Moved from `django.contrib.auth.backends.ModelBackend`
class BaseBackend:
    def authenticate(self, request, **kwargs):
        return None

    def get_user(self, user_id):
        return None

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return {
            *self.get_user_permissions(user_obj, obj=obj),
            *self.get_group_permissions(user_obj, obj=obj),
        }

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj=obj)


class JSONWebTokenBackend(BaseBackend):
    def authenticate(self, request=None, **kwargs):
        return load_user_from_request(request)

    def get_user(self, user_id):
        try:
            return User.objects.get(email=user_id, is_active=True)
        except User.DoesNotExist:
            return None

    def _get_user_permissions(self, user_obj):
        # overwrites base method to force using our permission field
        return user_obj.effective_permissions

    def _get_group_permissions(self, user_obj):
        # overwrites base method to force using our permission field
        return user_obj.effective_permissions

    def _get_permissions(self, user_obj, obj, from_name):
        """Return the permissions of `user_obj` from `from_name`.

        `from_name` can be either "group" or "user" to return permissions from
        `_get_group_permissions` or `_get_user_permissions` respectively.
        """
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()

        perm_cache_name = "_effective_permissions_cache"
        if not getattr(user_obj, perm_cache_name, None):
            perms = getattr(self, f"_get_{from_name}_permissions")(user_obj)
            perms = perms.using(settings.DATABASE_CONNECTION_REPLICA_NAME)
            perms = perms.values_list("content_type__app_label", "codename").order_by()
            setattr(user_obj, perm_cache_name, {f"{ct}.{name}" for ct, name in perms})
        return getattr(user_obj, perm_cache_name)

    # Moved from `django.contrib.auth.backends.ModelBackend`
    def get_user_permissions(self, user_obj, obj=None):  # noqa: D205, D212, D400, D415
        """Return a set of permissions the user `user_obj` holds directly."""
        return self._get_permissions(user_obj, obj, "user")

    # Moved from `django.contrib.auth.backends.ModelBackend`
    def get_group_permissions(self, user_obj, obj=None):  # noqa: D205, D212, D400, D415
        """Return a set of permissions the user `user_obj` gets from their groups."""
        return self._get_permissions(user_obj, obj, "group")

    # Moved from `django.contrib.auth.backends.ModelBackend`
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = super().get_all_permissions(user_obj)
        return user_obj._perm_cache

    # Moved from `django.contrib.auth.backends.ModelBackend`
    def has_perm(self, user_obj, perm, obj=None):
        return user_obj.is_active and super().has_perm(user_obj, perm, obj=obj)


class PluginBackend(JSONWebTokenBackend):
    def authenticate(self, request=None, **kwargs):
        if request is None:
            return None
        # We can't use `AnonymousPluginManagerLoader(request).load("Anonymous").get()`
        # here because `get()` cause that many Promise are waiting in middle of caching
        # authenticated user. Which cause as many authentication plugin calls
        # as many Promise are waiting.

        allow_replica = getattr(request, "allow_replica", True)
        manager = get_plugins_manager(allow_replica, None)

        # Store created manager in request to be used in other Dataloader.
        plugin_loader = AnonymousPluginManagerLoader(request)
        plugin_loader.prime("Anonymous", manager)
        return manager.authenticate_user(request)


def load_user_from_request(request):
    if request is None:
        return None
    jwt_token = get_token_from_request(request)
    if not jwt_token or not is_saleor_token(jwt_token):
        return None
    payload = jwt_decode(jwt_token)

    jwt_type = payload.get("type")
    if jwt_type not in [JWT_ACCESS_TYPE, JWT_THIRDPARTY_ACCESS_TYPE]:
        raise jwt.InvalidTokenError(
            "Invalid token. Create new one by using tokenCreate mutation."
        )
    permissions = payload.get(PERMISSIONS_FIELD, None)

    user = UserByEmailLoader(request).load(payload["email"]).get()
    user_jwt_token = payload.get("token")
    if not user_jwt_token:
        raise jwt.InvalidTokenError(
            "Invalid token. Create new one by using tokenCreate mutation."
        )
    if not user:
        raise jwt.InvalidTokenError(
            "Invalid token. User does not exist or is inactive."
        )
    if user.jwt_token_key != user_jwt_token:
        raise jwt.InvalidTokenError(
            "Invalid token. Create new one by using tokenCreate mutation."
        )

    # Password login mode only restricts first-party access tokens, which are the
    # tokens minted from a password login. Third-party access tokens are issued for
    # apps and app extensions on behalf of an already-authenticated user (e.g. logged
    # in via OIDC), so they must not have their staff access stripped here.
    if jwt_type == JWT_ACCESS_TYPE:
        site_settings = get_site_promise(request).get().settings
        password_login_mode = site_settings.password_login_mode
        if password_login_mode != PasswordLoginMode.ENABLED:
            return _resolve_user_for_password_login_restriction(
                user, password_login_mode
            )

    if permissions is not None:
        token_permissions = get_permissions_from_names(permissions)
        token_codenames = [perm.codename for perm in token_permissions]
        user.effective_permissions = get_permissions_from_codenames(token_codenames)
        user.is_staff = True if user.effective_permissions else False

    if payload.get("is_staff"):
        user.is_staff = True

    return user


def _resolve_user_for_password_login_restriction(user: User, password_login_mode: str):
    """Resolve authenticated user for restricted password login modes.

    Returns the user with staff access stripped in CUSTOMERS_ONLY mode.
    Raises an error when password login is DISABLED.
    """
    if password_login_mode == PasswordLoginMode.CUSTOMERS_ONLY:
        user.is_staff = False
        user.effective_permissions = Permission.objects.none()
        return user
    raise jwt.InvalidTokenError("The authentication method is disabled.")
