class RemovedInDjangoCMS51Warning(DeprecationWarning):
    pass


class RemovedInDjangoCMS60Warning(DeprecationWarning):
    pass
