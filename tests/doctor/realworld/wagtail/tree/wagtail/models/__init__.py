"""
``wagtail.models`` is split into submodules for maintainability. All definitions intended as
public should be imported here (with 'noqa: F401' comments as required) and outside code should
continue to import them from wagtail.models (e.g. ``from wagtail.models import Site``, not
``from wagtail.models.sites import Site``.)

Submodules should take care to keep the direction of dependencies consistent; where possible they
should implement low-level generic functionality which is then imported by higher-level models such
as Page.
"""

from django.contrib.contenttypes.models import ContentType  # noqa: F401
from modelcluster.fields import ParentalKey  # noqa: F401
from modelcluster.models import ClusterableModel  # noqa: F401
from treebeard.mp_tree import MP_Node  # noqa: F401

from wagtail.query import PageQuerySet  # noqa: F401

from .api import APIToken  # noqa: F401
from .audit_log import (  # noqa: F401
    BaseLogEntry,
    BaseLogEntryManager,
    LogEntryQuerySet,
    ModelLogEntry,
)
from .content_types import get_default_page_content_type  # noqa: F401
from .copying import _copy, _copy_m2m_relations, _extract_field_data  # noqa: F401
from .draft_state import DraftStateMixin  # noqa: F401
from .i18n import (  # noqa: F401
    BootstrapLocaleField,
    BootstrapTranslatableMixin,
    BootstrapTranslatableModel,
    BootstrapTranslationKeyField,
    Locale,
    LocaleManager,
    TranslatableMixin,
    bootstrap_translatable_model,
    get_translatable_models,
)
from .locking import LockableMixin  # noqa: F401
from .media import (  # noqa: F401
    BaseCollectionManager,
    Collection,
    CollectionManager,
    CollectionMember,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupCollectionPermissionManager,
    UploadedFile,
    get_root_collection_id,
)
from .orderable import Orderable  # noqa: F401
from .pages import (  # noqa: F401
    COMMENTS_RELATION_NAME,
    PAGE_MODEL_CLASSES,
    PAGE_PERMISSION_TYPES,
    PAGE_TEMPLATE_VAR,
    AbstractPage,
    BasePageManager,
    Comment,
    CommentReply,
    DefaultBasePageMixin,
    GroupPagePermission,
    GroupPagePermissionManager,
    Page,
    PageBase,
    PageLogEntry,
    PageLogEntryManager,
    PageLogEntryQuerySet,
    PageManager,
    PagePermissionTester,
    PageSubscription,
    PageViewRestriction,
    ShowInMenusMixin,
    WorkflowPage,
    get_page_content_types,
    get_page_models,
    get_streamfield_names,
    reassign_root_page_locale_on_delete,
)
from .panels import CommentPanelPlaceholder, PanelPlaceholder  # noqa: F401
from .preview import PreviewableMixin  # noqa: F401
from .reference_index import ReferenceIndex  # noqa: F401
from .revisions import (  # noqa: F401
    PageRevisionsManager,
    Revision,
    RevisionMixin,
    RevisionQuerySet,
    RevisionsManager,
)
from .sites import GroupSitePermission, Site, SiteManager, SiteRootPath  # noqa: F401
from .specific import SpecificMixin  # noqa: F401
from .view_restrictions import BaseViewRestriction  # noqa: F401
from .workflows import (  # noqa: F401
    AbstractGroupApprovalTask,
    AbstractWorkflow,
    BaseTaskStateManager,
    GroupApprovalTask,
    Task,
    TaskManager,
    TaskQuerySet,
    TaskState,
    TaskStateManager,
    TaskStateQuerySet,
    Workflow,
    WorkflowContentType,
    WorkflowManager,
    WorkflowMixin,
    WorkflowState,
    WorkflowStateManager,
    WorkflowStateQuerySet,
    WorkflowTask,
)
