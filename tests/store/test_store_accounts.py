"""Accounts, logins and who owns which profile, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.errors import NameTaken

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def test_a_username_is_one_account_whatever_its_case(store):
    created = store.accounts.create("Anna", "hash-1", NOW)
    with pytest.raises(NameTaken) as caught:
        store.accounts.create("ANNA", "hash-2", NOW)
    assert str(caught.value) == "The username 'ANNA' is taken; choose another."
    found = store.accounts.find("anna")
    assert (found.account, found.password_hash) == (created, "hash-1")
    assert created.username == "anna"


def test_a_login_token_signs_in_until_it_expires_or_is_closed(store):
    account = store.accounts.create("anna", "hash", NOW)
    store.accounts.open_login(account.id, "a" * 64, NOW, NOW + timedelta(days=30))
    assert store.accounts.signed_in("a" * 64, NOW + timedelta(days=29)) == account
    assert store.accounts.signed_in("b" * 64, NOW) is None
    store.accounts.close_login("a" * 64)
    assert store.accounts.signed_in("a" * 64, NOW) is None


def test_an_expired_login_is_refused_and_forgotten(store):
    account = store.accounts.create("anna", "hash", NOW)
    store.accounts.open_login(account.id, "a" * 64, NOW, NOW + timedelta(days=1))
    assert store.accounts.signed_in("a" * 64, NOW + timedelta(days=1)) is None
    assert store.accounts.signed_in("a" * 64, NOW) is None


def test_each_owner_has_a_profile_of_their_own(store):
    anna = store.accounts.create("anna", "hash", NOW)
    ben = store.accounts.create("ben", "hash", NOW)
    local = store.save_profile(units="kg", experience="beginner", bells_kg=[8])
    annas = store.save_profile(units="lb", experience="advanced", bells_kg=[16, 24], account_id=anna.id)
    store.save_preferences([1, 3], "07:00", "Europe/Berlin", account_id=anna.id)
    assert store.get_profile(ben.id) is None
    assert store.get_profile() == local
    assert store.get_profile(anna.id).id == annas.id != local.id
    assert store.get_profile(anna.id).preferred_days == (1, 3)
    assert store.get_profile().preferred_days == (0, 2, 4)


def test_a_new_password_hash_replaces_the_old_one(store):
    account = store.accounts.create("anna", "old", NOW)
    store.accounts.replace_password_hash(account.id, "new")
    assert store.accounts.find("anna").password_hash == "new"
