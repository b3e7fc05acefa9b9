"""The machine's time zone by IANA name, which scheduling needs (a fixed UTC offset misses clock changes)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from repcoach.service.settings import is_zone


def local_zone_name(environ: Mapping[str, str] = os.environ, localtime: Path = Path("/etc/localtime")) -> str:
    """``$TZ`` if it names a zone, else the zone ``/etc/localtime`` links to, else ``UTC``."""
    candidates = [environ.get("TZ", "").lstrip(":")]
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).partition("zoneinfo/")[2])
    for name in candidates:
        if name and is_zone(name):
            return name
    return "UTC"
