"""Plans written back as TOML files a person can read and edit, which ``load_plan_file`` reads again."""

from __future__ import annotations

import tomli_w

from repcoach.plan.plan import Plan

_FIRST = ("id", "title", "summary", "why", "rounds", "rest_after_round")
"""The fields a reader looks for first go first, before the tables."""


def plan_to_toml(plan: Plan) -> str:
    """``plan`` as TOML: only what differs from the defaults, ranges as ``"6-10"``, rests in seconds."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    ordered = {key: data.pop(key) for key in _FIRST if key in data} | data
    return tomli_w.dumps(ordered, multiline_strings=True)
