from .tables import *
