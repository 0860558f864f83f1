from django.apps import AppConfig


class PermissionsTestsConfig(AppConfig):
    name = 'ralph.lib.permissions.tests'
    label = 'permissions_tests'
