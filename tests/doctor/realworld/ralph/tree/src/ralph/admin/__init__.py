default_app_config = 'ralph.admin.apps.RalphAdminConfig'
