// Keeps guides a citizen has opened readable with no signal. Pages: network first (so a fixed
// step reaches readers at once), the saved copy when the network fails, else the offline page.
// Images: saved copy first, they never change under the same address. A page the server marks
// X-Offline-Copy (the team's "log a session" form) is kept under its path alone, whatever its
// query, so a leader can open it in a village with no signal; its script queues what is saved.
const VERSION = "{{ version }}";
const PAGES = "pages-" + VERSION, IMAGES = "images-" + VERSION, FORMS = "forms-" + VERSION, MAX_PAGES = 60;
const LANGUAGES = [{% for code in languages %}"{{ code }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
const OFFLINE = LANGUAGES.map((code) => "/" + code + "/offline/");

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(OFFLINE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => ![PAGES, IMAGES, FORMS].includes(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

function isPublicPage(url) {
  return LANGUAGES.some((code) => url.pathname.startsWith("/" + code + "/")) && !url.search;
}

async function trim(cache) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => cache.delete(key)));
}

async function page(request, url) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get("X-Offline-Copy")) {
      await (await caches.open(FORMS)).put(url.pathname, response.clone());
    } else if (response.ok && isPublicPage(url)) {
      await cache.put(request, response.clone());
      trim(cache);
    }
    return response;
  } catch (error) {
    const language = LANGUAGES.find((code) => url.pathname.startsWith("/" + code + "/")) || LANGUAGES[0];
    const form = await (await caches.open(FORMS)).match(url.pathname);
    return form || (await cache.match(request)) || (await cache.match("/" + language + "/offline/"));
  }
}

async function image(request) {
  const cache = await caches.open(IMAGES);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(request, url));
  else if (request.destination === "image") event.respondWith(image(request));
});
