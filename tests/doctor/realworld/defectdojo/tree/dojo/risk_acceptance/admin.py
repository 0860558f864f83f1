from django.contrib import admin

from dojo.risk_acceptance.models import Risk_Acceptance

admin.site.register(Risk_Acceptance)
