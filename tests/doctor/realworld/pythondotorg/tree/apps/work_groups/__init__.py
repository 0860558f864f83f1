"""PSF working groups management."""
