# this is here so that django finds the checks.
from documents.checks import parser_check

__all__ = ["parser_check"]
