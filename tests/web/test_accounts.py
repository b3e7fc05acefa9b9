"""Multi-user servers: registration, sign-in, cookies, throttling, and one user never touching another's data."""

from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from repcoach.web import create_app

PROFILE = {"units": "kg", "experience": "beginner", "bells_kg": [8, 12, 16]}


@pytest.fixture
def server(store_url: str) -> Iterator[TestClient]:
    """A multi-user app; more browsers on it come from :func:`browser`."""
    with TestClient(create_app(store_url, accounts=True)) as client:
        yield client


def browser(server: TestClient) -> TestClient:
    """Another browser (its own cookie jar) on the same running app."""
    return TestClient(server.app)


def signed_up(server: TestClient, username: str) -> TestClient:
    client = browser(server)
    response = client.post("/api/v1/account", json={"username": username, "password": "correct horse"})
    assert response.status_code == 201
    assert client.put("/api/v1/profile", json=PROFILE).status_code == 200
    return client


def test_without_a_sign_in_the_api_says_401_and_pages_go_to_the_login(server):
    refused = server.get("/api/v1/sessions")
    assert refused.status_code == 401
    assert refused.json()["error"] == {"type": "sign_in_required", "message": "Sign in first.", "problems": []}
    page = server.get("/session/abc", headers={"Accept": "text/html"}, follow_redirects=False)
    assert (page.status_code, page.headers["location"]) == (303, "/login?next=/session/abc")
    assert server.get("/", headers={"Accept": "text/html"}, follow_redirects=False).status_code == 303


def test_registering_on_the_page_signs_in_with_an_httponly_samesite_cookie(server, form):
    response = form(server, "/register", {"username": "Anna", "password": "correct horse"}, page="/register")
    assert (response.status_code, response.headers["location"]) == (303, "/settings")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("repcoach_login=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=2592000" in cookie
    assert server.get("/api/v1/account").json() == {"username": "anna"}


def test_a_taken_or_bad_username_is_shown_on_the_form_and_no_account_is_made(server, form):
    signed_up(server, "anna")
    taken = form(server, "/register", {"username": "ANNA", "password": "another horse"}, page="/register")
    assert taken.status_code == 409 and "The username &#39;anna&#39; is taken" in taken.text
    short = form(server, "/register", {"username": "bo", "password": "short"}, page="/register")
    assert short.status_code == 422
    assert "a username is 3-32 letters" in short.text and "a password has 8 to 256 characters" in short.text
    assert browser(server).post("/api/v1/login", json={"username": "bo", "password": "short"}).status_code == 401


def test_signing_in_on_the_page_returns_to_where_the_user_was_going(server, form):
    signed_up(server, "anna")
    fields = {"username": "anna", "password": "correct horse", "next": "/history"}
    response = form(server, "/login", fields, page="/login?next=/history")
    assert (response.status_code, response.headers["location"]) == (303, "/history")
    offsite = form(server, "/login", fields | {"next": "//evil.example/"}, page="/login")
    assert offsite.headers["location"] == "/"


def test_a_wrong_password_says_so_and_after_five_the_sixth_must_wait(server, form):
    signed_up(server, "anna")
    for _ in range(5):
        wrong = form(server, "/login", {"username": "anna", "password": "wrong horse"}, page="/login")
        assert wrong.status_code == 401 and "Wrong username or password." in wrong.text
    held = form(server, "/login", {"username": "anna", "password": "correct horse"}, page="/login")
    assert held.status_code == 429 and "Too many wrong passwords: try again in 15 minutes." in held.text
    over_api = server.post("/api/v1/login", json={"username": "anna", "password": "correct horse"})
    assert over_api.status_code == 429 and int(over_api.headers["retry-after"]) > 800


def test_fifty_wrong_passwords_at_once_check_only_five_and_a_second_process_counts_them_too(server, store_url):
    signed_up(server, "anna")
    wrong = {"username": "anna", "password": "wrong horse"}
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = Counter(pool.map(lambda _: server.post("/api/v1/login", json=wrong).status_code, range(50)))
    assert statuses == {401: 5, 429: 45}
    with TestClient(create_app(store_url, accounts=True)) as other_process:
        held = other_process.post("/api/v1/login", json={"username": "anna", "password": "correct horse"})
    assert held.status_code == 429


def test_signing_out_ends_the_login_even_for_a_copied_cookie(server, form):
    anna = signed_up(server, "anna")
    token = anna.cookies["repcoach_login"]
    assert anna.post("/api/v1/logout").status_code == 204
    copy = browser(server)
    copy.cookies.set("repcoach_login", token)
    assert copy.get("/api/v1/profile").status_code == 401


def test_one_user_never_reads_or_writes_another_s_data(server):
    anna, ben = signed_up(server, "anna"), signed_up(server, "ben")
    session = anna.post("/api/v1/sessions", json={}).json()["id"]
    logged = anna.post(
        f"/api/v1/sessions/{session}/events", json={"kind": "set_done", "reps": 8, "rir": 2, "client_id": "anna-set-1"}
    )
    assert logged.json()["sets_logged"] == 1

    assert ben.get(f"/api/v1/sessions/{session}").status_code == 404
    assert ben.get(f"/api/v1/sessions/{session}/report").status_code == 404
    assert ben.get(f"/session/{session}").status_code == 404
    for body in ({"kind": "undo"}, {"kind": "set_done", "reps": 99}, {"kind": "finish_session"}):
        assert ben.post(f"/api/v1/sessions/{session}/events", json=body).status_code == 404
    assert ben.get("/api/v1/sessions").json() == []
    assert ben.put("/api/v1/profile", json=PROFILE | {"units": "lb"}).json()["units"] == "lb"

    mine = ben.post("/api/v1/sessions", json={}).json()["id"]
    reused = ben.post(
        f"/api/v1/sessions/{mine}/events", json={"kind": "set_done", "reps": 5, "client_id": "anna-set-1"}
    )
    # a client id is one user's own: the same id from another user names that user's set, and is stored
    assert reused.status_code == 200 and reused.json()["sets_logged"] == 1

    view = anna.get(f"/api/v1/sessions/{session}").json()
    assert (view["sets_logged"], view["finished_at"]) == (1, None)
    assert anna.get("/api/v1/profile").json()["units"] == "kg"
    assert [s["id"] for s in anna.get("/api/v1/sessions").json()] == [session]


def test_a_single_user_app_has_no_accounts(api):
    assert api.get("/login").status_code == 404
    assert api.post("/api/v1/account", json={"username": "anna", "password": "correct horse"}).status_code == 404
