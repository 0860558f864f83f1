__version__ = '5.1.3'
