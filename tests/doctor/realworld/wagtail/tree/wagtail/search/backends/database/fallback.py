from modelsearch.backends.database.fallback import *  # noqa: F403
