"""pythondotorg Django applications package."""
