"""Short questions at the terminal, each with a default on Enter, re-asked until the answer is usable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.console import Console

from repcoach.cli.terminal import LineInput
from repcoach.cli.zones import local_zone_name
from repcoach.coach import EXPERIENCE_LEVELS, Experience
from repcoach.errors import NoAnswer
from repcoach.service.settings import DEFAULT_BELLS
from repcoach.store import ProfileRecord, Store
from repcoach.units import Unit, format_weight, parse_weights

T = TypeVar("T")


def ask(console: Console, lines: LineInput, question: str, default: str, parse: Callable[[str], T]) -> T:
    """Ask until ``parse`` accepts the answer; Enter takes ``default``.

    Raises:
        EOFError: the input ended before a usable answer.
    """
    while True:
        console.print(f"{question} [dim]\\[{default}][/dim] ", end="")
        typed = (lines.read(None) or "").strip()
        if not lines.echoes:
            console.print(typed, markup=False, highlight=False)
        answer = typed or default
        try:
            return parse(answer)
        except ValueError as error:
            console.print(f"[red]{error}[/red]")


def parse_unit(answer: str) -> Unit:
    """``kg`` or ``lb`` (``lbs``, ``pounds``, ``kilos`` too)."""
    word = answer.lower()
    if word in ("kg", "kgs", "kilo", "kilos", "kilograms"):
        return "kg"
    if word in ("lb", "lbs", "pound", "pounds"):
        return "lb"
    raise ValueError(f"'{answer}' is not a unit; answer kg or lb")


def parse_yes_no(answer: str) -> bool:
    """``y``/``yes`` or ``n``/``no``, in any case."""
    word = answer.lower()
    if word in ("y", "yes"):
        return True
    if word in ("n", "no"):
        return False
    raise ValueError(f"'{answer}' is not an answer; answer y or n")


def parse_experience(answer: str) -> Experience:
    """A level, or its first letter."""
    for level in EXPERIENCE_LEVELS:
        if level.startswith(answer.lower()):
            return level
    raise ValueError(f"'{answer}' is not a level; answer {', '.join(EXPERIENCE_LEVELS)}")


def ask_profile(
    console: Console, lines: LineInput, current: tuple[Unit, list[float], Experience] | None = None
) -> tuple[Unit, list[float], Experience]:
    """The three first-run questions: units, bells owned, experience."""
    unit = ask(console, lines, "Weights in kg or lb?", current[0] if current else "kg", parse_unit)
    owned = (
        " ".join(format_weight(kg, unit).split()[0] for kg in current[1])
        if current and current[1]
        else DEFAULT_BELLS[unit]
    )
    bells = ask(
        console,
        lines,
        f"Which kettlebells do you own ({unit}, e.g. {DEFAULT_BELLS[unit]})?",
        owned,
        lambda answer: parse_weights(answer, unit),
    )
    level = ask(
        console,
        lines,
        "Your experience: beginner, intermediate or advanced?",
        current[2] if current else "beginner",
        parse_experience,
    )
    return unit, bells, level


SETUP_COMMAND = "repcoach setup --units kg --bells 8,12,16 --experience beginner"
"""The first-run questions as options, for a script; named whenever nobody can answer them."""


def answer_profile(
    console: Console,
    lines: LineInput,
    current: tuple[Unit, list[float], Experience] | None = None,
    *,
    welcome: bool = False,
) -> tuple[Unit, list[float], Experience]:
    """:func:`ask_profile`, or :class:`NoAnswer` naming the options when nobody can answer (no terminal, no input).

    Raises:
        NoAnswer: the input has ended before the questions, or before their answers.
    """

    def questions() -> tuple[Unit, list[float], Experience]:
        if welcome:
            console.print("[bold]Welcome to repcoach.[/bold] Three quick questions first (Enter takes the default).")
        return ask_profile(console, lines, current)

    return answered(
        lines,
        questions,
        nobody=f"No one to answer the setup questions here: run `{SETUP_COMMAND}` (your own values).",
        ended=f"\nThe input ended before the answers: run `{SETUP_COMMAND}` (your own values).",
    )


def answered(lines: LineInput, questions: Callable[[], T], *, nobody: str, ended: str) -> T:
    """What ``questions`` ask at the terminal; :class:`NoAnswer` with ``nobody`` when the input has
    ended before them (nothing is asked), or with ``ended`` when it ends before their answers."""
    if not lines.echoes and lines.at_end():
        raise NoAnswer(nobody)
    try:
        return questions()
    except EOFError:
        raise NoAnswer(ended) from None


def ensure_profile(store: Store, console: Console, lines: LineInput) -> ProfileRecord:
    """The user's profile, asking the three first-run questions when there is none yet.

    Raises:
        NoAnswer: there is no profile and the input has ended (a script, cron, CI): nothing is asked or stored.
    """
    profile = store.get_profile()
    if profile is not None:
        return profile
    unit, bells, level = answer_profile(console, lines, welcome=True)
    profile = store.save_profile(units=unit, experience=level, bells_kg=bells)
    return store.save_preferences(profile.preferred_days, profile.preferred_time, local_zone_name())
