# -*- coding: utf-8 -*-
def run():
    pass
