"""The exercise catalogue: loaded from a data file, looked up by id, name or alias."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from repcoach.errors import InvalidInput, Problem, UnknownName
from repcoach.library.exercise import Exercise
from repcoach.library.naming import match_key, name_clashes, names_of, split_qualifier
from repcoach.library.reading import entry_field, read_exercises


class Catalogue:
    """Every known exercise, with an index of all the names each is known by."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        """Index ``exercises``, keeping their order.

        Raises:
            InvalidInput: a duplicate id, or a name that would mean two exercises.
        """
        listed = list(exercises)
        if clashes := name_clashes(enumerate(listed)):
            raise InvalidInput(
                [Problem(clash.message, field=entry_field(clash.entry, clash.field)) for clash in clashes]
            )
        self._by_id = {exercise.id: exercise for exercise in listed}
        self._by_key = {match_key(name): exercise for exercise in listed for _, name in names_of(exercise)}
        squashed: dict[str, set[str]] = {}
        for key, exercise in self._by_key.items():
            squashed.setdefault(key.replace(" ", ""), set()).add(exercise.id)
        self._by_squashed_key = {key: self._by_id[ids.pop()] for key, ids in squashed.items() if len(ids) == 1}
        """Keys without their spaces, where that names one exercise: "Dead Lift", "Pushups", "Kettle bell swing"."""

    @classmethod
    def from_toml(cls, text: str, source: str) -> Catalogue:
        """Read ``[[exercise]]`` tables; ``source`` names the text in messages.

        Raises:
            InvalidInput: bad TOML, an invalid entry, a duplicate id or a name clash, each
                located by line and field (``exercise[3].cues``).
        """
        return cls(read_exercises(text, source))

    def get(self, name: str) -> Exercise:
        """The exercise called ``name`` (id, name or alias, as ``find`` compares them).

        Raises:
            UnknownName: no such exercise; the closest ids are suggested.
        """
        found = self.find(name)
        if found is None:
            raise UnknownName("exercise", name, self.suggest(name))
        return found

    def find(self, name: str) -> Exercise | None:
        """The exercise called ``name``, or None.

        Names match whatever their case, punctuation, hyphens, simple plurals or the spaces inside
        ("Dead Lift", "Pushups"), where that leaves one exercise. A trailing
        equipment qualifier as Strong and Hevy write it ("Romanian Deadlift (Dumbbell)") is
        ignored unless a name includes it ("Deadlift (Kettlebell)" is an alias of its own),
        but only when the exercise can be done with that equipment: "Squat (Dumbbell)" is not
        a barbell back squat.
        """
        if name in self._by_id:
            return self._by_id[name]
        key = match_key(name)
        if found := self._by_key.get(key) or self._by_squashed_key.get(key.replace(" ", "")):
            return found
        qualified = split_qualifier(name)
        if qualified is None:
            return None
        base, equipment = qualified
        found = self._by_key.get(match_key(base))
        return found if found and (equipment is None or equipment in found.equipment) else None

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids of up to ``limit`` exercises whose id, name or an alias is closest to ``name``."""
        qualified = split_qualifier(name)
        key = match_key(qualified[0] if qualified else name)
        matches = difflib.get_close_matches(key, self._by_key, n=len(self._by_key), cutoff=0.6)
        return list(dict.fromkeys(self._by_key[match].id for match in matches))[:limit]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, exercise_id: object) -> bool:
        """Whether ``exercise_id`` is an id here (names and aliases are not: see ``find``)."""
        return exercise_id in self._by_id


@cache
def load_catalogue() -> Catalogue:
    """The built-in catalogue (``exercises.toml`` in this package), read once."""
    text = (resources.files("repcoach.library") / "exercises.toml").read_text(encoding="utf-8")
    return Catalogue.from_toml(text, "built-in exercises.toml")
