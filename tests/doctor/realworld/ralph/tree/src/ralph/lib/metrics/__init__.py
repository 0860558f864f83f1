from .collector import build_statsd_client, statsd
from .utils import mark
from .middlewares import patch_cursor

__all__ = [
    'build_statsd_client',
    'mark',
    'statsd',
    'patch_cursor'
]
