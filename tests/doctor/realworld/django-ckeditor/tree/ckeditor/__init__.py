VERSION = (6, 7, 4)
__version__ = ".".join(map(str, VERSION))
