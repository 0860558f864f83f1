# following PEP 440
__version__ = "3.1.3"
