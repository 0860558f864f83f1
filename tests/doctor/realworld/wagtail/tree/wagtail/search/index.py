from modelsearch.index import *  # noqa: F403
