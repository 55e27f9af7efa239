// What keeps the prep sheet's timer running, loaded by timer.js at the first press of its buttons or
// change of its sound setting, or at once when the sheet's timer has time on it: the ticking and its
// cues (with the chime, if asked for, which also sounds once when the visitor turns the sound on),
// catching up after a locked phone or a tab in the background, and saving the sound setting.

import { store } from "../core/store.js";
import { SOURCE } from "./edit.js";
import { showTimer } from "./timer.js";

let audio = null;

/** A soft two-note chime made in the browser (no file is fetched). */
function chime() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    audio = audio || new Context();
    if (audio.state === "suspended") {
      audio.resume();
    }
    [0, 0.35].forEach((delay, index) => {
      const start = audio.currentTime + delay;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = "sine";
      tone.frequency.value = index ? 523.25 : 659.25;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.06, start + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
      tone.connect(gain).connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.95);
    });
  } catch {
    // No audio in this browser: the cue is shown and announced anyway.
  }
}

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
 * left). Returns {render(announce), keepSound(on), chime()}.
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
  return { render, keepSound, chime };
}
