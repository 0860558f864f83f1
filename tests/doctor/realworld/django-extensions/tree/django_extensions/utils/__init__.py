# -*- coding: utf-8 -*-
from .internal_ips import InternalIPS  # NOQA
