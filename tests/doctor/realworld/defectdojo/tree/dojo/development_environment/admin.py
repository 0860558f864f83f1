from django.contrib import admin

from dojo.development_environment.models import Development_Environment

admin.site.register(Development_Environment)
