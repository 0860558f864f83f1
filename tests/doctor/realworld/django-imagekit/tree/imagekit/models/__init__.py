# flake8: noqa

from .. import conf
from .fields import ImageSpecField, ProcessedImageField
