"""``berth up``: run a Django project as several disposable replicas on one machine.

Each replica is a gunicorn process running from its own throwaway copy of the project tree,
behind one round-robin entry point, with real PostgreSQL and S3 services: what a container
platform does to a project, on a laptop or in CI, without a container engine.
"""

from __future__ import annotations

# Nothing is imported here: `berth logs` and `berth verify` read berth up's data folder
# (berth.up.datadir) and must not pull in the supervisor, nginx and psutil (the [local] extra).
