// A tracker export with cells a spreadsheet would run as formulas, opened and saved again by
// LibreOffice Calc 7.4 (Debian's), reads back into exactly the contacts that were exported.
//
// tests/fixtures/csv/tracker-export.csv is writeCsv(contactsToRows(CONTACTS)); the resaved file is
// what `soffice --headless --infilter="CSV:44,34,76,1" --convert-to csv:...:44,34,76,1` wrote from it:
// no byte order mark, LF line endings, every guarded cell still guarded (Calc showed them as text).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { emptyContact } from "../../content/assets/javascripts/tracker/contacts.js";
import { readCsv, writeCsv } from "../../content/assets/javascripts/tracker/csv.js";
import { contactsToRows, rowsToContacts } from "../../content/assets/javascripts/tracker/rows.js";

const CREATED = "2024-01-01T00:00:00.000Z";
const contact = (fields) => ({ ...emptyContact(CREATED), ...fields });
const CONTACTS = [
  contact({
    id: "contact-a",
    name: '=HYPERLINK("http://example.com","Click")',
    role: "+1 555 0100",
    organization: "-2+3",
    notes: "@SUM(A1:A9)\nsecond line, with a comma",
    actions: "'already quoted",
  }),
  contact({
    id: "contact-b",
    name: "Zoë Tremblay",
    role: "Ingénieure « civile »",
    organization: "'tis the season",
    notes: "\tstarts with a tab",
    actions: "Call back 🙂",
  }),
];
const fixture = (name) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), "utf-8");

describe("a tracker export saved again by LibreOffice", () => {
  test("the export is the fixture: no formula runs when a spreadsheet opens it", () => {
    assert.equal(writeCsv(contactsToRows(CONTACTS)), fixture("tracker-export.csv"));
  });

  test("the resaved file reads back into the same contacts, text for text", () => {
    const resaved = fixture("tracker-export-resaved-by-libreoffice-7.4.csv");
    assert.ok(!resaved.startsWith("\uFEFF") && !resaved.includes("\r\n"), "LibreOffice's own line endings");
    const parsed = readCsv(resaved);
    assert.equal(parsed.error, undefined);
    const { contacts } = rowsToContacts(parsed.rows, [], "2024-02-01T00:00:00.000Z");
    const fields = ["id", "name", "role", "organization", "notes", "actions", "created"];
    const pick = (list) => list.map((one) => Object.fromEntries(fields.map((key) => [key, one[key]])));
    assert.deepEqual(pick(contacts), pick(CONTACTS));
  });
});
