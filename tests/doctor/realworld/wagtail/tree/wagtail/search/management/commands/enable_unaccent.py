from modelsearch.management.commands.enable_unaccent import *  # noqa: F403
