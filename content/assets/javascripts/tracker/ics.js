// iCalendar (RFC 5545) text for the contact tracker's follow-up dates: one all-day event per date, for
// any calendar app to import. CRLF line endings, lines folded at 75 octets, text values escaped.

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

function stamp(now) {
  return new Date(now).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function nextDay(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * A calendar of all-day events: `events` [{uid, date (yyyy-mm-dd), summary, description}]. `now` (ms
 * since 1970) gives every event's DTSTAMP.
 */
export function writeCalendar(events, now = Date.now()) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Career Centre//Informational interviews guide//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compact(event.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(event.date))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) {
      lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    }
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
