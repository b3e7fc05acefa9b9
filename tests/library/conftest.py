"""Builders for exercises: each test gets fresh fields to change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from repcoach.library import Exercise

MakeExercise = Callable[..., Exercise]


def halo_fields() -> dict[str, Any]:
    return {
        "id": "halo",
        "name": "Halo",
        "aliases": ["kettlebell halo"],
        "summary": "Circle a bell around the head.",
        "equipment": ["kettlebell"],
        "primary_muscles": ["front deltoids"],
        "pattern": "core",
        "sided": "bilateral",
        "kind": "accessory",
        "cues": ["Hold the bell by the horns.", "Circle close to the head.", "Keep the ribs down."],
        "mistakes": ["Arching the back.", "A wide circle."],
    }


@pytest.fixture
def fields() -> dict[str, Any]:
    """The fields of a valid exercise (a halo)."""
    return halo_fields()


@pytest.fixture
def make_exercise() -> MakeExercise:
    """``make_exercise(id="swing", name="Swing", aliases=[...])``: a valid exercise with those fields changed."""

    def make(**changes: Any) -> Exercise:
        return Exercise.model_validate(halo_fields() | changes)

    return make
