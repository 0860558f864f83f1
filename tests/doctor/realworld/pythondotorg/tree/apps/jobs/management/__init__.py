"""Management commands for the jobs app."""
