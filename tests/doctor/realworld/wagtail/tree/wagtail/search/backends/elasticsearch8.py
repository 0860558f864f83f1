from modelsearch.backends.elasticsearch8 import *  # noqa: F403
