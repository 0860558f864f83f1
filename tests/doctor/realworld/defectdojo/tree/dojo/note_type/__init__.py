import dojo.note_type.admin  # noqa: F401
