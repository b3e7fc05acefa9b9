"""The folder where plans made by ``repcoach import-text`` are kept, so ``repcoach run NAME`` finds them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from repcoach.library.naming import slug

PLAN_ID_LENGTH = 60


def user_plans_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``REPCOACH_PLANS_DIR`` if set, else ``plans`` in the user's data folder (beside the database)."""
    if folder := environ.get("REPCOACH_PLANS_DIR", "").strip():
        return Path(folder)
    return Path(platformdirs.user_data_dir("repcoach")) / "plans"


def user_plan_file(name: str, environ: Mapping[str, str] = os.environ) -> Path:
    return user_plans_dir(environ) / f"{name}.toml"


def plan_id_for(name: str) -> str:
    """The id a plan made from an article is kept and run by: ``"Back day"`` → ``back-day``."""
    return slug(name, "article", PLAN_ID_LENGTH)
