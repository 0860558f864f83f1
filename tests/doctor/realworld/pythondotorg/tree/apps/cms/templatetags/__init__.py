"""Template tags for the cms app."""
