from .crypto import *
from .l2vpn import *
from .tunnels import *
