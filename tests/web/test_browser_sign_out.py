"""Signing out of a shared phone, in Chromium at a phone's size: nothing of the user stays, and no set is lost
unasked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from tests.web.browsing import free_port, installed, serve_process, walked_here
from tests.web.conftest import PROFILE

from repcoach.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PENDING = "async () => (await Outbox.pending()).sets"


def test_signing_out_offline_asks_before_unsent_sets_go_and_online_sends_them_and_leaves_nothing(tmp_path, phone):
    port, database = free_port(), tmp_path / "r.db"
    base = f"http://127.0.0.1:{port}"
    with serve_process(database, port, tmp_path / "server.log", ["--multi-user"]):
        phone.goto(f"{base}/register")
        phone.get_by_label("Username").fill("anna")
        phone.get_by_label("Password").fill("correct horse battery")
        phone.get_by_role("button", name="Create account").click()
        assert phone.context.request.put(f"{base}/api/v1/profile", data=PROFILE).ok
        phone.goto(base)
        installed(phone)
        phone.get_by_role("button", name="Start", exact=True).click()
        expect(phone.locator("#move")).to_have_text("Renegade row")
        session_page = phone.url
        walked_here(phone, session_page.rsplit("/", 1)[1])
        phone.goto(f"{base}/history")  # kept for offline use
        phone.goto(session_page)
        expect(phone.locator("#move")).to_have_text("Renegade row")

        phone.context.set_offline(True)
        phone.get_by_role("button", name="Done").click()
        expect(phone.locator("#sync")).to_have_text("1 set on this phone only")
        phone.goto(f"{base}/history")  # from the phone's copy
        asked: list[str] = []
        phone.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        phone.get_by_role("button", name="Sign out anna").click()
        phone.wait_for_timeout(500)  # the page asks after a flush that finds no network
        assert asked and asked[0].startswith("1 set is on this phone only: the network is gone.")
        assert phone.url == f"{base}/history"  # cancelled: still signed in, the set still waiting
        assert phone.evaluate(PENDING) == 1

        phone.context.set_offline(False)
        phone.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        phone.get_by_role("button", name="Sign out anna").click()
        expect(phone).to_have_url(f"{base}/login")
        assert len(asked) == 1  # online: the set went first, nothing to ask
        with open_store(f"sqlite:///{database}") as store:
            [session] = store.list_sessions(store.get_profile(store.accounts.find("anna").account.id).id)
            assert len(session.sets) == 1
        # nothing of anna's on the phone: no pages kept, no outbox, no walk
        assert "repcoach-pages" not in phone.evaluate("async () => await caches.keys()")
        assert "repcoach" not in phone.evaluate("async () => (await indexedDB.databases()).map((db) => db.name)")
