"""A list item read as a move: "Goblet squat: 3 x 10, heavy", "10 kettlebell swings", "Minute 2: push-ups x 12".

The move's name is matched to the library at the start of the item; a count written before
the name ("10 swings", "30 s plank") is read as if written after it, and an interval label
("Minute 2:", "Odd minutes:") is taken off and noted, as it makes an alternating EMOM.
"""

from __future__ import annotations

import re

from repcoach.io.article import phrases
from repcoach.io.article.draft import Draft, DraftMove
from repcoach.io.article.lines import OPTIONS_AFTER_NAME
from repcoach.library import Catalogue
from repcoach.library.naming import slug
from repcoach.limits import MAX_REPS
from repcoach.plan.plan import LoadGuide

MAX_NAME_WORDS = 6
"""The longest exercise name tried when matching the start of an item to the library."""
_SEPARATOR = re.compile(r"\s*(?:[:(,;–—@]|\s-\s|\d)")
_INTERVAL_LABEL = re.compile(
    r"^(?:(?:minutes?|min)\s*\d+(?:\s*(?:-|&|and|,)\s*\d+)*|(?:odd|even)(?:\s+minutes?)?)\s*[:.)–—-]\s*", re.IGNORECASE
)
_LEADING_COUNT = re.compile(
    r"^((?:\d+\s*[x×]\s*)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s*(?:-|to)\s*\d+)?)\s*"
    r"(x\b|×|reps?\b|repetitions\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b"
    r"|m\b|meters?\b|metres?\b|km\b|miles?\b|mi\b|yards?\b|yds?\b|ft\b|feet\b)?\s*(?:of\s+)?(?=[^\W\d_]|1-arm\b)",
    re.IGNORECASE,
)
_LEADING_SIDES = re.compile(rf"^(?:{phrases.LEFT_THEN_RIGHT.pattern})\s+(?=[^\W\d_])")
"""A count for each side before the name: "3L, 3R kettlebell press"."""


def interval_label(text: str) -> tuple[str, bool]:
    """The item without a leading "Minute 2:" or "Odd minutes:", and whether it had one."""
    label = _INTERVAL_LABEL.match(text)
    return (text[label.end() :], True) if label else (text, False)


def names_a_move(text: str, catalogue: Catalogue) -> bool:
    """Whether ``text`` starts with a library move, after any interval label and leading count."""
    return _move_at_start(_leading_count(interval_label(text)[0])[1], catalogue) is not None


_QUALIFIERS = {
    "alternating", "alternate", "dbl", "double", "kb", "db", "barbell", "dumbbell", "kettlebell",
    "wide", "close", "narrow", "grip", "seated", "standing",
}  # fmt: skip
"""Words an article puts before a move's name that the library's names do without ("dbl kettlebell swings")."""
_DIRECTION_START = re.compile(
    r"^(?:use|add|shorten|lengthen|keep|make|try|do|don'?t|rest|repeat|complete|perform|start|finish|focus|take|"
    r"avoid|go|set|place|lower|squeeze|bend|maintain|reach|breathe|drive|return|engage|switch|remember|note|if|"
    r"when|then|this|that|these|it|you|i|we|my|our|and|or|but|with|for|to|on|in|at|as|after|before|between)\b",
    re.IGNORECASE,
)
MAX_OWN_NAME_WORDS = 5
"""A move the library lacks is named in a few words; a longer item is a sentence."""
MAX_ITEM_WORDS = 14
"""An item of a move the library lacks, with its details, is no longer than this; a longer one is prose."""
_ONLY_ROUNDS = re.compile(r"\W*\d+(?:\s*-\s*\d+)?\s*(?:total\s+)?(?:rounds?|circuits?|sets?)(?:\s+of)?\W*", re.I)
_PAIRED = re.compile(r"\s+(?:&|\+|alternating with)\s+", re.IGNORECASE)
"""Joins that only ever join moves: "deadlift alternating with mountain climbers"."""
_ALTERNATING_WITH = re.compile(r"\s+alternating with\s+", re.IGNORECASE)
_JOINED = re.compile(r"\s+(?:&|\+|alternating with|then)\s+|\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
"""Joins that may join a move's name and its details ("Plank, 30 seconds") as well as moves."""


def _names_a_move_alone(part: str, catalogue: Catalogue) -> bool:
    """A part of an item that is a move of its own, not its details ("30 seconds", "heavy")."""
    return names_a_move(part, catalogue) or (reads_as_move(part, catalogue) and not _reads_a_quantity(part))


def item_parts(text: str, catalogue: Catalogue) -> list[str]:
    """An item naming several moves, each as an item: "Barbell Romanian deadlift & barbell bent over
    row", "dbl kettlebell swings alternating with jump squats"; one move's item stays whole, a name
    with "and" in it too ("Squat and press")."""
    paired = [part for part in _PAIRED.split(text) if part.strip()]
    joined = [part for part in _JOINED.split(text) if part.strip()]
    # "alternating with" parts two moves, whatever commas say within each ("one bell in rack, one overhead")
    split_by_commas = len(joined) > len(paired) and ":" not in text and not _ALTERNATING_WITH.search(text)
    parts = joined if split_by_commas else paired
    # "+" and "&" join only moves, so a part may carry numbers: "Pull up + handstand - 5x5"
    alone = _names_a_move_alone if parts is joined else lambda part, catalogue: reads_as_move(part, catalogue)
    if len(parts) < 2 or not all(alone(part, catalogue) for part in parts):
        return [text]
    # One move and its details ("Goblet squat: 3 x 8, 3-second lowering") unless two of the parts are moves;
    # "alternating with" joins nothing but moves, even two the library lacks.
    known_needed = 0 if _ALTERNATING_WITH.search(text) else 1 if parts is paired else 2
    if sum(names_a_move(part, catalogue) for part in parts) < known_needed:
        return [text]
    found = _move_at_start(_leading_count(text)[1], catalogue)
    if found is not None and found[0] > len(re.sub(r"[^\w\s'-]", " ", _leading_count(parts[0])[1]).split()):
        return [text]  # the library's name runs past the first "and": one move
    return _sharing_the_last_details(parts)


def _sharing_the_last_details(parts: list[str]) -> list[str]:
    """The parts, those with no numbers of their own given the last part's: in "Pull up + handstand - 5x5"
    both are 5 x 5."""
    details = _SEPARATOR.search(parts[-1], 1)
    if details is None or not re.search(r"\d", parts[-1][details.start() :]):
        return parts
    shared = parts[-1][details.start() :]
    return [part if re.search(r"\d", part) else f"{part.rstrip()}{shared}" for part in parts]


def reads_as_move(text: str, catalogue: Catalogue) -> bool:
    """Whether a list item is a move: one the library knows, or a short name with perhaps its
    numbers; not a sentence of advice set out as a bullet ("use heavier dumbbells for the rows", "jogging
    slowly should get you about a mile; running with blazing speed could get you two miles")."""
    if names_a_move(text, catalogue):
        return len(text.split()) <= MAX_ITEM_WORDS or not _runs_on_as_prose(text, catalogue)
    count, rest = _leading_count(text)
    name = _own_name(rest)
    words = name.split()
    named_by = [word for index, word in enumerate(words) if word.lower() not in _QUALIFIERS or index == len(words) - 1]
    if not words or len(named_by) > MAX_OWN_NAME_WORDS or _DIRECTION_START.match(name) or _KIND_OF_WORK.search(name):
        return False
    with_options = bool(count) and re.match(OPTIONS_AFTER_NAME, rest[len(name) :]) is not None
    if (len(text.split()) > MAX_ITEM_WORDS and not with_options) or _ONLY_ROUNDS.fullmatch(text):
        return False  # a sentence, or "5 rounds:"; not "10 Skaters (5 each leg) Low impact option - ..."
    if not count and _CLOCK_TIMES.fullmatch(rest[len(name) :]):
        return False  # a score to beat: "Elite: <6:00", "Intermediate: 9:00-10:00"
    return bool(count) or re.search(r"\d", rest) is not None or not rest.rstrip().endswith(".")


_KIND_OF_WORK = re.compile(r"\b(?:exercises|work|training)\b|\w\s+or\s+\w", re.IGNORECASE)
"""A part of a session a program names, not a move: "5-10 minutes of power exercises", "5 minutes of
regeneration or foam rolling"."""
_CLOCK_TIMES = re.compile(r"\W*[<>≤≥]?\s*\d{1,2}:\d{2}(?:\s*-\s*\d{1,2}:\d{2})?\W*")


def _runs_on_as_prose(text: str, catalogue: Catalogue) -> bool:
    """Whether the words after a library move's name carry on a sentence, with no count or separator
    before them: "Jogging slowly should get you ...", not "Goblet squat: hold the bell ..."."""
    count, rest = _leading_count(interval_label(text)[0])
    found = _move_at_start(rest, catalogue)
    if count or found is None:
        return False
    name_end = list(re.finditer(r"\S+", _WORD_SPLIT.sub(" ", rest)))[found[0] - 1].end()
    return re.match(r"\s+[^\W\d_]", rest[name_end:]) is not None


def _own_name(text: str) -> str:
    """The name an item gives a move the library lacks: up to its details ("Cossack squat: 6 per side")."""
    details = _SEPARATOR.search(text, 1)  # from the second character: "1-arm kettlebell swing @ 1/4 BW"
    name = (text[: details.start()] if details else text).strip()
    return re.sub(r"[\"“”*]", "", name).strip()  # 'Kettlebell “Short swing”*': the quotes and the footnote mark go


_BARE_SQUAT = re.compile(r"^squats?\b", re.IGNORECASE)
_HELD = re.compile(r"\b(?:bar|barbell)\b|\b(?P<bell>kettlebells?|dumbbells?|kb|db)\b", re.IGNORECASE)


def _bare_squat(text: str, rest: str) -> str:
    """Which squat an item that says "squats" and no more means: with a bar or a weight in kg or lb, the
    back squat (as apps' histories mean it too); holding a bell, the goblet squat; else the bodyweight squat."""
    held = _HELD.search(text)
    if held and held["bell"]:
        return "goblet-squat"
    return "back-squat" if held or phrases.load(rest) is not None else "air-squat"


_RUN_OR_ROW = ("run", "rowing")
_BARE_METRES = re.compile(r"^(\d{3,}) reps$")
"""A count of 100 or more before a run or a row: "400 Run", as WODs write metres."""


def _bare_distance(count: str, exercise_id: str) -> float | None:
    counted = _BARE_METRES.match(count)
    return float(counted[1]) if counted and exercise_id in _RUN_OR_ROW else None


_COMBINED = re.compile(
    r"^(?:to\s+(?:stand|push[- ]?up|high pull|press|row|curl|squat|lunge|jump|clean)"
    r"|(?:and|&)\s+(?:press|row|curl|swing|clean|snatch|jerk|twist)"
    r"|press|row|curl|clean|snatch|jerk)\b",
    re.IGNORECASE,
)
"""What follows a library move's name in a move made of two: "curl to press", "swing clean", "pushup/row",
and in an item left whole, "squat and swing"."""


_ALTERNATIVES_BEFORE_NAME = re.compile(r"^[^\W\d_]+\s*/\s*[^\W\d_]+\s+(?=[^\W\d_])")
"""Two words a slash parts, each going with the name after them: "bench / chair triceps dips"."""


def read_item(text: str, catalogue: Catalogue, draft: Draft) -> DraftMove:
    """A move from a list item (its interval label already off): its name, then what the item
    says of reps, time and load. A load guide it gives goes to ``draft``."""
    count, text = _leading_count(text)
    if (shared := _ALTERNATIVES_BEFORE_NAME.match(text)) and _move_at_start(text[shared.end() :], catalogue):
        text = text[shared.end() :]  # "bench / chair triceps dips" are triceps dips, on a bench or a chair
    found = _move_at_start(text, catalogue)
    if found is not None and _COMBINED.match(" ".join(_words(text)[found[0] :])):
        found = None  # "Dumbbell Curl to Press": one move made of two, kept under its own name
    if found is not None:
        words, exercise_id = found
        rest = " ".join(text.split()[words:])
        if exercise_id == "back-squat" and _BARE_SQUAT.match(text):
            exercise_id = _bare_squat(text, rest)
        exercise = catalogue.get(exercise_id)
        # "10 alternating single-arm rows" counts both arms; "per arm" in the item says otherwise.
        # "dbl KB C&J": a bell in each hand, both sides at once
        one_side_at_a_time = exercise.sided == "unilateral" and not re.match(r"alternat|double\b|dbl\b", text, re.I)
        move = DraftMove(exercise_id, exercise.name, known=True, per_side=one_side_at_a_time)
    else:
        name = _own_name(text)
        rest = text[len(name) :]
        move = DraftMove(slug(name, "custom"), name, known=False)
    rest = f"{count} {rest}"
    move.distance_m = phrases.distance(rest) or _bare_distance(count, move.exercise)
    if move.distance_m and not move.known and re.fullmatch(r"rows?", move.name, re.IGNORECASE):
        move.exercise, move.name, move.known = "rowing", catalogue.get("rowing").name, True  # "500 m row": the erg
    move.reps = None if move.distance_m else phrases.reps(rest)
    move.hold = None if move.reps or move.distance_m else phrases.hold(rest)
    found_load = phrases.load(rest)
    move.load = found_load.load_class if found_load else None
    if found_load and found_load.load_class and found_load.low and found_load.high and found_load.unit:
        draft.loads[found_load.load_class] = LoadGuide(low=found_load.low, high=found_load.high, unit=found_load.unit)
    move.effort = phrases.effort(rest)
    move.rest = phrases.rest(rest)
    move.notes = _notes(rest)
    return move


def count_from_how_to(move: DraftMove, sentence: str) -> bool:
    """Give a move its count from a sentence of its how-to ("Do about 30 reps", "Repeat 10-15 times"), when it
    has none; whether the sentence gave it."""
    repeats = phrases.rounds(sentence)
    reps = phrases.reps(sentence) or (phrases.Reps(repeats.low, repeats.high) if repeats else None)
    if move.has_target or reps is None:
        return False
    move.reps = reps
    return True


_SIDES = re.compile(r"^(?:(?:per|each|every|on each) (?:side|arm|leg)|each way|alternating)$", re.IGNORECASE)


def _notes(rest: str) -> list[str]:
    """What an item says beyond the quantities the rules read: tempo and technique ("tempo 3-1-1",
    "elbows tucked"), each clause as written."""
    clauses = (clause.strip(" -–—:.") for clause in re.split(r"[,;()]", rest))
    return [
        clause
        for clause in clauses
        if re.search(r"[^\W\d_]", clause)
        and not _SIDES.match(clause)
        and not _COUNTS_ONLY.fullmatch(clause)
        and not _reads_a_quantity(clause)
    ]


_COUNTS_ONLY = re.compile(r"[\d\s@x×]*\b(?:sets?|reps?)\b[\d\s@x×]*", re.IGNORECASE)
"""A clause of counts and no more, as a ladder's commas leave them: "1 set @ 2"."""


def _reads_a_quantity(clause: str) -> bool:
    rules = (phrases.reps, phrases.hold, phrases.rest, phrases.load, phrases.effort, phrases.rounds)
    return any(rule(clause) is not None for rule in rules)


_PARTS = re.compile(r",\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+|;\s*", re.IGNORECASE)
_COUNTED_NAME = re.compile(r"\b\d+\s+[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}(?=\s*[.!]?\s*$)")
"""A count and a name of one to three words closing a part of a sentence: "... of 5 burpees"."""
_COUNT = re.compile(r"\b(\d+)(?:\s*(?:-|to)\s*\d+)?\s*[x×]?\s*(?=[^\W\d_])", re.IGNORECASE)


def moves_in_sentence(sentence: str, catalogue: Catalogue, draft: Draft) -> list[DraftMove]:
    """The moves a sentence lists with their counts, for workouts written as prose with no list:
    "do 3 rounds of 10 kettlebell swings, 8 goblet squats and 12 push-ups". A counted name the
    library does not know ("5 burpees") is a move too, when the list has one it knows."""
    found: list[tuple[str, bool]] = []
    for part in _PARTS.split(sentence):
        starts = [
            count.start()
            for count in _COUNT.finditer(part)
            if int(count[1]) <= MAX_REPS and names_a_move(part[count.start() :], catalogue)
        ]  # "did a million kettle bell swings" tells a story, not a count
        if starts:  # "15 swings (44-lb) 5 squats while holding ...": each counted move the library knows
            found.extend((part[start:end], True) for start, end in zip(starts, [*starts[1:], None], strict=True))
        elif (counted := _COUNTED_NAME.search(part)) and not _reads_a_quantity(counted[0]):
            found.append((counted[0], False))
    if not any(known for _, known in found):
        return []
    return [read_item(text, catalogue, draft) for text, _ in found]


def _leading_count(text: str) -> tuple[str, str]:
    """A count written before the move's name, as the rules read it after one ("10 reps", "30 s"),
    and the item without it: ``"10 kettlebell swings"`` → ``("10 reps", "kettlebell swings")``."""
    if (sides := _LEADING_SIDES.match(text)) and sides[1] == sides[2]:
        return f"{sides[1]} reps per side", text[sides.end() :]  # "3L, 3R kettlebell press"
    found = _LEADING_COUNT.match(text)
    if found is None:
        return "", text
    unit = found[2] or "x"
    said = f"{found[1]} reps" if unit.lower() in ("x", "×") or unit.lower().startswith("rep") else found[0].strip()
    return said, text[found.end() :]


def _words(text: str) -> list[str]:
    """The words a move's name is matched by: "Pushup/row" is two, and "Military press-1 set @ 12 reps"
    ends its name at the dash."""
    return _WORD_SPLIT.sub(" ", text).split()


_WORD_SPLIT = re.compile(r"[^\w\s'-]|-(?=\d)")
"""What parts the words of a name, each replaced by a space (so a word keeps its place in the text)."""


def _move_at_start(text: str, catalogue: Catalogue) -> tuple[int, str] | None:
    """How many words of ``text`` name a library move, and which: the longest match wins."""
    words = _words(text)
    skipped = 0
    while skipped < len(words) - 1 and words[skipped].lower() in _QUALIFIERS:
        skipped += 1
    for start in range(skipped + 1):
        for count in range(min(len(words) - start, MAX_NAME_WORDS), 0, -1):
            if (exercise := catalogue.find(" ".join(words[start : start + count]))) is not None:
                return start + count, exercise.id
    return None
