# Import block types defined in submodules into the wagtail.blocks namespace
from .base import *  # NOQA: F403
from .field_block import *  # NOQA: F403
from .list_block import *  # NOQA: F403
from .static_block import *  # NOQA: F403
from .stream_block import *  # NOQA: F403
from .struct_block import *  # NOQA: F403
