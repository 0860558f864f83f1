# Local
from .image import Image  # noqa: F401
