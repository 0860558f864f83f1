"""Template tags for the blogs app."""
