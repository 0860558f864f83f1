# flake8: noqa
from compressor.filters.base import (
    FilterBase,
    CallbackOutputFilter,
    CompilerFilter,
    CachedCompilerFilter,
    FilterError,
)
