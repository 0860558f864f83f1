default_app_config = 'ralph.lib.permissions.tests.apps.PermissionsTestsConfig'
