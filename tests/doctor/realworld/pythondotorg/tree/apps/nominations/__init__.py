"""Nominations app for PSF board elections."""
