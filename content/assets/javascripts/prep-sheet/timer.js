// The meeting timer of a prep sheet: elapsed and remaining time against the agreed length, a quiet cue
// near the end and when the time is up (shown, and announced politely), a soft sound only if asked for.
// The start time is saved, so the timer survives a reload or a locked phone.

import { h, uid } from "../core/dom.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import { SOURCE, changeSheet } from "./edit.js";
import "./messages.js";

const MINUTE = 60000;

/** The timer at `now`: {running, elapsed, remaining, length, phase, warnAt} (times in ms). */
export function timerReading(timer, lengthMinutes, now) {
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
export function clock(ms) {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

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
    sound: h("input", { type: "checkbox", class: "guide-checkbox", "data-focus-key": "timer-sound" }),
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

/** Show a reading on the face: the times, the bar, the buttons' words and the sound setting. */
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
  face.sound.checked = store.data.settings.timerSound;
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
 * The running face of the sheet's timer: {render(announce), refresh(), stop()}. `render(true)` may
 * sound the chime, when a running timer has just reached the end's cue or the end.
 */
function timerClock(face, sheet) {
  let phase = null;
  let ticking = 0;
  function render(announce) {
    const reading = timerReading(sheet.timer, sheet.logistics.length, Date.now());
    showReading(face, reading);
    if (reading.phase !== phase) {
      const previous = phase;
      phase = reading.phase;
      face.cue.textContent = cueText(reading);
      const cueMoment = announce && previous !== null && reading.running && (phase === "near-end" || phase === "over");
      if (cueMoment && store.data.settings.timerSound) {
        chime();
      }
    }
    tick(reading.running);
  }
  function tick(running) {
    if (running && !ticking) {
      ticking = window.setInterval(() => render(true), 1000);
    } else if (!running && ticking) {
      window.clearInterval(ticking);
      ticking = 0;
    }
  }
  const refresh = () => {
    phase = null;
    render(false);
  };
  return { render, refresh, stop: () => tick(false) };
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
 * Build the timer section for the shown sheet; `say(text)` announces. Returns {section, refresh(),
 * destroy()}: `refresh()` after the agreed length changes.
 */
export function mountTimer({ sheet, say }) {
  const face = timerFace();
  const timer = timerClock(face, sheet);
  face.toggle.addEventListener("click", () => {
    toggleTimer(sheet, say);
    timer.render(false);
  });
  face.reset.addEventListener("click", () => {
    changeSheet(sheet, (stored) => {
      stored.timer = { startedAt: null, elapsed: 0 };
    });
    timer.render(false);
    say(t("timer.wasReset"));
    face.toggle.focus();
  });
  face.sound.addEventListener("change", () => {
    const on = face.sound.checked;
    store.update((data) => {
      data.settings.timerSound = on;
    }, SOURCE);
    if (on) {
      chime();
    }
  });
  // A phone that was locked, or a tab in the background, may have missed ticks: catch up on return.
  function onVisible() {
    if (document.visibilityState === "visible") {
      timer.render(true);
    }
  }
  document.addEventListener("visibilitychange", onVisible);
  timer.render(false);
  return {
    section: face.section,
    refresh: timer.refresh,
    destroy: () => {
      timer.stop();
      document.removeEventListener("visibilitychange", onVisible);
    },
  };
}
