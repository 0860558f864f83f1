from .asn import *
from .fhrp import *
from .ip import *
from .services import *
from .vlans import *
from .vrfs import *
