"""The quantities workout articles state, each read by its own rule from one sentence or line.

Every rule takes text whose numbers are digits already (see :func:`~repcoach.io.article.numbers.with_digits`)
and returns what it found, or None. Rules do not decide what a sentence is about: "rest 90
seconds" holds a rest, and also a duration the hold rule would read, so rest is asked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from repcoach.plan import LoadClass
from repcoach.units import to_metres

_NUM = r"(\d+(?:\.\d+)?)"
_RANGE = rf"{_NUM}(?:\s*(?:-|to|or)\s*{_NUM})?"
_SECONDS = r"(?:s|secs?|seconds?)"
_MINUTES = r"(?:m|mins?|minutes?)"
_DURATION = rf"{_RANGE}\s*({_SECONDS}|{_MINUTES})\b"

RestScope = Literal["moves", "sets", "rounds", "block"]
"""What a rest separates: the moves of a block, its sets, whole rounds, or the block from what follows."""


@dataclass(frozen=True)
class Reps:
    low: int
    high: int
    per_side: bool = False
    sets: int | None = None
    """``3 x 10``, ``3 sets of 8``: the sets the article asks for, when it says."""
    amrap: bool = False
    """As many reps as possible: no number to aim for."""


@dataclass(frozen=True)
class Hold:
    low: int
    high: int
    """Seconds."""
    rest: int | None = None
    """The "off" of an interval written ``45s on, 15s off``."""


@dataclass(frozen=True)
class Rest:
    low: int
    high: int
    """Seconds; 0 for "no rest"."""
    scope: RestScope | None
    """None when the sentence does not say what the rest separates."""


@dataclass(frozen=True)
class Rounds:
    low: int
    high: int


@dataclass(frozen=True)
class Load:
    load_class: LoadClass | None = None
    """``light``, ``medium-heavy``..., when the article names the load so."""
    low: float | None = None
    high: float | None = None
    unit: Literal["kg", "lb"] | None = None


_PER_SIDE_IN_BRACKETS = re.compile(
    rf"\(\s*{_RANGE}\s*(?:reps?\s+)?(?:per|each|on each)\s+(?:side|arm|leg)\s*\)", re.IGNORECASE
)


LEFT_THEN_RIGHT = re.compile(r"\b(\d+)\s*L\s*[,/&]?\s*(?:and\s+)?(\d+)\s*R\b")
"""Reps on the left, then on the right: ``3L, 3R``, ``5L/5R``."""


def _sets_before(text: str, end: int) -> int | None:
    """The sets of ``5 x 3L, 3R``, said before the reps, or in words elsewhere ("3 sets")."""
    found = re.search(r"\b(\d+)\s*[x×]\s*$", text[:end])
    return int(found[1]) if found else _sets(text)


_LADDER = r"\d+(?:\s*reps?)?(?:\s*,\s*\d+){2,}|\d+(?:\s*-\s*\d+){2,}"
"""Three or more counts, one per set: ``12, 10, 8, 6``, ``12 reps, 10, 8``, ``21-15-9``."""
_REP_LADDER = re.compile(
    rf"\breps?\b\s*[:@]?\s*(?P<after>{_LADDER})\b(?!\s*(?:{_SECONDS}|{_MINUTES}|%)\b)"
    rf"|\b(?P<before>{_LADDER})\s*(?:reps?|repetitions)\b"
    rf"|@\s*(?P<at>{_LADDER})\s*(?:reps?)?\b",
    re.IGNORECASE,
)


def reps(text: str) -> Reps | None:
    """``6-10 reps``, ``6 to 10 reps``, ``8-12 reps per side``, ``3 x 10``, ``3 sets of 8``, ``10 reps``, ``AMRAP``;
    a ladder (``Reps: 12, 10, 8, 6``, ``21-15-9 reps``) is as many sets, from its fewest reps to its most."""
    # "a kettlebell in each arm" is two bells held, not a set done per side
    side = bool(re.search(r"(?<!\bin )\b(?:per|each|every|on each)\s+(?:side|arm|leg)\b|\beach way\b", text, re.I))
    amrap = re.search(r"\bAMRAP\b|\bas many (?:reps|repetitions) as (?:you can|possible)\b|\bto failure\b", text, re.I)
    if amrap and time_cap(text) is None:
        return Reps(0, 0, side, _sets(text), amrap=True)
    if ladder := _REP_LADDER.search(text):
        counts = [int(count) for count in re.findall(r"\d+", ladder["after"] or ladder["before"] or ladder["at"])]
        return Reps(min(counts), max(counts), side, len(counts))
    if found := _PER_SIDE_IN_BRACKETS.search(text):
        low, high = _bounds(found[1], found[2])  # "10 Skaters (5 each leg)": the count a side does
        return Reps(int(low), int(high), True, _sets(text))
    if found := re.search(rf"\b(\d+)\s*(?:x|×)\s*{_RANGE}\b(?!\s*{_SECONDS}|\s*{_MINUTES})", text, re.IGNORECASE):
        low, high = _bounds(found[2], found[3])
        return Reps(int(low), int(high), side, int(found[1]))
    if found := re.search(rf"\b{_RANGE}\s*(?:reps?|repetitions?|(?=(?:per|each)\s+(?:side|arm|leg)\b))", text, re.I):
        low, high = _bounds(found[1], found[2])
        return Reps(int(low), int(high), side, _sets(text))
    if (sides := LEFT_THEN_RIGHT.search(text)) and sides[1] == sides[2]:
        return Reps(int(sides[1]), int(sides[1]), True, _sets_before(text, sides.start()))  # "5 x 3L, 3R"
    if found := re.search(rf"\b(\d+)\s*sets?\s+of\s+{_RANGE}\b(?!\s*(?:{_SECONDS}|{_MINUTES})\b)", text, re.I):
        low, high = _bounds(found[2], found[3])  # "Swings 5 sets of 20"
        return Reps(int(low), int(high), side, int(found[1]))
    if found := re.search(rf"(?:^|\s)[x×]\s*{_RANGE}\b(?!\s*(?:{_SECONDS}|{_MINUTES})\b)", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])  # "Kettlebell swing x 15", as lists write a move's reps
        return Reps(int(low), int(high), side)
    return None


_DISTANCE = re.compile(
    r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(meters?|metres?|m|kms?|kilomet(?:er|re)s?|miles?|mi|yards?|yds?|ft|feet)\b",
    re.IGNORECASE,
)
_FEWEST_METRES = 10
"""A count in "m" below this is minutes ("rest 2m"), not metres."""


def distance(text: str) -> float | None:
    """A distance to cover, in metres: ``400m``, ``1,000 metres``, ``1 mile``, ``50 yd``."""
    for found in _DISTANCE.finditer(text):
        amount = float(found[1].replace(",", ""))
        if found[2].lower() == "m" and amount < _FEWEST_METRES:
            continue
        return to_metres(amount, found[2])
    return None


_INTERVAL = re.compile(
    rf"\b{_NUM}\s*({_SECONDS}|{_MINUTES})\s*(?:on\b\W+|(?:of\s+)?work\s*(?:,|and|followed by|then)\s+)"
    rf"{_NUM}\s*({_SECONDS}|{_MINUTES})?\s*(?:off|(?:of\s+)?rest)\b",
    re.IGNORECASE,
)
"""Work and rest on an interval timer: ``45s on, 15s off``, ``45 seconds work and 15 seconds rest``."""


def hold(text: str) -> Hold | None:
    """``hold for 20-30 sec``, ``30 seconds``, ``45s on, 15s off``, ``45 seconds work and 15 seconds rest``."""
    if interval := _INTERVAL.search(text):
        work = _seconds(interval[1], interval[2])
        return Hold(work, work, _seconds(interval[3], interval[4] or interval[2]))
    if found := re.search(rf"\b{_DURATION}", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])
        return Hold(_seconds(low, found[3]), _seconds(high, found[3]))
    return None


_NO_REST = re.compile(
    r"\b(?:no rest|without rest(?:ing)?|not to rest|don'?t rest|do not rest|no break|back[- ]to[- ]back)\b", re.I
)
_REST_WORD = re.compile(r"\b(?:rest|resting|recover|recovery|break|pause|take)\b", re.IGNORECASE)


def rest(text: str) -> Rest | None:
    """``rest 90 seconds``, ``rest 1-2 minutes``, ``no rest between moves``, ``rest 60 seconds between rounds``."""
    if _NO_REST.search(text):
        return Rest(0, 0, rest_scope(text) or "moves")
    word = _REST_WORD.search(text)
    if word is None:
        return None
    # The duration nearest the word "rest", after it or just before it ("90 seconds of rest").
    after = re.search(rf"\b{_DURATION}", text[word.end() :], re.IGNORECASE)
    before = re.search(rf"\b{_DURATION}\s*(?:of\s+)?$", text[: word.start()], re.IGNORECASE)
    found = after or before
    if found is None:
        return None
    low, high = _bounds(found[1], found[2])
    return Rest(_seconds(low, found[3]), _seconds(high, found[3]), rest_scope(text))


_OF_EACH_MOVE = re.compile(rf"\b{_NUM}\s*(?:rounds?|sets?)\s+(?:of|for)\s+each\s+(?:exercise|move|movement)\b", re.I)


def sets_of_each_move(text: str) -> int | None:
    """``for 8 rounds of each exercise``: every move is done that many times before the next one."""
    found = _OF_EACH_MOVE.search(text)
    return int(found[1]) if found else None


_DONE_AGAIN = r"\b(?:repeat(?:ed)?|complete|do|perform|go through)\b"


def rounds(text: str) -> Rounds | None:
    """``3-5 rounds``, ``repeat 3 times``, ``complete the circuit 2 times`` (twice), ``3 circuits total``."""
    if found := re.search(rf"\b{_RANGE}\s*(?:total\s+)?(?:rounds?|circuits?|cycles?)\b", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])
        return Rounds(int(low), int(high))
    if found := re.search(rf"{_DONE_AGAIN}[^.;]*?\b{_RANGE}\s*times\b", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])
        return Rounds(int(low), int(high))
    return None


@dataclass(frozen=True)
class Interval:
    """Work started on the clock (EMOM): every ``every`` seconds, for ``total`` seconds when said."""

    every: int
    total: int | None = None


_EMOM = re.compile(r"\bE(\d+)?MOM\b", re.IGNORECASE)
_EVERY = re.compile(rf"\bevery\s+(?:{_NUM}\s*({_SECONDS}|{_MINUTES})|minute)\b(?:\s+on\s+the\s+minute\b)?", re.I)
_LENGTH = re.compile(rf"\b{_NUM}(?:\s+|-)?{_MINUTES}\b", re.IGNORECASE)
_COUNT_AFTER_EMOM = re.compile(r"\bE\d*MOM\s*(?:x|×|for)?\s*(\d+)\b(?!\s*(?:s|secs?|seconds?|reps?)\b)", re.I)


def interval(text: str) -> Interval | None:
    """``EMOM 10``, ``10-minute EMOM``, ``E2MOM x 5``, ``every minute on the minute for 12 minutes``,
    ``every 90 seconds for 15 minutes``: how often work starts, and for how long."""
    if emom := _EMOM.search(text):
        every = 60 * int(emom[1] or 1)
        rest_of_text = text
    elif found := _EVERY.search(text):
        every = _seconds(found[1], found[2]) if found[1] else 60
        rest_of_text = text[: found.start()] + text[found.end() :]
    else:
        return None
    if length := _LENGTH.search(rest_of_text):
        return Interval(every, _seconds(length[1], "min"))
    if count := _COUNT_AFTER_EMOM.search(rest_of_text):
        return Interval(every, every * int(count[1]))
    return Interval(every)


_AMRAP = re.compile(r"\bAMRAP\b|\bas many rounds as (?:possible|you can)\b", re.IGNORECASE)
_AMRAP_MINUTES = re.compile(
    r"\bAMRAP\s*(?:x|×|in|for|of)?\s*(\d+)\b(?!\s*(?:reps?|repetitions|s|secs?|seconds?)\b)", re.I
)


def time_cap(text: str) -> int | None:
    """``AMRAP 12``, ``12-minute AMRAP``, ``as many rounds as possible in 15 minutes``: the seconds
    a block goes round for. A bare ``AMRAP`` is a set's reps (see :func:`reps`), not this."""
    if not _AMRAP.search(text):
        return None
    if length := _LENGTH.search(text):
        return _seconds(length[1], "min")
    if minutes := _AMRAP_MINUTES.search(text):
        return int(minutes[1]) * 60
    return None


_TEMPO = re.compile(
    r"\btempo\b[^.;,]*\d[^.;,]*"
    r"|\b\d+[- ]?(?:seconds?|secs?|s)\s+(?:lowering|eccentric|negatives?|descent|pause)\b[^.;,]*"
    r"|\blower (?:the (?:weight|bell)|each rep|it|yourself)?\s*(?:slowly|under control|over \d+ seconds?)"
    r"|\bpause (?:at|for|in) [^.;,]+",
    re.IGNORECASE,
)


def tempo(text: str) -> str | None:
    """``tempo 3-1-1``, ``3-second lowering``, ``lower the weight over 3 seconds``, ``pause at the
    bottom``: how to move, kept as the move's note, as written."""
    found = _TEMPO.search(text)
    return found[0].strip() if found else None


_INTERVAL_REST = re.compile(
    r"\b(?:(?:remainder|rest|remaining time|balance) of|(?:time )?left (?:in|of)) (?:the|each|that|every) "
    r"(?:minute|interval)\b",
    re.IGNORECASE,
)


def rests_out_the_interval(text: str) -> bool:
    """``rest for the remainder of the minute``: the rest an interval block gives by itself."""
    return _INTERVAL_REST.search(text) is not None


@dataclass(frozen=True)
class Effort:
    """Reps in reserve at the end of a set."""

    low: int
    high: int


def effort(text: str) -> Effort | None:
    """``the last 2 reps are very challenging`` (RIR 0-2), ``leave 1-2 reps in the tank``, ``RPE 8``, ``to failure``."""
    if found := re.search(rf"\blast {_RANGE} reps?\b[^.;]*\b(?:challenging|hard|tough|difficult|struggle)", text, re.I):
        return Effort(0, round(float(found[2] or found[1])))
    if found := re.search(rf"\b{_RANGE}\s*reps?\s*(?:in reserve|in the tank|left)\b", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])
        return Effort(round(low), round(high))
    if found := re.search(rf"\bRPE\s*(?:of\s*)?{_RANGE}\b", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])
        return Effort(max(0, round(10 - high)), max(0, round(10 - low)))
    if re.search(r"\b(?:to|until|near) (?:muscular )?failure\b", text, re.IGNORECASE):
        return Effort(0, 0)
    return None


_LOAD_WORDS = r"(light(?:-|\s+to\s+|\s*/\s*)medium|medium(?:-|\s+to\s+|\s*/\s*)heavy|light|medium|heavy)"
_WEIGHT_UNITS = {"kg": "kg", "kgs": "kg", "kilos": "kg", "kilograms": "kg", "lb": "lb", "lbs": "lb", "pounds": "lb"}


def load(text: str) -> Load | None:
    """``light``, ``medium-heavy``, ``16 kg``, ``20-35 pounds`` (both when both are given)."""
    named: LoadClass | None = None
    if word := re.search(rf"\b{_LOAD_WORDS}\b(?=[\s-]*(?:weight|bell|kettlebell|dumbbell|load|\(|,|$))", text, re.I):
        named = _load_class(word[1])
    if found := re.search(rf"\b{_RANGE}\s*({'|'.join(_WEIGHT_UNITS)})\b", text, re.IGNORECASE):
        low, high = _bounds(found[1], found[2])
        unit: Literal["kg", "lb"] = "kg" if _WEIGHT_UNITS[found[3].lower()] == "kg" else "lb"
        return Load(named, float(low), float(high), unit)
    return Load(named) if named else None


def _load_class(words: str) -> LoadClass:
    plain = re.sub(r"\s*(?:-|to|/)\s*", "-", words.lower())
    return {"light-medium": "light-medium", "medium-heavy": "medium-heavy", "light": "light", "medium": "medium"}.get(
        plain, "heavy"
    )  # type: ignore[return-value]


def rest_scope(text: str) -> RestScope | None:
    """What a rest in ``text`` separates, by the words around it; None when it does not say."""
    lowered = text.lower()
    moves = r"\bbetween (?:each |the )?(?:moves?|exercises?|movements?)\b|\bin between moves\b|\bbefore the next\b"
    if re.search(moves, lowered):
        return "moves"
    if re.search(r"\bbetween (?:each |the )?sets?\b|\bafter each set\b", lowered):
        return "sets"
    if re.search(r"\b(?:between|after) (?:each |every |the )?(?:rounds?|circuits?)\b|\brepeat\b", lowered):
        return "rounds"
    blocks = r"(?:super ?set|tri-?set|giant set|block|complex)s?"
    if re.search(rf"\b(?:after|between) (?:each |every |the )?{blocks}\b", lowered):
        return "block"
    return None


def _sets(text: str) -> int | None:
    found = re.search(r"\b(\d+)\s*sets?\b", text, re.IGNORECASE)
    return int(found[1]) if found else None


def _bounds(low: str, high: str | None) -> tuple[float, float]:
    first = float(low)
    second = float(high) if high else first
    return (first, second) if first <= second else (second, first)


def _seconds(amount: str | float, unit: str) -> int:
    return round(float(amount) * (60 if unit.lower().startswith("m") else 1))
