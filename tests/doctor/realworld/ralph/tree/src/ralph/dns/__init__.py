default_app_config = 'ralph.dns.apps.DNS'
