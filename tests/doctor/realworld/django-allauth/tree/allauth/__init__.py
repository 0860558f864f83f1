r"""
    _        ___      __    __  .___________. __    __
 /\| |/\    /   \    |  |  |  | |           ||  |  |  |
 \ ` ' /   /  ^  \   |  |  |  | `---|  |----`|  |__|  |
|_     _| /  /_\  \  |  |  |  |     |  |     |   __   |
 / , . \ /  _____  \ |  `--'  |     |  |     |  |  |  |
 \/|_|\//__/     \__\ \______/      |__|     |__|  |__|

"""

from importlib.metadata import version as _metadata_version


__title__ = "django-allauth"
__version__ = _metadata_version("django-allauth")
__author__ = "Raymond Penners"
__license__ = "MIT"
__copyright__ = "Copyright 2010-2026 Raymond Penners and contributors"
