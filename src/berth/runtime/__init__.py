"""What runs inside the Django process: the app, checks, URLs, middleware, logging, storage, gunicorn's settings."""
