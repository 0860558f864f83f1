"""The configuration layer: environment variables (and their DSN parsers) resolved into Django settings."""
