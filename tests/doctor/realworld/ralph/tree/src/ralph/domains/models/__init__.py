from ralph.domains.models.domains import (
    DNSProvider,
    Domain,
    DomainCategory,
    DomainContract,
    DomainRegistrant,
    DomainStatus,
)

__all__ = [
    'Domain',
    'DomainCategory',
    'DomainContract',
    'DomainRegistrant',
    'DomainStatus',
    'DNSProvider',
]
