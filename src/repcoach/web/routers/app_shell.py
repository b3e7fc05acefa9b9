"""What makes the web app installable: the manifest and the icons (drawn by scripts/make-icons)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).parents[1] / "static"
ICONS = STATIC / "icons"
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
