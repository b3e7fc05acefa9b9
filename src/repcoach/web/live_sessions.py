"""Sessions in progress kept between requests in this server process, so a set costs one write.

Rebuilding a session from its stored events on every request is always right, and the API did
so; but with the bell advice's history it cost more reads than the set's own write. The stored
events stay the truth. A kept session is used to read only while its last event is the store's
last event; an event is written as the one after the kept session's last, which the store refuses
when another process (or ``repcoach resume``) wrote that number first. An event that was not written
(the engine refused it, it was a duplicate or had nothing to apply, or the store refused the write)
is applied again to the session as the store holds it.
So a set costs no read at all, and no process holds what another needs.

A kept session keeps its owner's profile as last read (a read of the session refreshes it, and a
profile saved through this process replaces it at once): the bell advice of a set needs no read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field

from repcoach.coach.history import LoggedSet
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.coaching import advice_history
from repcoach.service.live_session import LiveSession, utc_now
from repcoach.session import MonotonicClock
from repcoach.session.walk import Walk, WalkNode, compile_walk, walk_nodes
from repcoach.store import ProfileRecord, SessionRecord, Store

KEPT = 64
"""Sessions kept at once (each a few kilobytes); the least recently used goes first."""


@dataclass
class Kept:
    live: LiveSession
    profile: ProfileRecord
    """The owner's profile as last read, which the session's views and bell advice use."""
    _history: list[LoggedSet] | None = field(default=None)
    _advisor: BellAdvisor | None = field(default=None)
    _nodes: Mapping[str, WalkNode] | None = field(default=None)

    def walk_nodes(self) -> Mapping[str, WalkNode]:
        """Every state the session's program can reach, explored once per kept session."""
        if self._nodes is None:
            self._nodes = walk_nodes(self.live.engine.program)
        return self._nodes

    def walk(self) -> Walk:
        """The session's walk where it stands now (its position replayed from the events)."""
        live = self.live
        return compile_walk(live.engine.program, live.engine.history, self.walk_nodes())

    def history(self) -> list[LoggedSet]:
        """The sets before the session began that the bell advice reads: read once, as they are
        fixed once the session starts (an import of older workouts mid-session is seen next session)."""
        if self._history is None:
            live = self.live
            moves = live.engine.program.moves
            self._history = advice_history(live.store, self.profile.id, moves, live.record.started_at)
        return self._history

    def advisor(self) -> BellAdvisor:
        """The session's bell advisor, which works each move's advice out once, as the CLI's does: kept
        while the profile stays as it is, made anew when it changes (a bell bought mid-session)."""
        if self._advisor is None or self._advisor.profile != self.profile:
            self._advisor = BellAdvisor(self.profile, self.history(), utc_now())
        return self._advisor


class LiveSessions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: OrderedDict[str, Kept] = OrderedDict()

    def get(self, store: Store, record: SessionRecord, last_seq: int, profile: ProfileRecord) -> Kept:
        """The session as the store holds it (``record``, whose last event is ``last_seq``), of ``profile``
        as just read: the kept one if nothing was stored since, else rebuilt."""
        with self._lock:
            kept = self._kept.get(record.id)
            if kept is not None and kept.live.last_seq == last_seq and kept.live.store is store:
                self._kept.move_to_end(record.id)
                kept.live.record = record
                kept.profile = profile
                return kept
        kept = Kept(LiveSession.resume(store, record, MonotonicClock()), profile)
        self.keep(kept)
        return kept

    def kept(self, store: Store, session_id: str, account_id: int | None) -> Kept | None:
        """The session as this process last had it, if it is kept and the account's (None: the single
        user's), with nothing read; it may be behind the store, which refuses its next event then."""
        with self._lock:
            kept = self._kept.get(session_id)
        if kept is None or kept.live.store is not store or kept.profile.account_id != account_id:
            return None
        return kept

    def profile_saved(self, profile: ProfileRecord) -> None:
        """Give the kept sessions of ``profile`` the profile as just saved (new bells count at once)."""
        with self._lock:
            for kept in self._kept.values():
                if kept.profile.id == profile.id:
                    kept.profile = profile

    def keep(self, kept: Kept) -> None:
        with self._lock:
            self._kept[kept.live.record.id] = kept
            self._kept.move_to_end(kept.live.record.id)
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
