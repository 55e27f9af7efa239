// Small DOM helpers for the browser tools. Text always goes in as text (textContent or text nodes),
// never as HTML, so nothing a visitor or the question bank writes can become markup.

let counter = 0;

/** A fresh element id for labelling, unlike any id the site's pages use. */
export function uid(prefix) {
  counter += 1;
  return `guide-tool-${prefix}-${counter}`;
}

/**
 * Create an element. `props`: `class`, `text`, `hidden`, `dataset` (object), `on` (event -> handler),
 * any other key is set as an attribute (skipped when null, undefined or false). Children may be
 * strings (added as text), nodes, arrays of either, or null (skipped).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === "class") {
      element.className = value;
    } else if (key === "text") {
      element.textContent = value;
    } else if (key === "dataset") {
      Object.assign(element.dataset, value);
    } else if (key === "on") {
      for (const [type, handler] of Object.entries(value)) {
        element.addEventListener(type, handler);
      }
    } else if (key === "value") {
      element.value = value;
    } else if (key === "checked" || key === "hidden" || key === "disabled") {
      element[key] = Boolean(value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

const SVG = "http://www.w3.org/2000/svg";
const ICONS = {
  // Material Design Icons (Apache 2.0), the same set as the theme's.
  up: "M13 20h-2V8l-5.5 5.5-1.42-1.42L12 4.16l7.92 7.92-1.42 1.42L13 8v12z",
  down: "M11 4h2v12l5.5-5.5 1.42 1.42L12 19.84l-7.92-7.92L5.5 10.5 11 16V4z",
  remove: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41z",
  star: "M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.62L12 2 9.19 8.62 2 9.24l5.46 4.73L5.82 21z",
  starOutline:
    "m12 15.39-3.76 2.27.99-4.28-3.32-2.88 4.38-.37L12 6.09l1.71 4.04 4.38.37-3.32 2.88.99 4.28M22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.45 4.73L5.82 21 12 17.27 18.18 21l-1.64-7.03L22 9.24z",
  drag: "M9 3h2v2H9V3m4 0h2v2h-2V3M9 7h2v2H9V7m4 0h2v2h-2V7m-4 4h2v2H9v-2m4 0h2v2h-2v-2m-4 4h2v2H9v-2m4 0h2v2h-2v-2m-4 4h2v2H9v-2m4 0h2v2h-2v-2z",
};

/** An inline icon, hidden from assistive technology (the control it sits in carries the name). */
export function icon(name) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.classList.add("guide-icon");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[name]);
  svg.appendChild(path);
  return svg;
}

/**
 * A polite live region that reads each message once, even the same message twice in a row.
 * Returns `say(message)`.
 */
export function liveRegion(element) {
  let timer = 0;
  return function say(message) {
    window.clearTimeout(timer);
    element.textContent = "";
    timer = window.setTimeout(() => {
      element.textContent = message;
    }, 50);
  };
}

/** Call `action` once calls stop for `wait` ms; `.flush()` runs a pending call now. */
export function debounce(action, wait) {
  let timer = 0;
  let pending = null;
  function debounced(...args) {
    pending = args;
    window.clearTimeout(timer);
    timer = window.setTimeout(run, wait);
  }
  function run() {
    window.clearTimeout(timer);
    if (pending) {
      const args = pending;
      pending = null;
      action(...args);
    }
  }
  debounced.flush = run;
  debounced.cancel = () => {
    window.clearTimeout(timer);
    pending = null;
  };
  return debounced;
}

/** Offer text as a file download, made in the browser (nothing is sent anywhere). */
export function downloadText(filename, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Lower-case text without accents, for matching a search the way people type it. */
export function foldText(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
