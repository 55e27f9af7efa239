// The form that adds or edits a contact in the tracker's list: its fields, each with its message, and
// the checks before saving (errors stop the save; a question about a date is asked once).

import { CHANNELS, DATE_FIELDS, PERMISSIONS, STATUSES, TEXT_FIELDS, checkContact } from "./contacts.js";
import { h, uid } from "../core/dom.js";
import { t } from "../core/strings.js";
import { contactName } from "./shared.js";
import { zoneField } from "./shared.js";
import "./messages.js";

/** The fields a saved contact takes from the form (the meeting's time zone apart: see the submit). */
const READ = [...TEXT_FIELDS, ...DATE_FIELDS, "meetingTime", "referredBy", "channel", "status", "permission"];

/**
 * The form for `contact`: {section, heading, first (the control to focus)}. Options: isNew, others
 * (the contacts who may have referred this one, in order), say(message), onSave(draft), onCancel().
 */
export function contactForm(contact, { isNew, others, say, onSave, onCancel }) {
  const headingId = uid("tracker-form");
  const fields = formFields(contact, others);
  const title = isNew ? t("tracker.formNew") : t("tracker.formEdit", { name: contactName(contact) });
  const heading = h("h3", { id: headingId, text: title });
  const formElement = h(
    "form",
    { class: "guide-tracker__form-body", novalidate: true, "aria-labelledby": headingId },
    fields.parts,
    h(
      "div",
      { class: "guide-actions" },
      h("button", {
        type: "submit",
        class: "guide-button guide-button--primary",
        text: t(isNew ? "tracker.saveNew" : "tracker.save"),
      }),
      h("button", { type: "button", class: "guide-button", text: t("tracker.cancel"), on: { click: () => onCancel() } }),
    ),
  );
  const answered = new Set(); // questions already asked about these values
  formElement.addEventListener("submit", (event) => {
    event.preventDefault();
    const draft = { ...contact };
    for (const key of READ) {
      draft[key] = fields.controls[key].value;
    }
    draft.timeZone = fields.zone.kept?.() ?? contact.timeZone; // not loaded yet: as it was
    const { first, errors } = checkFields(fields, draft, answered);
    if (first) {
      fields.controls[first].focus();
      say(errors ? t("tracker.fixErrors", { count: errors }) : t("tracker.checkQuestion"));
      return;
    }
    onSave(draft);
  });
  const section = h("section", { class: "guide-tracker__form", "aria-labelledby": headingId }, heading, formElement);
  return { section, heading, first: fields.controls.name };
}

/**
 * The form's fields: {parts (the elements, in the form's order), controls, errors (each field's message)}.
 * `controls` keeps the order the checks look for the first field to fix in: the dates first.
 */
function formFields(contact, others) {
  const fields = { controls: {}, errors: {} };
  const input = (key, type = "text", hint = null) =>
    field(fields, key, (id) => h("input", { id, type, class: "guide-input", autocomplete: "off", value: contact[key] }), hint);
  const textarea = (key, hint) =>
    field(fields, key, (id) => h("textarea", { id, class: "guide-input guide-textarea", rows: 3 }, contact[key]), hint);
  const select = (key, options, hint = null) =>
    field(
      fields,
      key,
      (id) => {
        const element = h("select", { id, class: "guide-select" }, options.map(([value, text]) => h("option", { value, text })));
        element.value = contact[key];
        return element;
      },
      hint,
    );
  const choices = (values, prefix) => values.map((value) => [value, t(`${prefix}.${value}`)]);
  const dates = h(
    "fieldset",
    { class: "guide-tracker__dates" },
    h("legend", { text: t("tracker.datesLegend") }),
    DATE_FIELDS.flatMap((key) => (key === "meeting" ? [input(key, "date"), ...meetingTime(fields, contact)] : [input(key, "date")])),
  );
  const referrers = [["", t("tracker.noReferrer")], ...others.map((other) => [other.id, contactName(other)])];
  const grid = h(
    "div",
    { class: "guide-tracker__grid" },
    input("name"),
    input("role"),
    input("organization"),
    input("found", "text", t("tracker.hint.found")),
    select("referredBy", referrers, t("tracker.hint.referredBy")),
    select("channel", choices(CHANNELS, "tracker.channel")),
    select("status", choices(STATUSES, "tracker.status")),
    select("permission", choices(PERMISSIONS, "tracker.permission"), t("tracker.hint.permission")),
  );
  const notes = [textarea("notes", t("tracker.hint.notes")), textarea("actions", t("tracker.hint.actions"))];
  fields.controls.name.setAttribute("aria-required", "true");
  return { ...fields, parts: [grid, dates, ...notes] };
}

/**
 * The meeting's time and time zone fields, after its date; under the zone, a note gives the time in
 * the visitor's own zone when the meeting's is another. The zones load with zone-field.js.
 */
function meetingTime(fields, contact) {
  const time = field(fields, "meetingTime", (id) => h("input", { id, type: "time", class: "guide-input", autocomplete: "off", value: contact.meetingTime }));
  const zone = field(fields, "timeZone", (id) => h("select", { id, class: "guide-select" }));
  const select = fields.controls.timeZone;
  const when = () => ({ date: fields.controls.meeting.value, time: fields.controls.meetingTime.value });
  fields.zone = { select, zone: contact.timeZone, when };
  zoneField
    .use((module) => {
      module.mountZone(fields.zone);
      for (const key of ["meeting", "meetingTime"]) {
        fields.controls[key].addEventListener("input", fields.zone.refresh);
      }
    })
    .catch(() => select.append(h("option", { value: contact.timeZone, text: contact.timeZone }))); // kept as it was
  return [time, zone];
}

/** A labelled field for `key`, its control made by `build(id)`; the control and its message go in `fields`. */
function field(fields, key, build, hint) {
  const id = uid(`tracker-${key}`);
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const control = build(id);
  control.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
  control.dataset.field = key;
  fields.controls[key] = control;
  fields.errors[key] = h("p", { id: errorId, class: "guide-tracker__error", hidden: true });
  return h(
    "div",
    { class: `guide-field guide-tracker__field guide-tracker__field--${key}` },
    h("label", { for: id, text: t(key === "name" ? "tracker.field.nameRequired" : `tracker.field.${key}`) }),
    hint ? h("p", { id: hintId, class: "guide-hint", text: hint }) : null,
    control,
    fields.errors[key],
  );
}

/**
 * Show what is wrong with `draft`, and the questions about it not asked before (`answered` remembers
 * them): {first (the first field to fix, or undefined), errors (how many)}.
 */
function checkFields(fields, draft, answered) {
  const { errors: wrong, questions } = checkContact(draft);
  const asking = Object.entries(questions).filter(([key]) => !answered.has(`${key}:${draft[key]}`));
  for (const key of Object.keys(fields.controls)) {
    showMessage(fields, key, null);
  }
  for (const [key, id] of Object.entries(wrong)) {
    showMessage(fields, key, t(id), "error");
  }
  for (const [key, id] of asking) {
    showMessage(fields, key, t(id), "question");
    answered.add(`${key}:${draft[key]}`);
  }
  const first = Object.keys(fields.controls).find((key) => wrong[key] || asking.some(([asked]) => asked === key));
  return { first, errors: Object.keys(wrong).length };
}

/** Show `message` under a field as an error, a question, or nothing when `message` is null. */
function showMessage({ controls, errors }, key, message, kind) {
  errors[key].textContent = message || "";
  errors[key].hidden = !message;
  errors[key].className = `guide-tracker__error${kind === "question" ? " guide-tracker__error--question" : ""}`;
  if (kind === "error") {
    controls[key].setAttribute("aria-invalid", "true");
  } else {
    controls[key].removeAttribute("aria-invalid");
  }
}
