default_app_config = 'ralph.lib.mixins.tests.apps.MixinsTestsConfig'
