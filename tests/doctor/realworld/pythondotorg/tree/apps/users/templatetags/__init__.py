"""Template tags for the users app."""
