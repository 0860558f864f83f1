LANGUAGE_ENDPOINT = 'language'
LICENSE_ENDPOINT = 'license'
MIN_SERVER_VERSION_ENDPOINT = 'min-server-version'
