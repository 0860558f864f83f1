"""Common content management mixins and base models."""
