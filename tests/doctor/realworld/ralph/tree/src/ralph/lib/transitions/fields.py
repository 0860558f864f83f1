# -*- coding: utf-8 -*-
from django.db import models


class TransitionField(models.PositiveIntegerField):
    pass
