"""Minutes app for managing PSF board meeting minutes."""
