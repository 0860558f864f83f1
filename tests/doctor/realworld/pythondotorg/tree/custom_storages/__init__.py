"""Custom storage backends for static and media files."""
