"""Alembic migrations of the store; run by :func:`repcoach.store.database.migrate`."""
