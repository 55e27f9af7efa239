// The elevator pitch builder of a prep sheet: three short prompts put together into a 30-second
// introduction, with its word count and an estimate of the time it takes to say.

import { debounce, h, uid } from "../core/dom.js";
import { field } from "../core/fields.js";
import { onDemand } from "../core/on-demand.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports
import { countWords, speakingSeconds, WORDS_PER_MINUTE } from "../core/words.js";

export const TARGET_SECONDS = 30;
const PROMPTS = ["who", "exploring", "why"];
const who = onDemand(() => import("./pitch-who.js"));

/** The prompts' answers as one paragraph, each ending as a sentence. */
export function assemblePitch(pitch) {
  return PROMPTS.map((key) => (pitch[key] || "").trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .map((part) => (/[.!?…]["'”’)]*$/.test(part) ? part : `${part}.`))
    .join(" ");
}

/**
 * Build the pitch section for a sheet. `onChange(key, value)` records an answer; `profile` is the
 * visitor's own details, whose introduction is offered for "Who you are". Returns the section.
 */
export function mountPitch({ sheet, onChange, profile }) {
  const headingId = uid("pitch-heading");
  const resultId = uid("pitch-result");
  const text = h("p", { class: "guide-pitch__text" });
  const stats = h("p", { class: "guide-pitch__stats", role: "status" });
  const targetWords = Math.round((TARGET_SECONDS * WORDS_PER_MINUTE) / 60);
  const section = h("section", {
    class: "guide-prep__section guide-pitch",
    "aria-labelledby": headingId,
    id: "prep-pitch",
  });

  const announceStats = debounce((words) => {
    const seconds = speakingSeconds(words);
    const parts = [t("pitch.stats", { count: words, seconds })];
    if (seconds > TARGET_SECONDS + 5) {
      parts.push(t("pitch.tooLong", { target: TARGET_SECONDS }));
    }
    stats.textContent = words ? parts.join(" ") : "";
    stats.classList.toggle("guide-pitch__stats--long", seconds > TARGET_SECONDS + 5);
  }, 700);

  function refresh(immediately) {
    const pitch = assemblePitch(sheet.pitch);
    text.textContent = pitch || t("pitch.placeholder");
    text.classList.toggle("guide-pitch__text--empty", !pitch);
    section.classList.toggle("guide-pitch--empty", !pitch);
    announceStats(countWords(pitch));
    if (immediately) {
      announceStats.flush();
    }
  }

  const fields = PROMPTS.map((key) =>
    field({
      label: t(`pitch.${key}`),
      hint: t(`pitch.${key}Hint`),
      value: sheet.pitch[key],
      multiline: true,
      rows: 2,
      focusKey: `pitch-${key}`,
      class: "guide-field--wide",
      onInput: (value) => {
        onChange(key, value);
        refresh(false);
      },
    }),
  );

  if (profile && profile.visitor && !String(sheet.pitch.who || "").trim()) {
    who.use((module) => module.offerIntroduction(profile, fields[0])).catch(() => {}); // no offer, the field as ever
  }
  section.append(
    h("h2", { id: headingId, text: t("pitch.heading") }),
    h("p", { class: "guide-hint guide-screen-only", text: t("pitch.intro", { seconds: TARGET_SECONDS, words: targetWords }) }),
    h("div", { class: "guide-pitch__prompts" }, fields.map((item) => item.wrapper)),
    h(
      "div",
      { class: "guide-pitch__result", role: "group", "aria-labelledby": resultId },
      h("h3", { id: resultId, class: "guide-pitch__title", text: t("pitch.result") }),
      text,
      stats,
    ),
  );
  refresh(true);
  return { section, destroy: () => announceStats.cancel() };
}
