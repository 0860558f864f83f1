from modelsearch.signal_handlers import *  # noqa: F403
