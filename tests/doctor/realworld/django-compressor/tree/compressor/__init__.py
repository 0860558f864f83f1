# following PEP 386
__version__ = "4.7.0"
