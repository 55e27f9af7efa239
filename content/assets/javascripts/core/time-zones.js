// Clock times in a named time zone, with no DOM and no library: the browser's own time zone data
// (Intl) gives each zone's offset from UTC at any moment, daylight saving time included. The meeting's
// zone field (zone-field.js) uses it for the time in the visitor's zone, the tracker's spreadsheet
// (rows.js) to check a zone, its calendar file (ics.js) to write each meeting's time in UTC.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const clocks = new Map();

/** The visitor's own time zone, as the browser names it ("UTC" if it names none). */
export const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Whether `value` is the IANA name of a time zone this browser knows, such as "America/Regina". */
export function isTimeZone(value) {
  try {
    return typeof value === "string" && value !== "" && !!new Intl.DateTimeFormat("en", { timeZone: value });
  } catch {
    return false; // a RangeError: no such zone
  }
}

/** The wall clock in `zone` at the moment `ms`, read as if it were UTC (ms since 1970). */
function wallClock(zone, ms) {
  let clock = clocks.get(zone);
  if (!clock) {
    const numeric = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" };
    clock = new Intl.DateTimeFormat("en-US", { ...numeric, hourCycle: "h23", timeZone: zone });
    clocks.set(zone, clock);
  }
  const part = Object.fromEntries(clock.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour % 24, part.minute, part.second);
}

/** How many minutes `zone` is ahead of UTC at the moment `ms` (-300 for Toronto in winter, -150 for St. John's in summer). */
export function offsetMinutes(zone, ms) {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClock(zone, whole) - whole) / MINUTE);
}

/**
 * The moment (ms since 1970) when clocks in `zone` show `date` (yyyy-mm-dd) at `time` (hh:mm). A time
 * that happens twice (when clocks go back) is the first; one that never happens (when clocks go
 * forward) is read with the offset before the change, so 2:30 becomes 3:30, as calendar apps do.
 */
export function zonedToUtc(date, time, zone) {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMinutes(zone, wall - DAY);
  const after = offsetMinutes(zone, wall + DAY);
  const fits = (offset) => offsetMinutes(zone, wall - offset * MINUTE) === offset;
  const offset = fits(before) || !fits(after) ? before : after;
  return wall - offset * MINUTE;
}

/** Today's date (yyyy-mm-dd) where clocks follow `zone`; `now` in ms since 1970. */
export function todayIn(zone, now = Date.now()) {
  return new Date(wallClock(zone, now)).toISOString().slice(0, 10);
}

/** A time of day (hh:mm) in the words of `lang`: "10:00 a.m." in Canadian English. */
export function clockTime(time, lang = "en") {
  const [hour, minute] = time.split(":").map(Number);
  return new Date(Date.UTC(2000, 0, 1, hour, minute)).toLocaleTimeString(lang, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
}

/** A moment as iCalendar's UTC date-time: 20260115T160000Z. */
export function utcStamp(ms) {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * The meeting time `time` on `date` in `zone`, as clocks show it in `there` (the visitor's zone):
 * {time, date, sameDay} in the words of `lang` ("8:00 a.m.", "Tuesday, January 13").
 */
export function timeThere(date, time, zone, there, lang = "en") {
  const moment = zonedToUtc(date, time, zone);
  const inZone = (options) => new Date(moment).toLocaleString(lang, { ...options, timeZone: there });
  const dayThere = todayIn(there, moment);
  return {
    time: inZone({ hour: "numeric", minute: "2-digit" }),
    date: inZone({ weekday: "long", month: "long", day: "numeric" }),
    sameDay: dayThere === date,
  };
}
