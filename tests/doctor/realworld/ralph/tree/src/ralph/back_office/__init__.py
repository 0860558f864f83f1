default_app_config = 'ralph.back_office.apps.BackOfficeConfig'
