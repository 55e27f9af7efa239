// The meeting timer of a prep sheet: elapsed and remaining time against the agreed length, a quiet cue
// near the end and when the time is up (shown, and announced politely), a soft sound only if asked for.
// The start time is saved, so the timer survives a reload or a locked phone.

import { h, uid } from "../core/dom.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
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

/**
 * Build the timer section for the sheet `sheetId`. `save()` stores a change; `say(text)` announces.
 * Returns {section, refresh(), destroy()}.
 */
export function mountTimer({ sheetId, save, say }) {
  const headingId = uid("timer-heading");
  const sheet = () => store.data.prepSheets.find((candidate) => candidate.id === sheetId);
  const elapsedTime = h("span", { class: "guide-timer__time" });
  const remainingLabel = h("span", { class: "guide-timer__label" });
  const remainingTime = h("span", { class: "guide-timer__time" });
  const fill = h("span", { class: "guide-timer__fill" });
  const cue = h("p", { class: "guide-timer__cue", role: "status" });
  const toggle = h("button", { type: "button", class: "guide-button guide-button--primary", "data-focus-key": "timer-toggle" });
  const reset = h("button", { type: "button", class: "guide-button", text: t("timer.reset"), "data-focus-key": "timer-reset" });
  const sound = h("input", { type: "checkbox", class: "guide-checkbox", "data-focus-key": "timer-sound" });
  const soundLabel = h("span");
  const section = h(
    "section",
    { class: "guide-prep__section guide-timer", "aria-labelledby": headingId, id: "prep-timer" },
    h("h2", { id: headingId, class: "guide-timer__heading", text: t("timer.heading") }),
    h(
      "div",
      { class: "guide-timer__face", role: "timer", "aria-live": "off" },
      h("p", { class: "guide-timer__readout" }, h("span", { class: "guide-timer__label", text: t("timer.elapsed") }), elapsedTime),
      h("p", { class: "guide-timer__readout" }, remainingLabel, remainingTime),
    ),
    h("span", { class: "guide-timer__bar", "aria-hidden": "true" }, fill),
    cue,
    h("div", { class: "guide-actions guide-timer__actions" }, toggle, reset),
    h("label", { class: "guide-check guide-timer__sound" }, sound, soundLabel),
  );

  let phase = null;
  let ticking = 0;

  function render(announce) {
    const current = sheet();
    if (!current) {
      return;
    }
    const reading = timerReading(current.timer, current.logistics.length, Date.now());
    // Whole seconds, so that elapsed and remaining always add up to the agreed length.
    const seconds = Math.floor(reading.elapsed / 1000) * 1000;
    elapsedTime.textContent = clock(seconds);
    const over = reading.remaining < 0;
    remainingLabel.textContent = over ? t("timer.over") : t("timer.remaining");
    remainingTime.textContent = clock(reading.length - seconds);
    fill.style.width = `${Math.min(100, (reading.elapsed / reading.length) * 100)}%`;
    toggle.textContent = reading.running ? t("timer.pause") : reading.phase === "idle" ? t("timer.start") : t("timer.resume");
    reset.disabled = reading.phase === "idle";
    const minutes = reading.length / MINUTE;
    const warn = reading.warnAt / MINUTE;
    soundLabel.textContent = t("timer.sound", { count: warn });
    sound.checked = store.data.settings.timerSound;
    section.dataset.phase = reading.phase;
    section.classList.toggle("guide-timer--running", reading.running);
    if (reading.phase !== phase) {
      const previous = phase;
      phase = reading.phase;
      const messages = {
        idle: t("timer.idle", { count: minutes }),
        "on-time": t("timer.onTime", { count: minutes }),
        "near-end": t("timer.nearEnd", { count: warn }),
        over: t("timer.timeUp", { count: minutes }),
      };
      cue.textContent = messages[phase];
      const cueMoment = announce && previous !== null && reading.running && (phase === "near-end" || phase === "over");
      if (cueMoment && store.data.settings.timerSound) {
        chime();
      }
    }
    schedule(reading.running);
  }

  function schedule(running) {
    if (running && !ticking) {
      ticking = window.setInterval(() => render(true), 1000);
    } else if (!running && ticking) {
      window.clearInterval(ticking);
      ticking = 0;
    }
  }

  toggle.addEventListener("click", () => {
    const current = sheet();
    const now = Date.now();
    const reading = timerReading(current.timer, current.logistics.length, now);
    if (reading.running) {
      current.timer = { startedAt: null, elapsed: reading.elapsed };
      say(t("timer.paused", { time: clock(reading.elapsed) }));
    } else {
      current.timer = { startedAt: now, elapsed: reading.elapsed };
      say(reading.phase === "idle" ? t("timer.started", { count: reading.length / MINUTE }) : t("timer.resumed"));
    }
    save();
    render(false);
  });
  reset.addEventListener("click", () => {
    sheet().timer = { startedAt: null, elapsed: 0 };
    save();
    render(false);
    say(t("timer.wasReset"));
    toggle.focus();
  });
  sound.addEventListener("change", () => {
    store.data.settings.timerSound = sound.checked;
    save();
    if (sound.checked) {
      chime();
    }
  });
  function onVisible() {
    if (document.visibilityState === "visible") {
      render(true);
    }
  }
  document.addEventListener("visibilitychange", onVisible);
  render(false);

  return {
    section,
    refresh: () => {
      phase = null;
      render(false);
    },
    destroy: () => {
      schedule(false);
      document.removeEventListener("visibilitychange", onVisible);
    },
  };
}
