import threading

from apscheduler.schedulers.background import BackgroundScheduler
from django.apps import AppConfig
from django.conf import settings


def send_reminders():
    pass


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        scheduler = BackgroundScheduler()
        scheduler.add_job(send_reminders, "interval", hours=1)
        scheduler.start()
        threading.Timer(30, send_reminders).start()
        (settings.MEDIA_ROOT / "products").mkdir(parents=True, exist_ok=True)
