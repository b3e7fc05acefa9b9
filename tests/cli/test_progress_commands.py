"""``repcoach stats`` and ``repcoach plot`` on a logged history."""

from datetime import datetime, timedelta

PROFILE = "kg\n8 12 16\nbeginner\n"


def days_ago(days: int) -> str:
    return (datetime.now() - timedelta(days=days)).strftime("%Y-%m-%d 18:00")


def rows(text: str) -> list[str]:
    return [" ".join(line.replace("│", " ").split()) for line in text.splitlines()]


def log_rows(repcoach) -> None:
    repcoach("log", "single-arm-row", "3x10", "-w", "12", "--rir", "3", "--at", days_ago(9), input=PROFILE)
    repcoach("log", "single-arm-row", "8,8,7", "-w", "16", "--rir", "1", "--at", days_ago(5))


def test_stats_for_a_move_show_best_sets_the_1rm_trend_and_weekly_volume(repcoach):
    log_rows(repcoach)
    text = rows(repcoach("stats", "one arm row", env={"COLUMNS": "120"}).stdout)
    best = [row.split(maxsplit=4)[4] for row in text if row[:2] in ("1 ", "2 ", "3 ")]
    assert best == ["16 kg 8 1 20.8 kg", "12 kg 10 3 17.2 kg"]  # each session's best set, the best first
    trend = [row.split(maxsplit=3)[3] for row in text if row.endswith(" kg") and len(row.split()) == 5]
    assert trend == ["17.2 kg", "20.8 kg"]


def test_stats_without_a_move_add_up_volume_per_pattern(repcoach):
    log_rows(repcoach)
    repcoach("log", "push-up", "2x12", "--at", days_ago(1))
    text = rows(repcoach("stats", env={"COLUMNS": "120"}).stdout)
    assert any(row.endswith("horizontal-push 2 24 -") for row in text)
    assert sum(1 for row in text if "horizontal-pull" in row) >= 1


def test_a_plot_is_written_as_the_file_type_asked_for(repcoach, tmp_path):
    log_rows(repcoach)
    target = tmp_path / "row.svg"
    result = repcoach("plot", "single-arm-row", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"Wrote {target}: 2 sessions of Single-arm row." in " ".join(result.stdout.split())
    assert "<svg" in target.read_text()


def test_plotting_nothing_or_to_an_unknown_format_says_what_is_wrong(repcoach, tmp_path):
    log_rows(repcoach)
    empty = repcoach("plot", "halo", "-o", str(tmp_path / "halo.png"))
    assert empty.exit_code == 1 and "MOVE: no sets of Halo in the last 26 weeks to plot" in empty.stderr
    gif = repcoach("plot", "single-arm-row", "-o", str(tmp_path / "row.gif"))
    assert gif.exit_code == 1 and "--output: a plot is written as .png or .svg" in gif.stderr
