from .base import (
    BaseMetaSchema,
    BaseSchema,
    ContentTypeSummarySchema,
    DiscriminatedUnionSchemas,
    build_union_schemas,
    discriminate_meta_type,
)
from .generators import create_generator, patch_generator, read_generator
from .pages import (
    BasePageSchema,
    PageCreateBaseSchema,
    PageCreateMetaSchema,
    PageMetaSchema,
    PageSchema,
    PageUpdateBaseSchema,
    PageUpdateMetaSchema,
)
from .sites import SiteInputSchema, SiteSchema

__all__ = [
    "BaseMetaSchema",
    "BaseSchema",
    "ContentTypeSummarySchema",
    "DiscriminatedUnionSchemas",
    "build_union_schemas",
    "discriminate_meta_type",
    "read_generator",
    "create_generator",
    "patch_generator",
    "BasePageSchema",
    "PageSchema",
    "PageCreateBaseSchema",
    "PageCreateMetaSchema",
    "PageMetaSchema",
    "PageUpdateBaseSchema",
    "PageUpdateMetaSchema",
    "SiteInputSchema",
    "SiteSchema",
]
