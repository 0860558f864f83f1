import dojo.cicd_infrastructure.admin  # noqa: F401
