from modelsearch.backends.opensearch3 import *  # noqa: F403
