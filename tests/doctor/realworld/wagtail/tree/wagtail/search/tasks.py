from modelsearch.tasks import *  # noqa: F403
