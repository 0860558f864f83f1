"""Template tags for the events app."""
