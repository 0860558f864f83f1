class NamespaceAlreadyRegistered(Exception):
    pass


class NoParentFound(Exception):
    pass
