"""The ``repcoach`` command (placeholder until the CLI lands)."""


def main() -> None:
    raise SystemExit("repcoach CLI not built yet")
