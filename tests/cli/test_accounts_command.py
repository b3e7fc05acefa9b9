"""``repcoach accounts claim``: the single-user history given to a named account."""

from __future__ import annotations

from datetime import UTC, datetime

from repcoach.service.accounts import register
from repcoach.store import open_store


def test_claim_gives_the_single_user_history_to_the_account_named(repcoach, db_file):
    with open_store(f"sqlite:///{db_file}") as store:
        anna = register(store, "anna", "long enough", datetime.now(UTC)).account
        store.save_profile("kg", "beginner", [12.0], account_id=anna.id)
        register(store, "ben", "long enough", datetime.now(UTC))
    repcoach("setup", "--units", "kg", "--bells", "8,12", "--experience", "beginner")
    repcoach("log", "halo", "3x8", "-w", "12")

    refused = repcoach("accounts", "claim", "anna")
    claimed = repcoach("accounts", "claim", "ben")

    assert refused.exit_code == 1 and "has a profile of its own already" in refused.output.replace("\n", " ")
    assert claimed.exit_code == 0 and "the single-user history is now ben's" in claimed.stdout
    with open_store(f"sqlite:///{db_file}") as store:
        ben = store.accounts.find("ben")
        assert ben is not None
        profile = store.get_profile(ben.account.id)
        assert profile is not None and [s.title for s in store.list_sessions(profile.id)] != []
        assert store.get_profile(None) is None
