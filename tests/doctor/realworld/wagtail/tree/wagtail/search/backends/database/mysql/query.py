from modelsearch.backends.database.mysql.query import *  # noqa: F403
