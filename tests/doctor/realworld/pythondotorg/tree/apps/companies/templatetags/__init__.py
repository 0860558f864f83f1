"""Template tags for the companies app."""
