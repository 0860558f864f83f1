from django.apps import AppConfig


class CustomFieldsTestsConfig(AppConfig):
    name = 'ralph.lib.custom_fields.tests'
    label = 'custom_fields_tests'
