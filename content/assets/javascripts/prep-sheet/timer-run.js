// What keeps the prep sheet's timer running, loaded by timer.js at the first press of its buttons or
// change of its sound setting, or at once when the sheet's timer has time on it: the ticking and its
// cues (with the chime, if asked for), catching up after a locked phone or a tab in the background, and
// saving the sound setting.

import { store } from "../core/store.js";
import { SOURCE } from "./edit.js";
import { chime, showTimer } from "./timer.js";

/** Keep the sound setting (saved even when the visitor has left the page since changing it). */
function keepSound(on) {
  store.update((data) => {
    data.settings.timerSound = on;
  }, SOURCE);
}

/**
 * The face's ticking until `signal` aborts: render(announce) shows the timer as it is now and ticks each
 * second while it runs; `render(true)` may sound the chime, when a running timer has reached the end's
 * cue or the end since the face last showed it.
 */
function ticking(face, sheet, signal) {
  let interval = 0;
  function tick(running) {
    if (running && !interval) {
      interval = window.setInterval(() => render(true), 1000);
    } else if (!running && interval) {
      window.clearInterval(interval);
      interval = 0;
    }
  }
  function render(announce) {
    if (signal.aborted) {
      return;
    }
    const { reading, changed } = showTimer(face, sheet, false);
    const cuePhase = reading.phase === "near-end" || reading.phase === "over";
    if (announce && changed && reading.running && cuePhase && store.data.settings.timerSound) {
      chime();
    }
    tick(reading.running);
  }
  signal.addEventListener("abort", () => tick(false));
  return render;
}

/**
 * Run the face of the shown sheet's timer until `signal` aborts (the sheet is drawn again, or the page
 * left). Returns {render(announce), keepSound(on)}.
 */
export function runTimer({ face, sheet, signal }) {
  const render = ticking(face, sheet, signal);
  // A phone that was locked, or a tab in the background, may have missed ticks: catch up on return.
  document.addEventListener(
    "visibilitychange",
    () => {
      if (document.visibilityState === "visible") {
        render(true);
      }
    },
    { signal },
  );
  // The face was drawn before this module loaded: catch up on any cue passed meanwhile, as a tick would.
  render(true);
  return { render, keepSound };
}
