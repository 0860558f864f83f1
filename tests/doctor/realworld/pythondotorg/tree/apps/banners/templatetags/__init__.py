"""Template tags for the banners app."""
