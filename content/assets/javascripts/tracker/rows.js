// The contacts as the rows of the tracker's spreadsheet (CSV) file, and back, with no DOM. The page
// loads this module (with csv.js) only when the visitor downloads or imports a spreadsheet.

import { CHANNELS, DATE_FIELDS, PERMISSIONS, STATUSES, TEXT_FIELDS, isDate, relink } from "../core/contact-records.js";
import { isTimeZone } from "../core/time-zones.js";
import { emptyContact, isTime } from "./contacts.js";
import { CSV_LANGUAGES } from "./csv-languages.js";
import { foldText } from "../core/dom.js";
import { MESSAGES, t } from "../core/strings.js";
import "./messages-csv.js";

// The columns of the CSV file, by the field each holds. Their headings and the words of their choices
// are messages (messages-csv.js), written in the page's language; an import reads those of every
// language (csv-languages.js), so a file made on the French pages imports on the English ones and the
// reverse. "Referred by" is the referrer's name, for people; "Referred by (ID)" links the contacts again
// on import. A file made before the meeting's time and zone were kept has neither column, and imports as
// it always did. Dates stay yyyy-mm-dd, times hh:mm and zones IANA names in every language.
export const COLUMNS = [
  "name",
  "role",
  "organization",
  "found",
  "referredByName",
  "channel",
  "status",
  "contacted",
  "followedUp",
  "meeting",
  "meetingTime",
  "timeZone",
  "thankYouSent",
  "referrerTold",
  "updateSent",
  "nextFollowUp",
  "permission",
  "notes",
  "actions",
  "created",
  "updated",
  "id",
  "referredBy",
];

const CHOICES = { channel: CHANNELS, status: STATUSES, permission: PERMISSIONS };

/** A column's heading in the page's language: "Status", « Statut ». */
export const heading = (key) => t(`tracker.csv.${key}`);

/** A choice's word in the page's language ("meeting booked", « rencontre prévue »): `key` channel, status or permission. */
export const choiceWord = (key, value) => t(`tracker.csv.${key}.${value}`);

/** Every contact as a row of text, after a row of headings, in the page's language. */
export function contactsToRows(contacts) {
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  const cell = (contact, key) => {
    if (key === "referredByName") {
      return names.get(contact.referredBy) || "";
    }
    return key in CHOICES && CHOICES[key].includes(contact[key]) ? choiceWord(key, contact[key]) : contact[key] ?? "";
  };
  return [COLUMNS.map(heading), ...contacts.map((contact) => COLUMNS.map((key) => cell(contact, key)))];
}

/** A heading or a choice as read: no case, accents or extra spaces. */
const folded = (text) => foldText(text.trim().replace(/\s+/g, " "));

/** Every language's words for message `id`, folded: the page's messages (any language) and csv-languages.js. */
function wordsOf(id) {
  const messages = Object.values(MESSAGES).map((words) => words[id]);
  const known = Object.values(CSV_LANGUAGES).flatMap((words) => words[id] || []);
  return [...messages, ...known].filter((words) => typeof words === "string").map(folded);
}

/** A map from the words of `id(item)` in every language to the item. */
function readingOf(items, id) {
  const reading = new Map();
  for (const item of items) {
    for (const word of wordsOf(id(item))) {
      reading.set(word, item);
    }
  }
  return reading;
}

/** A column's letters as a spreadsheet shows them: 1 is A, 27 is AA. */
export function columnLetters(number) {
  let letters = "";
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

const sameContact = (a, b) => COLUMNS.every((key) => key === "referredByName" || key === "updated" || a[key] === b[key]);

/**
 * Contacts from a CSV file's rows, checked against those already kept: {contacts (the whole new list),
 * added, updated, unchanged} or {error: {kind, row, column, heading, value}}. Nothing is changed here.
 */
export function rowsToContacts(rows, existing, now = new Date(Date.now()).toISOString()) {
  const [headings, ...body] = rows;
  const read = readHeadings(headings);
  const choices = Object.fromEntries(Object.entries(CHOICES).map(([key, values]) => [key, readingOf(values, (value) => `tracker.csv.${key}.${value}`)]));
  if (read.error) {
    return read;
  }
  const incoming = [];
  const seen = new Set(); // the ids of the file's contacts so far
  for (const [index, cells] of body.entries()) {
    if (cells.every((cell) => !cell.trim())) {
      continue;
    }
    const result = rowToContact(cells, { row: index + 2, keys: read.keys, headings, now, seen, choices });
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
  const known = readingOf(COLUMNS, (key) => `tracker.csv.${key}`);
  const keys = [];
  for (const [index, cell] of headings.entries()) {
    const key = known.get(folded(cell));
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
function rowToContact(cells, { row, keys, headings, now, seen, choices }) {
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
  const wrong = readValues(contact, values, { seen, choices });
  if (wrong) {
    const [kind, key] = wrong;
    const column = keys.indexOf(key) + 1;
    return { error: { kind, row, column, heading: headings[column - 1].trim(), key, value: values[key] } };
  }
  contact.referredBy = (values.referredBy ?? "").trim();
  contact.referredByName = (values.referredByName ?? "").trim();
  return { contact };
}

/**
 * Check and copy a row's name, dates, choices and id into `contact`; the first [kind, field] wrong, or
 * null. `seen` holds the ids of the rows before; `choices` maps each choice's words, any language's, to its value.
 */
function readValues(contact, values, { seen, choices }) {
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
    const word = folded(values[key] ?? "");
    const value = allowed.includes(word) ? word : choices[key].get(word);
    if (word && !value) {
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
