from .channel_create import create_channel
from .channel_update import update_channel

__all__ = [
    "create_channel",
    "update_channel",
]
