// tracker/ics.js: the follow-up calendar (RFC 5545): escaping, folding at 75 octets, the events.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { escapeText, fold, writeCalendar } from "../../content/assets/javascripts/tracker/ics.js";

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
