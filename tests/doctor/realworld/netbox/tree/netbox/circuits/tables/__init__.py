from .circuits import *
from .columns import *
from .providers import *
from .virtual_circuits import *
