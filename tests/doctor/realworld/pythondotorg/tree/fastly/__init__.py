"""Fastly CDN integration for cache purging."""
