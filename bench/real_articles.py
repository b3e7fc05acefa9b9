"""How well workout texts from real public pages are read, measured as the issue counts it.

Each ``NAME.txt`` in tests/io/data/articles/real/ is a page's text as a page store keeps it
(headings, bullets, site noise), and ``NAME.expected.toml`` beside it the plan a reader should
take from it, written before the reader ran on it, with the page's address. ``tuning`` holds the
texts rules may be fitted to; ``held-out`` the texts no rule is fitted to: the honest figure.

An expected move names a library move (``exercise``) or, for a move the library lacks, the words
its name must have (``name``); ``reps``, ``hold`` and ``per_side`` are what it asks of each set.

- a block is right when a block found (in the same order among the others) has the expected moves,
  in order, with their reps, holds and sides;
- a move is named when the plan has it somewhere (each found move counts once);
- rounds and the round rest are compared where the expected plan states them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from repcoach.errors import InvalidInput
from repcoach.io.article.extract import extract
from repcoach.library import load_catalogue
from repcoach.plan import Plan

REAL = Path(__file__).parents[1] / "tests" / "io" / "data" / "articles" / "real"


def _words(text: str) -> set[str]:
    """Lower-case words, a plural's final s dropped: ``Jumping Jacks`` and ``jumping jack`` alike."""
    words = re.findall(r"[a-z0-9&]+", text.lower())
    return {word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word for word in words}


def _found_moves(plan: Plan) -> list[list[tuple[str, set[str], str | None, str | None, bool]]]:
    catalogue = load_catalogue()
    blocks = []
    for block in plan.blocks:
        moves = []
        for move in block.moves:
            own = plan.exercises.get(move.exercise)
            known = catalogue.find(move.exercise)
            name = own.name if own else known.name if known else move.exercise
            reps = str(move.reps) if move.reps else None
            hold = str(move.hold_seconds) if move.hold_seconds else None
            moves.append((move.exercise, _words(f"{name} {move.exercise}"), reps, hold, bool(move.per_side)))
        blocks.append(moves)
    return blocks


def _is(wanted: dict[str, Any], found: tuple[str, set[str], str | None, str | None, bool]) -> bool:
    """Whether a found move is the one wanted: the library move named, or one with the name's words
    (or the library move that name is, once the library has it)."""
    if "exercise" in wanted:
        return found[0] == wanted["exercise"]
    known = load_catalogue().find(wanted["name"])
    return (known is not None and known.id == found[0]) or _words(wanted["name"]) <= found[1]


def _right(wanted: dict[str, Any], found: tuple[str, set[str], str | None, str | None, bool]) -> bool:
    targets = (wanted.get("reps"), wanted.get("hold"), bool(wanted.get("per_side", False)))
    return _is(wanted, found) and found[2:] == targets


def measure(folder: Path) -> dict[str, list[int]]:
    counts = {"blocks": [0, 0], "moves named": [0, 0], "rounds": [0, 0], "round rest": [0, 0], "texts": [0, 0]}
    for expected_file in sorted(folder.glob("*.expected.toml")):
        name = expected_file.name.removesuffix(".expected.toml")
        expected = tomllib.loads(expected_file.read_text(encoding="utf-8"))
        try:
            plan: Plan | None = extract((folder / f"{name}.txt").read_text(encoding="utf-8"), load_catalogue(),
                                        plan_id="x", title="x").plan  # fmt: skip
        except InvalidInput:
            plan = None
        found = _found_moves(plan) if plan else []
        wanted_blocks = expected["blocks"]
        right, start = 0, 0
        for want in wanted_blocks:  # in order: a block found matches the first expected one after the last match
            same = [
                index
                for index in range(start, len(found))
                if len(found[index]) == len(want["moves"])
                and all(_right(w, g) for w, g in zip(want["moves"], found[index], strict=True))
            ]
            if same:
                right, start = right + 1, same[0] + 1
        counts["blocks"][0] += right
        counts["blocks"][1] += len(wanted_blocks)
        unused = [move for block in found for move in block]
        for wanted in (move for block in wanted_blocks for move in block["moves"]):
            counts["moves named"][1] += 1
            match = next((move for move in unused if _is(wanted, move)), None)
            if match is not None:
                unused.remove(match)
                counts["moves named"][0] += 1
        if "rounds" in expected:
            counts["rounds"][1] += 1
            counts["rounds"][0] += plan is not None and str(plan.rounds) == expected["rounds"]
        if "rest_after_round" in expected:
            counts["round rest"][1] += 1
            counts["round rest"][0] += plan is not None and plan.rest_after_round == expected["rest_after_round"]
        whole = plan is not None and right == len(wanted_blocks) == len(found)
        counts["texts"][0] += whole
        counts["texts"][1] += 1
        print(
            f"  {name:36} {'right' if whole else 'no plan' if plan is None else f'{right}/{len(wanted_blocks)} blocks'}"
        )
    return counts


def report(folder: Path) -> None:
    counts = measure(folder)
    print(f"real pages, {folder.name} half ({counts['texts'][1]} texts):")
    for what, (right, total) in counts.items():
        share = f"{100 * right / total:5.1f} %" if total else "  -  "
        print(f"  {what:12} {right:3} of {total:3} right  ({share})")


def main() -> None:
    report(REAL / "tuning")
    report(REAL / "held-out")


if __name__ == "__main__":
    main()
