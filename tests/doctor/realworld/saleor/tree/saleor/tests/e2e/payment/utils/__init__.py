from .query_payment import get_payment

__all__ = ["get_payment"]
