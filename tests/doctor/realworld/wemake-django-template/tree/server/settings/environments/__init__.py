"""Overriding settings based on the environment."""
