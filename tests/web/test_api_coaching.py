"""Coaching over the API: next session, each move's bell, and the sets logged."""

from datetime import UTC, datetime, timedelta

import pytest


def log_round(client, reps: int, rir: int) -> str:
    """Start the back routine and log one set of its first move."""
    session = client.post("/api/v1/sessions", json={}).json()["id"]
    done = client.post(f"/api/v1/sessions/{session}/events", json={"kind": "set_done", "reps": reps, "rir": rir})
    assert done.status_code == 200
    return session


def test_recommendations_give_each_move_a_bell_the_user_owns_and_the_next_session(ready):
    body = ready.get("/api/v1/recommendations").json()
    assert body["plan"] == "kettlebell-back"
    assert [move["name"] for move in body["moves"]] == ["Renegade row", "Romanian deadlift", "Halo", "Single-arm row"]
    assert {move["weight_kg"] for move in body["moves"]} <= {8.0, 12.0, 16.0}
    assert all(move["reason"] and move["target_reps"] == "6-10" for move in body["moves"])
    assert body["next_session"]["allowed_reason"] == "Allowed now."


def test_right_after_a_session_the_next_one_waits_for_recovery(ready):
    log_round(ready, 8, 2)
    advice = ready.get("/api/v1/recommendations").json()["next_session"]
    assert advice["allowed_reason"].startswith("Allowed from")
    assert datetime.fromisoformat(advice["allowed_from"]) > datetime.now(UTC) + timedelta(hours=20)


def test_an_unknown_plan_is_a_404_naming_it(ready):
    response = ready.get("/api/v1/recommendations", params={"plan": "kettlebel-back"})
    assert response.status_code == 404 and "kettlebell-back" in response.json()["error"]["message"]


def test_sets_lists_what_was_logged_in_the_period(ready):
    session = log_round(ready, 7, 1)
    [logged] = ready.get("/api/v1/sets").json()
    assert (logged["session_id"], logged["exercise_id"], logged["reps"], logged["rir"]) == (
        session,
        "renegade-row",
        7,
        1,
    )
    assert ready.get("/api/v1/sets", params={"until": "2026-01-01T00:00:00Z"}).json() == []


def test_a_bad_time_is_refused_naming_the_field_and_a_backwards_period_holds_no_set(ready):
    log_round(ready, 7, 1)
    backwards = ready.get("/api/v1/sets", params={"since": "2099-05-01T00:00:00Z", "until": "2000-04-01T00:00:00Z"})
    assert backwards.status_code == 200 and backwards.json() == []
    naive = ready.get("/api/v1/sets", params={"since": "2026-05-01T00:00:00"})
    assert naive.status_code == 422 and naive.json()["error"]["problems"][0]["field"] == "since"
    seconds = ready.get("/api/v1/sets", params={"until": "0.5"})  # not 1970 plus half a second
    assert seconds.status_code == 422 and seconds.json()["error"]["problems"][0]["field"] == "until"


def test_sets_come_a_page_at_a_time_and_the_link_leads_to_the_next_page_over_years(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    events = [{"kind": "set_done", "reps": 6}, {"kind": "set_done", "reps": 7}, {"kind": "end_rest"}]
    for body in [*events, {"kind": "set_done", "reps": 8}]:  # superset 1, its rest, then superset 2
        assert ready.post(f"/api/v1/sessions/{session}/events", json=body).status_code == 200
    since = {"since": "2019-01-01T00:00:00Z"}  # more than a year back is a period like any other
    first = ready.get("/api/v1/sets", params={**since, "limit": 2})
    assert first.status_code == 200 and [s["reps"] for s in first.json()] == [6, 7]
    next_page = first.headers["link"].split(">")[0].lstrip("<")
    second = ready.get(next_page)
    assert [s["reps"] for s in second.json()] == [8] and "link" not in second.headers
    assert ready.get("/api/v1/sets", params={"limit": 0}).status_code == 422
    assert ready.get("/api/v1/sets", params={"limit": 5001}).status_code == 422


@pytest.mark.parametrize(
    "query",
    [
        "until=0001-01-08T01:11:11%2B00:01",  # found by the fuzz test: 28 days before it is before year 1
        "until=9999-12-31T23:59:59-01:00",
        "since=1899-12-31T23:59:59Z",
    ],
)
def test_a_time_at_the_ends_of_the_calendar_is_a_422_not_an_overflow(ready, query):
    refused = ready.get(f"/api/v1/sets?{query}")
    assert refused.status_code == 422
    assert refused.json()["error"]["problems"][0]["message"] == "a time is between the years 1900 and 2999"
