from modelsearch.utils import *  # noqa: F403
