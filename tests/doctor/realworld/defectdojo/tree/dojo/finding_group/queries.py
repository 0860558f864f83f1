try:
    from dojo.authorization.query_filters import get_auth_filter
except ImportError:
    def get_auth_filter(key): return None

from dojo.models import Finding_Group
from dojo.request_cache import cache_for_request_or_task


# Cached: all parameters are hashable, no dynamic queryset filtering
@cache_for_request_or_task
def get_authorized_finding_groups(permission, user=None):
    impl = get_auth_filter("finding_group.get_authorized_finding_groups")
    if impl:
        return impl(permission, user=user)
    return Finding_Group.objects.all()


def get_authorized_finding_groups_for_queryset(permission, queryset, user=None):
    impl = get_auth_filter("finding_group.get_authorized_finding_groups_for_queryset")
    if impl:
        return impl(permission, queryset, user=user)
    return queryset
