from modelsearch.backends import *  # noqa: F403
