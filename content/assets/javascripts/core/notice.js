// Watches for a problem with the saved data (store.problem and the store's "problem" event) and shows
// the notice about it. Most visits have none, so the notice and its words (notice-view.js) load only
// when a problem is there or appears.

import { onDemand } from "./on-demand.js";
import { busyUntil } from "./page.js";
import { store } from "./store.js";

const view = onDemand(() => import("./notice-view.js"));

/**
 * Keep `slot` showing the store's current problem, if any. `onResolved` runs after the visitor starts
 * afresh or keeps what could be read. Returns a cleanup function.
 */
export function mountStoreNotice(slot, onResolved = () => {}) {
  const mounted = new AbortController();
  const render = () => showProblem(slot, onResolved, mounted.signal);
  render();
  store.addEventListener("problem", render, { signal: mounted.signal });
  return () => mounted.abort();
}

/** Show the store's problem in `slot`, or hide it; the slot is aria-busy while the notice loads. */
function showProblem(slot, onResolved, signal) {
  if (!store.problem) {
    slot.replaceChildren();
    slot.hidden = true;
    return;
  }
  // The notice shows the problem as it is once loaded, so a problem gone by then leaves the slot hidden.
  const shown = view.use((module) => signal.aborted || module.showNotice(slot, onResolved));
  (view.loaded ? shown : busyUntil(slot, shown)).catch((error) => console.error(error));
}
