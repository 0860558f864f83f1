from .apiselect import *
from .datetime import *
from .misc import *
from .modifiers import *
from .select import *
