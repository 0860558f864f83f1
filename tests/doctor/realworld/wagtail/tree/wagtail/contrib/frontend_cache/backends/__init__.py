from .base import *  # noqa
from .azure import *  # noqa
from .http import *  # noqa
from .cloudflare import *  # noqa
from .cloudfront import *  # noqa
