from .clipboardmodels import *  # noqa
from .filemodels import *  # noqa
from .foldermodels import *  # noqa
from .imagemodels import *  # noqa
from .thumbnailoptionmodels import *  # noqa
from .virtualitems import *  # noqa
