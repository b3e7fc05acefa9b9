// Every page registers the service worker (/sw.js), so the app opens, and a session runs, offline.
"use strict";
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js");
