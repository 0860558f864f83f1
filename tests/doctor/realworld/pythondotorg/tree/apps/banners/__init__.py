"""Banner management for displaying site-wide announcements."""
