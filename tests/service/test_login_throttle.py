"""Login rate limiting, with time stepped by hand."""

from repcoach.service.login_throttle import LoginThrottle


def test_five_wrong_passwords_make_that_name_wait_out_the_window():
    throttle = LoginThrottle(window=900, per_account=5)
    for second in range(5):
        assert throttle.wait_seconds("anna", "10.0.0.1", second) == 0
        throttle.failed("anna", "10.0.0.1", second)
    assert throttle.wait_seconds("Anna", "10.0.0.1", 10) == 890
    assert throttle.wait_seconds("anna", "10.0.0.1", 899) == 1
    assert throttle.wait_seconds("anna", "10.0.0.1", 900) == 0


def test_another_address_or_name_is_not_held_up_by_one_name_s_failures():
    throttle = LoginThrottle(per_account=2)
    throttle.failed("anna", "10.0.0.1", 0)
    throttle.failed("anna", "10.0.0.1", 1)
    assert throttle.wait_seconds("anna", "10.0.0.1", 2) > 0
    assert throttle.wait_seconds("anna", "10.0.0.2", 2) == 0
    assert throttle.wait_seconds("ben", "10.0.0.1", 2) == 0


def test_guessing_many_names_from_one_address_is_limited_too():
    throttle = LoginThrottle(window=900, per_account=5, per_address=3)
    for second, name in enumerate(["anna", "ben", "cleo"]):
        throttle.failed(name, "10.0.0.1", second)
    assert throttle.wait_seconds("dora", "10.0.0.1", 3) == 897


def test_the_right_password_clears_that_name_s_failures():
    throttle = LoginThrottle(per_account=2)
    throttle.failed("anna", "10.0.0.1", 0)
    throttle.succeeded("anna", "10.0.0.1")
    throttle.failed("anna", "10.0.0.1", 1)
    assert throttle.wait_seconds("anna", "10.0.0.1", 2) == 0


def test_memory_stays_bounded_under_a_flood_of_names(monkeypatch):
    monkeypatch.setattr("repcoach.service.login_throttle.MAX_TRACKED", 100)
    throttle = LoginThrottle()
    for number in range(1000):
        throttle.failed(f"user{number}", f"10.0.{number // 250}.{number % 250}", number)
    assert len(throttle._failures) == 100
