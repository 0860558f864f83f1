"""``manage.py berth_orphans``."""
