from modelsearch.backends.database.sqlite.utils import *  # noqa: F403
