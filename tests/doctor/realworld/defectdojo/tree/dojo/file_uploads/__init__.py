import dojo.file_uploads.admin  # noqa: F401
