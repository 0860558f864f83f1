from .owners import *
from .permissions import *
from .preferences import *
from .tokens import *
from .users import *
