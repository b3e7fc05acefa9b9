"""A NUL character anywhere in a request is a 422 naming where, on both databases: PostgreSQL stores none."""

from __future__ import annotations

import pytest
from tests.web.conftest import csrf_token

from repcoach.store import open_store


def sets_and_events(url: str) -> tuple[int, int]:
    with open_store(url) as store:
        sessions = store.list_sessions(1)
        return sum(len(session.sets) for session in sessions), sum(len(store.events(s.id)) for s in sessions)


@pytest.mark.parametrize(
    ("send", "field"),
    [
        (lambda api, session: api.post(f"/api/v1/sessions/{session}/events", json={
            "kind": "set_done", "reps": 8, "client_id": "\x00" * 8}), "client_id"),
        (lambda api, session: api.post("/api/v1/sessions", json={"plan": "kettlebell-back\x00"}), "plan"),
        (lambda api, session: api.get(f"/api/v1/sessions/{session}%00"), "path"),
        (lambda api, session: api.get("/api/v1/sets?since=%00"), "query.since"),
        (lambda api, session: api.post("/settings", data={
            "csrf_token": csrf_token(api, "/settings"), "units": "kg", "zone": "Europe/Berlin\x00"}), "form.zone"),
    ],
)  # fmt: skip
def test_a_nul_in_a_body_address_query_or_form_is_a_422_and_nothing_is_stored(ready, store_url, send, field):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    before = sets_and_events(store_url)
    refused = send(ready, session)
    assert refused.status_code == 422
    assert refused.json()["error"]["problems"] == [
        {"field": field, "message": "holds a NUL character (\\u0000), which no text may hold"}
    ]
    assert sets_and_events(store_url) == before
    logged = ready.post(f"/api/v1/sessions/{session}/events", json={"kind": "set_done", "reps": 8})
    assert logged.status_code == 200  # the same connection goes on


def test_a_text_that_only_spells_the_escape_is_taken_as_it_is(ready):
    session = ready.post("/api/v1/sessions", json={}).json()["id"]
    sent = ready.post(
        f"/api/v1/sessions/{session}/events", json={"kind": "set_done", "reps": 8, "client_id": "my\\u0000-id-1"}
    )
    assert sent.status_code == 200 and sent.json()["sets_logged"] == 1
