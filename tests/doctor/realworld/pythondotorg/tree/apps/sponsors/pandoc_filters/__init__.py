"""Pandoc filters for sponsor contract document generation."""
