from modelsearch.backends.opensearch2 import *  # noqa: F403
