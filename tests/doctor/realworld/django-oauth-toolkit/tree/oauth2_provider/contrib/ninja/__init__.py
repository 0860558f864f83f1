from .security import HttpOAuth2


__all__ = ["HttpOAuth2"]
