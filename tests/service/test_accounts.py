"""Registering, signing in and out, with real argon2 hashes in a real store."""

from datetime import UTC, datetime, timedelta

import pytest

from repcoach.errors import InvalidInput, NameTaken
from repcoach.service.accounts import SignInFailed, register, sign_in, sign_out, signed_in

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
