from modelsearch.management.commands.enable_fuzzystrmatch import *  # noqa: F403
