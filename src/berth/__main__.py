from __future__ import annotations

from berth.cli import main

raise SystemExit(main())
