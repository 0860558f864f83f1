"""Blog aggregation and display for python.org."""
