"""Management commands for the minutes app."""
