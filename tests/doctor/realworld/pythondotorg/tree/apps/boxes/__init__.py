"""Reusable content boxes for admin-editable site snippets."""
