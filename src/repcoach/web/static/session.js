// The guided session page. It walks the session on the phone: the server hands it the walk it
// compiled from its engine (GET /api/v1/sessions/ID/walk), the page follows it (walker.js), and
// every event is kept in IndexedDB with the state it leads to before the screen moves on, then
// sent in order (outbox.js). With no network the session goes on to its end; back online the
// server replays the events, and where it stands elsewhere (another device moved the session
// on), the page takes the server's state and says so.
"use strict";
(() => {
  const root = document.getElementById("session");
  const session = root.dataset.session;
  const unit = root.dataset.unit;
  const $ = (id) => document.getElementById(id);
  let view = null;
  let walk = null;   // null until the walk is had (from the server, or as kept on this phone)
  let state = null;
  let sent = false;
  const entry = { amount: 0, rir: 0 };
  // What a set is counted in, as the stepper's label, the event's field, and one tap of the stepper.
  const MEASURES = {
    reps: { label: "Reps", field: "reps", step: 1 },
    seconds: { label: "Seconds", field: "hold_seconds", step: 5 },
    metres: { label: "Metres", field: "distance_m", step: 50 },
  };

  function weight(kg) {
    if (kg === null) return "no bell";
    const value = unit === "lb" ? kg / 0.45359237 : kg;
    return `${Math.round(value * 10) / 10} ${unit}`;
  }

  function notice(message) {
    const line = $("notice");
    line.textContent = message;
    line.hidden = !message;
  }

  // How many sets are on this phone only, or that the server has them all.
  async function badge() {
    const { sets } = await Outbox.waiting(session);
    const shown = $("sync");
    shown.textContent = sets ? `${sets} set${sets === 1 ? "" : "s"} on this phone only` : sent ? "All sets saved" : "";
    shown.classList.toggle("saved", !sets);
    shown.hidden = !shown.textContent;
  }

  function picture(id, url, name) {
    const image = $(id);
    image.hidden = !url;
    if (url && image.getAttribute("src") !== url) image.src = url;
    image.alt = url ? `${name}: how it is done` : "";
  }

  function showPhase(phase) {
    for (const id of ["work", "rest", "choice", "finished"]) $(id).hidden = id !== phase;
    $("undo").hidden = phase === "finished";
    $("skip").hidden = phase !== "work";
    $("pause").hidden = phase !== "rest" && phase !== "choice";
    $("sound").hidden = phase === "finished";
  }

  // Each step is announced once: coming back to the tab shows it again without repeating it.
  let announced = null;
  let announcement = "";
  function announce(key, text) {
    announcement = text;
    if (key === announced) return;
    announced = key;
    Timer.say(text);
  }

  function render(next) {
    view = next;
    $("done").disabled = false;
    showPhase(view.phase);
    Timer.stop();
    $("time-left").hidden = !(view.phase === "work" && view.work.time_left !== null);
    $("pause").textContent = view.paused ? "Resume" : "Pause";
    if (view.phase === "work") {
      const work = view.work;
      $("round").textContent = work.round_label;
      $("block").textContent = work.block;
      $("move").textContent = work.name + (work.side ? ` — ${work.side}` : "");
      $("target").textContent = work.target;
      $("rir-target").textContent = work.rir_target ? `Stop with ${work.rir_target} (RIR: the reps you could still have done).` : "";
      $("rir-target").hidden = !work.rir_target;
      $("notes").textContent = work.notes;
      $("notes").hidden = !work.notes;
      $("bell").textContent = `${weight(work.bell_kg)} · ${work.bell_reason}`;
      picture("picture", work.picture, work.name);
      $("cues").replaceChildren(...work.cues.map((cue) => Object.assign(document.createElement("li"), { textContent: cue })));
      $("measure").textContent = MEASURES[work.measure].label;
      entry.amount = work.amount_default;
      entry.rir = work.rir_default ?? 2;
      updateEntry();
      announce(`work:${view.at}:${view.sets_logged}`, `${work.name}. ${work.target}.`);
      if (work.time_left !== null) countTimeLeft(work.time_left);
    } else if (view.phase === "rest") {
      $("round").textContent = view.rest.round_label;
      $("rest-reason").textContent = `Rest — ${view.rest.reason}`;
      $("rest-next").textContent = `Next: ${view.rest.next_name}`;
      picture("next-picture", view.rest.next_picture, view.rest.next_name);
      announce(`rest:${view.at}:${view.sets_logged}`, `Rest ${view.rest.seconds} seconds. Next: ${view.rest.next_name}.`);
      countDown($("countdown"), view.rest.remaining, view.paused);
    } else if (view.phase === "choice") {
      $("choice-title").textContent = `Round ${view.choice.round} of ${view.choice.rounds} done`;
      const left = view.choice.rest_remaining ?? 0;
      $("choice-rest").hidden = !walk || left <= 0;
      if (walk && left > 0) countDown($("choice-countdown"), left, view.paused);
    } else if (view.phase === "finished") {
      $("round").textContent = "";
      report();
    }
  }

  // The summary, once the server has every event of the session.
  async function report() {
    const waiting = walk ? await Outbox.waiting(session) : { events: 0, sets: 0 };
    Report.show(session, view.sets_logged, waiting);
  }

  // A rest counts down from its deadline; a paused one just shows its time, stopped. At its end
  // the walk moves on by itself (or the server says what comes next).
  function countDown(shown, seconds, paused) {
    if (paused) {
      shown.textContent = `${Timer.format(seconds)} ⏸`;
      return;
    }
    Timer.start(seconds, (left) => { shown.textContent = Timer.format(left); }, show);
  }

  // An AMRAP's time runs during work: the same deadline timer as a rest, beeping as time runs out.
  function countTimeLeft(seconds) {
    const shown = $("time-left");
    Timer.start(seconds, (left) => { shown.textContent = `${Timer.format(left)} left`; }, () => {
      shown.textContent = "Time is up: log this set, it is the last";
    });
  }

  function updateEntry() {
    $("amount").textContent = entry.amount;
    $("rir").textContent = entry.rir;
  }

  // The walk -------------------------------------------------------------------------------------

  const show = () => render(Walker.view(walk, state, Date.now()));
  const keep = () => Outbox.saveWalk({ session, walk, state });

  // Where two devices stand is the same place when one has ended a rest by its clock and the
  // other not yet.
  function samePlace(a, b) {
    const [phaseA, stepA] = a.split(":");
    const [phaseB, stepB] = b.split(":");
    return a === b || (stepA === stepB && new Set([phaseA, phaseB]).size === 2 && [phaseA, phaseB].every((p) => p === "work" || p === "rest"));
  }

  // The walk as the server has it now; null when the network does not answer.
  async function fetchWalk() {
    try {
      const response = await fetch(`/api/v1/sessions/${session}/walk`);
      return response.ok ? await response.json() : null;
    } catch (error) {
      return null;
    }
  }

  async function adopt(fresh, message) {
    walk = fresh;
    state = Walker.begin(fresh, Date.now());
    await keep();
    notice(message);
    show();
  }

  // Back in step with the server, after it refused an event or ended up elsewhere.
  async function resync() {
    const fresh = await fetchWalk();
    if (fresh) {
      await adopt(fresh, "This session had moved on elsewhere (another device?): now showing where it stands. Sets it did not take are listed below.");
    }
  }

  async function act(kind, fields = {}) {
    if (!walk) return;
    const now = Date.now();
    const before = Walker.settle(walk, state, now);
    let next;
    try {
      next = Walker.apply(walk, state, kind, now);
    } catch (error) {
      notice(error.message);
      return;
    }
    state = next;
    const body = { kind, at: Walker.place(before), done_at: new Date(now).toISOString(), ...fields };
    // what was left, where the set was done, of its interval or its AMRAP's time
    const left = kind === "set_done" || kind === "skip" ? Walker.intervalLeft(walk, before, now) : null;
    if (left !== null) body.interval_left = left;
    await Outbox.record(session, body, { session, walk, state });
    notice("");
    show();
    badge();
  }

  // A rest that ran out while the page was hidden: say how long ago, once it is back.
  function restEndedWhileAway() {
    if (!walk) return;
    const now = Date.now();
    const node = walk.nodes[state.at];
    if (node.phase !== "rest" || state.pausedAt !== null || now < state.deadline) return;
    const ago = (now - state.deadline) / 1000;
    if (ago > 5) notice(`Your rest ended ${Timer.format(ago)} ago.`);
  }

  async function begin() {
    const [local, pending, fresh] = await Promise.all([Outbox.loadWalk(session), Outbox.waiting(session), fetchWalk()]);
    if (local && (pending.events || !fresh)) {
      // This phone is ahead of the server (or the server is out of reach): its walk is the truth.
      walk = local.walk;
      state = local.state;
      restEndedWhileAway();
      show();
    } else if (fresh) {
      const moved = local && !samePlace(Walker.place(Walker.settle(local.walk, local.state, Date.now())), Walker.place(fresh));
      await adopt(fresh, moved ? "This session had moved on elsewhere (another device?): now showing where it stands." : "");
    } else {
      notice("Offline, and this session has not been opened on this phone yet: it needs the network once.");
      return;
    }
    badge();
    Outbox.flush();
  }

  async function done() {
    // One set per step: a second tap before the next step shows would log it with this step's reps.
    $("done").disabled = true;
    const measure = MEASURES[view.work.measure];
    return act("set_done", { [measure.field]: entry.amount, rir: entry.rir, weight_kg: view.work.bell_kg });
  }

  root.addEventListener("click", (event) => {
    const step = event.target.dataset.step;
    if (!step) return;
    const [field, change] = step.split(":");
    const size = field === "amount" ? MEASURES[view.work.measure].step : 1;
    entry[field] = Math.max(0, entry[field] + Number(change) * size);
    updateEntry();
  });
  $("done").addEventListener("click", done);
  $("end-rest").addEventListener("click", () => act("end_rest"));
  $("another").addEventListener("click", () => act("another_round"));
  $("end-rounds").addEventListener("click", () => act("end_rounds"));
  $("undo").addEventListener("click", () => act("undo"));
  $("skip").addEventListener("click", () => act("skip"));
  $("pause").addEventListener("click", () => act(view.paused ? "resume" : "pause"));
  $("sound").addEventListener("click", () => {
    Timer.enableSound();
    Timer.keepAwake();
    $("sound").textContent = "Sound ✓";
    $("sound-off").hidden = true;
    Timer.say(announcement);
  });
  // Browsers start sound only from a tap, so after every load (a reload too) it is off: say so.
  $("sound-off").hidden = false;
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    if (walk) { restEndedWhileAway(); show(); Outbox.flush(); }
  });
  // What the server answers: once it has every event, a check that it stands where the phone does.
  Outbox.whenSent(async (answer) => {
    sent = true;
    if (!walk) return;
    const { events } = await Outbox.waiting(session);
    badge();
    if (!events && !samePlace(answer.at, Walker.place(Walker.settle(walk, state, Date.now())))) resync();
    else if (view && view.phase === "finished") report();
  });
  window.addEventListener("online", () => { if (view && view.phase === "finished") report(); });
  Outbox.whenRefused((item, status) => { badge(); if (walk && status === 409) resync(); });
  Timer.keepAwake();  // the screen stays on through the session (again each time the page is shown)
  begin();
})();
