"""Plans written as TOML read back as the same plans."""

import pytest

from repcoach.plan.builtins import builtin_plans
from repcoach.plan.loading import parse_plan
from repcoach.plan.writing import plan_to_toml


@pytest.mark.parametrize("plan_id", sorted(builtin_plans()))
def test_a_written_plan_reads_back_the_same(plan_id):
    plan = builtin_plans()[plan_id]

    text = plan_to_toml(plan)

    assert parse_plan(text, "written.toml", known_plan_ids=builtin_plans()) == plan


def test_the_file_is_readable_with_ranges_as_people_write_them():
    text = plan_to_toml(builtin_plans()["kettlebell-back"])

    assert text.startswith('id = "kettlebell-back"\ntitle = "Kettlebell back workout"\n')
    assert 'rounds = "3-5"' in text and 'reps = "6-10"' in text and "rest_after = 90" in text
