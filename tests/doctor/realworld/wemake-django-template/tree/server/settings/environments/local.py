"""Override any custom settings here."""
