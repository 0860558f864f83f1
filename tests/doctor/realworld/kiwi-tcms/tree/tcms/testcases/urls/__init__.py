# -*- coding: utf-8 -*-
# flake8: noqa
from . import case_urls, cases_urls
