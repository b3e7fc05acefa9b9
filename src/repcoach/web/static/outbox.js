// What the phone keeps in IndexedDB ("repcoach"): the outbox of events not yet on the server, and
// for each session walked here its walk and where it stands ("walks"). An event and the state it
// leads to are written in one transaction, before the screen moves on, so a reload, a killed tab
// or a restarted phone goes on at the same step. Each event has a client-made id and is sent in
// order, oldest first, when the network is there; the server applies an id once, so sending again
// is safe. An event the server refuses goes to a visible list, never silently dropped.
"use strict";
const Outbox = (() => {
  const DB = "repcoach";
  const OUTBOX = "outbox";
  const WALKS = "walks";
  const RETRY_MS = 3000;
  let running = null;
  let retry = null;
  let onSent = () => {};
  let onRefused = () => {};

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: "seq", autoIncrement: true });
        if (!db.objectStoreNames.contains(WALKS)) db.createObjectStore(WALKS, { keyPath: "session" });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  // One transaction over ``stores``; resolves with the last request's result once it is committed.
  async function run(stores, mode, action) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      const result = action(...stores.map((name) => tx.objectStore(name)));
      tx.oncomplete = () => resolve(result && result.result);
      tx.onerror = () => reject(tx.error);
    });
  }

  const all = () => run([OUTBOX], "readonly", (box) => box.getAll());
  const remove = (seq) => run([OUTBOX], "readwrite", (box) => box.delete(seq));
  const withId = (session, body) => ({ session, body: { ...body, client_id: body.client_id || crypto.randomUUID() } });

  function attention(message) {
    const list = document.getElementById("attention");
    const item = document.createElement("li");
    item.textContent = message;
    list.appendChild(item);
    list.hidden = false;
  }

  // Send what is waiting, oldest first; stop at the first network failure and retry later.
  async function drain() {
    let last = null;
    for (const item of await all()) {
      let response;
      try {
        response = await fetch(`/api/v1/sessions/${item.session}/events`, {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(item.body),
        });
      } catch (error) {
        return { offline: true };
      }
      const answer = await response.json();
      await remove(item.seq);
      if (response.ok) {
        last = answer;
      } else {
        const body = item.body;
        const reps = body.reps === undefined ? "" : ` (${body.reps} reps)`;
        const what = body.kind === "set_done" ? `A set${reps} was not saved` : `"${body.kind}" was not applied`;
        attention(`${what}: ${answer.error ? answer.error.message : response.status}`);
        onRefused(item, response.status);
      }
    }
    return last;
  }

  // One flush at a time: callers that arrive while one runs (a tap, the "online" event) share it
  // and its answer, so no caller finds the queue already emptied by another and shows nothing.
  // While events wait, retry on a timer too: the "online" event is not reliable on phones.
  function flush() {
    if (!running) {
      running = drain()
        .then((result) => {
          if (result && result.offline) scheduleRetry();
          else if (result) onSent(result);
          return result;
        })
        .finally(() => { running = null; });
    }
    return running;
  }

  function scheduleRetry() {
    if (retry === null) retry = setTimeout(() => { retry = null; flush(); }, RETRY_MS);
  }

  // Queue an event and keep, in the same transaction, where the phone's walk now stands; then send what waits.
  async function record(session, body, walked) {
    await run([OUTBOX, WALKS], "readwrite", (box, walks) => { box.add(withId(session, body)); walks.put(walked); });
    if (running) await running;  // a flush that began before this was queued would miss it
    flush();
  }

  const saveWalk = (walked) => run([WALKS], "readwrite", (walks) => walks.put(walked));
  const loadWalk = (session) => run([WALKS], "readonly", (walks) => walks.get(session));

  // The events of ``session`` still only on this phone, and how many of them are sets.
  async function waiting(session) {
    return counted((await all()).filter((item) => item.session === session));
  }

  // Every event still only on this phone, of any session, and how many of them are sets.
  const pending = async () => counted(await all());
  const counted = (items) => ({ events: items.length, sets: items.filter((item) => item.body.kind === "set_done").length });

  // Delete all this phone keeps (a user signing out): the database goes whole.
  function forget() {
    return new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DB);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }

  window.addEventListener("online", () => flush());
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist();

  return {
    record, flush, saveWalk, loadWalk, waiting, pending, forget,
    // ``listener`` gets the server's answer after the events that reached it, however the send began.
    whenSent: (listener) => { onSent = listener; },
    // ``listener`` gets each event the server refused, with the status, once it is on the visible list.
    whenRefused: (listener) => { onRefused = listener; },
  };
})();
