from .default import *


THUMBNAIL_ENGINE = 'sorl.thumbnail.engines.vips_engine.Engine'
