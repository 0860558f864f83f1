"""Management commands for the pages app."""
