// tracker/rows.js: contacts as the rows of the CSV file, and rows read back into contacts.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { emptyContact } from "../../content/assets/javascripts/tracker/contacts.js";
import { readCsv, writeCsv } from "../../content/assets/javascripts/tracker/csv.js";
import {
  COLUMNS,
  columnLetters,
  contactsToRows,
  heading,
  rowsToContacts,
} from "../../content/assets/javascripts/tracker/rows.js";

const CREATED = "2024-01-01T00:00:00.000Z";
const NOW = "2024-01-15T10:00:00.000Z";
const ID = /^contact-[0-9a-z]+-[0-9a-z]{8}$/;

/** A contact as the tracker keeps it: emptyContact's fields with `overrides`. */
function contact(overrides = {}) {
  return { ...emptyContact(CREATED), ...overrides };
}

describe("columnLetters", () => {
  test("names columns as a spreadsheet does", () => {
    const cases = [[1, "A"], [2, "B"], [26, "Z"], [27, "AA"], [52, "AZ"], [53, "BA"], [702, "ZZ"], [703, "AAA"]];
    for (const [number, letters] of cases) {
      assert.equal(columnLetters(number), letters, String(number));
    }
  });
});

const HEADINGS = COLUMNS.map(heading);

describe("contactsToRows", () => {
  test("writes the headings, then one row per contact with the referrer's name beside the id", () => {
    const ana = contact({ id: "a", name: "Ana", status: "met", meeting: "2024-01-10", meetingTime: "10:00", timeZone: "America/Regina", notes: "Line 1\nLine 2" });
    const bo = contact({ id: "b", name: "Bo", referredBy: "a" });
    const rows = contactsToRows([ana, bo]);
    assert.deepEqual(rows[0], [
      "Name", "Role", "Organization", "How you found them", "Referred by", "Channel", "Status", "Contacted",
      "Followed up", "Meeting", "Meeting time", "Time zone", "Thank-you sent", "Told the referrer", "Last progress update",
      "Next follow-up", "May use their name", "Notes", "Action steps", "Created", "Updated", "ID", "Referred by (ID)",
    ]);
    assert.deepEqual(rows.slice(1), [
      ["Ana", "", "", "", "", "email", "met", "", "", "2024-01-10", "10:00", "America/Regina", "", "", "", "", "not asked",
        "Line 1\nLine 2", "", CREATED, CREATED, "a", ""],
      ["Bo", "", "", "", "Ana", "email", "to contact", "", "", "", "", "", "", "", "", "", "not asked", "", "",
        CREATED, CREATED, "b", "a"],
    ]);
  });

  test("writes only the headings when there are no contacts", () => {
    assert.deepEqual(contactsToRows([]), [HEADINGS]);
  });
});

describe("rowsToContacts: errors", () => {
  const error = (rows) => rowsToContacts(rows, [], NOW).error;

  test("an empty file or a blank heading row", () => {
    assert.deepEqual(error([]), { kind: "empty", row: 1, column: 1 });
    assert.deepEqual(error([["", " "]]), { kind: "empty", row: 1, column: 1 });
  });

  test("a heading it does not know, or one given twice (in any case)", () => {
    assert.deepEqual(error([["Name", "Colour"]]), { kind: "heading", row: 1, column: 2, heading: "Colour" });
    assert.deepEqual(error([["Name", " name "]]), { kind: "headingTwice", row: 1, column: 2, heading: "name" });
  });

  test("no Name column", () => {
    assert.deepEqual(error([["Role", "Notes"]]), { kind: "noName", row: 1, column: 3 });
  });

  test("more cells in a row than headings", () => {
    assert.deepEqual(error([["Name"], ["Ana", "extra"]]), { kind: "extra", row: 2, column: 2, value: "extra" });
  });

  test("a row without a name, a bad date, a value outside the choices", () => {
    assert.deepEqual(error([["Role", "Name"], ["Boss", " "]]), {
      kind: "name",
      row: 2,
      column: 2,
      heading: "Name",
      key: "name",
      value: " ",
    });
    assert.deepEqual(error([["Name", "Meeting"], ["Ana", "2024-01-01"], ["Bo", "2024-02-30"]]), {
      kind: "date",
      row: 3,
      column: 2,
      heading: "Meeting",
      key: "meeting",
      value: "2024-02-30",
    });
    assert.deepEqual(error([["Name", "Status"], ["Ana", "Sleeping"]]), {
      kind: "choice",
      row: 2,
      column: 2,
      heading: "Status",
      key: "status",
      value: "Sleeping",
    });
  });

  test("a meeting time or a time zone it cannot read", () => {
    assert.deepEqual(error([["Name", "Meeting time"], ["Ana", "10h30"]]), {
      kind: "time",
      row: 2,
      column: 2,
      heading: "Meeting time",
      key: "meetingTime",
      value: "10h30",
    });
    assert.deepEqual(error([["Name", "Time zone"], ["Ana", "Eastern"]]), {
      kind: "zone",
      row: 2,
      column: 2,
      heading: "Time zone",
      key: "timeZone",
      value: "Eastern",
    });
  });

  test("an id given twice or too long", () => {
    assert.deepEqual(error([["Name", "ID"], ["Ana", "a"], ["Bo", " a "]]), {
      kind: "idTwice",
      row: 3,
      column: 2,
      heading: "ID",
      key: "id",
      value: " a ",
    });
    const long = "x".repeat(101);
    assert.deepEqual(error([["Name", "ID"], ["Ana", long]]), {
      kind: "id",
      row: 2,
      column: 2,
      heading: "ID",
      key: "id",
      value: long,
    });
  });

  test("counts rows after skipped blank ones as the file has them", () => {
    assert.deepEqual(error([["Name", "Channel"], ["", ""], ["Ana", "pigeon"]]), {
      kind: "choice",
      row: 3,
      column: 2,
      heading: "Channel",
      key: "channel",
      value: "pigeon",
    });
  });
});

describe("rowsToContacts: contacts", () => {
  test("reads a meeting's time (an hour of one digit too) and its zone", () => {
    const rows = [["Name", "Meeting", "Meeting time", "Time zone"], ["Ana", "2026-01-15", "9:30", " America/St_Johns "]];
    const [ana] = rowsToContacts(rows, [], NOW).contacts;
    assert.deepEqual([ana.meeting, ana.meetingTime, ana.timeZone], ["2026-01-15", "09:30", "America/St_Johns"]);
  });

  test("imports a file made before meetings kept a time and zone: neither, the visitor's own zone", () => {
    const rows = [["Name", "Meeting"], ["Ana", "2026-01-15"]];
    const [ana] = rowsToContacts(rows, [], NOW).contacts;
    assert.deepEqual([ana.meetingTime, ana.timeZone], ["", ""]);
  });

  test("makes new contacts from a few columns, with choices in any case and blank rows skipped", () => {
    const rows = [
      ["name", "STATUS", "Meeting", "Referred by"],
      ["Ana", "Met", " 2024-01-10 ", ""],
      ["", "", "", ""],
      ["Bo", "", "", "ana"],
    ];
    const result = rowsToContacts(rows, [], NOW);
    assert.deepEqual([result.added, result.updated, result.unchanged], [2, 0, 0]);
    const [ana, bo] = result.contacts;
    assert.match(ana.id, ID);
    assert.deepEqual(ana, { ...emptyContact(NOW), id: ana.id, name: "Ana", status: "met", meeting: "2024-01-10" });
    assert.deepEqual(bo, { ...emptyContact(NOW), id: bo.id, name: "Bo", referredBy: ana.id });
  });

  test("links a referral by id first, by a name only one contact has, and never to itself", () => {
    const existing = [
      contact({ id: "x1", name: "Sam" }),
      contact({ id: "x2", name: "Sam" }),
      contact({ id: "x3", name: "Lee" }),
    ];
    const rows = [
      ["Name", "ID", "Referred by", "Referred by (ID)"],
      ["By id", "n1", "Lee", "x2"],
      ["By name", "n2", "lee", ""],
      ["Two Sams", "n3", "Sam", ""],
      ["Nobody", "n4", "Nobody", ""],
      ["Gone id", "n5", "", "x9"],
    ];
    const { contacts } = rowsToContacts(rows, existing, NOW);
    assert.deepEqual(contacts.map((item) => [item.id, item.referredBy]), [
      ["x1", ""], ["x2", ""], ["x3", ""], ["n1", "x2"], ["n2", "x3"], ["n3", ""], ["n4", ""], ["n5", ""],
    ]);
  });

  test("updates contacts by id, counts those unchanged, and changes nothing it was given", () => {
    const ana = contact({ id: "a", name: "Ana", role: "Analyst", notes: "old", updated: "2023-06-06T00:00:00.000Z" });
    const bo = contact({ id: "b", name: "Bo" });
    const existing = [ana, bo];
    const copy = structuredClone(existing);
    const rows = [
      ["Name", "Notes", "ID", "Created"],
      ["Ana", "new", "a", CREATED],
      ["Bo", "", "b", CREATED],
      ["Cy", "", "", NOW],
    ];
    const result = rowsToContacts(rows, existing, NOW);
    assert.deepEqual(existing, copy);
    assert.deepEqual([result.added, result.updated, result.unchanged], [1, 1, 1]);
    // A column the file leaves out (Role) is reset to its default; the update is stamped `now`.
    const updated = { ...emptyContact(NOW), id: "a", name: "Ana", notes: "new", created: CREATED };
    assert.deepEqual(result.contacts[0], updated);
    assert.deepEqual(result.contacts[1], bo);
    assert.deepEqual(result.contacts[2], { ...emptyContact(NOW), id: result.contacts[2].id, name: "Cy" });
  });

  test("keeps the created time an update has none of its own for", () => {
    const ana = contact({ id: "a", name: "Ana", created: "2023-05-05T00:00:00.000Z" });
    const rows = [["Name", "Notes", "ID", "Created"], ["Ana", "new", "a", ""]];
    const [updated] = rowsToContacts(rows, [ana], NOW).contacts;
    assert.deepEqual([updated.created, updated.updated, updated.notes], ["2023-05-05T00:00:00.000Z", NOW, "new"]);
  });
});

describe("contacts to a CSV file and back", () => {
  test("gives back the same contacts, all unchanged", () => {
    const people = [
      contact({
        id: "a",
        name: "Zoë Tremblay, PhD",
        role: 'Lead "data" analyst',
        organization: "Ville de Gatineau",
        found: "LinkedIn\nalumni group",
        channel: "linkedin",
        status: "thanked",
        permission: "yes",
        contacted: "2024-01-02",
        meeting: "2024-01-10",
        thankYouSent: "2024-01-11",
        notes: "Likes 🙂; call after 3",
        actions: "Read the report\r\nApply in May",
        updated: "2024-01-11T08:00:00.000Z",
      }),
      contact({ id: "b", name: "Bo", referredBy: "a", channel: "in person" }),
    ];
    const parsed = readCsv(writeCsv(contactsToRows(people)));
    const result = rowsToContacts(parsed.rows, people, NOW);
    assert.deepEqual([result.added, result.updated, result.unchanged], [0, 0, 2]);
    assert.deepEqual(result.contacts, people);
    const fresh = rowsToContacts(parsed.rows, [], NOW);
    assert.equal(fresh.added, 2);
    assert.deepEqual(fresh.contacts, people);
  });
});
