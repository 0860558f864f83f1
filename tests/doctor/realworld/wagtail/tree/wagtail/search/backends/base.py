from modelsearch.backends.base import *  # noqa: F403
