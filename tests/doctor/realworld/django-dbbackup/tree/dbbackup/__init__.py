"""Management commands to help backup and restore a project database and media"""

__version__ = "5.4.0"
