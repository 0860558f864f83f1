from .mixins import PrefetchListMixin, PrefetchRetrieveMixin

__all__ = ["PrefetchListMixin", "PrefetchRetrieveMixin"]
