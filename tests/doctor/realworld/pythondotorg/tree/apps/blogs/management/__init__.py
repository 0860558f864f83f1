"""Management commands for the blogs app."""
