"""The plan being read: blocks and moves as the text has said them so far, before they are checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from repcoach.io.article import phrases
from repcoach.io.article.lines import Line
from repcoach.plan import LoadClass
from repcoach.plan.plan import LoadGuide


@dataclass
class DraftMove:
    exercise: str
    name: str
    known: bool
    per_side: bool = False
    """Done one side, then the other (the library says so of one-arm moves, or the text: "per side")."""
    reps: phrases.Reps | None = None
    hold: phrases.Hold | None = None
    distance_m: float | None = None
    """A distance to cover ("400 m run", "Farmer's carry 50 m")."""
    joined: bool = False
    """Given in one item with the move before it ("Pull up + handstand"): done together with it."""
    load: LoadClass | None = None
    effort: phrases.Effort | None = None
    rest: phrases.Rest | None = None
    """A rest the item itself gives ("Pull-up: 4 x 6-8, rest 2 minutes between sets")."""
    notes: list[str] = field(default_factory=list)
    """Tempo and technique the text gives for it ("tempo 3-1-1", "elbows tucked")."""

    @property
    def has_target(self) -> bool:
        """Whether the text has said what a set of it is: reps, a time or a distance."""
        return self.reps is not None or self.hold is not None or self.distance_m is not None

    def on_the_clock(self, hold: phrases.Hold) -> None:
        """Time the move by an interval the text sets for its moves ("45 seconds work", a Tabata's 20 s):
        the clock runs once, so a one-sided move is not done per side."""
        self.hold, self.per_side = hold, False


@dataclass
class DraftBlock:
    name: str
    heading: bool
    """Named by a heading of the article, not made up for items with none."""
    moves: list[DraftMove] = field(default_factory=list)
    rest_between_moves: int | None = None
    rest_between_sets: int | None = None
    rest_after: int | None = None
    interval: phrases.Interval | None = None
    """Done on the clock (EMOM), when the text says so."""
    time_cap: int | None = None
    """An AMRAP's seconds, when the text says it is one."""
    pair: str | None = None
    """The letter its items are labelled with (``A1``, ``A2``), which directions may name it by."""
    alternating: bool = False
    """Its items are given minute by minute ("Minute 1: ...", "Odd minutes: ..."): one move per interval."""
    sets_of_each_move: int | None = None
    """Said of it: "8 rounds of each exercise", so each move is a block of its own, done that many times."""
    repeats: int = 1
    """How many times the text wrote its list out, as pages spell out each set ("Squat and press, High
    knees, Squat and press, High knees")."""

    @property
    def sets(self) -> int:
        """The sets its items ask for ("3 x 10"), or the times its list was written out: the most of them."""
        return max([self.repeats, *(move.reps.sets or 1 for move in self.moves if move.reps)])


@dataclass
class Draft:
    blocks: list[DraftBlock] = field(default_factory=list)
    rounds: phrases.Rounds | None = None
    rounds_headed: bool = False
    """The rounds were said by a block's heading ("5 rounds of:"), which a later aside does not change."""
    rest_after_round: int | None = None
    loads: dict[LoadClass, LoadGuide] = field(default_factory=dict)
    readings: list[str] = field(default_factory=list)
    unused: list[Line] = field(default_factory=list)
