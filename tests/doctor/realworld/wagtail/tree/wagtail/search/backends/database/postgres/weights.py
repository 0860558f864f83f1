from modelsearch.backends.database.postgres.weights import *  # noqa: F403
