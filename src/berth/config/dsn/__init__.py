"""Parsers that turn the DSN-style environment variables into Django settings."""
