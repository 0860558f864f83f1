class InvalidFilterSpecError(ValueError):
    pass


class UnknownOutputImageFormatError(ValueError):
    """
    Exception thrown when an unknown output format is requested for an image conversion
    """

    pass
