from .array import *
from .content_types import *
from .csv import *
from .dynamic import *
from .expandable import *
from .fields import *
