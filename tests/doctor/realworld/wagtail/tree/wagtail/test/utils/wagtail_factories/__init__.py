from .blocks import *  # noqa: F403
from .factories import *  # noqa: F403
