"""An article's text cut into lines that are headings, exercise items or directions.

Articles set out a workout as a heading ("Superset 1", "Circuit A:", "## Finisher"), the moves
under it as a list (bullets, numbers, or plain lines naming a move) and the directions as
prose. Each line gets one kind; the prose is split into sentences so each rule reads one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

LineKind = Literal["heading", "item", "direction", "description"]
"""A description says how to do the move of the item before it ("Squats: Stand with feet shoulder width apart")."""

_BULLET = re.compile(r"^\s*(?:[-*•·▪‣–►]|\d{1,2}[.):]|[a-hA-H][.)]|\(\d{1,2}\))\s+")
_PAIR_LABEL = re.compile(r"^\s*(?:([A-Ha-h])\d{1,2}|(\d{1,2})[A-Ha-h])\s*[.):]?\s+")
"""``A1.``, ``B2)``, ``2A``: how coaches' programs write supersets, the letter the pair and the number the
order, or the number the pair and the letter the order."""
_SLOT = re.compile(r"^(?:exercise|move|movement)\s+(\d{1,2})[A-Ha-h]?\s*:?$", re.IGNORECASE)
"""``Exercise 1A``, ``Exercise 2``: a line that numbers the move on the lines under it (its name, then its
sets, reps and rest one to a line), as magazine pages set out a program; ``1A`` and ``1B`` are a pair."""
_NAMED_ITEM = re.compile(r"^[^.:]{1,40}(?::|\s[–—-]\s)")
"""A name, then a colon or a spaced dash: how a list item sets out its details."""
_COUNTED_NAME = r"\d+(?:-\d+)?\s+(?:[12]-(?:arm|hand|leg)\s+)?[^\W\d_][\w'&/-]*(?:\s+[“\"]?[^\W\d_][\w'&/“”\"*-]*){0,4}"
_COUNTED_LINE = re.compile(
    rf"^(?:{_COUNTED_NAME}(?:\s*@[^@]{{1,40}})?"
    r"|[^\W\d_][\w'&/-]*(?:\s+[\w'&/-]+){0,4}\s+[-–—]\s+\d+(?:-\d+)?\s*(?:reps?|x|seconds?|secs?)?)\s*\.?$",
    re.IGNORECASE,
)
"""A plain line that is a list item of a move the library may lack: ``30 Air squats``, ``Hammer curl - 12 reps``."""
OPTIONS_AFTER_NAME = r"\s*(?:\(|[-–—]\s)"
"""Where a list item's details start after the move's name: a bracket or a spaced dash."""
_COUNTED_WITH_DETAILS = re.compile(rf"^{_COUNTED_NAME}(?:\s*@[^(–—]{{1,30}})?{OPTIONS_AFTER_NAME}", re.IGNORECASE)
"""A count and a name, perhaps its load, then details in brackets or after a dash: ``10 Skaters (5 each leg)
Low impact option - take out the hop``, ``30 Kettlebell back squat @ same (Alternate L to R as desired)``,
as lists give a move with its options."""
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
BLOCK_WORDS = "|".join(
    ("superset", "super set", "circuits?", "tri-?set", "giant set", "complex", "emom", "amrap", "tabata", "finisher",
     "warm-?up", "cool-?down", "rounds?", "block", "part")
)  # fmt: skip
_LENGTH = r"(?:\d+|[^\W\d_]+)-(?:minute|min|second)s?|mins?|minutes?"
_BLOCK_NAME = rf"\s*(?:(?:(?-i:[A-Z0-9][\w'-]*)|{_LENGTH})\s+){{0,2}}(?:{BLOCK_WORDS})\b"
"""A block word, perhaps after a capitalised word or two or a length: ``Superset 1``, ``Main circuit``,
``The Finisher``, ``20-Minute Tabata-Style Circuit``, ``30 min AMRAP``, ``4 six-minute circuits``."""
_BLOCK_HEADING = re.compile(
    rf"^{_BLOCK_NAME}[\w\s#()-]{{0,20}}(?::(?P<title>[\w\s#()-]{{1,30}}))?:?\s*$", re.IGNORECASE
)
"""``Superset 1``, ``Circuit A:``, ``Main superset (4 rounds)``, ``Part 2: 10-minute EMOM`` (a title
after the colon that names no move)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


@dataclass(frozen=True)
class Line:
    number: int
    """1-based, in the text as given."""
    kind: LineKind
    text: str
    """Without its bullet or heading marks."""
    pair: str | None = None
    """The letter of a paired label (``A1.``, ``A2.`` → ``A``), or the number of an ``Exercise 1A`` line:
    items sharing it are done together."""
    one_move: bool = False
    """The name of one move, as a guide's paragraph opens with it ("Squat and Swing – This first exercise ..."):
    not moves joined."""


def classify(text: str, names_a_move: Callable[[str], bool]) -> list[Line]:
    """Every non-empty line of ``text`` with its kind; prose lines split into one line per sentence.

    ``names_a_move(text)`` says whether a line (without its bullet) starts with a move's name,
    which is how a plain, unbulleted list of moves is told from prose.
    """
    lines: list[Line] = []
    raw_lines = text.splitlines()
    spaced = _spaced_list(raw_lines, names_a_move)
    guides = _guides(raw_lines, names_a_move)
    slot: str | None = None
    """The number of the ``Exercise 1A`` line above, until the next heading; its move's name is the next line."""
    name_due = False
    for number, raw in enumerate(raw_lines, start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if numbered := _SLOT.match(stripped):
            slot, name_due = numbered[1], True
            continue
        if slot is not None and (name_due or details_only(stripped)):
            if name_due and not _is_move_name(stripped):
                slot, name_due = None, False  # not a program after all: read the line as any other
            else:
                lines.append(Line(number, "item", stripped, slot))
                name_due = False
                continue
        if slot is not None and details_only(re.split(r"[;(]", stripped)[0]):
            lines.extend(Line(number, "direction", sentence) for sentence in sentences(stripped))
            continue  # "10-15 reps each arm (alternating); SUPER SET with ...": a remark on the move's sets
        if (
            _MARKDOWN_HEADING.match(stripped)
            or _is_block_heading(stripped, names_a_move)
            or _is_title_line(stripped)
            or (_is_section_title(stripped) and not names_a_move(stripped))
        ):
            heading = _BULLET.sub("", _MARKDOWN_HEADING.sub("", stripped))  # "1. 5 rounds:" as a list gives it
            lines.append(Line(number, "heading", heading.rstrip(":").strip()))
            slot = None
        elif number in guides:
            name, how = guides[number]
            lines.append(Line(number, "item", name, one_move=True))
            lines.extend(Line(number, "description", sentence) for sentence in sentences(how))
        elif paired := _PAIR_LABEL.match(stripped):
            pair = (paired[1] or paired[2]).upper()
            lines.append(Line(number, "item", stripped[paired.end() :].strip(), pair))
        elif bullet := _BULLET.match(stripped):
            lines.append(Line(number, "item", stripped[bullet.end() :].strip()))
        elif number in spaced or (
            (names_a_move(stripped) or _COUNTED_LINE.match(stripped) or _COUNTED_WITH_DETAILS.match(stripped))
            and _item_length(stripped)
            and not _is_title(raw_lines, number, lines)
            and not _stands_alone(raw_lines, number)
        ):
            lines.append(Line(number, "item", stripped))
        else:
            lines.extend(Line(number, "direction", sentence) for sentence in sentences(stripped))
    return lines


_DETAIL_WORDS = {
    "sets", "set", "reps", "rep", "x", "sec", "secs", "seconds", "s", "min", "mins", "minutes", "rest", "each",
    "arm", "side", "leg", "per", "to", "failure", "alternating", "of", "and", "between",
}  # fmt: skip


def details_only(line: str) -> bool:
    """Whether a line only gives a move's numbers, as lines under its name do: ``3 sets``, ``10-15 reps``,
    ``60 sec rest``, ``to failure``."""
    words = re.findall(r"[^\W\d_]+", line.lower())
    return bool(re.search(r"\d", line) or "failure" in words) and all(word in _DETAIL_WORDS for word in words)


def _is_move_name(line: str) -> bool:
    """A line short enough to be a move's name, and no sentence: ``Rear Dumbbell Flye``."""
    return len(line.split()) <= 6 and not re.search(r"[.!?]$", line)


def _item_length(line: str) -> bool:
    """Short enough for a list item; longer when a colon or dash parts the name from its details
    ("Turkish get-up: 5 sets of 1 per side, rest 60 seconds between sets"). Counts are not words:
    "Military press - 1 set @ 12 reps, 10, 8, 6, 4, 2" is short."""
    words = len([word for word in line.split() if re.search(r"[^\W\d_]", word)])
    return words <= 12 or (words <= 25 and (_NAMED_ITEM.match(line) or _COUNTED_WITH_DETAILS.match(line)) is not None)


def _is_title(raw_lines: list[str], number: int, before: list[Line]) -> bool:
    """Whether line ``number`` (1-based) is the first and set apart by an empty line, as a title is,
    even one that starts with a move ("Swing and Push")."""
    return not before and number < len(raw_lines) and not raw_lines[number].strip()


_GUIDE = re.compile(
    r"^(?P<name>[^\W\d_][^:.!?]{0,40}):\s+(?P<how>\S.*)$|^(?P<dashed>[^\W\d_][^.!?]{0,40}?)\s[–—-]\s+(?P<after>\S.*)$"
)
_MIN_HOW_WORDS = 12
"""A move's how-to runs to a sentence or more; details after a name ("Plank: 3 x 30 seconds, elbows under") do not."""


def _guide(line: str) -> tuple[str, str] | None:
    """A paragraph that names a move and says how to do it, as its name and the how-to: "Squats: Stand
    with feet shoulder width apart, ...", "• Step Ups – Find something to step up onto ..."."""
    found = _GUIDE.match(_BULLET.sub("", line.strip()))
    if found is None:
        return None
    name = re.sub(r"\s+[–—-]\s+", "-", found["name"] or found["dashed"]).strip()  # "Push – ups"
    how = found["how"] or found["after"]
    if len(name.split()) > _SPACED_NAME_WORDS or len(how.split()) < _MIN_HOW_WORDS or re.search(r"\d", name):
        return None
    return name, how


def _guides(raw_lines: list[str], names_a_move: Callable[[str], bool]) -> dict[int, tuple[str, str]]:
    """The paragraphs of a guide to the moves, by line number: two or more in a row, each a move's name and
    how to do it, half of the names or more the library's (a guide's counts are in its how-to:
    "Repeat 10-15 times")."""
    runs: list[dict[int, tuple[str, str]]] = [{}]
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        if (guide := _guide(raw)) is not None:
            runs[-1][number] = guide
        elif runs[-1]:
            runs.append({})
    return {
        number: guide
        for run in runs
        if len(run) >= 2 and 2 * sum(names_a_move(name) for name, _ in run.values()) >= len(run)
        for number, guide in run.items()
    }


_SPACED_NAME_WORDS = 5
"""The most words a name set out as a paragraph of its own may have: "Bird-dog extension"."""


def _spaced_list(raw_lines: list[str], names_a_move: Callable[[str], bool]) -> set[int]:
    """The numbers of lines that are a list set out a name to a paragraph, as pages copied from HTML give
    one: three or more short lines in a row with only empty lines between, half of them or more naming
    a library move ("Prisoner squats", "Plank", "Alternating lunges", "Oblique twists")."""
    runs: list[list[int]] = [[]]
    for number, raw in enumerate(raw_lines, start=1):
        line = raw.strip()
        if not line:
            continue
        short = len(line.split()) <= _SPACED_NAME_WORDS and not re.search(r"[.!?:,;]$", line)
        alone = short and _stands_alone(raw_lines, number)
        if alone and runs[-1] and number - runs[-1][-1] <= 3:
            runs[-1].append(number)
        else:
            runs.append([number] if alone else [])
    return {
        number
        for run in runs
        if len(run) >= 3 and 2 * sum(names_a_move(raw_lines[number - 1].strip()) for number in run) >= len(run)
        for number in run
    }


def _stands_alone(raw_lines: list[str], number: int) -> bool:
    """Whether line ``number`` (1-based) is set apart by empty lines and has no number: a title
    ("Renegade Rows/Lunge Circuit or Finisher"), not an item of a list."""
    before = raw_lines[number - 2].strip() if number > 1 else ""
    after = raw_lines[number].strip() if number < len(raw_lines) else ""
    return not before and not after and not re.search(r"\d", raw_lines[number - 1])


_INLINE_BLOCK = re.compile(rf"^(?P<name>{_BLOCK_NAME}[^:]{{0,12}}):\s*(?P<moves>\S.*)$", re.IGNORECASE)


def inline_block(item: str) -> tuple[str, str] | None:
    """A block named at the start of an item, its moves after the colon: ``SUPERSET #1: Barbell
    Romanian deadlift & barbell bent over row`` → the name and the moves' text."""
    found = _INLINE_BLOCK.match(item)
    return (found["name"].strip(), found["moves"]) if found else None


def names_a_block(heading: str) -> bool:
    """Whether a heading names a block of moves ("Superset 1", "Main circuit"), not a section ("How to do it")."""
    return re.match(_BLOCK_NAME, heading, re.IGNORECASE) is not None


def sentences(prose: str) -> list[str]:
    """``"Rest 90 seconds. Then repeat."`` → ``["Rest 90 seconds.", "Then repeat."]`` (decimals kept whole)."""
    return [part.strip() for part in _SENTENCE_END.split(prose) if part.strip()]


def _is_title_line(line: str) -> bool:
    """A short line that ends with a colon and says no more, like ``Upper-body burner:``."""
    return line.endswith(":") and len(line.split()) <= 6


_SECTION_WORDS = {
    "movements", "list", "scaling", "options", "notes", "description", "focus", "tips", "equipment", "benefits",
    "instructions", "why", "how", "results", "comments", "score", "standards", "about", "related", "modifications",
}  # fmt: skip
"""Words that head a page's sections around a workout, not a move."""
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to", "with", "vs"}


def _is_section_title(line: str) -> bool:
    """A short line in title case with no number or closing stop, with a word sections are headed by,
    as pages head the parts around a workout: ``Movements``, ``Scaling Options``, ``Why This Workout Is Hard``."""
    words = line.split()
    if not words or len(words) > 6 or re.search(r"\d|[.!?,;)]$", line):
        return False
    if not any(word.lower() in _SECTION_WORDS for word in words):
        return False  # "Russian Twist" is written so too
    return all(word[0].isupper() for word in words if word.lower() not in _SMALL_WORDS) and words[0][0].isupper()


def _is_block_heading(line: str, names_a_move: Callable[[str], bool]) -> bool:
    """A line naming a block, with perhaps a title after a colon: not a block's one move ("Finisher: 100 swings")."""
    heading = _BLOCK_HEADING.match(line)
    return heading is not None and not (heading["title"] and names_a_move(heading["title"].strip()))
