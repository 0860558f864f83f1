from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.static import serve

from catalog import views

urlpatterns = [path("", views.item_list), path("items/<int:pk>/", views.item_detail)]
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
    urlpatterns += [path("__debug__/", include("debug_toolbar.urls"))]
