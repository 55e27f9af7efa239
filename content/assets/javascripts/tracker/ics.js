// iCalendar (RFC 5545) text for the contact tracker's meetings and follow-up dates, for any calendar app
// to import: a follow-up is an all-day event; a meeting with a time starts and ends at moments written
// in UTC (20260115T160000Z), worked out from its clock time in its zone (daylight saving included), so
// that it lands at the right hour in the visitor's calendar and in a contact's elsewhere. (A TZID with
// its VTIMEZONE rules would say the same at much greater length.) CRLF line endings, lines folded at
// 75 octets, text values escaped. The events' words (contactEvents) are messages, in the page's language.

import { isTime } from "./contacts.js";
import { language, t } from "../core/strings.js";
import { isTimeZone, utcStamp, visitorZone, zonedToUtc } from "../core/time-zones.js";
import "./messages-files.js";

const encoder = new TextEncoder();

/** A TEXT value with its backslashes, semicolons, commas and line breaks escaped. */
export function escapeText(value) {
  return String(value)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A content line folded into lines of at most 75 octets, never inside a character. */
export function fold(line) {
  const parts = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    const limit = parts.length ? 74 : 75; // continuation lines start with a space
    if (size + octets > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compact = (iso) => iso.replace(/-/g, "");

function nextDay(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The guide's meeting length, in minutes, for a meeting's calendar event. */
export const MEETING_MINUTES = 20;

/**
 * A contact's meeting as an event for `writeCalendar`: {uid, start, end} (ms since 1970) when it has a
 * time, {uid, date} when it has only a date. A meeting with no zone (or one this browser does not know)
 * is in `visitor`'s, the visitor's own.
 */
export function meetingEvent(contact, { summary, description = "", visitor = visitorZone(), minutes = MEETING_MINUTES }) {
  const uid = `${contact.id}-meeting-${contact.meeting}@informational-interviews.guide`;
  if (!isTime(contact.meetingTime)) {
    return { uid, date: contact.meeting, summary, description };
  }
  const start = zonedToUtc(contact.meeting, contact.meetingTime, isTimeZone(contact.timeZone) ? contact.timeZone : visitor);
  return { uid, start, end: start + minutes * 60_000, summary, description };
}

/**
 * The calendar's events for `contacts`, in the page's words: {meetings (each meeting from `today` on),
 * followUps (each next follow-up date, as an all-day event)}. `nameOf(contact)` names a contact; a
 * meeting with no zone is in `visitor`'s.
 */
export function contactEvents(contacts, { today, nameOf = (contact) => contact.name, visitor = visitorZone() }) {
  const where = (contact) => [contact.role, contact.organization].filter(Boolean).join(", ");
  const meetings = contacts
    .filter((contact) => contact.meeting && contact.meeting >= today)
    .map((contact) => meetingEvent(contact, { summary: t("tracker.icsMeeting", { name: nameOf(contact) }), description: where(contact), visitor }));
  const followUps = contacts
    .filter((contact) => contact.nextFollowUp)
    .map((contact) => ({
      uid: `${contact.id}-${contact.nextFollowUp}@informational-interviews.guide`,
      date: contact.nextFollowUp,
      summary: t("tracker.icsSummary", { name: nameOf(contact) }),
      description: [where(contact), contact.actions.trim()].filter(Boolean).join("\n"),
    }));
  return { meetings, followUps };
}

/** An event's DTSTART and DTEND: a day for an all-day event, moments in UTC for a timed one. */
function when(event) {
  if (event.date) {
    return [`DTSTART;VALUE=DATE:${compact(event.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(event.date))}`];
  }
  return [`DTSTART:${utcStamp(event.start)}`, `DTEND:${utcStamp(event.end)}`];
}

/**
 * A calendar of events: `events` [{uid, date (yyyy-mm-dd) or start and end (ms since 1970), summary,
 * description}]; an all-day event shows as free time, a timed one as busy. `now` (ms since 1970) gives
 * every event's DTSTAMP. PRODID ends with the language of the events' words (//EN, //FR).
 */
export function writeCalendar(events, now = Date.now()) {
  const product = `PRODID:-//Career Centre//Informational interviews guide//${language().toUpperCase()}`;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", product, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(event.uid)}`, // a TEXT value too: an id from an imported file must not start a line
      `DTSTAMP:${utcStamp(now)}`,
      ...when(event),
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) {
      lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    }
    lines.push(`TRANSP:${event.date ? "TRANSPARENT" : "OPAQUE"}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
