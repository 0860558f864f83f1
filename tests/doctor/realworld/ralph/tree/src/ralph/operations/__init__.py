default_app_config = 'ralph.operations.apps.RalphOperationsConfig'
