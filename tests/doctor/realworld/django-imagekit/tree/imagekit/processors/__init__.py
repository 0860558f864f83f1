from pilkit.processors import *

__all__ = [
    # Base
    'ProcessorPipeline', 'Adjust', 'Reflection', 'Transpose',
    'Anchor', 'MakeOpaque',
    # Crop
    'TrimBorderColor', 'Crop', 'SmartCrop',
    # Resize
    'Resize', 'ResizeToCover', 'ResizeToFill', 'SmartResize',
    'ResizeCanvas', 'AddBorder', 'ResizeToFit', 'Thumbnail'
]
