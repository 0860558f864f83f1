from .base import ExternalService, InternalService
from .helpers import obj_to_dict


__all__ = ['ExternalService', 'InternalService', 'obj_to_dict']
