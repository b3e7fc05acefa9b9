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

LineKind = Literal["heading", "item", "direction"]

_BULLET = re.compile(r"^\s*(?:[-*•·▪‣–]|\d{1,2}[.)]|[a-hA-H][.)]|\(\d{1,2}\))\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
BLOCK_WORDS = (
    r"superset|super set|circuit|tri-?set|giant set|complex|emom|amrap|finisher|warm-?up|cool-?down|round|block|part"
)
_BLOCK_HEADING = re.compile(rf"^\s*(?:{BLOCK_WORDS})\b[\w\s#-]{{0,20}}:?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


@dataclass(frozen=True)
class Line:
    number: int
    """1-based, in the text as given."""
    kind: LineKind
    text: str
    """Without its bullet or heading marks."""


def classify(text: str, names_a_move: Callable[[str], bool]) -> list[Line]:
    """Every non-empty line of ``text`` with its kind; prose lines split into one line per sentence.

    ``names_a_move(text)`` says whether a line (without its bullet) starts with a move's name,
    which is how a plain, unbulleted list of moves is told from prose.
    """
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if _MARKDOWN_HEADING.match(stripped) or _BLOCK_HEADING.match(stripped) or _is_title_line(stripped):
            lines.append(Line(number, "heading", _MARKDOWN_HEADING.sub("", stripped).rstrip(":").strip()))
        elif bullet := _BULLET.match(stripped):
            lines.append(Line(number, "item", stripped[bullet.end() :].strip()))
        elif names_a_move(stripped) and len(stripped.split()) <= 12:
            lines.append(Line(number, "item", stripped))
        else:
            lines.extend(Line(number, "direction", sentence) for sentence in sentences(stripped))
    return lines


def sentences(prose: str) -> list[str]:
    """``"Rest 90 seconds. Then repeat."`` → ``["Rest 90 seconds.", "Then repeat."]`` (decimals kept whole)."""
    return [part.strip() for part in _SENTENCE_END.split(prose) if part.strip()]


def _is_title_line(line: str) -> bool:
    """A short line that ends with a colon and says no more, like ``Upper-body burner:``."""
    return line.endswith(":") and len(line.split()) <= 6
