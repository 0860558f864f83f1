from ralph.apps import RalphAppConfig


class SSLCertificates(RalphAppConfig):

    name = 'ralph.ssl_certificates'
