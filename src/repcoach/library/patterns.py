"""The movement pattern a move's name gives away, for moves the library does not know.

Imports bring names like "Incline Bench Press (Dumbbell)" or "T Bar Row"; push/pull balance
needs a pattern for each. The words below decide it; the first rule that matches wins, so the
more particular words ("face pull", "leg press", "pulldown") come before the general ones.
"""

from __future__ import annotations

import re

from repcoach.library.exercise import Pattern
from repcoach.library.naming import normalise

_RULES: tuple[tuple[str, Pattern], ...] = (
    # Particular names first: they contain a word a later rule would misread.
    (r"face pulls?|pull aparts?|reverse fly", "horizontal-pull"),
    (r"leg press|hack squat", "squat"),
    (r"pull ?downs?|pull ?ups?|chin ?ups?|muscle ?ups?", "vertical-pull"),
    (r"rows?|rowing", "horizontal-pull"),
    (
        r"overhead press|military press|shoulder press|push press|arnold press|handstand|pike push ?ups?",
        "vertical-push",
    ),
    (r"bench press|chest press|floor press|push ?ups?|press ?ups?|dips?|flyes?|flys?|presse?s?", "horizontal-push"),
    (r"deadlifts?|rdl|hip thrusts?|glute bridges?|good mornings?|swings?|hip hinge|back extensions?", "hinge"),
    (r"squats?|lunges?|split squats?|step ?ups?|pistols?", "squat"),
    (r"carry|carries|farmers? walk|suitcase", "carry"),
    (r"planks?|crunch(?:es)?|sit ?ups?|leg raises?|ab wheel|rollouts?|dead ?bugs?|russian twists?", "core"),
    (r"curls?|extensions?|raises?|shrugs?|kickbacks?", "isolation"),
)
_COMPILED = tuple((re.compile(rf"\b(?:{words})\b"), pattern) for words, pattern in _RULES)


def guess_pattern(name: str) -> Pattern | None:
    """The pattern ``name`` suggests, or None when no word of it says.

    >>> guess_pattern("T Bar Row"), guess_pattern("Hip Thrust (Barbell)"), guess_pattern("Zercher Hold")
    ('horizontal-pull', 'hinge', None)
    """
    words = normalise(name)
    return next((pattern for rule, pattern in _COMPILED if rule.search(words)), None)
