// Measurements for the keyboard gate (tests/browser/test_keyboard.py), run inside the page.
// window.__gate.controls(scope) lists the interactive controls a sighted visitor can see;
// window.__gate.focused() describes the element that has focus now; window.__gate.names(keys) gives
// Chromium's accessible name and role of measured elements. Every element measured gets
// a data-gate-key attribute so that Python can match the two lists.
(() => {
  "use strict";

  const CONTROLS = [
    "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "iframe", "[tabindex]", "[contenteditable=''], [contenteditable=true]", "label[for]",
  ].join(", ");
  let nextKey = 0;

  // The radio buttons of one group share a key: the group is one Tab stop, as browsers make it,
  // and the arrow keys move between its buttons.
  const keyOf = (element) => {
    if (!element.dataset.gateKey) {
      const group = element.matches("input[type=radio][name]") ? `radio-${element.name}` : null;
      element.dataset.gateKey = group || String(nextKey++);
    }
    return element.dataset.gateKey;
  };

  const describe = (element) => {
    const id = element.id ? `#${element.id}` : "";
    const classes = typeof element.className === "string" && element.className.trim()
      ? "." + element.className.trim().split(/\s+/).filter((c) => c !== "focus-visible").join(".")
      : "";
    const html = element.outerHTML.replace(/\s+/g, " ");
    return `${element.tagName.toLowerCase()}${id}${classes}: ${html.slice(0, 140)}`;
  };

  const shown = (element) =>
    element.checkVisibility({ visibilityProperty: true, opacityProperty: true });

  const boxOf = (element) => element.getBoundingClientRect();

  const onPage = (box) =>
    box.width > 0 && box.height > 0 && box.right > 0 && box.left < window.innerWidth;

  const seen = (element) => shown(element) && onPage(boxOf(element));

  // A visually hidden input (Material's palette switch) shows its focus on the label beside it.
  const faceOf = (element) => {
    if (element.tagName !== "INPUT" || seen(element)) {
      return element;
    }
    const next = element.nextElementSibling;
    const labels = [...(next && next.tagName === "LABEL" ? [next] : []), ...(element.labels || [])];
    return labels.find(seen) || element;
  };

  const controls = (scope) => {
    const found = [];
    for (const element of (scope || document).querySelectorAll(CONTROLS)) {
      if (element.matches(":disabled") || element.closest("[inert]")) {
        continue;
      }
      if (element.tagName === "LABEL") {
        // A label is a control only when it stands in for a hidden checkbox or radio button.
        const target = element.control;
        if (!target || seen(target)) {
          continue;
        }
      }
      if (seen(element)) {
        found.push({ key: keyOf(element), what: describe(element) });
      }
    }
    return found;
  };

  const parseColour = (text) => {
    const m = text.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };

  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };

  // The colour next to the ring: the backgrounds behind it, composited (a ring drawn inside the
  // element's edge lies on the element's own background).
  const backgroundAround = (element, inset) => {
    const layers = [];
    for (let node = inset ? element : element.parentElement; node; node = node.parentElement) {
      const colour = parseColour(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) {
          break;
        }
      }
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) {
      result = over(layer, result);
    }
    return result;
  };

  const luminance = (rgb) => {
    const channel = (v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
  };

  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  // A box that changes where absolutely or fixed positioned descendants are laid out.
  const holdsFixed = (style) =>
    style.transform !== "none" || style.filter !== "none" || style.perspective !== "none" ||
    /paint|layout|strict|content/.test(style.contain);

  // Where an ancestor's overflow cuts off part of the focus ring, or the ring leaves the window.
  // Only ancestors on the element's chain of containing blocks can clip it: an absolutely
  // positioned panel inside a scrolling list is clipped by its positioned ancestor, not the list.
  const clipperOf = (element, ring) => {
    let mode = getComputedStyle(element).position;
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      const contains = mode === "absolute" ? style.position !== "static" || holdsFixed(style)
        : mode === "fixed" ? holdsFixed(style) : true;
      if (!contains) {
        continue;
      }
      mode = style.position === "absolute" || style.position === "fixed" ? style.position : "static";
      if (style.overflowX === "visible" && style.overflowY === "visible") {
        continue;
      }
      const box = node.getBoundingClientRect();
      const left = box.left + node.clientLeft;
      const top = box.top + node.clientTop;
      if (ring.left < left - 0.5 || ring.top < top - 0.5 ||
          ring.right > left + node.clientWidth + 0.5 || ring.bottom > top + node.clientHeight + 0.5) {
        return describe(node).split(":")[0];
      }
    }
    if (ring.left < -0.5 || ring.right > window.innerWidth + 0.5) {
      return "the window";
    }
    return null;
  };

  // What covers the middle of the element's visible part, if anything does.
  const coverOf = (element) => {
    const box = boxOf(element);
    const left = Math.max(box.left, 0);
    const right = Math.min(box.right, window.innerWidth);
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    if (right <= left || bottom <= top) {
      return "nothing: it is outside the window";
    }
    const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    if (!hit || hit === element || element.contains(hit) || hit.contains(element)) {
      return null;
    }
    return describe(hit).split(":")[0];
  };

  const focused = () => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
      return null;
    }
    const face = faceOf(element);
    const style = getComputedStyle(face);
    const width = parseFloat(style.outlineWidth) || 0;
    const offset = parseFloat(style.outlineOffset) || 0;
    const box = boxOf(face);
    const grow = width + offset;
    const ring = {
      left: box.left - grow, top: box.top - grow, right: box.right + grow, bottom: box.bottom + grow,
    };
    const outline = parseColour(style.outlineColor) || [0, 0, 0, 0];
    const around = backgroundAround(face, offset < 0);
    return {
      key: keyOf(element),
      face: keyOf(face),
      what: describe(element),
      // Material makes wide code blocks and tables focusable so that the keyboard can scroll them.
      scrollArea: element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight,
      shown: seen(face),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineStyle: style.outlineStyle,
      outlineWidth: width,
      ringContrast: contrast(over(outline, around), around),
      clippedBy: style.outlineStyle === "none" ? null : clipperOf(face, ring),
      coveredBy: coverOf(face),
    };
  };

  // Chromium's accessible names and roles, asked for all at once (each question updates the
  // accessibility tree, so one batch is much faster than one question per Tab stop).
  const names = (keys) => Object.fromEntries(keys.map((key) => {
    const element = document.querySelector(`[data-gate-key="${key}"]`);
    return [key, element ? [(element.computedName || "").trim(), element.computedRole || ""] : ["", ""]];
  }));

  // The Tab walk. Each stop is measured at the moment the next key press is about to move focus
  // away: by then the browser has scrolled it into view. A form field (scripts react to its focus:
  // Material opens search) or a stop that looks wrong gets a moment longer: key presses are held
  // back (the page never sees them) until at least one was held, 100 ms have passed, the page's
  // transitions and animations of finite length are over (Material's search box fades in after a
  // delay when its field takes focus on a phone) and Material has let go of the page after search,
  // and the stop is measured again. The time is read from the key events' own time stamps, which a test
  // that stops the page's clock does not stop. The walk ends when focus leaves the page (or the
  // scope), or comes back to an element already measured.
  const FIELDS = "input, textarea, select, [contenteditable]";
  const HOLD_MS = 100;
  let walk = null;

  const hold = (since) => {
    walk.holdLeft = 1;
    walk.holdUntil = since + HOLD_MS;
  };

  // A transition or animation that will end is still playing (one that loops, a spinner, never ends).
  const animating = () => document.getAnimations().some((animation) =>
    animation.playState === "running" && Number.isFinite(animation.effect?.getComputedTiming().endTime));

  // On a phone Material keeps the page fixed while search is open and lets go 100 ms after it closes;
  // a stop focused in between is scrolled into view only then (theme/keyboard.js).
  const releasing = () =>
    document.body.hasAttribute("data-md-scrolllock") && !document.getElementById("__search")?.checked;

  const moving = () => animating() || releasing();

  const holding = (time) => walk.holdLeft > 0 || time < walk.holdUntil || (walk.holdUntil > 0 && moving());

  const looksWrong = (stop) => !stop.shown || stop.coveredBy || stop.clippedBy ||
    stop.outlineStyle === "none" || stop.outlineWidth < walk.minPx || stop.ringContrast < walk.minContrast;

  const record = (element, time) => {
    const stop = focused();
    if (!walk.retried.has(element) && looksWrong(stop)) {
      walk.retried.add(element);
      hold(time);
      return false;
    }
    if (walk.withNames) {
      const [name, role] = names([stop.key])[stop.key];
      Object.assign(stop, { name, role });
    }
    walk.stops.push(stop);
    walk.seen.add(element);
    walk.last = element;
    return true;
  };

  // Returns false when the key press must be held back.
  const step = (key, time) => {
    if (!walk || walk.done || key !== walk.key) {
      return true;
    }
    if (holding(time)) {
      walk.holdLeft = Math.max(0, walk.holdLeft - 1);
      return false;
    }
    walk.holdUntil = 0;
    const element = document.activeElement;
    if (element === walk.last) {
      return true; // measured already, and focus has not moved since
    }
    const outside = !element || element === document.body || element === document.documentElement ||
      (walk.scope && !walk.scope.contains(element));
    if (outside) {
      walk.done = walk.stops.length > 0;
    } else if (walk.seen.has(element)) {
      walk.done = true;
      walk.cameBack = walk.stops[0].key === keyOf(element) ? null : describe(element);
    } else {
      return record(element, time);
    }
    return true;
  };

  window.addEventListener("keydown", (event) => {
    if (walk) {
      walk.lastTime = event.timeStamp;
    }
    if (!step(event.key, event.timeStamp)) {
      walk.held += 1;
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  window.addEventListener("focusin", (event) => {
    if (walk && !walk.done && event.target.matches(FIELDS)) {
      hold(event.timeStamp);
    }
  }, true);

  const startWalk = (scopeSelector, key, withNames, minPx, minContrast) => {
    walk = {
      scope: scopeSelector ? document.querySelector(scopeSelector) : null,
      key, withNames, minPx, minContrast,
      stops: [], seen: new Set(), retried: new Set(), last: null,
      holdLeft: 0, holdUntil: 0, lastTime: 0, held: 0, done: false, cameBack: null,
    };
  };

  // Whether the walk is over, and how many presses were held back (the caller presses that many more).
  const walkState = () => {
    if (!walk.done && !holding(walk.lastTime)) {
      step(walk.key, walk.lastTime); // the element focused now, as if one more press were coming
    }
    return { done: walk.done, held: walk.held, holding: holding(walk.lastTime) };
  };

  // Whether a held stop may be measured now: its time is up and nothing is moving (the caller waits for this).
  const settled = () => !walk || walk.holdUntil === 0 || (performance.now() >= walk.holdUntil && !moving());

  const endWalk = () => {
    const result = { stops: walk.stops, done: walk.done, cameBack: walk.cameBack };
    walk = null;
    return result;
  };

  window.__gate = { controls, focused, names, startWalk, walkState, settled, endWalk };
})();
