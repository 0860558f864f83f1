from modelsearch.backends.elasticsearch7 import *  # noqa: F403
