"""Login rate limiting on the database, with time stepped by hand: the counts every server process shares."""

from datetime import UTC, datetime, timedelta

from repcoach.service.login_throttle import LoginThrottle

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_five_wrong_passwords_make_that_name_wait_out_the_window(store):
    throttle = LoginThrottle(window=timedelta(seconds=900), per_account=5)
    for second in range(5):
        assert throttle.admit(store, "anna", "10.0.0.1", at(second)) == 0
    assert throttle.admit(store, "Anna", "10.0.0.1", at(10)) == 890
    assert throttle.admit(store, "anna", "10.0.0.1", at(899)) == 1
    assert throttle.admit(store, "anna", "10.0.0.1", at(900)) == 0


def test_another_address_or_name_is_not_held_up_by_one_name_s_failures(store):
    throttle = LoginThrottle(per_account=2)
    for second in range(2):
        throttle.admit(store, "anna", "10.0.0.1", at(second))
    assert throttle.admit(store, "anna", "10.0.0.1", at(2)) > 0
    assert throttle.admit(store, "anna", "10.0.0.2", at(2)) == 0
    assert throttle.admit(store, "ben", "10.0.0.1", at(2)) == 0


def test_guessing_many_names_from_one_address_is_limited_too(store):
    throttle = LoginThrottle(window=timedelta(seconds=900), per_account=5, per_address=3)
    for second, name in enumerate(["anna", "ben", "cleo"]):
        assert throttle.admit(store, name, "10.0.0.1", at(second)) == 0
    assert throttle.admit(store, "dora", "10.0.0.1", at(3)) == 897


def test_the_right_password_clears_that_name_s_failures_and_is_not_held_against_the_address(store):
    throttle = LoginThrottle(per_account=2, per_address=2)
    throttle.admit(store, "anna", "10.0.0.1", at(0))
    throttle.admit(store, "anna", "10.0.0.1", at(1))
    throttle.succeeded(store, "anna", "10.0.0.1")
    assert throttle.admit(store, "anna", "10.0.0.1", at(2)) == 0
    throttle.succeeded(store, "anna", "10.0.0.1")
    assert throttle.admit(store, "ben", "10.0.0.1", at(3)) == 0


def test_counts_of_windows_over_are_forgotten_so_a_flood_of_names_leaves_nothing_behind(store):
    throttle = LoginThrottle(window=timedelta(seconds=60))
    for number in range(200):
        throttle.admit(store, f"user{number}", f"10.0.0.{number % 250}", at(0))
    throttle.admit(store, "anna", "10.0.0.1", at(61))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM login_attempts").scalar() == 2
