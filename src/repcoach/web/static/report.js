// The finished session's report on the session page: what was done, against last time, what comes
// next (GET /api/v1/sessions/ID/report). The server writes it from every set, so while sets are on
// the phone only, or the network is gone, the page says what it knows and waits for them.
"use strict";
const Report = (() => {
  const $ = (id) => document.getElementById(id);
  let shown = false;

  function items(id, lines) {
    $(id).replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    $(id).hidden = !lines.length;
    $(`${id}-title`).hidden = !lines.length;
  }

  function fill(report) {
    $("report-line").textContent = report.headline;
    // no load to say for a bodyweight move, nor for a run ("-")
    const load = (move) => (move.loads === "bodyweight" || move.loads === "-" ? "" : ` at ${move.loads}`);
    items("report-done", report.done.map((move) => `${move.name}: ${move.amounts}${load(move)}`));
    $("report-changes-title").textContent = `Against last time (${report.last_time})`;
    items("report-changes", report.last_time ? report.changes : []);
    $("report-first").hidden = report.last_time !== null;
    items("report-next", report.next_moves.map((move) => `${move.name}: ${move.advice}. ${move.reason}`));
    items("report-when", report.next_times.flatMap((next) => [`${next.title}: ${next.allowed}`, next.advised]));
  }

  // ``waiting``: the events and sets still on this phone only (Outbox.waiting). ``setsLogged``: what the phone counts.
  async function show(session, setsLogged, waiting) {
    if (shown) return;
    const wait = $("report-wait");
    $("report-line").textContent = `${setsLogged} sets`;
    if (waiting.events) {
      const what = waiting.sets ? `${waiting.sets} set${waiting.sets === 1 ? " is" : "s are"}` : "The session's end is";
      wait.textContent = `${what} still on this phone only: the summary comes once the server has them.`;
      wait.hidden = false;
      return;
    }
    try {
      const response = await fetch(`/api/v1/sessions/${session}/report`);
      if (!response.ok) throw new Error(String(response.status));
      fill(await response.json());
      shown = true;
      wait.hidden = true;
    } catch (error) {
      wait.textContent = "The summary needs the network: it comes when the phone is back online.";
      wait.hidden = false;
    }
  }

  return { show };
})();
