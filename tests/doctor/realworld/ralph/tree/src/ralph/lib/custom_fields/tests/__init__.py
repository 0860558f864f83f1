default_app_config = 'ralph.lib.custom_fields.tests.apps.CustomFieldsTestsConfig'
