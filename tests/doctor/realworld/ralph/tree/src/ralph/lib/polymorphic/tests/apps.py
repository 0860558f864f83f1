from django.apps import AppConfig


class PolymorphicTestsConfig(AppConfig):
    name = 'ralph.lib.polymorphic.tests'
    label = 'polymorphic_tests'
