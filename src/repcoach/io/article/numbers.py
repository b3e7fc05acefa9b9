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
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212]\s*")


def with_digits(text: str) -> str:
    """``"Repeat twice: three rounds of ten reps"`` → ``"Repeat 2 times: 3 rounds of 10 reps"``.

    Dashes of every kind between numbers become ``-`` (articles print 6–10 with an en dash).
    """
    spelled = alpha2digit(text, "en", threshold=0)
    spelled = _TIMES_WORD.sub(lambda found: _TIMES[found[1].lower()], spelled)
    return _DASHES.sub("-", spelled)
