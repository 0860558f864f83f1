"""Downloads app for managing Python release files and OS packages."""
