"""Tests for passive voice detection module."""
