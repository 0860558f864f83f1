from .bulk_edit import *
from .bulk_import import *
from .bulk_rename import *
from .filtersets import *
from .model_forms import *
from .search import *
