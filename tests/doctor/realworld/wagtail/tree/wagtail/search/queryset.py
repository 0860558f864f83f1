from modelsearch.queryset import *  # noqa: F403
