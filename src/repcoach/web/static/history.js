// The history page marks each session whose events are still only on this phone, and sends them
// when the network is there (the marks go once the server has them).
"use strict";
(() => {
  async function mark() {
    for (const card of document.querySelectorAll("[data-session]")) {
      const { sets, events } = await Outbox.waiting(card.dataset.session);
      const line = card.querySelector(".unsent");
      line.textContent = sets
        ? `${sets} set${sets === 1 ? "" : "s"} on this phone only, not yet sent: they go when the network is back.`
        : "Not yet sent from this phone: it goes when the network is back.";
      line.hidden = !events;
    }
  }
  Outbox.whenSent(mark);
  mark().then(() => Outbox.flush());
})();
