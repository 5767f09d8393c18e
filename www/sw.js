// The installed app's service worker (index.html registers it through
// app.js; the embed never does). `scripts/precache.mjs` fills CACHE and FILES
// for each build: every file of dist/ with its SRI hash, and a cache name
// derived from all of them. Hand-written on purpose (see ARCHITECTURE.md).
//
// One cache per build, filled completely before the worker can take over, so
// the page, the entry, the glue and the wasm it is served always belong to the
// same build. A new worker waits until the page asks it to take over
// (SKIP_WAITING, after the user accepted the update); then the old caches go.
//
// The app's caches have a prefix of their own, `kineret-app-`: a host page on
// the same origin may keep the embed's files in caches of its own (README
// suggests a host-chosen name; earlier READMEs suggested `kineret-widget-…`),
// and those are never touched. LEGACY matches only the names earlier app
// builds gave their caches (`kineret-widget-` + 12 hex digits of the build).
const PREFIX = 'kineret-app-';
const LEGACY = /^kineret-widget-[0-9a-f]{12}$/;
const CACHE = '__CACHE__';
const FILES = __FILES__; // [path relative to the worker, "sha384-…"]

const abs = (path) => new URL(path, self.registration.scope).href;
const PRECACHED = new Set(FILES.map(([path]) => abs(path)));

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache; `integrity` refuses a file from a
  // different build (e.g. a deploy in progress): install fails and the
  // current version stays.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(FILES.map(async ([path, integrity]) => {
        const response = await fetch(abs(path), { cache: 'reload', integrity });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        await cache.put(abs(path), response);
      })),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => (k.startsWith(PREFIX) || LEGACY.test(k)) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// Precached files come from this build's cache, everything else from the
// network as usual. A navigation to the scope's folder is its index.html.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate' && url.pathname.endsWith('/')) url.pathname += 'index.html';
  if (!PRECACHED.has(url.href)) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(url.href))
      .then((cached) => cached || fetch(request)),
  );
});
