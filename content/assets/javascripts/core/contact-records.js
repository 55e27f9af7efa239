// A contact as the store keeps it, with no DOM: its fields and their allowed values, and reading stored
// or imported contacts. store.js needs only this part of the contact tracker's model (contacts.js), so
// the pages without the tracker do not fetch the rest.
//
// Contact: {id, name, role, organization, found, referredBy (another contact's id or ""), channel,
//   status, contacted, followedUp, meeting, thankYouSent, referrerTold, updateSent, nextFollowUp
//   (dates as yyyy-mm-dd or ""), meetingTime (hh:mm or ""), timeZone (the meeting's IANA zone, such as
//   "America/Toronto", or "": the visitor's own, wherever they are), permission, notes, actions,
//   created, updated (ISO timestamps)}. The meeting's time and zone are kept as any text is, and checked
//   where they are used (contacts.js isTime, time-zones.js isTimeZone), so that every page with a tool
//   does not load those checks.
//
// Statuses, channels and permissions are stored as the plain words of the guide ("meeting booked"), so
// that a spreadsheet of them reads well; the page shows them through strings.js.

export const STATUSES = ["to contact", "contacted", "meeting booked", "met", "thanked", "keeping in touch"];
export const CHANNELS = ["email", "linkedin", "phone", "in person", "other"];
export const PERMISSIONS = ["not asked", "yes", "no"];
export const TEXT_FIELDS = ["name", "role", "organization", "found", "notes", "actions"];
export const DATE_FIELDS = ["contacted", "followedUp", "meeting", "thankYouSent", "referrerTold", "updateSent", "nextFollowUp"];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Whether `value` is a real calendar date written yyyy-mm-dd. */
export function isDate(value) {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

// --- Reading stored contacts ---------------------------------------------------------------------------

function choice(value, allowed, fallback, lost) {
  if (allowed.includes(value)) {
    return value;
  }
  if (value !== undefined && value !== null && value !== "") {
    lost.count += 1;
  }
  return fallback;
}

/** A stored contact fitted to the schema (unknown fields dropped), or null; `lost` counts bad values. */
export function normaliseContact(input, lost) {
  if (!isObject(input) || typeof input.id !== "string" || !input.id || input.id.length > 100) {
    lost.count += 1;
    return null;
  }
  const contact = { id: input.id };
  for (const key of [...TEXT_FIELDS, "meetingTime", "timeZone"]) {
    const value = input[key]; // a meeting's time and zone are text here; checked where they are used
    contact[key] = typeof value === "string" ? value : "";
    if (typeof value !== "string" && value !== undefined && value !== null) {
      lost.count += 1;
    }
  }
  contact.referredBy = typeof input.referredBy === "string" && input.referredBy !== input.id ? input.referredBy : "";
  contact.channel = choice(input.channel, CHANNELS, "email", lost);
  contact.status = choice(input.status, STATUSES, "to contact", lost);
  contact.permission = choice(input.permission, PERMISSIONS, "not asked", lost);
  for (const key of DATE_FIELDS) {
    const value = input[key];
    contact[key] = isDate(value) ? value : "";
    if (value !== undefined && value !== null && value !== "" && !isDate(value)) {
      lost.count += 1;
    }
  }
  contact.created = typeof input.created === "string" ? input.created : "";
  contact.updated = typeof input.updated === "string" ? input.updated : "";
  return contact;
}

/** Stored contacts fitted to the schema: no duplicates, and no link to a contact that is not there. */
export function normaliseContacts(input, lost) {
  if (!Array.isArray(input)) {
    if (input !== undefined) {
      lost.count += 1;
    }
    return [];
  }
  const kept = [];
  const ids = new Set();
  for (const item of input) {
    const contact = normaliseContact(item, lost);
    if (contact && !ids.has(contact.id)) {
      ids.add(contact.id);
      kept.push(contact);
    }
  }
  return relink(kept);
}

/** Contacts whose `referredBy` names a contact that is no longer there lose the link. */
export function relink(contacts) {
  const ids = new Set(contacts.map((contact) => contact.id));
  for (const contact of contacts) {
    if (contact.referredBy && !ids.has(contact.referredBy)) {
      contact.referredBy = "";
    }
  }
  return contacts;
}
