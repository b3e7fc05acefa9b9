"""Registering, signing in and out, with real argon2 hashes in a real store."""

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.errors import InvalidInput, NameTaken
from repcoach.service.accounts import ClaimRefused, SignInFailed, claim_history, register, sign_in, sign_out, signed_in
from repcoach.store import NewSet

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def test_a_registered_user_signs_in_with_their_password_and_their_cookie_works(store):
    registered = register(store, "Anna", "correct horse", NOW)
    assert registered.account.username == "anna"
    login = sign_in(store, "ANNA ", "correct horse", NOW)
    assert signed_in(store, login.token, NOW + timedelta(days=1)) == registered.account
    assert signed_in(store, registered.token, NOW) == registered.account


def test_the_password_is_stored_only_as_an_argon2_hash(store):
    register(store, "anna", "correct horse", NOW)
    stored = store.accounts.find("anna").password_hash
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored


@pytest.mark.parametrize("username", ["anna", "nobody"])
def test_a_wrong_password_or_unknown_name_fails_alike(store, username):
    register(store, "anna", "correct horse", NOW)
    with pytest.raises(SignInFailed):
        sign_in(store, username, "wrong horse", NOW)


def test_signing_out_ends_that_login_only(store):
    first = register(store, "anna", "correct horse", NOW)
    second = sign_in(store, "anna", "correct horse", NOW)
    sign_out(store, first.token)
    assert signed_in(store, first.token, NOW) is None
    assert signed_in(store, second.token, NOW) == second.account


def test_a_login_lasts_thirty_days(store):
    login = register(store, "anna", "correct horse", NOW)
    assert signed_in(store, login.token, NOW + timedelta(days=30)) is None


@pytest.mark.parametrize(
    ("username", "password", "field", "message"),
    [
        ("an", "correct horse", "username", "a username is 3-32 letters, digits, '.', '_' or '-'"),
        ("anna smith", "correct horse", "username", "a username is 3-32"),
        ("anna", "short", "password", "a password has 8 to 256 characters, this one has 5"),
    ],
)
def test_a_bad_username_or_password_is_refused_naming_the_field(store, username, password, field, message):
    with pytest.raises(InvalidInput) as caught:
        register(store, username, password, NOW)
    assert [problem.field for problem in caught.value.problems] == [field]
    assert caught.value.problems[0].message.startswith(message)
    assert store.accounts.find(username) is None


def test_a_taken_username_is_refused(store):
    register(store, "anna", "correct horse", NOW)
    with pytest.raises(NameTaken):
        register(store, "Anna", "another horse", NOW)


def single_user_history(store) -> str:
    """A single-user app's profile with one logged workout, as `repcoach log` leaves it; its session's id."""
    profile = store.save_profile("kg", "beginner", [8.0, 12.0, 16.0])
    row = NewSet("single-arm-row", "", "", 1, None, 10, None, None, None, 12.0, 2, NOW - timedelta(days=1))
    return store.record_workout(
        profile.id, "Back", [row], NOW - timedelta(days=1, minutes=5), NOW - timedelta(days=1)
    ).id


def sessions_of(store, account_id):
    profile = store.get_profile(account_id)
    return [] if profile is None else [session.id for session in store.list_sessions(profile.id)]


def test_the_first_account_registered_takes_the_single_user_history_and_no_later_one_does(store):
    logged = single_user_history(store)
    assert store.accounts.single_user_history_unclaimed()

    first = register(store, "anna", "correct horse", NOW)
    second = register(store, "ben", "correct horse", NOW)

    assert (first.took_history, second.took_history) == (True, False)
    assert sessions_of(store, first.account.id) == [logged]
    assert store.get_profile(first.account.id).bells_kg == (8.0, 12.0, 16.0)
    assert sessions_of(store, second.account.id) == []
    assert store.get_profile(None) is None and not store.accounts.single_user_history_unclaimed()


def test_history_logged_single_user_after_accounts_existed_is_claimed_by_name(store):
    anna = register(store, "anna", "correct horse", NOW).account
    store.save_profile("kg", "beginner", [12.0], account_id=anna.id)
    ben = register(store, "ben", "correct horse", NOW).account
    logged = single_user_history(store)

    with pytest.raises(ClaimRefused, match="has a profile of its own"):
        claim_history(store, "anna")
    with pytest.raises(ClaimRefused, match="no account 'carl'"):
        claim_history(store, "carl")
    assert claim_history(store, "Ben") == ben

    assert sessions_of(store, ben.id) == [logged]
    with pytest.raises(ClaimRefused, match="no single-user history left"):
        claim_history(store, "ben")
