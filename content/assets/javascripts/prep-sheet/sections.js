// The prep sheet's plain sections: the jump links, the meeting's details, the research notes and the
// closing reminders, and the section frame the other sections share.

import { h, uid } from "../core/dom.js";
import { field, formatDate, formatTime } from "../core/fields.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports
import { typeIntoSheet } from "./edit.js";

/** A section of the sheet (id `prep-<id>`), named by its heading. */
export function section(id, heading, ...children) {
  const headingId = uid("heading");
  return h(
    "section",
    { class: `guide-prep__section guide-prep__section--${id}`, id: `prep-${id}`, "aria-labelledby": headingId },
    h("h2", { id: headingId, text: heading }),
    ...children,
  );
}

/** Links to the sheet's sections. */
export function navigation() {
  const links = [
    ["prep-meeting", t("meeting.heading")],
    ["prep-research", t("research.heading")],
    ["prep-pitch", t("pitch.heading")],
    ["prep-timer", t("timer.heading")],
    ["prep-questions", t("questions.heading")],
    ["prep-share", t("share.heading")],
    ["prep-data", t("data.heading")],
  ];
  return h(
    "nav",
    { class: "guide-prep__jump guide-screen-only", "aria-label": t("sheet.jumpLabel") },
    h("ul", {}, links.map(([id, text]) => h("li", {}, h("a", { href: `#${id}`, text })))),
  );
}

/** The agreed length in minutes, in a field; `onLength()` runs after a new length is kept. */
function lengthField(sheet, onLength) {
  const unitId = uid("unit");
  const length = field({
    label: t("meeting.length"),
    describedBy: unitId,
    value: String(sheet.logistics.length),
    type: "number",
    focusKey: "meeting-length",
    class: "guide-field--length",
    format: (value) => (value ? t("meeting.minutes", { count: Number(value) }) : ""),
    attrs: { min: "5", max: "240", step: "5", inputmode: "numeric" },
    onInput: (value) => {
      const minutes = Number(value);
      if (Number.isFinite(minutes) && minutes >= 1 && minutes <= 600) {
        typeIntoSheet(sheet, (stored) => {
          stored.logistics.length = Math.round(minutes);
        });
        onLength();
      }
    },
  });
  const unit = h("span", { id: unitId, class: "guide-field__unit guide-screen-only", text: t("meeting.minutesUnit") });
  length.control.after(unit);
  return length.wrapper;
}

/** The meeting's date, time, place and length; `onLength()` runs when the length changes. */
export function meetingSection({ sheet, onLength }) {
  const text = (key, label, extra = {}) =>
    field({
      label,
      value: sheet.logistics[key],
      focusKey: `meeting-${key}`,
      onInput: (value) =>
        typeIntoSheet(sheet, (stored) => {
          stored.logistics[key] = value;
        }),
      ...extra,
    }).wrapper;
  return section(
    "meeting",
    t("meeting.heading"),
    h(
      "div",
      { class: "guide-grid" },
      text("date", t("meeting.date"), { type: "date", format: formatDate }),
      text("time", t("meeting.time"), { type: "time", format: formatTime }),
      text("place", t("meeting.place"), { class: "guide-field--wide" }),
      lengthField(sheet, onLength),
    ),
    h("p", { class: "guide-note" }, h("strong", { text: t("meeting.reminderLead") }), " ", t("meeting.reminder")),
  );
}

/** What the visitor found out about the person; `onName()` runs when the name or organization changes. */
export function researchSection({ sheet, onName }) {
  const text = (key, extra = {}) =>
    field({
      label: t(`research.${key}`),
      value: sheet.research[key],
      focusKey: `research-${key}`,
      onInput: (value) => {
        typeIntoSheet(sheet, (stored) => {
          stored.research[key] = value;
        });
        if (key === "name" || key === "organization") {
          onName();
        }
      },
      ...extra,
    }).wrapper;
  return section(
    "research",
    t("research.heading"),
    h(
      "div",
      { class: "guide-grid" },
      text("field"),
      text("organization", { autocomplete: "organization" }),
      text("name"),
      text("role"),
      text("found", { class: "guide-field--wide" }),
      text("notes", { multiline: true, rows: 3, class: "guide-field--wide", hint: t("research.notesHint") }),
    ),
  );
}

/** Reminders for the end of the meeting. */
export function closingSection() {
  return section(
    "close",
    t("close.heading"),
    h("ul", {}, ["close.time", "close.referrals", "close.cards"].map((key) => h("li", { text: t(key) }))),
  );
}
