"""Every command explains itself and is in the README's tour."""

from pathlib import Path

import pytest

from repcoach.cli import app
from repcoach.plan.loading import parse_plan

README = (Path(__file__).parents[2] / "README.md").read_text()
COMMANDS = sorted(
    [command.name or command.callback.__name__ for command in app.registered_commands]
    + [group.name for group in app.registered_groups]
)


def test_the_commands_are_the_ones_the_readme_tours():
    assert COMMANDS == [
        "accounts", "balance", "calendar", "check", "exercises", "explain", "export", "history", "import",
        "import-text", "log", "next", "next-weights", "plans", "plot", "resume", "run", "serve", "setup", "show",
        "stats",
    ]  # fmt: skip


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(repcoach, name):
    result = repcoach(name, "--help")
    assert result.exit_code == 0
    assert len(result.stdout.split()) > 10
    assert f"repcoach {name}" in README


def test_the_exercises_map_subcommand_has_help_and_is_in_the_readme(repcoach):
    result = repcoach("exercises", "map", "--help")
    assert result.exit_code == 0 and "--pattern" in result.stdout
    assert "repcoach exercises map" in README


def test_the_accounts_claim_subcommand_has_help_and_is_in_the_readme(repcoach):
    result = repcoach("accounts", "claim", "--help")
    assert result.exit_code == 0 and "USERNAME" in result.stdout
    assert "repcoach accounts claim" in README


def test_the_readme_gives_the_two_setup_commands():
    assert "make run" in README and "make test" in README


def test_the_readme_s_example_plan_is_a_plan_that_loads():
    example = README.split("## Your own plans", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    plan = parse_plan(example, "README.md")
    assert [move.target for block in plan.blocks for move in block.moves] == [
        "8-12 reps per side",
        "10 reps",
        "40 m",
        "6-8 reps per side",
    ]
