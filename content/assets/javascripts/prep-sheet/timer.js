// The meeting timer of a prep sheet: elapsed and remaining time against the agreed length, a quiet cue
// near the end and when the time is up (shown, and announced politely), a soft sound only if asked for.
// The start time is saved, so the timer survives a reload or a locked phone.
//
// This module is the face, shown at once, and what a press does at once (the saved start or pause and
// its announcement). What keeps the timer running (the ticking and its cues, catching up after a
// locked phone), the chime and the sound setting's save are timer-run.js, loaded at the first press or
// change of the sound setting, or at once when the timer has time on it.

import { h, uid } from "../core/dom.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import { changeSheet } from "./edit.js";
import "./messages.js";

const MINUTE = 60000;

/** The timer at `now`: {running, elapsed, remaining, length, phase, warnAt} (times in ms). */
function timerReading(timer, lengthMinutes, now) {
  const length = Math.max(1, lengthMinutes || 20) * MINUTE;
  const running = timer.startedAt !== null;
  const elapsed = Math.max(0, timer.elapsed + (running ? now - timer.startedAt : 0));
  const remaining = length - elapsed;
  const warnAt = Math.min(5 * MINUTE, Math.round(length / 4 / MINUTE) * MINUTE || MINUTE);
  let phase = "on-time";
  if (!running && elapsed === 0) {
    phase = "idle";
  } else if (remaining <= 0) {
    phase = "over";
  } else if (remaining <= warnAt) {
    phase = "near-end";
  }
  return { running, elapsed, remaining, length, phase, warnAt };
}

/** Milliseconds as m:ss (or h:mm:ss), rounded down to the second. */
function clock(ms) {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** The timer's section and the parts of it that change. */
function timerFace() {
  const headingId = uid("timer-heading");
  const face = {
    elapsedTime: h("span", { class: "guide-timer__time" }),
    remainingLabel: h("span", { class: "guide-timer__label" }),
    remainingTime: h("span", { class: "guide-timer__time" }),
    fill: h("span", { class: "guide-timer__fill" }),
    cue: h("p", { class: "guide-timer__cue", role: "status" }),
    toggle: h("button", { type: "button", class: "guide-button guide-button--primary", "data-focus-key": "timer-toggle" }),
    reset: h("button", { type: "button", class: "guide-button", text: t("timer.reset"), "data-focus-key": "timer-reset" }),
    sound: h("input", {
      type: "checkbox",
      class: "guide-checkbox",
      "data-focus-key": "timer-sound",
      checked: store.data.settings.timerSound,
    }),
    soundLabel: h("span"),
  };
  face.section = h(
    "section",
    { class: "guide-prep__section guide-timer", "aria-labelledby": headingId, id: "prep-timer" },
    h("h2", { id: headingId, class: "guide-timer__heading", text: t("timer.heading") }),
    h(
      "div",
      { class: "guide-timer__face", role: "timer", "aria-live": "off" },
      h("p", { class: "guide-timer__readout" }, h("span", { class: "guide-timer__label", text: t("timer.elapsed") }), face.elapsedTime),
      h("p", { class: "guide-timer__readout" }, face.remainingLabel, face.remainingTime),
    ),
    h("span", { class: "guide-timer__bar", "aria-hidden": "true" }, face.fill),
    face.cue,
    h("div", { class: "guide-actions guide-timer__actions" }, face.toggle, face.reset),
    h("label", { class: "guide-check guide-timer__sound" }, face.sound, face.soundLabel),
  );
  return face;
}

/** Show a reading on the face: the times, the bar and the buttons' words. */
function showReading(face, reading) {
  // Whole seconds, so that elapsed and remaining always add up to the agreed length.
  const seconds = Math.floor(reading.elapsed / 1000) * 1000;
  face.elapsedTime.textContent = clock(seconds);
  const over = reading.remaining < 0;
  face.remainingLabel.textContent = over ? t("timer.over") : t("timer.remaining");
  face.remainingTime.textContent = clock(reading.length - seconds);
  face.fill.style.width = `${Math.min(100, (reading.elapsed / reading.length) * 100)}%`;
  face.toggle.textContent = reading.running ? t("timer.pause") : reading.phase === "idle" ? t("timer.start") : t("timer.resume");
  face.reset.disabled = reading.phase === "idle";
  face.soundLabel.textContent = t("timer.sound", { count: reading.warnAt / MINUTE });
  face.section.dataset.phase = reading.phase;
  face.section.classList.toggle("guide-timer--running", reading.running);
}

/** The cue for a reading's phase. */
function cueText(reading) {
  const minutes = reading.length / MINUTE;
  const messages = {
    idle: t("timer.idle", { count: minutes }),
    "on-time": t("timer.onTime", { count: minutes }),
    "near-end": t("timer.nearEnd", { count: reading.warnAt / MINUTE }),
    over: t("timer.timeUp", { count: minutes }),
  };
  return messages[reading.phase];
}

/**
 * Show the sheet's timer as it is now, and its cue when `withCue` or when the phase has changed since
 * the face last showed one; returns {reading, changed}.
 */
export function showTimer(face, sheet, withCue) {
  const reading = timerReading(sheet.timer, sheet.logistics.length, Date.now());
  const changed = reading.phase !== face.section.dataset.phase;
  showReading(face, reading);
  if (withCue || changed) {
    face.cue.textContent = cueText(reading);
  }
  return { reading, changed };
}

/** Start or pause the shown sheet's timer, saving its new state, and say what happened. */
function toggleTimer(sheet, say) {
  const now = Date.now();
  const reading = timerReading(sheet.timer, sheet.logistics.length, now);
  const timer = { startedAt: reading.running ? null : now, elapsed: reading.elapsed };
  changeSheet(sheet, (stored) => {
    stored.timer = timer;
  });
  if (reading.running) {
    say(t("timer.paused", { time: clock(reading.elapsed) }));
  } else {
    say(reading.phase === "idle" ? t("timer.started", { count: reading.length / MINUTE }) : t("timer.resumed"));
  }
}

/**
 * The timer's workings for one face (timer-run.js), loaded the first time they are asked for: a function
 * that returns a promise of {render(announce), keepSound(on)}. A failed load is tried again at the next ask.
 */
function workings(options) {
  let loading = null;
  return () => {
    loading ||= import("./timer-run.js").then(
      (run) => run.runTimer(options),
      (error) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
}

/** After a press, show the timer at once, and let its workings tick (or stop ticking) from there. */
function pressed(face, sheet, run) {
  showTimer(face, sheet, false);
  run().then((timer) => timer.render(false));
}

/** Set the shown sheet's timer back to zero, say so, and put the focus on the start button. */
function resetTimer({ face, sheet, say, run }) {
  changeSheet(sheet, (stored) => {
    stored.timer = { startedAt: null, elapsed: 0 };
  });
  pressed(face, sheet, run);
  say(t("timer.wasReset"));
  face.toggle.focus();
}

/** The sound setting was changed: turning it on plays the sound once, to hear it; the workings save it. */
function soundChanged(face, run) {
  const on = face.sound.checked;
  // The visitor has just used the page, so the browser lets the sound play once the workings are in.
  run().then((timer) => {
    if (on) {
      timer.chime();
    }
    timer.keepSound(on);
  });
}

/**
 * Build the timer section for the shown sheet; `say(text)` announces. Returns {section, refresh(),
 * destroy()}: `refresh()` after the agreed length changes.
 */
export function mountTimer({ sheet, say }) {
  const face = timerFace();
  const { reading } = showTimer(face, sheet, true);
  const stopped = new AbortController();
  const run = workings({ face, sheet, signal: stopped.signal });
  face.toggle.addEventListener("click", () => {
    toggleTimer(sheet, say);
    pressed(face, sheet, run);
  });
  face.reset.addEventListener("click", () => resetTimer({ face, sheet, say, run }));
  face.sound.addEventListener("change", () => soundChanged(face, run));
  // A timer with time on it runs, or may be reset or resumed: its workings load at once.
  if (reading.phase !== "idle") {
    run();
  }
  return { section: face.section, refresh: () => showTimer(face, sheet, true), destroy: () => stopped.abort() };
}
