class PlaceholderHookException(Exception):
    """
    Simple exception to signal to the tests that a placeholder
    hook has been run.
    """
    pass
