
from ghostwriter.modules.reportwriter.base.json import ExportBaseJson
from ghostwriter.modules.reportwriter.project.base import ExportProjectBase


class ExportProjectJson(ExportBaseJson, ExportProjectBase):
    """
    JSON exporter for projects
    """
    pass
