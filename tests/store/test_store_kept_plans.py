"""Plans kept per user, on SQLite and PostgreSQL: one user's plans are theirs only."""

from datetime import UTC, datetime, timedelta

from repcoach.store import KeptPlanRecord

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def kept(plan_id: str, title: str = "Back day", toml: str = 'id = "x"\n', at: datetime = NOW) -> KeptPlanRecord:
    return KeptPlanRecord(plan_id=plan_id, title=title, toml=toml, saved_at=at)


def owned_profile(store, username: str) -> tuple[int, int]:
    """An account and its profile's id."""
    account = store.accounts.create(username, "hash", NOW)
    return account.id, store.save_profile("kg", "beginner", [16], account_id=account.id).id


def test_a_kept_plan_is_read_back_by_its_profile_and_its_account_only(store):
    alice, alices_profile = owned_profile(store, "alice")
    bob, bobs_profile = owned_profile(store, "bob")
    plan = kept("back-day", toml='id = "back-day"\ntitle = "Back day 💪"\n')

    assert store.kept_plans.keep(alices_profile, plan) is False

    assert store.kept_plans.of_profile(alices_profile) == [plan]
    assert store.kept_plans.of_account(alice) == [plan]
    assert store.kept_plans.of_profile(bobs_profile) == store.kept_plans.of_account(bob) == []
    assert store.kept_plans.remove(bobs_profile, "back-day") is False
    assert store.kept_plans.of_account(alice) == [plan]


def test_keeping_an_id_again_replaces_the_plan_and_the_same_id_may_belong_to_two_users(store):
    alice, alices_profile = owned_profile(store, "alice")
    _, bobs_profile = owned_profile(store, "bob")
    store.kept_plans.keep(alices_profile, kept("back-day"))
    store.kept_plans.keep(bobs_profile, kept("back-day", title="Bob's"))
    newer = kept("back-day", title="Back day, longer", toml='id = "back-day"\n', at=NOW + timedelta(days=1))

    assert store.kept_plans.keep(alices_profile, newer) is True

    assert store.kept_plans.of_account(alice) == [newer]
    assert [plan.title for plan in store.kept_plans.of_profile(bobs_profile)] == ["Bob's"]


def test_a_removed_plan_is_gone_and_the_others_stay_in_title_order(store):
    alice, profile = owned_profile(store, "alice")
    for plan_id, title in [("legs", "Legs"), ("back-day", "Back day"), ("core", "Core")]:
        store.kept_plans.keep(profile, kept(plan_id, title))

    assert store.kept_plans.remove(profile, "core") is True

    assert [plan.plan_id for plan in store.kept_plans.of_account(alice)] == ["back-day", "legs"]


def test_restoring_adds_only_the_plans_not_kept_yet(store):
    _, profile = owned_profile(store, "alice")
    store.kept_plans.keep(profile, kept("back-day", title="Mine"))

    added = store.kept_plans.restore(profile, [kept("back-day", title="From the backup"), kept("legs", "Legs")])

    assert added == 1
    assert [plan.title for plan in store.kept_plans.of_profile(profile)] == ["Legs", "Mine"]


def test_an_account_without_a_profile_has_no_kept_plans(store):
    account = store.accounts.create("carol", "hash", NOW)
    assert store.kept_plans.of_account(account.id) == []
