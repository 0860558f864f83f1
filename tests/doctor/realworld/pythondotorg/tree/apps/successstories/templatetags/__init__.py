"""Template tags for the success stories app."""
