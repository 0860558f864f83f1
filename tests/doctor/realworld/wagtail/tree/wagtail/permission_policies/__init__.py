from .base import *  # NOQA: F403
