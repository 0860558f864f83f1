default_app_config = "apps.sso.apps.SsoConfig"
