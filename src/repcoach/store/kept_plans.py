"""Plans a user keeps on a multi-user server, stored as the text of their plan file.

The single-user app keeps such plans as files instead (``io/user_plans.py``), which the CLI reads too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, delete, select
from sqlalchemy.exc import IntegrityError

from repcoach.store.accounts import UnitOfWork
from repcoach.store.models import KeptPlan, Profile


@dataclass(frozen=True)
class KeptPlanRecord:
    plan_id: str
    title: str
    toml: str
    """The plan as ``plan_to_toml`` writes it."""
    saved_at: datetime


class KeptPlanRepository:
    """Each user's kept plans, each read or write one transaction of the store it belongs to."""

    def __init__(self, unit_of_work: UnitOfWork) -> None:
        self._unit_of_work = unit_of_work

    def keep(self, profile_id: int, plan: KeptPlanRecord) -> bool:
        """Keep ``plan`` for the user, in place of one they kept under the same id.

        Returns:
            Whether it replaced a plan kept before.
        """
        try:
            return self._keep(profile_id, plan)
        except IntegrityError:
            # Another request kept the same id between our read and our insert: now it is a replacement.
            return self._keep(profile_id, plan)

    def _keep(self, profile_id: int, plan: KeptPlanRecord) -> bool:
        with self._unit_of_work() as db:
            row = db.scalars(
                select(KeptPlan).where(KeptPlan.profile_id == profile_id, KeptPlan.plan_id == plan.plan_id)
            ).first()
            if row is None:
                db.add(KeptPlan(profile_id=profile_id, **asdict(plan)))
                return False
            row.title, row.toml, row.saved_at = plan.title, plan.toml, plan.saved_at
            return True

    def remove(self, profile_id: int, plan_id: str) -> bool:
        """Forget the user's plan ``plan_id``; False when they kept none by that id."""
        query = delete(KeptPlan).where(KeptPlan.profile_id == profile_id, KeptPlan.plan_id == plan_id)
        with self._unit_of_work() as db:
            deleted = cast(CursorResult[Any], db.execute(query))
            return deleted.rowcount > 0

    def of_profile(self, profile_id: int) -> list[KeptPlanRecord]:
        """The user's kept plans, by title."""
        return self._read(KeptPlan.profile_id == profile_id)

    def of_account(self, account_id: int) -> list[KeptPlanRecord]:
        """The kept plans of the account's profile, by title, in one query (none before its profile exists)."""
        return self._read(KeptPlan.profile_id.in_(select(Profile.id).where(Profile.account_id == account_id)))

    def restore(self, profile_id: int, plans: Sequence[KeptPlanRecord]) -> int:
        """Keep the plans of a backup whose ids the user has not kept yet, in one transaction.

        Returns:
            How many were added.
        """
        with self._unit_of_work() as db:
            taken = set(db.scalars(select(KeptPlan.plan_id).where(KeptPlan.profile_id == profile_id)))
            added = {plan.plan_id: plan for plan in plans if plan.plan_id not in taken}
            db.add_all(KeptPlan(profile_id=profile_id, **asdict(plan)) for plan in added.values())
            return len(added)

    def _read(self, owned: ColumnElement[bool]) -> list[KeptPlanRecord]:
        columns = (KeptPlan.plan_id, KeptPlan.title, KeptPlan.toml, KeptPlan.saved_at)
        query = select(*columns).where(owned).order_by(KeptPlan.title, KeptPlan.plan_id)
        with self._unit_of_work() as db:
            return [KeptPlanRecord(*row) for row in db.execute(query)]
