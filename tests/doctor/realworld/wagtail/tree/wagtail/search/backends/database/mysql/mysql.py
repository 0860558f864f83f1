from modelsearch.backends.database.mysql.mysql import *  # noqa: F403
