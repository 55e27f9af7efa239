// tracker/ics.js: the calendar of meetings and follow-ups (RFC 5545): escaping, folding at 75 octets, the
// events; and core/time-zones.js, which puts a meeting's clock time in its zone into UTC.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { clockTime, isTimeZone, offsetMinutes, timeThere, todayIn, utcStamp, zonedToUtc } from "../../content/assets/javascripts/core/time-zones.js";
import { escapeText, fold, meetingEvent, writeCalendar } from "../../content/assets/javascripts/tracker/ics.js";

const octets = (text) => Buffer.byteLength(text, "utf8");

describe("escapeText", () => {
  test("escapes backslashes, semicolons and commas", () => {
    assert.equal(escapeText("a\\b;c,d"), "a\\\\b\\;c\\,d");
  });

  test("escapes the backslash first, so an escape is not escaped again", () => {
    assert.equal(escapeText("\\;"), "\\\\\\;");
    assert.equal(escapeText("\\n"), "\\\\n");
  });

  test("writes every kind of line break as \\n", () => {
    assert.equal(escapeText("one\r\ntwo\rthree\nfour"), "one\\ntwo\\nthree\\nfour");
    assert.equal(escapeText("\n\n"), "\\n\\n");
  });

  test("leaves colons, quotes and accents alone, and turns values into text", () => {
    assert.equal(escapeText('Time: 9:30 "sharp" é'), 'Time: 9:30 "sharp" é');
    assert.equal(escapeText(42), "42");
  });
});

describe("fold", () => {
  test("leaves a line of 75 octets whole and folds the 76th onto a continuation line", () => {
    assert.equal(fold("x".repeat(75)), "x".repeat(75));
    assert.equal(fold("x".repeat(76)), `${"x".repeat(75)}\r\n x`);
  });

  test("gives continuation lines 74 octets after their space", () => {
    const line = "y".repeat(75 + 74 + 2);
    assert.equal(fold(line), `${"y".repeat(75)}\r\n ${"y".repeat(74)}\r\n yy`);
  });

  test("counts UTF-8 octets, not characters", () => {
    const line = `DESCRIPTION:${"é".repeat(40)}`; // 12 + 80 octets
    const folded = fold(line);
    assert.equal(folded, `DESCRIPTION:${"é".repeat(31)}\r\n ${"é".repeat(9)}`);
    assert.deepEqual(folded.split("\r\n").map(octets), [74, 19]);
  });

  test("never splits a character of four octets", () => {
    assert.equal(fold(`${"x".repeat(74)}🙂`), `${"x".repeat(74)}\r\n 🙂`);
    assert.equal(fold(`${"x".repeat(71)}🙂`), `${"x".repeat(71)}🙂`);
  });

  test("keeps every folded line within 75 octets and unfolds to the original", () => {
    const line = `SUMMARY:${"Thé 🙂 meeting, ".repeat(30)}`;
    const lines = fold(line).split("\r\n");
    assert.ok(lines.length > 5);
    for (const [index, part] of lines.entries()) {
      assert.ok(octets(part) <= 75, `line ${index} has ${octets(part)} octets`);
      assert.equal(part.startsWith(" "), index > 0);
    }
    assert.equal(fold(line).replace(/\r\n /g, ""), line);
  });

  test("leaves an empty line empty", () => {
    assert.equal(fold(""), "");
  });
});

const NOW = Date.UTC(2024, 0, 15, 9, 30, 5, 123);
const HEAD = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Career Centre//Informational interviews guide//EN",
  "CALSCALE:GREGORIAN",
  "METHOD:PUBLISH",
];

describe("writeCalendar", () => {
  test("writes all-day events with the required properties and CRLF line ends", () => {
    const events = [
      {
        uid: "contact-1-thank-you@guide",
        date: "2024-02-29",
        summary: "Thank Ana, Inc; today",
        description: "One\nTwo",
      },
      { uid: "u2", date: "2024-12-31", summary: "Plain" },
    ];
    const lines = [
      ...HEAD,
      "BEGIN:VEVENT",
      "UID:contact-1-thank-you@guide",
      "DTSTAMP:20240115T093005Z",
      "DTSTART;VALUE=DATE:20240229",
      "DTEND;VALUE=DATE:20240301",
      "SUMMARY:Thank Ana\\, Inc\\; today",
      "DESCRIPTION:One\\nTwo",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:u2",
      "DTSTAMP:20240115T093005Z",
      "DTSTART;VALUE=DATE:20241231",
      "DTEND;VALUE=DATE:20250101",
      "SUMMARY:Plain",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
      "END:VCALENDAR",
    ];
    assert.equal(writeCalendar(events, NOW), `${lines.join("\r\n")}\r\n`);
  });

  test("writes an empty calendar with no events", () => {
    assert.equal(writeCalendar([], NOW), `${HEAD.join("\r\n")}\r\nEND:VCALENDAR\r\n`);
  });

  test("ends each event the next day, across months and leap days", () => {
    const dtend = (date) => writeCalendar([{ uid: "u", date, summary: "s" }], NOW).match(/DTEND;VALUE=DATE:(\d+)/)[1];
    assert.equal(dtend("2023-02-28"), "20230301");
    assert.equal(dtend("2024-02-28"), "20240229");
    assert.equal(dtend("2024-04-30"), "20240501");
  });

  test("stamps events with the clock when no time is given", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.UTC(2030, 5, 1, 23, 59, 59) });
    assert.match(writeCalendar([{ uid: "u", date: "2030-06-02", summary: "s" }]), /\r\nDTSTAMP:20300601T235959Z\r\n/);
  });

  test("folds long text lines and uses no bare LF", () => {
    const summary = `Follow up with ${"Zoë Tremblay-Lévesque, ".repeat(6)}`;
    const text = writeCalendar([{ uid: "u", date: "2024-03-01", summary }], NOW);
    assert.equal(text.replace(/\r\n/g, "").includes("\n"), false);
    const lines = text.split("\r\n");
    assert.ok(lines.every((line) => octets(line) <= 75));
    const unfolded = text.replace(/\r\n /g, "");
    assert.ok(unfolded.includes(`\r\nSUMMARY:${escapeText(summary)}\r\n`));
  });
});

describe("zonedToUtc and offsetMinutes", () => {
  const utc = (date, time, zone) => utcStamp(zonedToUtc(date, time, zone));

  test("Saskatchewan keeps Central Standard Time all year: 10:00 is 16:00 UTC in January and in July", () => {
    assert.equal(utc("2026-01-15", "10:00", "America/Regina"), "20260115T160000Z");
    assert.equal(utc("2026-07-15", "10:00", "America/Regina"), "20260715T160000Z");
  });

  test("Eastern time moves an hour on the second Sunday of March and the first of November", () => {
    assert.equal(utc("2026-03-07", "10:00", "America/Toronto"), "20260307T150000Z");
    assert.equal(utc("2026-03-09", "10:00", "America/Toronto"), "20260309T140000Z");
    assert.equal(utc("2026-10-31", "10:00", "America/Toronto"), "20261031T140000Z");
    assert.equal(utc("2026-11-02", "10:00", "America/Toronto"), "20261102T150000Z");
    assert.equal(offsetMinutes("America/Toronto", Date.UTC(2026, 0, 1)), -300);
    assert.equal(offsetMinutes("America/Toronto", Date.UTC(2026, 6, 1)), -240);
  });

  test("on the day clocks change, a time that never happens moves forward, one that happens twice is the first", () => {
    assert.equal(utc("2026-03-08", "01:30", "America/Toronto"), "20260308T063000Z");
    assert.equal(utc("2026-03-08", "02:30", "America/Toronto"), "20260308T073000Z"); // read as 3:30 EDT
    assert.equal(utc("2026-03-08", "03:30", "America/Toronto"), "20260308T073000Z");
    assert.equal(utc("2026-11-01", "01:30", "America/Toronto"), "20261101T053000Z"); // EDT, the first 1:30
    assert.equal(utc("2026-11-01", "02:30", "America/Toronto"), "20261101T073000Z");
  });

  test("Newfoundland is half an hour off the hour, summer and winter", () => {
    assert.equal(utc("2026-01-15", "10:00", "America/St_Johns"), "20260115T133000Z");
    assert.equal(utc("2026-07-15", "10:00", "America/St_Johns"), "20260715T123000Z");
    assert.equal(offsetMinutes("America/St_Johns", Date.UTC(2026, 6, 15)), -150);
  });

  test("every Canadian zone in January, east to west", () => {
    const zones = ["America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg", "America/Edmonton", "America/Vancouver"];
    assert.deepEqual(
      zones.map((zone) => utc("2026-01-15", "10:00", zone)),
      ["20260115T133000Z", "20260115T140000Z", "20260115T150000Z", "20260115T160000Z", "20260115T170000Z", "20260115T180000Z"],
    );
  });
});

describe("isTimeZone", () => {
  test("knows the zones this runtime has, and nothing else", () => {
    for (const good of ["America/Toronto", "America/St_Johns", "America/Regina", "Europe/Paris", "UTC"]) {
      assert.equal(isTimeZone(good), true, good);
    }
    for (const bad of ["Eastern", "America/Nowhere", "", "<script>", 5, null, "a".repeat(80)]) {
      assert.equal(isTimeZone(bad), false, String(bad));
    }
  });
});

describe("timeThere", () => {
  test("gives the meeting's time in the visitor's zone, and says when the day is another", () => {
    assert.deepEqual(timeThere("2026-01-15", "10:00", "America/Toronto", "America/Winnipeg", "en-CA"), {
      time: new Date(Date.UTC(2026, 0, 15, 15)).toLocaleTimeString("en-CA", { hour: "numeric", minute: "2-digit", timeZone: "America/Winnipeg" }),
      date: "Thursday, January 15",
      sameDay: true,
    });
    const late = timeThere("2026-01-15", "23:00", "America/Vancouver", "America/St_Johns", "en");
    assert.equal(late.time, "3:30 AM");
    assert.equal(late.sameDay, false);
    assert.equal(late.date, "Friday, January 16");
  });

  test("todayIn and clockTime", () => {
    assert.equal(todayIn("America/Vancouver", Date.UTC(2026, 0, 16, 5)), "2026-01-15");
    assert.equal(todayIn("America/Halifax", Date.UTC(2026, 0, 16, 5)), "2026-01-16");
    assert.equal(clockTime("14:05", "en"), "2:05 PM");
  });
});

describe("meetingEvent", () => {
  const lines = (events) => writeCalendar(events, Date.UTC(2026, 0, 1)).split("\r\n");
  const meeting = (overrides) => ({ id: "c1", meeting: "2026-01-15", meetingTime: "10:00", timeZone: "", ...overrides });
  const event = (overrides, visitor = "America/Vancouver") => meetingEvent(meeting(overrides), { summary: "Informational interview with Ana", visitor });
  const times = (overrides, visitor) => lines([event(overrides, visitor)]).filter((line) => /^DT(START|END)/.test(line));

  test("writes a meeting's start and end in UTC, 20 minutes apart, as busy time", () => {
    assert.deepEqual(times({ timeZone: "America/Regina" }), ["DTSTART:20260115T160000Z", "DTEND:20260115T162000Z"]);
    assert.deepEqual(times({ meeting: "2026-07-15", timeZone: "America/Regina" }), ["DTSTART:20260715T160000Z", "DTEND:20260715T162000Z"]);
    assert.ok(lines([event({ timeZone: "America/Regina" })]).includes("TRANSP:OPAQUE"));
  });

  test("follows daylight saving time and half-hour zones", () => {
    assert.deepEqual(times({ meeting: "2026-03-07", timeZone: "America/Toronto" }), ["DTSTART:20260307T150000Z", "DTEND:20260307T152000Z"]);
    assert.deepEqual(times({ meeting: "2026-03-09", timeZone: "America/Toronto" }), ["DTSTART:20260309T140000Z", "DTEND:20260309T142000Z"]);
    assert.deepEqual(times({ timeZone: "America/St_Johns" }), ["DTSTART:20260115T133000Z", "DTEND:20260115T135000Z"]);
  });

  test("a meeting kept without a zone is at its time in the visitor's own zone", () => {
    assert.deepEqual(times({}, "America/Vancouver"), ["DTSTART:20260115T180000Z", "DTEND:20260115T182000Z"]);
    assert.deepEqual(times({}, "America/Halifax"), ["DTSTART:20260115T140000Z", "DTEND:20260115T142000Z"]);
    // With no visitor given, the zone is the one this process runs in, as a local Date reads it.
    const here = meetingEvent(meeting({}), { summary: "x" });
    assert.equal(here.start, new Date(2026, 0, 15, 10, 0).getTime());
  });

  test("a zone this browser does not know is read as the visitor's own", () => {
    assert.deepEqual(times({ timeZone: "Mars/Olympus" }, "America/Halifax"), ["DTSTART:20260115T140000Z", "DTEND:20260115T142000Z"]);
  });

  test("a meeting with a date and no time is an all-day event that shows as free", () => {
    const allDay = lines([event({ meetingTime: "" })]);
    assert.ok(allDay.includes("DTSTART;VALUE=DATE:20260115") && allDay.includes("DTEND;VALUE=DATE:20260116"));
    assert.ok(allDay.includes("TRANSP:TRANSPARENT"));
  });

  test("has its own UID, apart from the contact's follow-up", () => {
    assert.equal(event({}).uid, "c1-meeting-2026-01-15@informational-interviews.guide");
  });
});

describe("text from a visitor or an imported file cannot add lines or properties", () => {
  test("line breaks, semicolons and commas are escaped in every text value, the UID included", () => {
    const attack = "Ana\r\nATTENDEE:mailto:x@example.com\nBEGIN:VALARM;X=1,2";
    const text = writeCalendar([{ uid: `c-1\r\nURL:http://x.example@guide`, date: "2026-03-12", summary: attack, description: attack }], Date.UTC(2026, 0, 1));
    const lines = text.split("\r\n");
    const names = lines.filter((line) => line && !line.startsWith(" ")).map((line) => line.split(/[:;]/)[0]);
    assert.deepEqual(names, ["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP", "END", "END"]);
    assert.ok(!/\r\n(ATTENDEE|URL|BEGIN:VALARM)/.test(text));
  });
});
