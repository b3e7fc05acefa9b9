// Signing out of a shared phone leaves nothing of this user on it: the pages kept for offline use and
// what the outbox holds are deleted first (the server's answer clears the rest, Clear-Site-Data). Sets
// still only on this phone are sent first when the network is there; if it is not, the user is asked,
// since signing out then deletes them.
"use strict";
(() => {
  const form = document.querySelector('form[action="/logout"]');
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await Outbox.flush();
    const { sets, events } = await Outbox.pending();
    if (events) {
      const what = sets ? `${sets} set${sets === 1 ? " is" : "s are"}` : "A session's last steps are";
      const leave = window.confirm(
        `${what} on this phone only: the network is gone. Signing out now deletes them from this phone.\n\n` +
        "Sign out anyway? (Cancel: stay signed in, and they are sent when the network is back.)",
      );
      if (!leave) return;
    }
    await Outbox.forget();
    if ("caches" in window) await caches.delete("repcoach-pages");
    form.submit();
  });
})();
