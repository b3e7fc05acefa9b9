"""What makes the web app installable and open offline: the manifest, the icons (drawn by
scripts/make-icons) and the service worker, stamped with this release's cache name and files."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse, Response

from repcoach import __version__

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).parents[1] / "static"
ICONS = STATIC / "icons"
WORKER = STATIC / "service-worker.js"
THEME = "#111418"

MANIFEST = {
    "name": "repcoach",
    "short_name": "repcoach",
    "description": "Your workout, guided set by set, with the rests timed and every set logged.",
    "id": "/",
    "start_url": "/",
    "scope": "/",
    "display": "standalone",
    "orientation": "portrait",
    "theme_color": THEME,
    "background_color": THEME,
    "icons": [
        {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": "/static/icons/maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    ],
}


@router.get("/manifest.webmanifest")
def manifest() -> JSONResponse:
    """The web app manifest: name, start page, standalone display, colours and icons."""
    return JSONResponse(MANIFEST, media_type="application/manifest+json")


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """The tab icon, where browsers look for it."""
    return FileResponse(ICONS / "favicon.ico", media_type="image/x-icon")


@router.get("/apple-touch-icon.png")
def apple_touch_icon() -> FileResponse:
    """The home-screen icon, where iOS looks for it when a page names none."""
    return FileResponse(ICONS / "apple-touch-icon.png", media_type="image/png")


@router.get("/sw.js")
def service_worker() -> Response:
    """The service worker, at the root so that it may serve every page; browsers check it on each visit."""
    return Response(
        stamped_worker(),
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache"},
    )


@cache
def stamped_worker() -> str:
    """The worker's source after a line naming this release: its cache and the static files it holds.

    The cache name is a digest of the version and of every static file, so any change to one makes a
    new worker, which fills a new cache and deletes the old one.
    """
    files = sorted(path for path in STATIC.rglob("*") if path.is_file() and path != WORKER)
    digest = hashlib.sha256(__version__.encode())
    for path in files:
        digest.update(path.relative_to(STATIC).as_posix().encode())
        digest.update(path.read_bytes())
    release = {
        "cache": f"repcoach-shell-{digest.hexdigest()[:16]}",
        "shell": [f"/static/{path.relative_to(STATIC).as_posix()}" for path in files],
    }
    return f"const RELEASE = {json.dumps(release)};\n{WORKER.read_text(encoding='utf-8')}"
