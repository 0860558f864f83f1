from .configs import *
from .customfields import *
from .dashboard import *
from .models import *
from .notifications import *
from .scripts import *
from .search import *
from .tags import *
