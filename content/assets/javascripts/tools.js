// Loads each browser tool only on the pages that have a place for it, so a page without tools
// fetches no tool code. Each tool starts itself (page.js `onPage`) once loaded, and stays loaded for
// the pages Material's instant navigation shows later; the place stays aria-busy until it is loaded.

import { busyUntil, onPage } from "./page.js";

const TOOLS = [
  ["[data-question-picker]", "./picker.js"],
  ["[data-prep-sheet]", "./prep-sheet.js"],
  [".guide-studio[data-script-id]", "./studio.js"],
  ["ul.guide-checklist", "./checklists.js"],
  ["[data-contact-tracker]", "./tracker.js"],
];

const loaded = new Map();

onPage(() => {
  for (const [selector, path] of TOOLS) {
    const place = document.querySelector(selector);
    if (place) {
      if (!loaded.has(path)) {
        loaded.set(path, import(path));
      }
      busyUntil(place, loaded.get(path)).catch((error) => console.error(error));
    }
  }
});
