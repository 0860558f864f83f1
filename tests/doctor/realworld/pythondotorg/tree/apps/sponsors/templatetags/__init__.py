"""Template tags for the sponsors app."""
