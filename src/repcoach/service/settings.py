"""A user's settings as they type them, checked whole: units, bells, level, training days, time and zone.

The terminal's ``setup`` and the web's settings page both read settings through here, so a
value is refused with the same sentence wherever it is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from repcoach.coach import EXPERIENCE_LEVELS, Experience
from repcoach.coach.schedule import check_preferences
from repcoach.errors import InvalidInput, Problem
from repcoach.plan.builtins import builtin_plans
from repcoach.store import ProfileRecord, Store
from repcoach.units import Unit, parse_weight, parse_weights

T = TypeVar("T")

DEFAULT_BELLS: dict[Unit, str] = {"kg": "8 12 16", "lb": "15 25 35"}
"""A common starter set, covering the reference routine's light-medium and medium-heavy bells."""
TRAINING_PLANS = ("kettlebell-back", "legs-glutes")
"""The plans whose sessions and recovery the preferred days must fit."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Settings:
    units: Unit
    experience: Experience
    bells_kg: list[float]
    days: list[int]
    """0 = Monday."""
    time: str
    """``HH:MM``."""
    zone: str


def read_settings(
    *,
    units: str,
    bells: str,
    experience: str,
    days: Sequence[int],
    time: str,
    zone: str,
    bell_sizes: Sequence[str] = (),
) -> Settings:
    """Check every value and return them, or raise one :class:`InvalidInput` naming each bad field.

    ``bells`` is typed in ``units`` (``8 12 16`` or ``35 lb``); ``bell_sizes`` are sizes ticked one by
    one, each with its unit (``16kg``, ``35lb``). The result holds kilograms, each bell once.
    """
    problems: list[Problem] = []
    unit: Unit = "lb" if units == "lb" else "kg"
    if units not in ("kg", "lb"):
        problems.append(Problem(f"'{units}' is not a unit; choose kg or lb", field="units"))
    bells_kg = _checked(
        problems,
        "bells",
        lambda: sorted({*parse_weights(bells, unit), *(parse_weight(size, unit) for size in bell_sizes)}),
    )
    level = next((choice for choice in EXPERIENCE_LEVELS if choice == experience), None)
    if level is None:
        choices = ", ".join(EXPERIENCE_LEVELS)
        problems.append(Problem(f"'{experience}' is not a level; choose {choices}", field="experience"))
    _checked(problems, "days", lambda: check_days(list(days)))
    clock = _checked(problems, "time", lambda: parse_clock_time(time))
    if not is_zone(zone):
        problems.append(Problem(f"'{zone}' is not a time zone; write it like Europe/Berlin", field="zone"))
    if problems:
        raise InvalidInput(problems)
    assert level is not None and bells_kg is not None and clock is not None  # else a problem was raised above
    return Settings(unit, level, bells_kg, sorted(set(days)), clock, zone)


def _checked(problems: list[Problem], field: str, step: Callable[[], T]) -> T | None:
    """``step()``, or None with its ValueError added to ``problems`` as a problem of ``field``."""
    try:
        return step()
    except ValueError as error:
        problems.append(Problem(str(error), field=field))
        return None


def save_settings(store: Store, account_id: int | None, settings: Settings) -> ProfileRecord:
    """Create or replace the owner's profile with ``settings``."""
    store.save_profile(settings.units, settings.experience, settings.bells_kg, account_id=account_id)
    return store.save_preferences(settings.days, settings.time, settings.zone, account_id=account_id)


def check_days(days: list[int], plan_ids: tuple[str, ...] = TRAINING_PLANS) -> None:
    """Refuse preferred days on which a plan cannot fit its sessions and recovery.

    Raises:
        ValueError: with the sentence saying why.
    """
    if not days:
        raise ValueError("choose at least one training day")
    if bad := [day for day in days if day not in range(7)]:
        raise ValueError(f"{bad[0]} is not a weekday; days run from 0 (Monday) to 6 (Sunday)")
    plans = builtin_plans()
    for plan_id in plan_ids:
        schedule = plans[plan_id].schedule
        check_preferences(days, schedule.sessions_per_week, schedule.ideal_hours_between)


def parse_days(answer: str) -> list[int]:
    """Weekdays written ``mon,wed,fri``, ``Mon Wed Fri`` or in full, as 0 = Monday."""
    days = []
    for word in answer.replace(",", " ").lower().split():
        matches = [index for index, day in enumerate(WEEKDAYS) if len(word) >= 3 and day.startswith(word)]
        if not matches:
            raise ValueError(f"'{word}' is not a weekday; write days like mon,wed,fri")
        days.append(matches[0])
    if not days:
        raise ValueError("name at least one day, like mon,wed,fri")
    return sorted(set(days))


def parse_clock_time(answer: str) -> str:
    """A time of day ``18:00`` (or ``7:30``) as ``HH:MM``."""
    hours, _, minutes = answer.strip().partition(":")
    if not (hours.isdecimal() and minutes.isdecimal() and int(hours) < 24 and int(minutes) < 60 and len(minutes) == 2):
        raise ValueError(f"'{answer}' is not a time of day; write it like 18:00")
    return f"{int(hours):02d}:{minutes}"


def is_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return name in available_timezones() or name == "UTC"
