// Loads each browser tool, with its style sheets, only on the pages that have a place for it, so a page
// without tools fetches no tool code or styles. The place stays aria-busy until the tool is loaded, and
// the tool loads after its styles, so it never shows unstyled. Each tool starts itself (page.js `onPage`)
// and stays loaded for the pages Material's instant navigation shows later; its styles are added again
// to each of those pages that has the tool.

import { busyUntil, onPage } from "./core/page.js";

/** Each tool: where it goes, its module and its own style sheet (after tools.css, which all share). */
const TOOLS = [
  ["[data-question-picker]", "./picker/picker.js", "picker.css"],
  ["[data-prep-sheet]", "./prep-sheet/prep-sheet.js", "prep-sheet.css"],
  ["ul.guide-checklist", "./checklists/checklists.js", "checklists.css"],
  [".guide-studio[data-script-id]", "./studio/studio.js", "studio.css"],
  ["[data-contact-tracker]", "./tracker/tracker.js", "tracker.css"],
];

const STYLESHEETS = new URL("../stylesheets/", import.meta.url).href;
const loaded = new Map();
const loading = new WeakMap();

/**
 * Add one of our style sheets before print.css (which stays last), unless the page has it; settles when
 * it has loaded or failed. Instant navigation replaces the head's style sheets, so look at the page.
 */
function addStyleSheet(name) {
  const href = STYLESHEETS + name;
  let link = [...document.querySelectorAll('link[rel="stylesheet"]')].find((other) => other.href === href);
  if (!link) {
    link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    loading.set(link, new Promise((resolve) => (link.onload = link.onerror = resolve)));
    const print = document.querySelector('link[href$="/stylesheets/print.css"]');
    print ? print.before(link) : document.head.append(link);
  }
  return loading.get(link) || Promise.resolve();
}

onPage(() => {
  for (const [selector, path, sheet] of TOOLS) {
    const place = document.querySelector(selector);
    if (place) {
      const styled = Promise.all([addStyleSheet("tools.css"), addStyleSheet(sheet)]);
      const ready = styled.then(() => loaded.get(path) || loaded.set(path, import(path)).get(path));
      busyUntil(place, ready).catch((error) => console.error(error));
    }
  }
});
