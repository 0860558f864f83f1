import dojo.survey.admin  # noqa: F401
