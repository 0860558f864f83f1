"""
Tests for backup functionality.
"""
