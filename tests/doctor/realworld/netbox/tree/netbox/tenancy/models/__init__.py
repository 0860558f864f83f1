from .contacts import *
from .tenants import *
