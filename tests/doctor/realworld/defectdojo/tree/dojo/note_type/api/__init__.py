path = "note_type"  # noqa: RUF067
