"""Edges that read and write files: calendar export, plots (and imports, later)."""
