// One contact's card in the tracker's list: name and status, where they work, their details and dates,
// their notes (closed until asked for), and the buttons that edit or delete them.

import { DATE_FIELDS, isTime } from "./contacts.js";
import { h, uid } from "../core/dom.js";
import { t } from "../core/strings.js";
import { cardId, contactName, shortDate, shortTime, zoneField } from "./shared.js";
import "./messages.js";

/**
 * The card, in its list item. `referrer`: the contact who referred this one, or null; `link(contact,
 * text)` makes a link to a contact's card; `onEdit()` and `onDelete()` answer the card's buttons.
 */
export function contactCard(contact, { referrer, link, onEdit, onDelete }) {
  const name = contactName(contact);
  const titleId = uid("tracker-card");
  const details = cardDetails(contact, referrer ? link(referrer, contactName(referrer)) : "");
  return h(
    "li",
    { class: "guide-tracker__item" },
    h(
      "article",
      { class: "guide-tracker__card", id: cardId(contact.id), "aria-labelledby": titleId },
      h(
        "div",
        { class: "guide-tracker__card-head" },
        h("h3", { id: titleId, class: "guide-tracker__name", text: name }),
        h("span", {
          class: `guide-tracker__status guide-tracker__status--${contact.status.replace(/ /g, "-")}`,
          text: t(`tracker.status.${contact.status}`),
        }),
      ),
      contact.role || contact.organization
        ? h("p", { class: "guide-tracker__where", text: [contact.role, contact.organization].filter(Boolean).join(", ") })
        : null,
      h("dl", { class: "guide-tracker__details" }, details),
      cardNotes(contact),
      h(
        "div",
        { class: "guide-actions guide-screen-only" },
        h("button", {
          type: "button",
          class: "guide-button guide-button--small",
          "data-focus-key": `edit-${contact.id}`,
          "aria-label": t("tracker.editLabel", { name }),
          text: t("tracker.edit"),
          on: { click: onEdit },
        }),
        h("button", {
          type: "button",
          class: "guide-button guide-button--small guide-button--danger",
          "data-focus-key": `delete-${contact.id}`,
          "aria-label": t("tracker.deleteLabel", { name }),
          text: t("tracker.delete"),
          on: { click: onDelete },
        }),
      ),
    ),
  );
}

/** The card's details that have a value, each a <div> of <dt> and <dd>; `referrer` a link or "". */
function cardDetails(contact, referrer) {
  const details = [];
  const detail = (label, value) => value && details.push(h("div", {}, h("dt", { text: label }), h("dd", {}, value)));
  detail(t("tracker.field.found"), contact.found);
  detail(t("tracker.field.referredBy"), referrer);
  detail(t("tracker.field.channel"), t(`tracker.channel.${contact.channel}`));
  for (const key of DATE_FIELDS) {
    detail(t(`tracker.field.${key}`), key === "meeting" ? meetingWhen(contact) : contact[key] ? shortDate(contact[key]) : "");
  }
  if (contact.permission !== "not asked") {
    detail(t("tracker.field.permission"), t(`tracker.permission.${contact.permission}`));
  }
  return details;
}

/** The meeting's date, and its time in its zone (and in the visitor's when that is another); or "". */
function meetingWhen({ meeting, meetingTime, timeZone }) {
  const day = meeting ? shortDate(meeting) : "";
  if (!day || !isTime(meetingTime)) {
    return day;
  }
  const parts = [h("span"), h("p", { class: "guide-hint", hidden: true })]; // the zone's name; the visitor's time
  zoneField.use((module) => module.describe(parts, { date: meeting, time: meetingTime, zone: timeZone })).catch(() => {});
  return [`${day}, ${shortTime(meetingTime)} `, ...parts];
}

/** The contact's notes and action steps in a closed <details>, or null when there are none. */
function cardNotes(contact) {
  if (![contact.notes, contact.actions].some((text) => text.trim())) {
    return null;
  }
  return h(
    "details",
    { class: "guide-tracker__notes" },
    h("summary", { text: t("tracker.notesSummary") }),
    noteText(contact.notes, "tracker.field.notes"),
    noteText(contact.actions, "tracker.field.actions"),
  );
}

/** A heading and its text, or null when the text is blank. */
function noteText(text, heading) {
  return text.trim() ? [h("h4", { text: t(heading) }), h("p", { class: "guide-tracker__text", text })] : null;
}
