"""How written exercise names are compared: "Romanian Deadlift (Dumbbell)" and "romanian-deadlift" alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from repcoach.library.exercise import Equipment, Exercise

_QUALIFIERS: dict[str, Equipment | None] = {
    "kettlebell": "kettlebell",
    "dumbbell": "dumbbell",
    "barbell": "barbell",
    "ez bar": "barbell",
    "cable": "cable",
    "machine": "machine",
    "smith machine": "machine",
    "band": "band",
    "resistance band": "band",
    # These say how the move is loaded, not what with: any exercise may carry them.
    "bodyweight": None,
    "assisted": None,
    "weighted": None,
}
_QUALIFIER = re.compile(
    r"\s*\(\s*(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\b[^()]*\)\W*$", re.IGNORECASE
)
"""A trailing equipment note as Strong and Hevy write it: ``(Dumbbell)``, ``(Cable - Straight Bar)``."""
_SEPARATORS = re.compile(r"[-_/\u2010-\u2015]+")


def normalise(name: str) -> str:
    """The form names are compared in: lower case, words separated by one space, no punctuation.

    ``"Romanian-Deadlift"`` becomes ``"romanian deadlift"``, ``"Farmer's walk"`` ``"farmers walk"``.
    """
    text = _SEPARATORS.sub(" ", name.lower())
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


def slug(name: str, fallback: str, max_length: int = 100) -> str:
    """An id made of a name: ``"Développé couché"`` → ``"developpe-couche"``; ``fallback`` when nothing is left.

    Accents are dropped rather than the letters they sit on, so ids stay readable.
    """
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:max_length].strip("-") or fallback


def match_key(name: str) -> str:
    """``normalise`` with each word made singular the simple way, so "rows" matches "row"."""
    return " ".join(_singular(word) for word in normalise(name).split())


def split_qualifier(name: str) -> tuple[str, Equipment | None] | None:
    """``"Lat Pulldown (Cable)"`` → ``("Lat Pulldown", "cable")``; None when there is no such qualifier.

    The equipment is None for qualifiers that fit any exercise, such as ``(Assisted)``.
    """
    found = _QUALIFIER.search(name)
    if found is None:
        return None
    return name[: found.start()], _QUALIFIERS[" ".join(found[1].lower().split())]


class Clash(NamedTuple):
    """A name in a catalogue that would mean two exercises, or an id used twice."""

    entry: int
    """Position of the later exercise, the one that clashes."""
    field: tuple[str | int, ...]
    """Where in that exercise: ``("id",)``, ``("aliases", 2)``."""
    message: str


def name_clashes(exercises: Iterable[tuple[int, Exercise]]) -> list[Clash]:
    """Each repeated id and each name that, compared as ``match_key`` does, means two exercises."""
    ids: set[str] = set()
    owners: dict[str, str] = {}
    clashes: list[Clash] = []
    for index, exercise in exercises:
        if exercise.id in ids:
            clashes.append(Clash(index, ("id",), f"the id '{exercise.id}' is already used by another exercise"))
            continue
        ids.add(exercise.id)
        for field, name in names_of(exercise):
            owner = owners.setdefault(match_key(name), exercise.id)
            if owner != exercise.id:
                message = f"the name '{name}' already means '{owner}'; a name can mean only one exercise"
                clashes.append(Clash(index, field, message))
    return clashes


def names_of(exercise: Exercise) -> list[tuple[tuple[str | int, ...], str]]:
    """Every name an exercise is known by, with the field it is written in."""
    aliases = [(("aliases", i), alias) for i, alias in enumerate(exercise.aliases)]
    return [(("id",), exercise.id), (("name",), exercise.name), *aliases]


def _singular(word: str) -> str:
    # Long enough to be a plural ("ups", "rows", "lunges"), not a word ending in -ss ("press");
    # "snatches", "presses" and "crunches" lose their -es.
    if len(word) > 4 and re.search(r"(?:ch|sh|ss|x)es$", word):
        return word[:-2]
    return word[:-1] if len(word) > 2 and word.endswith("s") and not word.endswith("ss") else word
