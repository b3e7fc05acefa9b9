// Walks a session with no server: follows the walk the server compiled from its own engine
// (GET /api/v1/sessions/ID/walk: every state, and where each event leads) and keeps only time,
// by the rules session/walk.py states: a rest ends at its deadline, counted from now, from the end
// of the interval the step ended (EMOM) or from when the round ended ("another round"); an
// interval begins with the step that starts it. In an AMRAP a set done while its time is left
// goes along ``on``, once it is gone along ``capped``; the page counts its laps (a node of a
// later lap is one for all of them). Pure: every function takes the time (ms, as Date.now()
// gives it) and returns a new state, which the page stores as it is.
"use strict";
const Walker = (() => {
  const UNDOABLE = new Set(["set_done", "skip", "another_round", "end_rounds"]);
  const LAP = "/s*/";

  // The state's own key, as the server names it (a later lap's node has its set number in place of s*).
  function place(state) {
    return state.lap ? state.at.replace(LAP, `/s${state.lap + 1}/`) : state.at;
  }

  // Where the walk stands now, as the server said: a running rest keeps the time it had left.
  function begin(walk, now) {
    const node = walk.nodes[walk.at];
    const left = (walk.remaining ?? 0) * 1000;
    const state = {
      at: walk.at, lap: walk.lap, deadline: null, mark: null, pausedAt: walk.paused ? now : null,
      began: walk.interval_elapsed === null ? null : now - walk.interval_elapsed * 1000,
      undo: walk.undo.map((entry) => ({ to: entry.to, lap: entry.lap, setDone: entry.set_done, mark: null, began: null })),
      sets: walk.sets_logged,
    };
    if (node.phase === "rest") state.deadline = now + left;
    if (node.phase === "choice") state.mark = now - (node.choice.rest_seconds * 1000 - left);
    return state;
  }

  // Work begins at ``at``: an interval begins with it if the step starts one.
  function atWork(walk, state, key, at) {
    const began = walk.nodes[key].starts_interval ? at : state.began;
    return { ...state, at: key, deadline: null, mark: null, began };
  }

  // A rest whose deadline has passed (and is not paused) is over: the work after it has begun.
  function settle(walk, state, now) {
    const node = walk.nodes[state.at];
    if (node.phase !== "rest" || state.pausedAt !== null || now < state.deadline) return state;
    return atWork(walk, state, node.on.end_rest.to, state.deadline);
  }

  // Any event but a pause ends a pause: the deadlines move on by the time it lasted.
  function resumed(state, now) {
    if (state.pausedAt === null) return state;
    const paused = now - state.pausedAt;
    const later = (time) => (time === null ? null : time + paused);
    return { ...state, pausedAt: null, deadline: later(state.deadline), mark: later(state.mark), began: later(state.began) };
  }

  // Enter the state ``to`` by an edge, at ``now``: a rest gets its deadline (and is passed at
  // once when that is already over), a choice remembers when the round ended.
  function enter(walk, state, edge, now) {
    const node = walk.nodes[edge.to];
    const lap = edge.next_lap ? state.lap + 1 : node.lapped ? state.lap : 0;
    state = { ...state, lap };
    let from = now;
    if (edge.from_round_end) from = state.mark;
    else if (edge.interval) from = Math.max(state.began + edge.interval * 1000, now);
    if (node.phase === "rest") {
      const deadline = from + edge.rest * 1000;
      if (deadline <= now) return atWork(walk, state, node.on.end_rest.to, now);
      return { ...state, at: edge.to, deadline, mark: null };
    }
    if (node.phase === "work") return atWork(walk, state, edge.to, now);
    return { ...state, at: edge.to, deadline: null, mark: node.phase === "choice" ? from : null };
  }

  // Ms left of the interval the current step ends, or of the AMRAP it is in (<= 0: ran over, time
  // is gone); null when it is in neither.
  function leftOf(node, state, now) {
    const length = node.interval || node.time_cap;
    return length ? state.began + length * 1000 - (state.pausedAt ?? now) : null;
  }

  // What is left of the interval the current step ends, or of the AMRAP's time, in seconds (0 when
  // it ran over or is gone); null when it is in neither. A set sent later carries it, so the server
  // times what follows as the phone did.
  function intervalLeft(walk, state, now) {
    const current = settle(walk, state, now);
    const left = leftOf(walk.nodes[current.at], current, now);
    return left === null ? null : Math.max(0, left / 1000);
  }

  // The state after ``kind`` (an event the page sends); throws when it does not fit here.
  function apply(walk, state, kind, now) {
    let current = settle(walk, state, now);
    const node = walk.nodes[current.at];
    if (node.phase === "finished") throw new Error("The session has finished.");
    if (kind === "pause") {
      if (current.pausedAt !== null) throw new Error("The session is already paused.");
      return { ...current, pausedAt: now };
    }
    if (kind === "resume") {
      if (current.pausedAt === null) throw new Error("The session is not paused.");
      return resumed(current, now);
    }
    if (kind === "undo") {
      if (!current.undo.length) throw new Error("There is nothing to undo yet.");
      current = resumed(current, now);
      const taken = current.undo[current.undo.length - 1];
      const back = walk.nodes[taken.to];
      return {
        ...current, at: taken.to, lap: taken.lap, deadline: null, undo: current.undo.slice(0, -1),
        mark: back.phase === "choice" ? (taken.mark ?? now) : null,
        began: taken.began ?? (back.starts_interval ? now : current.began),
        sets: current.sets - (taken.setDone ? 1 : 0),
      };
    }
    if (!node.on[kind]) throw new Error(`That does not fit here (${kind} at ${node.phase}).`);
    current = resumed(current, now);
    const timeGone = node.time_cap && leftOf(node, current, now) <= 0;
    const next = enter(walk, current, (timeGone ? node.capped : node.on)[kind], now);
    if (UNDOABLE.has(kind) && node.phase !== "rest") {
      const before = { to: current.at, lap: current.lap, mark: current.mark, began: current.began };
      next.undo = [...current.undo, { ...before, setDone: kind === "set_done" }];
    }
    if (kind === "set_done") next.sets = current.sets + 1;
    return next;
  }

  // What the page shows, in the shape of the server's session view (GET /api/v1/sessions/ID).
  function view(walk, state, now) {
    const current = settle(walk, state, now);
    const node = walk.nodes[current.at];
    const reference = current.pausedAt ?? now;
    const shown = {
      id: walk.id, title: walk.title, at: place(current), phase: node.phase, work: node.work, rest: null,
      choice: node.choice, sets_logged: current.sets, paused: current.pausedAt !== null,
    };
    if (node.time_cap) shown.work = { ...node.work, time_left: Math.max(0, leftOf(node, current, now) / 1000) };
    if (node.phase === "rest") {
      shown.rest = { ...node.rest, remaining: Math.max(0, (current.deadline - reference) / 1000) };
    }
    if (node.phase === "choice") {
      const left = Math.max(0, (current.mark + node.choice.rest_seconds * 1000 - reference) / 1000);
      shown.choice = { ...node.choice, rest_remaining: left };
    }
    return shown;
  }

  return { begin, settle, apply, view, intervalLeft, place };
})();
