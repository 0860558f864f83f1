from .clusters import *
from .virtualmachines import *
