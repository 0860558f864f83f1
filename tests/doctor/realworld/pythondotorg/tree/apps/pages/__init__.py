"""Pages app for managing flat CMS pages on python.org."""
