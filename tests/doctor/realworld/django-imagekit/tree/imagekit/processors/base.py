import warnings

from pilkit.processors.base import *

warnings.warn('imagekit.processors.base is deprecated use imagekit.processors instead', DeprecationWarning)

__all__ = ['ProcessorPipeline', 'Adjust', 'Reflection', 'Transpose', 'Anchor', 'MakeOpaque']
