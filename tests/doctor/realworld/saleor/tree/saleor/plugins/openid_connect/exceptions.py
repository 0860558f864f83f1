class AuthenticationError(Exception):
    """Raises when error occurred during authentication."""
