import warnings

from pilkit.processors.crop import *

warnings.warn('imagekit.processors.crop is deprecated use imagekit.processors instead', DeprecationWarning)

__all__ = ['TrimBorderColor', 'Crop', 'SmartCrop']
