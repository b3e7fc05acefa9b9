// Logged sets go through an outbox in IndexedDB: each gets a client-made id, is kept until the
// server has it, and is replayed in order when the network is back. The server stores a set once
// per id, so replaying is safe; a set it refuses goes to a visible list, never silently dropped.
"use strict";
const Outbox = (() => {
  const DB = "repcoach";
  const STORE = "outbox";
  const RETRY_MS = 3000;
  let running = null;
  let retry = null;
  let onSent = () => {};

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run(mode, action) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
    });
  }

  const add = (item) => run("readwrite", (store) => store.add(item));
  const all = () => run("readonly", (store) => store.getAll());
  const remove = (seq) => run("readwrite", (store) => store.delete(seq));

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
        return { offline: true, waiting: (await all()).length };
      }
      const answer = await response.json();
      await remove(item.seq);
      if (response.ok) last = answer;
      else attention(`A set was not saved: ${answer.error ? answer.error.message : response.status}`);
    }
    return last;
  }

  // One flush at a time: callers that arrive while one runs (a tap, the "online" event) share it
  // and its answer, so no caller finds the queue already emptied by another and shows nothing.
  // While sets wait, retry on a timer too: the "online" event is not reliable on phones.
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

  async function send(session, body) {
    await add({ session, body: { ...body, client_id: body.client_id || crypto.randomUUID() } });
    if (running) await running;  // a flush that began before this set was queued would miss it
    return flush();
  }

  window.addEventListener("online", () => flush());
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist();

  // ``listener`` gets the server's answer after each set that reached it, however the send began.
  return { send, flush, whenSent: (listener) => { onSent = listener; } };
})();
