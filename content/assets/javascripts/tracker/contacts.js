// The contact tracker's model, with no DOM: checking a contact, reading and writing the rows of the CSV
// file, and the next actions that the guide's timing suggests. A contact's fields and reading stored
// contacts are in contact-records.js, which the store needs on every page with a tool.
//
// Contact: {id, name, role, organization, found, referredBy (another contact's id or ""), channel,
//   status, contacted, followedUp, meeting, thankYouSent, referrerTold, updateSent, nextFollowUp
//   (dates as yyyy-mm-dd or ""), permission, notes, actions, created, updated (ISO timestamps)}
//
// Statuses, channels and permissions are stored as the plain words of the guide ("meeting booked"), so
// that a spreadsheet of them reads well; the page shows them through strings.js.

import { CHANNELS, DATE_FIELDS, PERMISSIONS, STATUSES, TEXT_FIELDS, isDate, relink } from "../core/contact-records.js";

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
  all.sort((a, b) => a.due.localeCompare(b.due) || a.whom.name.localeCompare(b.whom.name));
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

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** The contacts in the order `sort` ("name", "status" or "next") asks for; a new array. */
export function sortContacts(contacts, sort, today) {
  const { actions } = sort === "next" ? nextActions(contacts, today, Infinity) : { actions: [] };
  const byName = (a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
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

// --- The spreadsheet (CSV) -------------------------------------------------------------------------------

// The columns of the CSV file. Their headings are part of the file format (a file made in one language
// imports in another), so they live here rather than in strings.js. "Referred by" is the referrer's
// name, for people; "Referred by (ID)" links the contacts again on import.
export const COLUMNS = [
  ["name", "Name"],
  ["role", "Role"],
  ["organization", "Organization"],
  ["found", "How you found them"],
  ["referredByName", "Referred by"],
  ["channel", "Channel"],
  ["status", "Status"],
  ["contacted", "Contacted"],
  ["followedUp", "Followed up"],
  ["meeting", "Meeting"],
  ["thankYouSent", "Thank-you sent"],
  ["referrerTold", "Told the referrer"],
  ["updateSent", "Last progress update"],
  ["nextFollowUp", "Next follow-up"],
  ["permission", "May use their name"],
  ["notes", "Notes"],
  ["actions", "Action steps"],
  ["created", "Created"],
  ["updated", "Updated"],
  ["id", "ID"],
  ["referredBy", "Referred by (ID)"],
];

const CHOICES = { channel: CHANNELS, status: STATUSES, permission: PERMISSIONS };

/** Every contact as a row of text, after a row of headings. */
export function contactsToRows(contacts) {
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  const rows = [COLUMNS.map(([, heading]) => heading)];
  for (const contact of contacts) {
    rows.push(COLUMNS.map(([key]) => (key === "referredByName" ? names.get(contact.referredBy) || "" : contact[key] ?? "")));
  }
  return rows;
}

/** A column's letters as a spreadsheet shows them: 1 is A, 27 is AA. */
export function columnLetters(number) {
  let letters = "";
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

const sameContact = (a, b) => COLUMNS.every(([key]) => key === "referredByName" || key === "updated" || a[key] === b[key]);

/**
 * Contacts from a CSV file's rows, checked against those already kept: {contacts (the whole new list),
 * added, updated, unchanged} or {error: {kind, row, column, heading, value}}. Nothing is changed here.
 */
export function rowsToContacts(rows, existing, now = new Date(Date.now()).toISOString()) {
  const [headings, ...body] = rows;
  if (!headings || headings.every((cell) => !cell.trim())) {
    return { error: { kind: "empty", row: 1, column: 1 } };
  }
  const known = new Map(COLUMNS.map(([key, heading]) => [heading.toLowerCase(), key]));
  const keys = [];
  for (const [index, cell] of headings.entries()) {
    const key = known.get(cell.trim().toLowerCase());
    const where = { row: 1, column: index + 1, heading: cell.trim() };
    if (!key) {
      return { error: { kind: "heading", ...where } };
    }
    if (keys.includes(key)) {
      return { error: { kind: "headingTwice", ...where } };
    }
    keys.push(key);
  }
  if (!keys.includes("name")) {
    return { error: { kind: "noName", row: 1, column: keys.length + 1 } };
  }
  const byId = new Map(existing.map((contact) => [contact.id, contact]));
  const incoming = [];
  const seen = new Set();
  for (const [index, cells] of body.entries()) {
    const row = index + 2;
    if (cells.every((cell) => !cell.trim())) {
      continue;
    }
    if (cells.length > keys.length) {
      return { error: { kind: "extra", row, column: keys.length + 1, value: cells[keys.length] } };
    }
    const values = Object.fromEntries(keys.map((key, column) => [key, cells[column] ?? ""]));
    const fail = (kind, key) => {
      const column = keys.indexOf(key) + 1;
      return { error: { kind, row, column, heading: headings[column - 1].trim(), value: values[key] } };
    };
    const contact = emptyContact(now);
    for (const key of [...TEXT_FIELDS, "created", "updated"]) {
      if (key in values) {
        contact[key] = values[key];
      }
    }
    if (!contact.name.trim()) {
      return fail("name", "name");
    }
    for (const key of DATE_FIELDS) {
      const value = (values[key] ?? "").trim();
      if (value && !isDate(value)) {
        return fail("date", key);
      }
      contact[key] = value;
    }
    for (const [key, allowed] of Object.entries(CHOICES)) {
      const value = (values[key] ?? "").trim().toLowerCase();
      if (value && !allowed.includes(value)) {
        return fail("choice", key);
      }
      contact[key] = value || contact[key];
    }
    const id = (values.id ?? "").trim();
    if (id) {
      if (seen.has(id) || id.length > 100) {
        return fail(id.length > 100 ? "id" : "idTwice", "id");
      }
      contact.id = id;
    }
    seen.add(contact.id);
    contact.referredBy = (values.referredBy ?? "").trim();
    contact.referredByName = (values.referredByName ?? "").trim();
    incoming.push(contact);
  }
  // Link referrals: by id when the file has one, otherwise by a name that only one contact has.
  const everyone = [...existing.filter((contact) => !seen.has(contact.id)), ...incoming];
  const ids = new Set(everyone.map((contact) => contact.id));
  const names = new Map();
  for (const contact of everyone) {
    const name = contact.name.trim().toLowerCase();
    names.set(name, names.has(name) ? null : contact.id);
  }
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const result = existing.map((contact) => ({ ...contact }));
  const position = new Map(result.map((contact, index) => [contact.id, index]));
  for (const contact of incoming) {
    if (!ids.has(contact.referredBy)) {
      contact.referredBy = names.get(contact.referredByName.toLowerCase()) || "";
    }
    if (contact.referredBy === contact.id) {
      contact.referredBy = "";
    }
    delete contact.referredByName;
    const before = byId.get(contact.id);
    if (!before) {
      added += 1;
      result.push(contact);
    } else if (sameContact(before, contact)) {
      unchanged += 1;
    } else {
      updated += 1;
      contact.created = contact.created || before.created;
      contact.updated = now;
      result[position.get(contact.id)] = contact;
    }
  }
  return { contacts: relink(result), added, updated, unchanged };
}
