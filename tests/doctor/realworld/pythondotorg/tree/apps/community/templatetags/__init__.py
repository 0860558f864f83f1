"""Template tags for the community app."""
