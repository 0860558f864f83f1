# DIRECT_FORM_FIELD_OVERRIDES, FORM_FIELD_OVERRIDES are imported for backwards
# compatibility, as people are likely importing them from here and then
# appending their own overrides
from wagtail.admin.forms.models import (  # NOQA: F401
    DIRECT_FORM_FIELD_OVERRIDES,
    FORM_FIELD_OVERRIDES,
)

from .base import *  # NOQA: F403
from .comment_panel import *  # NOQA: F403
from .field_panel import *  # NOQA: F403
from .group import *  # NOQA: F403
from .help_panel import *  # NOQA: F403
from .inline_panel import *  # NOQA: F403
from .model_utils import *  # NOQA: F403
from .multiple_chooser_panel import *  # NOQA: F403
from .page_chooser_panel import *  # NOQA: F403
from .page_utils import *  # NOQA: F403
from .publishing_panel import *  # NOQA: F403
from .signal_handlers import *  # NOQA: F403
from .title_field_panel import *  # NOQA: F403
