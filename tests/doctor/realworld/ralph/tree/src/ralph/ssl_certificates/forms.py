from ralph.admin.mixins import RalphAdminFormMixin
from ralph.lib.mixins.forms import PriceFormMixin


class SSLCertificateForm(PriceFormMixin, RalphAdminFormMixin):
    pass
