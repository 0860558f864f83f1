__author__ = 'mtford'
