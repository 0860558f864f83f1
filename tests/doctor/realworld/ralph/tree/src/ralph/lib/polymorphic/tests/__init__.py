default_app_config = 'ralph.lib.polymorphic.tests.apps.PolymorphicTestsConfig'
