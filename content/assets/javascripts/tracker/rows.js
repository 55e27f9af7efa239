// The contacts as the rows of the tracker's spreadsheet (CSV) file, and back, with no DOM. The page
// loads this module (with csv.js) only when the visitor downloads or imports a spreadsheet.

import { CHANNELS, DATE_FIELDS, PERMISSIONS, STATUSES, TEXT_FIELDS, isDate, relink } from "../core/contact-records.js";
import { isTimeZone } from "../core/time-zones.js";
import { emptyContact, isTime } from "./contacts.js";

// The columns of the CSV file. Their headings are part of the file format (a file made in one language
// imports in another), so they live here rather than in strings.js. "Referred by" is the referrer's
// name, for people; "Referred by (ID)" links the contacts again on import. A file made before the
// meeting's time and zone were kept has neither column, and imports as it always did.
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
  ["meetingTime", "Meeting time"],
  ["timeZone", "Time zone"],
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
  const read = readHeadings(headings);
  if (read.error) {
    return read;
  }
  const incoming = [];
  const seen = new Set(); // the ids of the file's contacts so far
  for (const [index, cells] of body.entries()) {
    if (cells.every((cell) => !cell.trim())) {
      continue;
    }
    const result = rowToContact(cells, { row: index + 2, keys: read.keys, headings, now, seen });
    if (result.error) {
      return result;
    }
    seen.add(result.contact.id);
    incoming.push(result.contact);
  }
  linkReferrals(incoming, [...existing.filter((contact) => !seen.has(contact.id)), ...incoming]);
  return mergeContacts(existing, incoming, now);
}

/** The field of each column, from the heading row: {keys} or {error}. */
function readHeadings(headings) {
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
  return { keys };
}

/**
 * One row's contact, its referrer still as the file gives it (`referredBy`, `referredByName`): {contact}
 * or {error}. `row` counts from 1 with the headings; `seen` holds the ids of the rows before it.
 */
function rowToContact(cells, { row, keys, headings, now, seen }) {
  if (cells.length > keys.length) {
    return { error: { kind: "extra", row, column: keys.length + 1, value: cells[keys.length] } };
  }
  const values = Object.fromEntries(keys.map((key, column) => [key, cells[column] ?? ""]));
  const contact = emptyContact(now);
  for (const key of [...TEXT_FIELDS, "created", "updated"]) {
    if (key in values) {
      contact[key] = values[key];
    }
  }
  const wrong = readValues(contact, values, seen);
  if (wrong) {
    const [kind, key] = wrong;
    const column = keys.indexOf(key) + 1;
    return { error: { kind, row, column, heading: headings[column - 1].trim(), value: values[key] } };
  }
  contact.referredBy = (values.referredBy ?? "").trim();
  contact.referredByName = (values.referredByName ?? "").trim();
  return { contact };
}

/** Check and copy a row's name, dates, choices and id into `contact`; the first [kind, field] wrong, or null. */
function readValues(contact, values, seen) {
  if (!contact.name.trim()) {
    return ["name", "name"];
  }
  for (const key of DATE_FIELDS) {
    const value = (values[key] ?? "").trim();
    if (value && !isDate(value)) {
      return ["date", key];
    }
    contact[key] = value;
  }
  const wrong = readMeetingTime(contact, values);
  if (wrong) {
    return wrong;
  }
  for (const [key, allowed] of Object.entries(CHOICES)) {
    const value = (values[key] ?? "").trim().toLowerCase();
    if (value && !allowed.includes(value)) {
      return ["choice", key];
    }
    contact[key] = value || contact[key];
  }
  const id = (values.id ?? "").trim();
  if (id) {
    if (seen.has(id) || id.length > 100) {
      return [id.length > 100 ? "id" : "idTwice", "id"];
    }
    contact.id = id;
  }
  return null;
}

/** Check and copy a row's meeting time (9:30 or 09:30) and time zone (an IANA name); [kind, field] if wrong. */
function readMeetingTime(contact, values) {
  const time = (values.meetingTime ?? "").trim().replace(/^(\d):/, "0$1:");
  const zone = (values.timeZone ?? "").trim();
  if (time && !isTime(time)) {
    return ["time", "meetingTime"];
  }
  if (zone && !isTimeZone(zone)) {
    return ["zone", "timeZone"];
  }
  contact.meetingTime = time;
  contact.timeZone = zone;
  return null;
}

/** Link the file's referrals: by id when the file has one, otherwise by a name that only one of `everyone` has. */
function linkReferrals(incoming, everyone) {
  const ids = new Set(everyone.map((contact) => contact.id));
  const names = new Map();
  for (const contact of everyone) {
    const name = contact.name.trim().toLowerCase();
    names.set(name, names.has(name) ? null : contact.id);
  }
  for (const contact of incoming) {
    if (!ids.has(contact.referredBy)) {
      contact.referredBy = names.get(contact.referredByName.toLowerCase()) || "";
    }
    if (contact.referredBy === contact.id) {
      contact.referredBy = "";
    }
    delete contact.referredByName;
  }
}

/** The kept contacts with the file's added and changed ones: {contacts, added, updated, unchanged}. */
function mergeContacts(existing, incoming, now) {
  const byId = new Map(existing.map((contact) => [contact.id, contact]));
  const result = existing.map((contact) => ({ ...contact }));
  const position = new Map(result.map((contact, index) => [contact.id, index]));
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const contact of incoming) {
    const before = byId.get(contact.id);
    if (!before) {
      counts.added += 1;
      result.push(contact);
    } else if (sameContact(before, contact)) {
      counts.unchanged += 1;
    } else {
      counts.updated += 1;
      contact.created = contact.created || before.created;
      contact.updated = now;
      result[position.get(contact.id)] = contact;
    }
  }
  return { contacts: relink(result), ...counts };
}
