from sorl.thumbnail.fields import ImageField
from sorl.thumbnail.images import source_cache
from sorl.thumbnail.shortcuts import get_thumbnail, delete

