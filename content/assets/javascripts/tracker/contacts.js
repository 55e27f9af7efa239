// The contact tracker's model, with no DOM: a new contact, checking a contact, the next actions that the
// guide's timing suggests, sorting and finding. A contact's fields and reading stored contacts are in
// contact-records.js, which the store needs on every page with a tool; the rows of the CSV file are in
// rows.js, which the page loads only when a file is made or read.
//
// Contact: {id, name, role, organization, found, referredBy (another contact's id or ""), channel,
//   status, contacted, followedUp, meeting, thankYouSent, referrerTold, updateSent, nextFollowUp
//   (dates as yyyy-mm-dd or ""), meetingTime (hh:mm or ""), timeZone (the meeting's IANA zone, or "":
//   the visitor's own), permission, notes, actions, created, updated (ISO timestamps)}
//
// Statuses, channels and permissions are stored as the plain words of the guide ("meeting booked"), so
// that a spreadsheet of them reads well; the page shows them through strings.js.

import { DATE_FIELDS, STATUSES, TEXT_FIELDS, isDate } from "../core/contact-records.js";
import { locale } from "../core/strings.js";

export {
  CHANNELS,
  DATE_FIELDS,
  PERMISSIONS,
  STATUSES,
  TEXT_FIELDS,
  isDate,
  normaliseContact,
  normaliseContacts,
  relink,
} from "../core/contact-records.js";

/** Whether `value` is a time of day written hh:mm (24-hour). */
export const isTime = (value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

// The guide's timing (follow-up.md, keep-track.md), in days.
export const THANK_YOU_DAYS = 1; // "Send a thank-you within 24 hours"
export const NO_REPLY_DAYS = 7; // "one polite follow-up about a week after no reply"
export const REFERRER_DAYS = 7; // "Within a week or two: ... contact referrals and tell your initial contact"
export const UPDATE_DAYS = 90; // "Two or three months later: send a short progress update"
export const SOON_DAYS = 30; // next actions further away than this are counted, not listed

/** `iso` plus `days` days. */
export function addDays(iso, days) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Today's date where the visitor is, from Date.now() (so tests can set the clock). */
export function todayIso(now = Date.now()) {
  const date = new Date(now);
  const pad = (number) => String(number).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function newContactId() {
  const random =
    globalThis.crypto && typeof globalThis.crypto.randomUUID === "function"
      ? globalThis.crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `contact-${Date.now().toString(36)}-${random}`;
}

export function emptyContact(now = new Date(Date.now()).toISOString()) {
  const contact = { id: newContactId(), referredBy: "", channel: "email", status: "to contact", permission: "not asked" };
  contact.meetingTime = "";
  contact.timeZone = "";
  for (const key of [...TEXT_FIELDS, ...DATE_FIELDS]) {
    contact[key] = "";
  }
  return { ...contact, created: now, updated: now };
}

// --- Checking the form --------------------------------------------------------------------------------

/**
 * What is wrong with a contact being saved: {errors: {field: messageId}, questions: {field: messageId}}.
 * Errors stop the save; questions are asked once (the visitor may save again to keep the value).
 */
export function checkContact(contact) {
  const errors = {};
  const questions = {};
  if (!contact.name.trim()) {
    errors.name = "tracker.error.name";
  }
  for (const key of DATE_FIELDS) {
    if (contact[key] && !isDate(contact[key])) {
      errors[key] = "tracker.error.date";
    }
  }
  if (contact.meetingTime && !isTime(contact.meetingTime)) {
    errors.meetingTime = "tracker.error.time";
  } else if (contact.meetingTime && !contact.meeting) {
    errors.meetingTime = "tracker.error.timeNoDate";
  }
  if (contact.referredBy && contact.referredBy === contact.id) {
    errors.referredBy = "tracker.error.self";
  }
  const ok = (key) => contact[key] && !errors[key];
  if (ok("thankYouSent") && ok("meeting") && contact.thankYouSent < contact.meeting) {
    questions.thankYouSent = "tracker.question.thanksBeforeMeeting";
  }
  if (ok("meeting") && ok("contacted") && contact.meeting < contact.contacted) {
    questions.meeting = "tracker.question.meetingBeforeContact";
  }
  if (ok("followedUp") && ok("contacted") && contact.followedUp < contact.contacted) {
    questions.followedUp = "tracker.question.followUpBeforeContact";
  }
  return { errors, questions };
}

// --- Next actions -------------------------------------------------------------------------------------

function latest(...dates) {
  return dates.filter(Boolean).sort().pop() || "";
}

/**
 * What to do next, soonest first: [{kind, contact, whom, due, state, script}], `whom` being the contact
 * to write to (the referrer, for "referrer"), `state` "overdue", "today" or "soon". Kinds: "thank-you",
 * "no-reply", "referrer", "update" (every few months) and "planned" (the contact's next follow-up date).
 * Returns {actions, later}: those due within `soonDays`, and how many more there are after that.
 */
export function nextActions(contacts, today, soonDays = SOON_DAYS) {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const all = [];
  const add = (kind, contact, due, whom = contact) => all.push({ kind, contact, whom, due, script: SCRIPTS[kind] });
  for (const contact of contacts) {
    if (contact.status === "met" && !contact.thankYouSent) {
      add("thank-you", contact, contact.meeting ? addDays(contact.meeting, THANK_YOU_DAYS) : today);
    }
    if (contact.status === "contacted" && contact.contacted && !contact.followedUp) {
      add("no-reply", contact, addDays(contact.contacted, NO_REPLY_DAYS));
    }
    const referrer = byId.get(contact.referredBy);
    const followed = latest(contact.contacted, contact.meeting && contact.meeting <= today ? contact.meeting : "");
    if (referrer && followed && !contact.referrerTold && contact.status !== "to contact") {
      const first = [contact.contacted, contact.meeting].filter(Boolean).sort()[0];
      add("referrer", contact, addDays(first, REFERRER_DAYS), referrer);
    }
    if (contact.nextFollowUp) {
      add("planned", contact, contact.nextFollowUp);
    } else if (["thanked", "keeping in touch"].includes(contact.status)) {
      const last = latest(contact.thankYouSent, contact.updateSent, contact.meeting);
      if (last) {
        add("update", contact, addDays(last, UPDATE_DAYS));
      }
    }
  }
  const horizon = Number.isFinite(soonDays) ? addDays(today, soonDays) : "9999-12-31";
  for (const action of all) {
    action.state = action.due < today ? "overdue" : action.due === today ? "today" : "soon";
  }
  all.sort((a, b) => a.due.localeCompare(b.due) || compareText(a.whom.name, b.whom.name));
  const actions = all.filter((action) => action.due <= horizon);
  return { actions, later: all.length - actions.length };
}

/** The outreach script that helps with each kind of action (scripts/<id>/). */
export const SCRIPTS = {
  "thank-you": "thank-you",
  "no-reply": "follow-up-no-reply",
  referrer: "referrer-update",
  update: "progress-update",
  planned: "progress-update",
};

/** The change that records an action as done today. */
export function markDone(action, today) {
  switch (action.kind) {
    case "thank-you":
      return { thankYouSent: today, status: "thanked" };
    case "no-reply":
      return { followedUp: today };
    case "referrer":
      return { referrerTold: today };
    case "update":
      return { updateSent: today, status: "keeping in touch" };
    default:
      return { nextFollowUp: "", updateSent: today };
  }
}

// --- Sorting and finding ------------------------------------------------------------------------------

/** The date a contact next needs something, for sorting ("" when nothing is planned). */
export function nextDate(contact, today, actions) {
  const dates = actions.filter((action) => action.contact === contact).map((action) => action.due);
  return dates.sort()[0] || contact.nextFollowUp || "";
}

const collators = {};

/** Two names compared as the page's language sorts them: accents and case aside, numbers by value. */
export function compareText(a, b) {
  collators[locale()] ||= new Intl.Collator(locale(), { sensitivity: "base", numeric: true });
  return collators[locale()].compare(a, b);
}

/** The contacts in the order `sort` ("name", "status" or "next") asks for; a new array. */
export function sortContacts(contacts, sort, today) {
  const { actions } = sort === "next" ? nextActions(contacts, today, Infinity) : { actions: [] };
  const byName = (a, b) => compareText(a.name, b.name) || a.id.localeCompare(b.id);
  const list = [...contacts];
  if (sort === "status") {
    list.sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || byName(a, b));
  } else if (sort === "next") {
    const dates = new Map(list.map((contact) => [contact.id, nextDate(contact, today, actions)]));
    const key = (contact) => dates.get(contact.id) || "9999";
    list.sort((a, b) => key(a).localeCompare(key(b)) || byName(a, b));
  } else {
    list.sort(byName);
  }
  return list;
}

/** The words of a contact that a filter looks through. */
export function searchText(contact) {
  return [contact.name, contact.role, contact.organization, contact.found, contact.notes, contact.actions, contact.status].join(" ");
}
