# flake8: noqa

from .fields import ProcessedImageField
