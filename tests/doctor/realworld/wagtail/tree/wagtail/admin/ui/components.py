# Import components from the Laces library which was extracted from Wagtail.
from laces.components import Component, MediaContainer  # noqa: F401
