APP_ID_PREFIX = "app"
