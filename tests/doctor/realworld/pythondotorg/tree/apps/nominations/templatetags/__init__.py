"""Template tags for the nominations app."""
