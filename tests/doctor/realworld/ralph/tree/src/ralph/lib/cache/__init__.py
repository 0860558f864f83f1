from ralph.lib.cache.django_connection_pool_redis_cache import (
    DjangoConnectionPoolCache,
)


__all__ = [
    'DjangoConnectionPoolCache'
]
