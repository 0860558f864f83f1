"""PSF membership landing page and related views."""
