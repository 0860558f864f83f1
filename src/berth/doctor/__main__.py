"""``python -m berth.doctor``: the same as ``berth doctor``."""

from __future__ import annotations

import sys

from berth.cli import main

if __name__ == "__main__":
    sys.exit(main(["doctor", *sys.argv[1:]]))
