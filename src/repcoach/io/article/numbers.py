"""Text with its numbers as digits, so the phrase rules read "three rounds" as "3 rounds".

Numbers spelled as words are turned into digits by text2num (``alpha2digit``), which knows
compound numbers ("forty-five") and ranges written with words ("eight to twelve"); the few
multiplicative words it leaves alone ("twice") are written as "N times" here.
"""

from __future__ import annotations

import re

from text_to_num import alpha2digit

_TIMES = {"once": "1 times", "twice": "2 times", "thrice": "3 times"}
_TIMES_WORD = re.compile(r"\b(" + "|".join(_TIMES) + r")\b", re.IGNORECASE)
_SPANS = {"a minute and a half": "90 seconds", "half a minute": "30 seconds", "a minute": "1 minute"}
_SPAN_WORDS = re.compile(r"\b(" + "|".join(_SPANS) + r")\b", re.IGNORECASE)
"""Durations said with "a" ("rest about a minute"), which text2num leaves as words."""
_UNITS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
_SECOND_AFTER_COUNT = re.compile(rf"(\d\s|\b(?:{_UNITS}|ninety|hundred)[\s-])\s*second\b", re.IGNORECASE)
""""30 second plank", "thirty-second hold": a time, which text2num would read as an ordinal ("30 2nd", "32nd").
"3-second lowering", as tempo is written, text2num leaves alone."""
_RANGE_DASH = re.compile(r"(?<=\d)\s*[\u2010-\u2015\u2212]\s*(?=\d)")
_HYPHENS = re.compile(r"[\u2010\u2011]")
"""Hyphens other than ``-``; a dash set between words ("Dead bug — 10 reps") stays, as it parts a name from the rest."""


def with_digits(text: str) -> str:
    """``"Repeat twice: three rounds of ten reps"`` → ``"Repeat 2 times: 3 rounds of 10 reps"``.

    Dashes of every kind between numbers become ``-`` (articles print 6–10 with an en dash), and
    so do hyphens of other code points.
    """
    timed = _SECOND_AFTER_COUNT.sub(lambda found: f"{found[1].rstrip(' -')} seconds", text)
    spelled = alpha2digit(timed, "en", threshold=0)
    spelled = _TIMES_WORD.sub(lambda found: _TIMES[found[1].lower()], spelled)
    spelled = _SPAN_WORDS.sub(lambda found: _SPANS[found[1].lower()], spelled)
    return _HYPHENS.sub("-", _RANGE_DASH.sub("-", spelled))
