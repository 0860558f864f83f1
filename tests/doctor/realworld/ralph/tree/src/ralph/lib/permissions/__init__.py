default_app_config = 'ralph.lib.permissions.apps.PermissionAppConfig'
