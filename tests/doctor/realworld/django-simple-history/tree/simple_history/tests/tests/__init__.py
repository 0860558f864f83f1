from .test_admin import *
from .test_commands import *
from .test_manager import *
from .test_models import *
