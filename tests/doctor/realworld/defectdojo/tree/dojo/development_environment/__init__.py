import dojo.development_environment.admin  # noqa: F401
