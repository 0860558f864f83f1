from .base import (  # noqa: F401
    BaseListingView,
    BaseObjectMixin,
    BaseOperationView,
    WagtailAdminTemplateMixin,
)
from .history import HistoryView  # noqa: F401
from .mixins import (  # noqa: F401
    BeforeAfterHookMixin,
    CreateEditViewOptionalFeaturesMixin,
    HookResponseMixin,
    IndexViewOptionalFeaturesMixin,
    JsonPostResponseMixin,
    LocaleMixin,
    PanelMixin,
    RevisionsRevertMixin,
)
from .models import (  # noqa: F401
    CopyView,
    CopyViewMixin,
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    RevisionsCompareView,
    RevisionsUnscheduleView,
    UnpublishView,
)
from .ordering import ReorderView  # noqa: F401
from .permissions import PermissionCheckedMixin  # noqa: F401
from .usage import UsageView  # noqa: F401
