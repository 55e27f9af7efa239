// A modal question with a few answers. The dialog and the code that builds it (dialog-view.js) load
// when first needed, so a page that never asks anything never fetches them.

import { onDemand } from "./on-demand.js";

const view = onDemand(() => import("./dialog-view.js"));

// A question always follows something the visitor did, so the dialog's code loads at their first tap,
// key press or focus on the page: it is there by the time a button asks, and the question shows in the
// click itself. A page nobody touches never fetches it.
for (const type of ["pointerdown", "keydown", "focusin"]) {
  document.addEventListener(type, () => view.prefetch(), { capture: true, once: true, passive: true });
}

/**
 * Ask a question. `choices`: [{value, label, danger?}]; `cancel`: the label of the button that says no.
 * Resolves to the chosen value, or null when cancelled. The cancel button has the focus first, so a
 * quick Enter never deletes anything.
 */
export function ask(options) {
  const opener = document.activeElement;
  return view.use((module) => module.showDialog(options, opener));
}
