default_app_config = 'ralph.notifications.apps.NotificationConfig'
