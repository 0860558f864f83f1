from modelsearch.backends.database.postgres.query import *  # noqa: F403
