// The guide's service worker: after one visit, every page of the site in each language, the tools'
// data, scripts and styles, the theme's files, the search index and the handouts, served without a
// network. The build (generator/site/offline.py) writes the list of files and a version made from
// their contents: a build with the same content is the same worker, and the browser downloads nothing.
//
// Never a mix of versions: each version has its own cache, filled whole before the worker starts
// serving, and answers only from it. A new version waits until the visitor reloads (the page offers
// to) or closes every tab; it then removes the older caches. Only this site's own files are cached and
// answered for, never another origin's, and nothing the visitor types: that stays in localStorage.

const PRECACHE = "__PRECACHE__";
const CACHE = `guide-${PRECACHE.version}`;
const SCOPE = new URL(self.registration.scope);

/** The cache's key for a request to this site: a folder's address is its index.html. */
function cacheKey(url) {
  const path = url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname;
  return new URL(path, SCOPE).href;
}

self.addEventListener("install", (event) => {
  // cache: "reload" goes past the browser's HTTP cache, so the files are the ones this build wrote.
  const requests = PRECACHE.files.map((path) => new Request(new URL(path, SCOPE), { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  const older = (key) => key.startsWith("guide-") && key !== CACHE;
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter(older).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "take-over") {
    self.skipWaiting(); // the visitor asked for the newer version: the page reloads when it takes over
  }
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) {
    return; // the browser's own answer: never one of ours for another site or method
  }
  event.respondWith(answer(event.request, url));
});

/** The 404 page in the language of the address asked for (its folder, as `fr/`), else the first one. */
function notFoundPage(url) {
  const path = url.pathname.slice(SCOPE.pathname.length);
  const language = PRECACHE.languages.find((folder) => path.startsWith(`${folder}/`));
  return new URL(language ? `${language}/404.html` : "404.html", SCOPE).href;
}

/** This version's copy when it has one, else the network; offline, a page it lacks is the 404 page. */
async function answer(request, url) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(cacheKey(url));
  if (kept) {
    return kept;
  }
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = request.mode === "navigate" ? await cache.match(notFoundPage(url)) : null;
    if (notFound) {
      return new Response(notFound.body, { status: 404, headers: notFound.headers });
    }
    throw error;
  }
}
