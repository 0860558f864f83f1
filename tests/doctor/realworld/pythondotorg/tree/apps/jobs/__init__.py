"""Jobs app for the Python job board."""
