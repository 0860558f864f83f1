"""Django settings package for python.org."""
