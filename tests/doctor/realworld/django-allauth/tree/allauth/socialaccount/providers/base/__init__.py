from allauth.socialaccount.providers.base.provider import Provider  # noqa
from allauth.socialaccount.providers.base.provider import ProviderAccount  # noqa
from allauth.socialaccount.providers.base.provider import ProviderException  # noqa

from .constants import AuthAction, AuthError, AuthProcess  # noqa
