import dojo.notes.admin  # noqa: F401
