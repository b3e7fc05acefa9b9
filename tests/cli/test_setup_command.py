"""``repcoach setup`` with an option for every question, and first runs where nobody can answer one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from repcoach.store import open_store
from repcoach.units import KG_PER_LB

SETUP_LINE = "run `repcoach setup --units kg --bells 8,12,16 --experience beginner`"


def profile_of(db_file: Path) -> tuple[str, tuple[float, ...], str]:
    with open_store(f"sqlite:///{db_file}") as store:
        profile = store.get_profile()
        assert profile is not None
        return profile.units, profile.bells_kg, profile.experience


def test_every_first_run_question_has_an_option_and_nothing_is_asked(repcoach, db_file):
    result = repcoach("setup", "--units", "kg", "--bells", "8,12,16", "--experience", "beginner")

    assert result.exit_code == 0, result.output
    assert "?" not in result.stdout and "Saved." in result.stdout
    assert profile_of(db_file) == ("kg", (8.0, 12.0, 16.0), "beginner")


def test_options_not_given_keep_what_is_set(repcoach, db_file):
    repcoach("setup", "--units", "lb", "--bells", "15 25 35", "--experience", "intermediate")

    repcoach("setup", "--experience", "advanced")

    units, bells, level = profile_of(db_file)
    assert (units, level) == ("lb", "advanced")
    assert [round(kg / KG_PER_LB) for kg in bells] == [15, 25, 35]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--units", "stones"], "--units: 'stones' is not a unit; answer kg or lb"),
        (["--experience", "expert"], "--experience: 'expert' is not a level"),
        (["--bells", "8,heavy"], "--bells:"),
    ],
)
def test_a_wrong_option_is_named_and_nothing_is_stored(repcoach, db_file, args, message):
    result = repcoach("setup", *args)

    assert result.exit_code == 1
    assert message in result.output.replace("\n", " ")
    with open_store(f"sqlite:///{db_file}") as store:
        assert store.get_profile() is None


@pytest.mark.parametrize("command", [["next"], ["next-weights"], ["setup"], ["history"]])
def test_without_a_terminal_or_a_profile_a_command_exits_2_naming_setup(repcoach, command):
    result = repcoach(*command)

    if command == ["history"]:  # reads what is stored; needs no profile
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    assert SETUP_LINE in result.output
    assert "Aborted" not in result.output


def test_the_real_command_run_from_a_script_with_no_stdin_says_one_line_and_exits_2(tmp_path):
    """As cron or CI runs it: standard input at /dev/null, output to a pipe."""
    env = {**os.environ, "REPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'repcoach.db'}"}

    done = subprocess.run(
        [sys.executable, "-m", "repcoach", "next-weights"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"No one to answer the setup questions here: {SETUP_LINE} (your own values)."
    ]


def test_answers_that_end_too_soon_exit_2_and_store_nothing(repcoach, db_file):
    result = repcoach("next-weights", input="kg\n")

    assert result.exit_code == 2
    assert "The input ended before the answers" in result.output and "Aborted" not in result.output
    with open_store(f"sqlite:///{db_file}") as store:
        assert store.get_profile() is None
