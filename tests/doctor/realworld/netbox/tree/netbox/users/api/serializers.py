from .serializers_.owners import *
from .serializers_.permissions import *
from .serializers_.tokens import *
from .serializers_.users import *
