"""``python -m repcoach`` runs the command line."""

from repcoach.cli import main

main()
