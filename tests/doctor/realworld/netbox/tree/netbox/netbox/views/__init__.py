from .errors import *
from .misc import *
