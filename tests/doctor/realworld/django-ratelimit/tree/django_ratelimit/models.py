# This module intentionally left blank.
