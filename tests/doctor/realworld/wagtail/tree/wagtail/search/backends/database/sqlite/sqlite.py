from modelsearch.backends.database.sqlite.sqlite import *  # noqa: F403
