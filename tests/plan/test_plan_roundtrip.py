"""What a plan file says comes back unchanged after writing it out and reading it again."""

import yaml
from hypothesis import given
from hypothesis import strategies as st

from repcoach.library import PATTERNS, load_catalogue
from repcoach.plan import LOAD_CLASSES, Block, IntRange, Move, Plan
from repcoach.plan.loading import parse_plan
from repcoach.plan.own_exercises import OwnExercise
from repcoach.plan.writing import plan_to_toml


def ranges(low: int = 1, high: int = 30, spread: int = 10) -> st.SearchStrategy[IntRange]:
    return st.tuples(st.integers(low, high), st.integers(0, spread)).map(lambda t: IntRange(low=t[0], high=t[0] + t[1]))


targets = st.one_of(  # a set is counted, timed or run
    st.fixed_dictionaries({"reps": ranges()}),
    st.fixed_dictionaries({"hold_seconds": ranges(5, 120)}),
    st.fixed_dictionaries({"distance_m": st.floats(1, 42_195).map(lambda metres: round(metres, 2))}),
)
moves = st.builds(
    lambda target, **fields: Move(**target, **fields),
    targets,
    exercise=st.sampled_from(sorted(exercise.id for exercise in load_catalogue())),
    rir=st.none() | ranges(0, 4, spread=6),  # RIR is 10 at most
    per_side=st.booleans(),
    load=st.none() | st.sampled_from(LOAD_CLASSES),
    notes=st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20),  # YAML folds line breaks
)
blocks = st.one_of(
    st.builds(
        Block,
        name=st.just("A"),
        kind=st.just("straight"),
        moves=st.lists(moves, min_size=1, max_size=1).map(tuple),
        sets=st.integers(1, 5),
        rest_between_sets=st.integers(0, 300),
        rest_after=st.integers(0, 300),
    ),
    st.builds(
        Block,
        name=st.just("B"),
        kind=st.just("superset"),
        moves=st.lists(moves, min_size=2, max_size=4).map(tuple),
        rest_after=st.integers(0, 300),
    ),
)
words = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(str.strip)
own_exercises = st.dictionaries(
    st.from_regex(r"own-[a-z]{1,8}", fullmatch=True),
    st.builds(
        OwnExercise,
        name=words,
        pattern=st.none() | st.sampled_from(PATTERNS),
        cues=st.lists(words, max_size=5).map(tuple),
    ),
    max_size=3,
)
plans = st.builds(
    Plan,
    id=st.from_regex(r"[a-z]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True),
    title=st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(str.strip),
    rounds=ranges(1, 5),
    rest_after_round=st.none() | st.integers(0, 600),
    blocks=st.lists(blocks, min_size=1, max_size=4).map(tuple),
    exercises=own_exercises,
)


@given(plans)
def test_a_plan_written_as_yaml_reads_back_equal(plan: Plan):
    text = yaml.safe_dump(plan.model_dump(mode="json"), allow_unicode=True)
    assert parse_plan(text, "plan.yaml", yaml_format=True) == plan


@given(plans)
def test_a_plan_written_as_toml_reads_back_equal(plan: Plan):
    assert parse_plan(plan_to_toml(plan), "plan.toml") == plan
