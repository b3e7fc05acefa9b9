"""Progress plots: real PNG and SVG files a user can open."""

from datetime import date

import pytest

from repcoach.io.plots import SessionPoint, progress_plot

POINTS = [
    SessionPoint(date(2026, 11, 2), 12.0, 16.0, 3),
    SessionPoint(date(2026, 11, 5), 12.0, 16.8, 4),
    SessionPoint(date(2026, 11, 9), 16.0, 19.2, 3),
]


def test_a_png_plot_is_a_real_png_image():
    data = progress_plot("Single-arm row", POINTS, "kg", "png")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000


def test_an_svg_plot_carries_its_title_and_units_and_is_the_same_every_time():
    svg = progress_plot("Single-arm row", POINTS, "lb", "svg").decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "Single-arm row" in svg and ">lb<" in svg and "estimated 1RM" in svg
    assert svg == progress_plot("Single-arm row", POINTS, "lb", "svg").decode()


def test_bodyweight_moves_without_estimates_still_plot():
    points = [SessionPoint(date(2026, 11, 2), None, None, 3), SessionPoint(date(2026, 11, 4), None, None, 5)]
    assert progress_plot("Pull-up", points, "kg", "png").startswith(b"\x89PNG")


def test_nothing_to_plot_says_so():
    with pytest.raises(ValueError, match="there is nothing to plot yet"):
        progress_plot("Halo", [], "kg", "png")


@pytest.mark.parametrize("name", ["Swing $$", r"$\sqrt{$", "$^$", "Press $x$ and $", r"$\foo$ row"])
def test_a_name_with_dollar_signs_is_drawn_as_it_is_written_never_as_a_formula(name):
    for fmt in ("svg", "png"):
        assert progress_plot(name, POINTS, "kg", fmt)  # an unbalanced $ made this raise (a 500 on the page)
    svg = progress_plot(name, POINTS, "kg", "svg").decode()
    assert name.replace("&", "&amp;").replace("<", "&lt;") in svg
