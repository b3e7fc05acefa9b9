"""Progress plots as PNG or SVG bytes: bell and estimated 1RM over time, rounds per session.

Uses matplotlib's object API (``Figure``) rather than pyplot, so no display and no global
state are involved and plots can be made from any thread (the web app will serve them).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from repcoach.units import Unit, from_kg

PlotFormat = Literal["png", "svg"]


@dataclass(frozen=True)
class SessionPoint:
    """One session's figures for one move."""

    day: date
    weight_kg: float | None
    """The heaviest bell used for the move that day (None: bodyweight)."""
    e1rm_kg: float | None
    """The best estimated one-rep max that day (None: not a strength move, or no rated set)."""
    rounds: int
    """Rounds completed in the session."""


def progress_plot(title: str, points: Sequence[SessionPoint], unit: Unit, fmt: PlotFormat) -> bytes:
    """Two panels sharing the time axis: load (bell and e1RM) above, rounds per session below.

    Raises:
        ValueError: no points to plot.
    """
    if not points:
        raise ValueError("there is nothing to plot yet: log a session with this move first")
    # Imported here: matplotlib took a quarter of the server's start-up, for a page few requests ask for.
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 5.5), layout="constrained")
    load_axes, rounds_axes = figure.subplots(2, 1, sharex=True, height_ratios=(3, 1))
    days = [point.day for point in points]
    bells = [from_kg(point.weight_kg, unit) if point.weight_kg is not None else None for point in points]
    load_axes.step(days, [b if b is not None else float("nan") for b in bells], where="post", label="bell")
    load_axes.plot(days, [b if b is not None else float("nan") for b in bells], "o", color="C0")
    estimates = [(p.day, from_kg(p.e1rm_kg, unit)) for p in points if p.e1rm_kg is not None]
    if estimates:
        load_axes.plot(*zip(*estimates, strict=True), "s--", color="C1", label="estimated 1RM")
    load_axes.set_ylabel(unit)
    load_axes.set_title(title, parse_math=False)  # a move's name is text: "$5 swing$" is no formula
    load_axes.grid(alpha=0.3)
    load_axes.legend(loc="upper left")
    rounds_axes.bar(days, [point.rounds for point in points], color="C2", width=0.8)
    rounds_axes.set_ylabel("rounds")
    rounds_axes.grid(alpha=0.3, axis="y")
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    # Text stays text in SVG (searchable, accessible), and ids are salted so a plot is reproducible.
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "repcoach"}):
        figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()
