from django.apps import AppConfig


class MixinsTestsConfig(AppConfig):
    name = 'ralph.lib.mixins.tests'
    label = 'mixins_tests'
