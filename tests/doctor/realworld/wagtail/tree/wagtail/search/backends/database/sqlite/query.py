from modelsearch.backends.database.sqlite.query import *  # noqa: F403
