# -*- coding: utf-8 -*-
# from django.test import TestCase

# Create your tests here.
