from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from shop import views

urlpatterns = [
    path("", views.product_list),
    path("export/", views.export_orders),
    path("invoice/<int:pk>/", views.invoice),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
