# -*- coding: utf-8 -*-
# from django.db import models

# Create your models here.
