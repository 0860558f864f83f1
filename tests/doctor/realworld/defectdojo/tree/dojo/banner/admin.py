from django.contrib import admin

from dojo.banner.models import BannerConf

admin.site.register(BannerConf)
