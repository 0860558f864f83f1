"""Management commands for the sponsors app."""
