from allauth.headless.tokens.strategies.jwt.strategy import JWTTokenStrategy


__all__ = ["JWTTokenStrategy"]
