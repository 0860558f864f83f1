"""Template tags for the downloads app."""
