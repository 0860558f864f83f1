from modelsearch.backends.database.postgres.postgres import *  # noqa: F403
