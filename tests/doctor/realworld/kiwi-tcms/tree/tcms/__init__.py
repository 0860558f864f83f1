# -*- coding: utf-8 -*-
from datetime import datetime

__version__ = "16.2"
__release_date__ = datetime(2026, 7, 22, 23, 4)
