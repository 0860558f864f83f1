from modelsearch.query import *  # noqa: F403
