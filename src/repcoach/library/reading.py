"""Reading a catalogue file (``[[exercise]]`` tables in TOML), every problem located by line and field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from repcoach.errors import InvalidInput, Problem
from repcoach.library.exercise import Exercise
from repcoach.library.naming import name_clashes
from repcoach.validation import field_name, in_file_order, located_problems, parse_toml


def read_exercises(text: str, source: str) -> list[Exercise]:
    """Validate every ``[[exercise]]`` table of ``text``; ``source`` names it in messages.

    Raises:
        InvalidInput: bad TOML, a table that is not an exercise, an invalid entry, a duplicate id
            or a name that would mean two exercises.
    """
    data, lines = parse_toml(text, source)
    entries = _entries(data, source)
    exercises: dict[int, Exercise] = {}
    problems: list[Problem] = []
    for index, entry in enumerate(entries):
        try:
            exercises[index] = Exercise.model_validate(entry)
        except ValidationError as error:
            problems += located_problems(error, source, lines, prefix=("exercise", index))
    for clash in name_clashes(exercises.items()):
        path = ("exercise", clash.entry, *clash.field)
        problems.append(Problem(clash.message, source=source, line=lines.line_of(path), field=field_name(path)))
    if problems:
        raise InvalidInput(in_file_order(problems))
    return list(exercises.values())


def entry_field(index: int, loc: tuple[str | int, ...]) -> str | None:
    """The field's name as messages show it: ``(3, ("cues", 1))`` → ``exercise[3].cues[1]``."""
    return field_name(("exercise", index, *loc))


def _entries(data: dict[str, Any], source: str) -> list[Any]:
    """The ``[[exercise]]`` tables; anything else at the top of the file is a mistake."""
    problems = [
        Problem(f"'{key}' does not belong here: a catalogue holds only [[exercise]] tables", source=source)
        for key in data
        if key != "exercise"
    ]
    entries = data.get("exercise")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem("no exercises found: write each one as an [[exercise]] table", source=source))
        entries = []
    if problems:
        raise InvalidInput(problems)
    return entries
