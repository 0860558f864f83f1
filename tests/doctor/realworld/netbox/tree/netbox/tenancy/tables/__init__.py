from .columns import *
from .contacts import *
from .tenants import *
