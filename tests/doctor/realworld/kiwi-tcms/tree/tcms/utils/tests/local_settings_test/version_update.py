from django.conf import settings

# Kiwi TCMS Enterprise performs a similar modification
KIWI_VERSION = f"{settings.KIWI_VERSION}-Under-Test"
