// Page lifecycle and site data for the browser tools.
//
// Material's instant navigation swaps pages without reloading scripts, and announces each new page on
// its `document$` observable; without it (or without Material) DOMContentLoaded is the only start.
// `onPage(setup)` covers both: `setup` runs for every page shown and may return a cleanup function,
// called before the next page's setup.

/** The site's root URL: this file lives at <root>/assets/javascripts/core/. */
export const SITE_ROOT = new URL("../../../", import.meta.url);

/** Run `setup` for the current page and for every page instant navigation shows later. */
export function onPage(setup) {
  let cleanup = null;
  function run() {
    if (typeof cleanup === "function") {
      try {
        cleanup();
      } catch (error) {
        console.warn(error);
      }
    }
    cleanup = setup() || null;
  }
  const documents = window.document$;
  if (documents && typeof documents.subscribe === "function") {
    // document$ replays the page already shown at once: wait until the calling module has finished
    // loading (a tool loaded on demand by tools.js calls this before its own declarations run).
    queueMicrotask(() => documents.subscribe(run));
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run, { once: true });
  } else {
    queueMicrotask(run);
  }
}

/** How many pieces of work each element still waits for. */
const pending = new WeakMap();

/**
 * Mark `element` as still being built (aria-busy) until `work` settles, and return `work`. Assistive
 * technology waits for it, and so do the site's browser gates before they check the page. Work can
 * overlap on one element (tools.js loads a tool, then the tool fetches its data): the element stays
 * busy until the last of it settles, not the first.
 */
export function busyUntil(element, work) {
  pending.set(element, (pending.get(element) || 0) + 1);
  element.setAttribute("aria-busy", "true");
  const done = () => {
    const left = pending.get(element) - 1;
    pending.set(element, left);
    if (left === 0) {
      element.removeAttribute("aria-busy");
    }
  };
  work.then(done, done);
  return work;
}

let bank = null;

/** The question bank (questions.json), fetched once per visit; null when it cannot be read. */
export function loadBank() {
  if (!bank) {
    bank = fetch(new URL("questions.json", SITE_ROOT))
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => (data && Array.isArray(data.questions) ? indexBank(data) : null))
      .catch(() => null);
  }
  return bank;
}

function indexBank(data) {
  const byId = new Map(data.questions.map((question) => [question.id, question]));
  const categories = new Map((data.categories || []).map((category) => [category.id, category]));
  return { ...data, byId, categories };
}

/** The site URL of a page given as it is in the docs (`prep-sheet/`), in the site's URL style. */
export function pageUrl(path) {
  const directoryStyle = !window.location.pathname.endsWith(".html");
  const target = directoryStyle ? path : `${path.replace(/\/$/, "")}.html`;
  return new URL(target, SITE_ROOT).href;
}
