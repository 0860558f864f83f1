from .sitemap_generator import Sitemap  # noqa: F401
