// The guide is no longer kept for use offline (`offline: false` in mkdocs.yml). A browser that kept it
// before finds this worker at its next check: it deletes what was kept, unregisters itself and reloads
// the open pages, which then come from the network as any site's do.

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const kept = (await caches.keys()).filter((key) => key.startsWith("guide-"));
      await Promise.all(kept.map((key) => caches.delete(key)));
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.navigate(client.url);
      }
    })(),
  );
});
