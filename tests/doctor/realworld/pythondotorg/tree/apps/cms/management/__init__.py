"""Management commands for the cms app."""
