from django.contrib import admin

from dojo.regulations.models import Regulation

admin.site.register(Regulation)
