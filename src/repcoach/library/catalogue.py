"""The exercise catalogue: loaded from a data file, looked up by id, name or alias."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from pydantic import ValidationError

from repcoach.errors import InvalidInput, Problem, UnknownName
from repcoach.library.exercise import Exercise
from repcoach.sourcemap import SourceMap

_QUALIFIER = re.compile(
    r"\s*\((?:kettlebell|dumbbell|barbell|cable|machine|bodyweight|band|smith machine|assisted|weighted)\)\s*$"
)


def normalise(name: str) -> str:
    """The form names are compared in: lower case, words separated by one space, no punctuation.

    ``"Romanian-Deadlift"`` becomes ``"romanian deadlift"``, ``"Bench Press (Barbell)"``
    ``"bench press barbell"``.
    """
    text = re.sub(r"[-_/]+", " ", name.strip().lower())
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def _singular(text: str) -> str:
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word for word in text.split()
    )


class Catalogue:
    """Every known exercise, with an index of all the names each is known by."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        """Index ``exercises``.

        Raises:
            InvalidInput: a duplicate id, or a name that would mean two exercises.
        """
        listed = list(exercises)
        if clashes := _clashes(listed):
            raise InvalidInput([Problem(message, field=f"exercise[{i}].{field}") for i, field, message in clashes])
        self._by_id = {exercise.id: exercise for exercise in listed}
        self._by_name = {_key(name): exercise for exercise in listed for name in _names(exercise)}

    @classmethod
    def from_toml(cls, text: str, source: str) -> Catalogue:
        """Read ``[[exercise]]`` tables; every problem is located by line and field.

        Raises:
            InvalidInput: bad TOML, an invalid entry, a duplicate id or a name clash.
        """
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InvalidInput([Problem(f"not valid TOML: {error}", source=source)]) from None
        lines = SourceMap.of_toml(text)
        entries = data.get("exercise", [])
        exercises: list[Exercise] = []
        problems: list[Problem] = []
        for index, entry in enumerate(entries):
            try:
                exercises.append(Exercise.model_validate(entry))
            except ValidationError as error:
                for detail in error.errors():
                    path = ("exercise", index, *detail["loc"])
                    field = f"exercise[{index}]" + "".join(f".{part}" for part in detail["loc"])
                    message = detail["msg"].removeprefix("Value error, ")
                    problems.append(Problem(message, source=source, line=lines.line_of(path), field=field))
        problems += [
            Problem(message, source=source, line=lines.line_of(("exercise", i, field)), field=f"exercise[{i}].{field}")
            for i, field, message in _clashes(exercises)
        ]
        if problems:
            raise InvalidInput(problems)
        return cls(exercises)

    def get(self, name: str) -> Exercise:
        """The exercise called ``name`` (id, name or alias).

        Raises:
            UnknownName: no such exercise; the closest ids are suggested.
        """
        found = self.find(name)
        if found is None:
            raise UnknownName("exercise", name, self.suggest(name))
        return found

    def find(self, name: str) -> Exercise | None:
        """The exercise called ``name``, compared in normalised form; None when there is none.

        A trailing equipment qualifier, as Strong and Hevy write them ("Romanian Deadlift
        (Dumbbell)"), is matched as written first, then without it.
        """
        if name in self._by_id:
            return self._by_id[name]
        return self._by_name.get(_key(name)) or self._by_name.get(_key(_QUALIFIER.sub("", name.lower())))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids of the exercises whose names are closest to ``name``."""
        matches = difflib.get_close_matches(_key(name), self._by_name, n=limit * 3, cutoff=0.6)
        return list(dict.fromkeys(self._by_name[match].id for match in matches))[:limit]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id


def _names(exercise: Exercise) -> tuple[str, ...]:
    return (exercise.id, exercise.name, *exercise.aliases)


def _key(name: str) -> str:
    return _singular(normalise(name))


def _clashes(exercises: list[Exercise]) -> list[tuple[int, str, str]]:
    """``(index, field, message)`` for each repeated id and each name that would mean two exercises."""
    ids: set[str] = set()
    owners: dict[str, str] = {}
    found: list[tuple[int, str, str]] = []
    for index, exercise in enumerate(exercises):
        if exercise.id in ids:
            found.append((index, "id", f"the id '{exercise.id}' is used twice"))
            continue
        ids.add(exercise.id)
        for name in _names(exercise):
            owner = owners.setdefault(_key(name), exercise.id)
            if owner != exercise.id:
                found.append((index, "aliases", f"the name '{name}' would mean both '{owner}' and '{exercise.id}'"))
    return found


@cache
def load_catalogue() -> Catalogue:
    """The built-in catalogue (``exercises.toml`` in this package), read once."""
    text = (resources.files("repcoach.library") / "exercises.toml").read_text(encoding="utf-8")
    return Catalogue.from_toml(text, "built-in exercises.toml")
