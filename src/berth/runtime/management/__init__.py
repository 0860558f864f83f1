"""Django management commands berth adds to manage.py."""
