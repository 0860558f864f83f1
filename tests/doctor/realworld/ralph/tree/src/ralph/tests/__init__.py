from ralph.admin.sites import RalphAdminSite
from ralph.tests.base import RalphTestCase

ralph_test_site = RalphAdminSite(name='ralph_test_site')

__all__ = ['RalphTestCase']
