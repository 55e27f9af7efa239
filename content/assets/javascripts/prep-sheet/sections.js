// The prep sheet's plain sections: the jump links, the meeting's details, the research notes and the
// closing reminders, and the section frame the other sections share.

import { h, uid } from "../core/dom.js";
import { field, formatDate, formatTime } from "../core/fields.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports
import { onDemand } from "../core/on-demand.js";
import { typeIntoSheet } from "./edit.js";

const zoneField = onDemand(() => import("../core/zone-field.js"));

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
  // Each section's id is prep-<name>, and its heading the message <name>.heading.
  const names = ["meeting", "research", "pitch", "timer", "questions", "share", "data"];
  return h(
    "nav",
    { class: "guide-prep__jump guide-screen-only", "aria-label": t("sheet.jumpLabel") },
    h("ul", {}, names.map((name) => h("li", {}, h("a", { href: `#prep-${name}`, text: t(`${name}.heading`) })))),
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

/** The meeting's date, time, time zone, place and length; `onLength()` runs when the length changes. */
export function meetingSection({ sheet, onLength }) {
  const zone = zoneSlot(sheet);
  const text = (key, label, extra = {}) =>
    field({
      label,
      value: sheet.logistics[key],
      focusKey: `meeting-${key}`,
      onInput: (value) => {
        typeIntoSheet(sheet, (stored) => {
          stored.logistics[key] = value;
        });
        zone.refresh();
      },
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
      zone.wrapper,
      lengthField(sheet, onLength),
      text("place", t("meeting.place"), { class: "guide-field--wide" }),
    ),
    h("p", { class: "guide-note" }, h("strong", { text: t("meeting.reminderLead") }), " ", t("meeting.reminder")),
  );
}

/**
 * The meeting's time zone: a select holding only the kept zone (the visitor's own when none is kept)
 * until they first reach for it, when zone-field.js loads with every zone and the time in the
 * visitor's zone (at once when a zone is kept). Returns {wrapper, refresh()} (for after the date or
 * time changes, which it reads from the sheet).
 */
function zoneSlot(sheet) {
  const id = uid("zone");
  const zone = sheet.logistics.timeZone;
  const onChange = (kept) =>
    typeIntoSheet(sheet, (stored) => {
      stored.logistics.timeZone = kept;
    });
  const parts = { zone, when: () => sheet.logistics, onChange, refresh() {} };
  const load = () => zoneField.use((module) => module.mountZone(parts)).catch(() => {}); // tried again at the next reach
  const shown = h("option", { text: zone || Intl.DateTimeFormat().resolvedOptions().timeZone });
  parts.select = h("select", { id, class: "guide-select", "data-focus-key": "meeting-zone", on: { focus: load, pointerenter: load } }, shown);
  parts.print = h("div", { class: "guide-print-value", text: shown.text });
  if (zone || zoneField.loaded) {
    load();
  }
  parts.wrapper = h("div", { class: "guide-field" }, h("label", { for: id, text: t("meeting.zone") }), parts.select, parts.print);
  return parts;
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
