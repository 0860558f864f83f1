from allauth.usersessions.internal.flows import sessions


__all__ = ["sessions"]
