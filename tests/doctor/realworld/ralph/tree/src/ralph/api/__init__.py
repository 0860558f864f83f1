from ralph.api.serializers import RalphAPISerializer
from ralph.api.viewsets import RalphAPIViewSet, RalphReadOnlyAPIViewSet
from ralph.api.routers import router

__all__ = [
    'RalphAPISerializer',
    'RalphAPIViewSet',
    'RalphReadOnlyAPIViewSet',
    'router',
]
