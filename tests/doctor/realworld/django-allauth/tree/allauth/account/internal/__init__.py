from allauth.account.internal import flows


__all__ = ["flows"]
