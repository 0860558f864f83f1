from modelsearch.management.commands.enable_trigram import *  # noqa: F403
