"""The web app: a JSON API (and, later, phone-sized pages) over the same services as the CLI."""

from repcoach.web.app import create_app

__all__ = ["create_app"]
