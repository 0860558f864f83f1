from ralph.networks.models.choices import IPAddressStatus
from ralph.networks.models.networks import (
    DiscoveryQueue,
    IPAddress,
    Network,
    NetworkEnvironment,
    NetworkKind
)

__all__ = [
    'DiscoveryQueue',
    'IPAddress',
    'IPAddressStatus',
    'Network',
    'NetworkEnvironment',
    'NetworkKind',
]
