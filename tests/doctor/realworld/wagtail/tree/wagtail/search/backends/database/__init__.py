from modelsearch.backends.database import *  # noqa: F403
