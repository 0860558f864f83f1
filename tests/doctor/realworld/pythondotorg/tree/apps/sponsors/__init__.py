"""Sponsors app for managing PSF sponsorship programs."""
