from .serializers_.crypto import *
from .serializers_.l2vpn import *
from .serializers_.tunnels import *
