// The service worker that lets the app open with no network. The server serves it at /sw.js with
// a first line naming this release: RELEASE.cache (a name that changes with any static file) and
// RELEASE.shell (every static file). Static files come from that versioned cache; the pages a user
// needs offline (home, history, a session) come from the network when it answers and from their
// last copy when it does not, marked with when that copy was seen (the session page marks itself).
"use strict";
const PAGES = "repcoach-pages";
const SEEN = "x-repcoach-seen";

const kept = (path) => path === "/" || path === "/history" || path.startsWith("/session/") || path.startsWith("/history/plots/");
const marked = (path) => !path.startsWith("/session/");

self.addEventListener("install", (event) => {
  // "reload": the browser's HTTP cache may still hold the last release's files under the same URLs.
  event.waitUntil(
    caches.open(RELEASE.cache)
      .then((cache) => cache.addAll(RELEASE.shell.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const stale = (await caches.keys()).filter((name) => name.startsWith("repcoach-shell-") && name !== RELEASE.cache);
    await Promise.all(stale.map((name) => caches.delete(name)));
    await self.clients.claim();
    // The page that installed this worker was loaded before it ran: keep a copy of it now.
    for (const client of await self.clients.matchAll({ type: "window" })) {
      const url = new URL(client.url);
      if (kept(url.pathname)) await fromNetwork(new Request(url.pathname + url.search)).catch(() => null);
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // A form sent with no network (Start, Save) gets the offline page, not the browser's error.
    if (request.mode === "navigate") event.respondWith(fetch(request).catch(() => offlinePage()));
    return;
  }
  if (url.pathname.startsWith("/static/")) event.respondWith(fromShell(request));
  else if (kept(url.pathname)) event.respondWith(fromNetwork(request).catch(() => lastSeen(request, url)));
  else if (request.mode === "navigate") event.respondWith(fetch(request).catch(() => offlinePage()));
  // Starting or continuing a session changes the home page (it offers "Continue"): keep that copy too.
  if (url.pathname.startsWith("/session/")) event.waitUntil(fromNetwork(new Request("/")).catch(() => null));
});

async function fromShell(request) {
  const cached = await caches.match(request, { cacheName: RELEASE.cache, ignoreSearch: true });
  return cached || fetch(request);
}

// A page from the network, its copy kept with the time it was seen. A redirect (to sign-in) or an
// error page is not kept: its last good copy stays.
async function fromNetwork(request) {
  const response = await fetch(request);
  if (response.ok && !response.redirected) {
    const headers = new Headers(response.headers);
    headers.set(SEEN, String(Date.now()));
    const copy = new Response(await response.clone().blob(), { status: response.status, headers });
    await (await caches.open(PAGES)).put(request.url, copy);
  }
  return response;
}

async function lastSeen(request, url) {
  const cached = await caches.match(request.url, { cacheName: PAGES });
  if (!cached) return offlinePage();
  if (!marked(url.pathname) || !(cached.headers.get("content-type") || "").startsWith("text/html")) return cached;
  const seen = new Date(Number(cached.headers.get(SEEN)));
  const when = seen.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  const banner = `<p class="offline" role="status">Offline: this page as last seen, ${when}.</p>`;
  const page = (await cached.text()).replace("<main>", `<main>${banner}`);
  const headers = new Headers(cached.headers);
  headers.delete("content-length");
  return new Response(page, { status: 200, headers });
}

function offlinePage() {
  const page = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · repcoach</title><link rel="stylesheet" href="/static/app.css">
<main><h1>Offline</h1><p class="offline" role="status">This page needs the network, and none answers.</p>
<a class="button" href="/">Home</a></main>`;
  return new Response(page, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}
