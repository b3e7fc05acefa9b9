"""The plan shelf: built-in plans plus a user's own plan files."""

from pathlib import Path

import pytest

from repcoach.errors import InvalidInput, UnknownName
from repcoach.plan.builtins import builtin_shelf

QUICK = Path(__file__).parents[1] / "web" / "data" / "quick-test.toml"


def test_a_plan_file_joins_the_built_in_plans():
    shelf = builtin_shelf().with_files([QUICK])
    assert shelf.get("quick-test").title == "Quick test"
    assert {"kettlebell-back", "quick-test"} <= {plan.id for plan in shelf}
    assert "quick-test" not in {plan.id for plan in builtin_shelf()}


def test_a_plan_file_may_not_take_a_built_in_id(tmp_path):
    taken = tmp_path / "mine.toml"
    taken.write_text(QUICK.read_text().replace('id = "quick-test"', 'id = "kettlebell-back"'))
    with pytest.raises(InvalidInput) as caught:
        builtin_shelf().with_files([taken])
    assert str(caught.value.problems[0]) == f"{taken}, id: the plan id 'kettlebell-back' is already taken"


def test_an_unknown_plan_suggests_the_closest_ids():
    with pytest.raises(UnknownName) as caught:
        builtin_shelf().get("kettlebell-bak")
    assert caught.value.suggestions == ["kettlebell-back"]


def test_kept_plans_join_the_shelf_and_cannot_shadow_a_plan_on_it():
    quick = builtin_shelf().with_files([QUICK]).get("quick-test")
    impostor = quick.model_copy(update={"id": "kettlebell-back", "title": "Not the real one"})

    shelf = builtin_shelf().with_kept([quick, impostor])

    assert shelf.kept == {"quick-test"}
    assert shelf.get("quick-test") == quick
    assert shelf.get("kettlebell-back").title != "Not the real one"
