from ralph.urls.base import urlpatterns  # noqa


handler404 = 'ralph.lib.error_pages.views.page_not_found'
