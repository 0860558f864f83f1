"""
Generic backup system for tenant data across all Django apps.
"""
