from .settings import *  # NOQA: F403
