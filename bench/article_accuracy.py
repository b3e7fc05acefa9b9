"""How well workout prose is read into plans, over the corpus of articles the tests use.

For each ``NAME.txt`` with a ``NAME.expected.toml``, the extractor's plan is compared with the
expected one, and the share of each is printed, for two sets of texts:

- the corpus in tests/io/data/articles, written alongside the rules (the tests want it all right);
- the held-out texts in its ``held-out`` folder, written before the rules were run on them: the
  honest measure of how the extractor does on text it was not tuned to. A text fixed by later
  rules moves to the corpus, and new held-out texts take its place.

The shares:

- blocks exactly right (name, kind, moves, targets, rests, sets);
- exercises right (the same moves, in the same order, in each block);
- reps right (each move's reps or hold), rest right (every rest of the plan), rounds right.

Run: .venv/bin/python bench/article_accuracy.py
"""

from __future__ import annotations

from pathlib import Path

from repcoach.errors import InvalidInput
from repcoach.io.article.extract import extract
from repcoach.library import load_catalogue
from repcoach.plan import Plan
from repcoach.plan.loading import load_plan_file

ARTICLES = Path(__file__).parents[1] / "tests" / "io" / "data" / "articles"


def rests(plan: Plan) -> list[object]:
    blocks = [(b.rest_between_moves, b.rest_between_sets, b.rest_after) for b in plan.blocks]
    return [plan.rest_after_round, *blocks]


def measure(folder: Path) -> None:
    catalogue = load_catalogue()
    counts = {"blocks": [0, 0], "exercises": [0, 0], "reps": [0, 0], "rest": [0, 0], "rounds": [0, 0]}
    names = sorted(path.stem for path in folder.glob("*.txt") if (folder / f"{path.stem}.expected.toml").exists())
    for name in names:
        expected = load_plan_file(folder / f"{name}.expected.toml")
        try:
            found: Plan | None = extract((folder / f"{name}.txt").read_text(), catalogue, plan_id="x", title="x").plan
        except InvalidInput:
            found = None
        wanted = list(expected.blocks)
        got = list(found.blocks) if found else []
        counts["blocks"][0] += sum(a == b for a, b in zip(got, wanted, strict=False))
        counts["blocks"][1] += len(wanted)
        for a, b in zip(got + [None] * len(wanted), wanted, strict=False):
            counts["exercises"][0] += a is not None and [m.exercise for m in a.moves] == [m.exercise for m in b.moves]
            counts["exercises"][1] += 1
            for index, move in enumerate(b.moves):
                mine = a.moves[index] if a is not None and index < len(a.moves) else None
                counts["reps"][0] += mine is not None and (mine.reps, mine.hold_seconds) == (
                    move.reps,
                    move.hold_seconds,
                )
                counts["reps"][1] += 1
        counts["rest"][0] += found is not None and rests(found) == rests(expected)
        counts["rest"][1] += 1
        counts["rounds"][0] += found is not None and found.rounds == expected.rounds
        counts["rounds"][1] += 1
        print(f"  {name:24} {'right' if found and got == wanted else 'differs'}")
    print(f"article accuracy over {len(names)} texts ({folder.name}):")
    for what, (right, total) in counts.items():
        print(f"  {what:10} {right:3} of {total:3} right  ({100 * right / total:5.1f} %)")


def main() -> None:
    measure(ARTICLES)
    measure(ARTICLES / "held-out")


if __name__ == "__main__":
    main()
