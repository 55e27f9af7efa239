// Keeps the guide for use with no signal: registers the service worker the build writes (sw.js, from
// generator/site/worker.js) on every page, and says politely when a newer version of the guide is
// ready, with a button to reload. The page's <meta name="guide-worker"> names the worker; it is absent
// while serving and when mkdocs.yml turns offline off, and then nothing is registered.

import { t } from "../core/strings.js";
import "./messages.js";

const NOTICE = "guide-newer";

/** The notice with its button; `reload()` runs when the visitor presses it. */
function showNewer(reload) {
  if (document.querySelector(`.${NOTICE}`)) {
    return;
  }
  const notice = Object.assign(document.createElement("div"), { className: NOTICE });
  notice.setAttribute("role", "status");
  const words = Object.assign(document.createElement("p"), { textContent: t("offline.newer") });
  const button = Object.assign(document.createElement("button"), {
    type: "button",
    className: `${NOTICE}__reload`,
    textContent: t("offline.reload"),
  });
  button.addEventListener("click", reload);
  notice.append(words, button);
  document.body.append(notice);
}

/** Offer the waiting version, now or once it has installed; the page reloads when it takes over. */
function watch(registration, worker) {
  if (!registration) {
    return; // a browser that blocks service workers (a policy, a test harness) may register none
  }
  const offer = () => {
    // The first version a visitor gets has no older one to replace: nothing to say then.
    if (registration.waiting && worker.controller) {
      showNewer(() => {
        worker.addEventListener("controllerchange", () => window.location.reload());
        registration.waiting ? registration.waiting.postMessage("take-over") : window.location.reload();
      });
    }
  };
  offer();
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => installing.state === "installed" && offer());
  });
}

/** Register the worker once the page has loaded: its first download of the site never delays a page. */
function register(named) {
  const worker = navigator.serviceWorker;
  worker.register(new URL(named.content, window.location.href)).then(
    (registration) => watch(registration, worker),
    (error) => console.warn("The guide cannot be kept for use offline:", error),
  );
}

const named = document.querySelector('meta[name="guide-worker"]');
if (named && "serviceWorker" in navigator) {
  document.readyState === "complete" ? register(named) : window.addEventListener("load", () => register(named));
}
