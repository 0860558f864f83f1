"""Users app for authentication, profiles, and PSF membership."""
