// Labelled form fields for the tools, each with a print copy of its value: printed pages show the
// words (or a blank line to write on), never a form control.

import { h, uid } from "./dom.js";
import { locale } from "./strings.js";

/**
 * A labelled input or textarea. Options: label, value, onInput(value), multiline, type, hint,
 * autocomplete, rows, format(value) for the printed copy, focusKey, and any extra attributes in `attrs`.
 * Returns {wrapper, control, refresh()}.
 */
export function field(options) {
  const id = uid("field");
  const hintId = options.hint ? uid("hint") : null;
  const attrs = {
    id,
    class: options.multiline ? "guide-input guide-textarea" : "guide-input",
    autocomplete: options.autocomplete || "off",
    "aria-describedby": [hintId, options.describedBy].filter(Boolean).join(" ") || null,
    "data-focus-key": options.focusKey || null,
    ...(options.attrs || {}),
  };
  const control = options.multiline
    ? h("textarea", { ...attrs, rows: options.rows || 2 })
    : h("input", { ...attrs, type: options.type || "text" });
  control.value = options.value ?? "";
  const print = h("div", { class: "guide-print-value" });
  const format = options.format || ((value) => value);
  function refresh() {
    const shown = format(control.value.trim());
    print.textContent = shown;
    print.classList.toggle("guide-print-value--blank", !shown);
  }
  control.addEventListener("input", () => {
    refresh();
    if (options.onInput) {
      options.onInput(control.value);
    }
  });
  refresh();
  const wrapper = h(
    "div",
    { class: `guide-field${options.class ? ` ${options.class}` : ""}` },
    h("label", { for: id, text: options.label }),
    options.hint ? h("p", { id: hintId, class: "guide-hint", text: options.hint }) : null,
    control,
    print,
  );
  return { wrapper, control, refresh };
}

/** A date such as 2025-03-04 in the reader's words ("Tuesday, March 4, 2025", « mardi 4 mars 2025 »), for print; the raw text if it is not a date. */
export function formatDate(value, lang = locale()) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return value;
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(lang, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
}

/** A time such as 14:30 in the reader's words ("2:30 p.m.", « 14 h 30 »), for print; the raw text if it is not a time. */
export function formatTime(value, lang = locale()) {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  if (!match) {
    return value;
  }
  const date = new Date(2000, 0, 1, Number(match[1]), Number(match[2]));
  return date.toLocaleTimeString(lang, { hour: "numeric", minute: "2-digit" });
}
