from modelsearch.backends.elasticsearch9 import *  # noqa: F403
