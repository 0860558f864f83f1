"""Template tags for the boxes app."""
