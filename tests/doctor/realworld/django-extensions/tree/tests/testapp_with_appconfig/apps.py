# -*- coding: utf-8 -*-
from django.apps import AppConfig


class TestappWithAppConfigConfig(AppConfig):
    name = 'tests.testapp_with_appconfig'
