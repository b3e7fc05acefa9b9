"""Finding the line a field was written on, in TOML and YAML."""

import pytest

from repcoach.sourcemap import SourceMap

TOML = """\
id = "x"
notes = [
    "one",
    "two [with brackets] inside"]
rounds = "3-5"

[[blocks]]
name = "A"
moves = [
    { exercise = "halo", reps = 8 },
    { exercise = "single-arm-row", reps = 8 },
]

[[blocks]]
name = "B"  # a comment with a [bracket
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("id",), 1),
        (("notes",), 2),
        (("rounds",), 5),  # after an array closed on its last item's line
        (("blocks", 0, "name"), 8),
        (("blocks", 0, "moves", 1), 11),
        (("blocks", 0, "moves", 1, "reps"), 11),  # inside an inline table: that table's line
        (("blocks", 1), 14),
        (("blocks", 1, "name"), 15),
        (("blocks", 1, "kind"), 14),  # not written: the nearest written parent
    ],
)
def test_a_toml_field_is_found_on_the_line_it_was_written(path, line):
    assert SourceMap.of_toml(TOML).line_of(path) == line


def test_a_yaml_field_is_found_on_its_line():
    text = "id: x\nblocks:\n  - name: A\n    moves:\n      - exercise: halo\n        reps: 8\n"
    assert SourceMap.of_yaml(text).line_of(("blocks", 0, "moves", 0, "reps")) == 6
