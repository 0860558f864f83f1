default_app_config = 'ralph.ssl_certificates.apps.SSLCertificates'
