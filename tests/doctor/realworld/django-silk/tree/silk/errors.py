class SilkError(Exception):
    pass


class SilkNotConfigured(SilkError):
    pass


class SilkInternalInconsistency(SilkError):
    pass
