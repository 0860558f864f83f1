"""Models for the fastly app (intentionally empty)."""
