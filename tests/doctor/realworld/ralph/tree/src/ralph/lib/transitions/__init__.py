# -*- coding: utf-8 -*-

default_app_config = 'ralph.lib.transitions.apps.TransitionAppConfig'
