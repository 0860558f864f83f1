from modelsearch.management.commands.rebuild_modelsearch_index import *  # noqa: F403
