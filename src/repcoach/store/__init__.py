"""The store: SQLAlchemy models, Alembic migrations, and the repository every edge uses."""

from repcoach.store.database import default_database_url
from repcoach.store.kept_plans import KeptPlanRecord
from repcoach.store.records import EventRecord, NewSet, ProfileRecord, SessionRecord, SetRecord
from repcoach.store.repository import Store, open_store
from repcoach.store.workouts import CustomExerciseRecord

__all__ = [
    "CustomExerciseRecord",
    "EventRecord",
    "KeptPlanRecord",
    "NewSet",
    "ProfileRecord",
    "SessionRecord",
    "SetRecord",
    "Store",
    "default_database_url",
    "open_store",
]
