from .base import PageReportView, ReportView  # noqa: F401
