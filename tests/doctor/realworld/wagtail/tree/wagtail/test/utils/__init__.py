from .decorators import *  # NOQA: F403
from .page_tests import *  # NOQA: F403
from .wagtail_tests import *  # NOQA: F403
