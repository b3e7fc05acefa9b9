"""``repcoach import-text``: an article read into a plan, shown, kept and run by name."""

from __future__ import annotations

from pathlib import Path

from repcoach.plan.builtins import get_builtin_plan
from repcoach.plan.loading import load_plan_file
from repcoach.store import open_store

ARTICLES = Path(__file__).parents[1] / "io" / "data" / "articles"


def test_an_article_becomes_a_plan_shown_as_repcoach_show_prints_it_and_kept_by_name(repcoach, tmp_path):
    out = tmp_path / "back.toml"

    result = repcoach("import-text", str(ARTICLES / "kettlebell-back.txt"), "--name", "Back day", "-o", str(out))

    assert result.exit_code == 0, result.output
    assert "Superset 1" in result.stdout and "Renegade row" in result.stdout and "6-10" in result.stdout
    assert "Not used (line 1): The Kettlebell Back Workout That Fixes Your Posture" in result.stdout
    assert "Saved as back-day: run it with: repcoach run back-day" in result.stdout
    assert load_plan_file(out).blocks == get_builtin_plan("kettlebell-back").blocks
    shown = repcoach("show", "back-day")
    assert shown.exit_code == 0 and "Romanian deadlift" in shown.stdout


def test_text_from_the_input_is_read_too(repcoach):
    text = "Circuit\n- Goblet squat: 12 reps\n- Halo: 8 reps\nDo 3 rounds.\n"

    unsure = repcoach("import-text", "-", input=text)
    result = repcoach("import-text", "-", "--yes", input=text)

    assert unsure.exit_code == 2 and "Unsure: no rest was found" in unsure.output
    assert "run it again with --yes" in unsure.output and "Saved" not in unsure.output
    assert result.exit_code == 0, result.output
    assert "Saved as article" in result.stdout


def test_an_unsure_reading_is_kept_only_when_the_user_says_so(repcoach, tmp_path):
    article = tmp_path / "odd.txt"
    article.write_text(
        "Circuit\n- Goblet squat: 10 reps\n- Cossack squat: 6 reps per side\nDo 2 rounds.\nRest 1 minute.\n"
    )

    refused = repcoach("import-text", str(article), input="n\n")
    kept = repcoach("import-text", str(article), input="y\n")

    assert "Unsure: 1 of the moves are not in the library: are they moves?" in refused.stdout
    assert refused.exit_code == 1 and "Not saved." in refused.stdout
    assert kept.exit_code == 0 and "Saved as odd" in kept.stdout


def test_a_recipe_is_no_workout_and_exits_1(repcoach, tmp_path):
    recipe = tmp_path / "cake.txt"
    recipe.write_text("Preheat the oven to 180 C. Mix the flour and the sugar, then bake for 30 minutes.\n")

    result = repcoach("import-text", str(recipe))

    assert result.exit_code == 1
    assert "no workout found" in result.output and "Traceback" not in result.output


def test_moves_the_library_does_not_know_are_named_kept_in_the_plan_and_run(repcoach, tmp_path, db_file):
    article = tmp_path / "odd.txt"
    article.write_text("Circuit\n- Goblet squat: 10 reps\n- Cossack squat: 6 reps per side\nDo 2 rounds.\n")

    result = repcoach("import-text", str(article), "--yes")

    assert result.exit_code == 0, result.output
    assert "Not in the library: Cossack squat: the plan describes them itself" in result.stdout
    assert "Cossack squat" in repcoach("show", "odd").stdout
    run = repcoach(
        "run", "odd", "--no-voice", input="kg\n8 12 16\nbeginner\n\n\n\nq\n", env={"REPCOACH_TIME_SCALE": "2000"}
    )
    assert "COSSACK SQUAT — left side" in run.stdout, run.output
    assert "First time with Cossack squat" in " ".join(run.stdout.replace("│", " ").split())
    with open_store(f"sqlite:///{db_file}") as store:
        profile = store.get_profile()
        [session] = store.list_sessions(profile.id)
        custom = store.custom_exercises(profile.id)
    assert [(s.exercise_id, s.side) for s in session.sets] == [
        ("goblet-squat", None),
        ("cossack-squat", "left"),
        ("cossack-squat", "right"),
    ]
    assert [(c.exercise_id, c.name, c.pattern) for c in custom] == [("cossack-squat", "Cossack squat", "squat")]


def test_an_amrap_runs_round_and_round_showing_the_time_left(repcoach, tmp_path):
    article = tmp_path / "burner.txt"
    article.write_text("AMRAP 12\n- 5 pull-ups\n- 10 push-ups\n")
    assert repcoach("import-text", str(article), "--yes").exit_code == 0

    run = repcoach("run", "burner", "--no-voice", input="kg\n8 12 16\nbeginner\n\n\nq\n")

    assert "12:00 left of the AMRAP" in run.stdout, run.output
    assert run.stdout.count("PULL-UP") == 2  # after the push-ups, the pull-ups again
