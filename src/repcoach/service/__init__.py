"""The one Python API the CLI and (later) the web app share: sessions bound to the store."""
