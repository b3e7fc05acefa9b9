// The guided session page: shows the server's view of the session and sends what the user did.
// The server rebuilds the session from its stored events on every request, so a reload or a
// phone waking from sleep simply asks again (on load and on visibilitychange).
"use strict";
(() => {
  const root = document.getElementById("session");
  const session = root.dataset.session;
  const unit = root.dataset.unit;
  const $ = (id) => document.getElementById(id);
  let view = null;
  const entry = { reps: 0, rir: 0 };

  function weight(kg) {
    if (kg === null) return "no bell";
    const value = unit === "lb" ? kg / 0.45359237 : kg;
    return `${Math.round(value * 10) / 10} ${unit}`;
  }

  function notice(message) {
    const badge = $("sync");
    badge.textContent = message;
    badge.hidden = !message;
  }

  function picture(id, url, name) {
    const image = $(id);
    image.hidden = !url;
    if (url && image.getAttribute("src") !== url) image.src = url;
    image.alt = url ? `${name}: how it is done` : "";
  }

  function show(phase) {
    for (const id of ["work", "rest", "choice", "finished"]) $(id).hidden = id !== phase;
    $("undo").hidden = phase === "finished";
    $("skip").hidden = phase !== "work";
    $("pause").hidden = phase !== "rest";
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
    show(view.phase);
    if (view.phase !== "rest") Timer.stop();
    $("time-left").hidden = !(view.phase === "work" && view.work.time_left !== null);
    if (view.phase === "work") {
      const work = view.work;
      $("round").textContent = work.round_label;
      $("block").textContent = work.block;
      $("move").textContent = work.name + (work.side ? ` — ${work.side}` : "");
      $("target").textContent = work.target;
      $("notes").textContent = work.notes;
      $("notes").hidden = !work.notes;
      $("bell").textContent = `${weight(work.bell_kg)} · ${work.bell_reason}`;
      picture("picture", work.picture, work.name);
      $("cues").replaceChildren(...work.cues.map((cue) => Object.assign(document.createElement("li"), { textContent: cue })));
      entry.reps = work.reps_default;
      entry.rir = work.rir_default ?? 2;
      updateEntry();
      announce(`work:${view.sets_logged}:${work.round_label}:${work.name}:${work.side}`, `${work.name}. ${work.target}.`);
      if (work.time_left !== null) countTimeLeft(work.time_left);
    } else if (view.phase === "rest") {
      $("rest-reason").textContent = `Rest — ${view.rest.reason}`;
      $("rest-next").textContent = `Next: ${view.rest.next_name}`;
      picture("next-picture", view.rest.next_picture, view.rest.next_name);
      announce(`rest:${view.sets_logged}`, `Rest ${view.rest.seconds} seconds. Next: ${view.rest.next_name}.`);
      $("pause").textContent = view.paused ? "Resume" : "Pause";
      if (view.paused) {
        // A paused rest keeps its time on the server; the page just shows it, stopped.
        Timer.stop();
        $("countdown").textContent = `${Timer.format(view.rest.remaining)} ⏸`;
      } else {
        Timer.start(view.rest.remaining, (left) => { $("countdown").textContent = Timer.format(left); }, load);
      }
    } else if (view.phase === "choice") {
      $("choice-title").textContent = `Round ${view.choice.round} of ${view.choice.rounds} done`;
    }
  }

  // An AMRAP's time runs during work: the same deadline timer as a rest, beeping as time runs out.
  function countTimeLeft(seconds) {
    const shown = $("time-left");
    Timer.start(seconds, (left) => { shown.textContent = `${Timer.format(left)} left`; }, () => {
      shown.textContent = "Time is up: log this set, it is the last";
    });
  }

  function updateEntry() {
    $("reps").textContent = entry.reps;
    $("rir").textContent = entry.rir;
  }

  async function load() {
    const response = await fetch(`/api/v1/sessions/${session}`);
    if (response.ok) render(await response.json());
  }

  async function post(body) {
    try {
      const response = await fetch(`/api/v1/sessions/${session}/events`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (response.ok) { notice(""); render(answer); } else notice(answer.error.message);
    } catch (error) {
      notice("Offline: that needs the network. Logged sets are kept and sent when it is back.");
    }
  }

  async function done() {
    // One set per step: a second tap before the next step shows would log it with this step's reps.
    $("done").disabled = true;
    const answer = await Outbox.send(session, {
      kind: "set_done", reps: entry.reps, rir: entry.rir, weight_kg: view.work.bell_kg,
    });
    if (answer && answer.offline) notice(`Offline: ${answer.waiting} set(s) saved on this phone, sent when back online.`);
  }

  root.addEventListener("click", (event) => {
    const step = event.target.dataset.step;
    if (!step) return;
    const [field, change] = step.split(":");
    entry[field] = Math.max(0, entry[field] + Number(change));
    updateEntry();
  });
  $("done").addEventListener("click", done);
  $("end-rest").addEventListener("click", () => post({ kind: "end_rest" }));
  $("another").addEventListener("click", () => post({ kind: "another_round" }));
  $("end-rounds").addEventListener("click", () => post({ kind: "end_rounds" }));
  $("undo").addEventListener("click", () => post({ kind: "undo" }));
  $("skip").addEventListener("click", () => post({ kind: "skip" }));
  $("pause").addEventListener("click", () => post({ kind: view.paused ? "resume" : "pause" }));
  $("sound").addEventListener("click", () => {
    Timer.enableSound();
    Timer.keepAwake();
    $("sound").textContent = "Sound ✓";
    Timer.say(announcement);
  });
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") load(); });
  // Show where the session stands at once; sets queued while offline are sent alongside, and
  // every set that reaches the server (now or on a retry) brings the next step with it.
  Outbox.whenSent((answer) => { notice(""); render(answer); });
  load();
  Outbox.flush();
})();
