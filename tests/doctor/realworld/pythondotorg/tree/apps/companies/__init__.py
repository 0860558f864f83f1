"""Company profiles and directory for python.org."""
