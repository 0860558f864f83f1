from .wirelesslan import *
from .wirelesslink import *
