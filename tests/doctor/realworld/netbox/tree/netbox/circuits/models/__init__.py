from .circuits import *
from .providers import *
from .virtual_circuits import *
