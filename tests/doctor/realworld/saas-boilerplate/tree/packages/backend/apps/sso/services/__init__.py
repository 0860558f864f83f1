from .saml import SAMLService
from .oidc import OIDCService
from .scim import SCIMService
from .webauthn import WebAuthnService
from .provisioning import JITProvisioningService
from .sessions import SessionService, parse_user_agent, get_client_ip

__all__ = [
    "SAMLService",
    "OIDCService",
    "SCIMService",
    "WebAuthnService",
    "JITProvisioningService",
    "SecretsService",
    "SessionService",
    "parse_user_agent",
    "get_client_ip",
]
