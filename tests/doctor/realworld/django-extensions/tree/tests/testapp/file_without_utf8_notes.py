# -*- coding: utf-8 -*-

# TODO: this is a test todo
