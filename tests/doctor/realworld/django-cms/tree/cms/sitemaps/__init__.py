from .cms_sitemap import CMSSitemap  # noqa: F401
