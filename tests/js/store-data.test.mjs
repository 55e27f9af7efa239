// core/store-data.js and core/store-import.js: the visitor's data: the empty store, reading stored and
// imported text, merging.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  DEFAULT_LENGTH,
  EXPORT_FORMAT,
  MIGRATIONS,
  SCHEMA_VERSION,
  STORAGE_KEY,
  emptyData,
  emptySheet,
  newId,
  normalise,
  readData,
} from "../../content/assets/javascripts/core/store-data.js";
import { mergeData, readExport } from "../../content/assets/javascripts/core/store-import.js";

const EMPTY = {
  version: 1,
  prepSheets: [],
  activePrepSheet: null,
  profile: { who: "", exploring: "", visitor: "", fields: {} },
  settings: { timerSound: false },
  checklists: {},
  contacts: [],
  scripts: {},
};

/** A whole prep sheet as normalise keeps it, with `overrides`. */
function sheet(overrides = {}) {
  return {
    id: "sheet-1",
    created: "2024-01-01T00:00:00.000Z",
    updated: "2024-01-02T00:00:00.000Z",
    questions: [
      { kind: "bank", id: "q-career-path", text: "How did you get here?", notes: "Ask early", starred: true },
      { kind: "own", id: "own-1", text: "What surprised you?", notes: "", starred: false },
    ],
    research: { field: "Data", organization: "CRA", name: "Ana", role: "Analyst", found: "Alumni", notes: "n" },
    logistics: { date: "2024-02-01", time: "10:00", timeZone: "America/Halifax", place: "Zoom", length: 30 },
    pitch: { who: "A student", exploring: "data work", why: "your path" },
    timer: { startedAt: null, elapsed: 1500 },
    ...overrides,
  };
}

/** A whole contact as contact-records.js keeps it, with `overrides`. */
function contact(overrides = {}) {
  const dates = ["contacted", "followedUp", "meeting", "thankYouSent", "referrerTold", "updateSent", "nextFollowUp"];
  return {
    id: "c1",
    name: "Ana",
    role: "",
    organization: "",
    found: "",
    notes: "",
    actions: "",
    referredBy: "",
    channel: "email",
    status: "to contact",
    permission: "not asked",
    ...Object.fromEntries(dates.map((key) => [key, ""])),
    meetingTime: "",
    timeZone: "",
    created: "2024-01-01T00:00:00.000Z",
    updated: "2024-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/** A whole, valid store object. */
function full() {
  return {
    version: 1,
    prepSheets: [sheet(), sheet({ id: "sheet-2", questions: [] })],
    activePrepSheet: "sheet-2",
    profile: { who: "A student", exploring: "data work", visitor: "career-changer", fields: { your_name: "Sam", contact_name: "Ana" } },
    settings: { timerSound: true },
    checklists: { "before-send-pitch": { done: true, at: "2024-01-03T00:00:00.000Z" } },
    contacts: [contact(), contact({ id: "c2", name: "Bo", referredBy: "c1" })],
    scripts: { "cold-email": { fields: { your_program: "MSc" }, updated: "2024-01-04T00:00:00.000Z" } },
  };
}

describe("constants", () => {
  test("name the storage key, the schema version and the export format", () => {
    assert.equal(STORAGE_KEY, "ii-guide:v1");
    assert.equal(SCHEMA_VERSION, 1);
    assert.equal(EXPORT_FORMAT, "ii-guide-export");
    assert.equal(DEFAULT_LENGTH, 20);
  });
});

describe("emptyData", () => {
  test("is the empty store of the current version", () => {
    assert.deepEqual(emptyData(), EMPTY);
  });

  test("is a new object each time", () => {
    const one = emptyData();
    one.prepSheets.push("x");
    one.profile.fields.a = "b";
    assert.deepEqual(emptyData(), EMPTY);
  });
});

describe("newId and emptySheet", () => {
  const NOW = Date.UTC(2024, 0, 15, 9, 30);

  test("newId gives the prefix, the time in base 36 and eight random characters", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const id = newId("own");
    assert.match(id, new RegExp(`^own-${NOW.toString(36)}-[0-9a-f]{8}$`));
    assert.notEqual(newId("own"), id);
  });

  test("emptySheet is a new sheet of the current time, with the profile's pitch", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const made = emptySheet({ who: "A student", exploring: "policy", fields: { your_name: "Sam" } });
    assert.match(made.id, /^sheet-/);
    assert.deepEqual(made, {
      id: made.id,
      created: "2024-01-15T09:30:00.000Z",
      updated: "2024-01-15T09:30:00.000Z",
      questions: [],
      research: { field: "", organization: "", name: "", role: "", found: "", notes: "" },
      logistics: { date: "", time: "", timeZone: "", place: "", length: 20 },
      pitch: { who: "A student", exploring: "policy", why: "" },
      timer: { startedAt: null, elapsed: 0 },
    });
    assert.deepEqual(emptySheet().pitch, { who: "", exploring: "", why: "" });
  });
});

describe("MIGRATIONS", () => {
  test("version 0 becomes version 1 with the same fields, on a copy", () => {
    const old = { prepSheets: [], profile: { who: "x" } };
    assert.deepEqual(MIGRATIONS[0](old), { prepSheets: [], profile: { who: "x" }, version: 1 });
    assert.deepEqual(old, { prepSheets: [], profile: { who: "x" } });
  });

  test("there is a step for every version before the current one", () => {
    assert.deepEqual(Object.keys(MIGRATIONS).map(Number), [...Array(SCHEMA_VERSION).keys()]);
  });
});

describe("normalise", () => {
  test("keeps a whole, valid store as it is", () => {
    assert.deepEqual(normalise(full()), { data: full(), lost: 0 });
  });

  test("fills in what is missing without counting it lost", () => {
    assert.deepEqual(normalise({}), { data: EMPTY, lost: 0 });
    const bare = normalise({ prepSheets: [{ id: "s" }] });
    assert.equal(bare.lost, 0);
    assert.deepEqual({ ...bare.data.prepSheets[0], created: "", updated: "" }, {
      id: "s",
      created: "",
      updated: "",
      questions: [],
      research: { field: "", organization: "", name: "", role: "", found: "", notes: "" },
      logistics: { date: "", time: "", timeZone: "", place: "", length: 20 },
      pitch: { who: "", exploring: "", why: "" },
      timer: { startedAt: null, elapsed: 0 },
    });
  });

  test("counts each part of the wrong shape", () => {
    const input = { prepSheets: {}, profile: { who: 5, fields: [] }, scripts: "x", checklists: 3, contacts: {} };
    assert.deepEqual(normalise(input), { data: EMPTY, lost: 6 });
  });

  test("leaves out sheets without an id, and later sheets with an id already seen, counting only the first", () => {
    const copy = sheet({ research: { ...sheet().research, name: "Copy" } });
    const input = { prepSheets: [sheet(), { name: "no id" }, copy] };
    const { data, lost } = normalise(input);
    assert.equal(lost, 1);
    assert.deepEqual(data.prepSheets, [sheet()]);
  });

  test("keeps questions with an id once; drops own questions with no words", () => {
    const questions = [
      { kind: "bank", id: "q1", text: 7, notes: null, starred: "yes" },
      { kind: "bank", id: "q1", text: "again" },
      { kind: "own", id: "own-2", text: "   " },
      { kind: "other", id: "q3", text: "Kind falls back to bank" },
      { id: "" },
      "q4",
    ];
    const { data, lost } = normalise({ prepSheets: [sheet({ questions })] });
    assert.equal(lost, 3);
    assert.deepEqual(data.prepSheets[0].questions, [
      { kind: "bank", id: "q1", text: "", notes: "", starred: false },
      { kind: "bank", id: "q3", text: "Kind falls back to bank", notes: "", starred: false },
    ]);
  });

  test("keeps a meeting length from 1 to 600 minutes, rounded, and otherwise the default", () => {
    const length = (value) => {
      const { data } = normalise({ prepSheets: [sheet({ logistics: { length: value } })] });
      return data.prepSheets[0].logistics.length;
    };
    const values = [1, 45.6, 600, 0, 601, -5, "30", null, Number.NaN];
    assert.deepEqual(values.map(length), [1, 46, 600, 20, 20, 20, 20, 20, 20]);
  });

  test("keeps a timer's numbers only when they make sense", () => {
    const timer = (value) => normalise({ prepSheets: [sheet({ timer: value })] }).data.prepSheets[0].timer;
    assert.deepEqual(timer({ startedAt: 1700000000000, elapsed: 60000 }), { startedAt: 1700000000000, elapsed: 60000 });
    assert.deepEqual(timer({ startedAt: "now", elapsed: -1 }), { startedAt: null, elapsed: 0 });
    assert.deepEqual(timer(null), { startedAt: null, elapsed: 0 });
  });

  test("counts text fields of a sheet that are not text", () => {
    const wrong = sheet({ research: { name: 42, role: null }, pitch: { why: ["x"] } });
    const { data, lost } = normalise({ prepSheets: [wrong] });
    assert.equal(lost, 2);
    assert.deepEqual(data.prepSheets[0].research, emptySheet().research);
  });

  test("keeps the active sheet only if it is there", () => {
    assert.equal(normalise({ ...full(), activePrepSheet: "sheet-1" }).data.activePrepSheet, "sheet-1");
    assert.equal(normalise({ ...full(), activePrepSheet: "gone" }).data.activePrepSheet, null);
  });

  test("keeps only the studio's answers under field-like ids, and scripts under script-like ids", () => {
    const input = {
      profile: { who: "Sam", exploring: "", fields: { your_name: "Sam", "Bad-Id": "x", _x: "y", n2: 3 } },
      scripts: { "cold-email": { fields: { a_b: "ok", "9x": "no" } }, "Bad Script": { fields: {} }, thanks: "x" },
    };
    const { data, lost } = normalise(input);
    assert.equal(lost, 6);
    assert.deepEqual(data.profile, { who: "Sam", exploring: "", visitor: "", fields: { your_name: "Sam" } });
    assert.deepEqual(data.scripts, { "cold-email": { fields: { a_b: "ok" }, updated: "" } });
  });

  test("keeps checklist ticks that are a boolean and a time, and the timer sound only when true", () => {
    const input = {
      checklists: { a: { done: false, at: "t1" }, b: { done: "yes", at: "t2" }, c: { done: true }, d: true },
      settings: { timerSound: "true" },
    };
    const { data, lost } = normalise(input);
    assert.equal(lost, 3);
    assert.deepEqual(data.checklists, { a: { done: false, at: "t1" } });
    assert.equal(data.settings.timerSound, false);
  });

  test("reads contacts through contact-records.js, unlinking missing referrers", () => {
    const { data, lost } = normalise({ contacts: [contact({ referredBy: "gone" }), contact({ channel: "fax" }), 7] });
    assert.equal(lost, 2);
    assert.deepEqual(data.contacts, [contact()]);
  });
});

describe("normalise: a prep sheet's time zone", () => {
  test("a sheet saved before sheets kept a zone has none: its time is the visitor's own, wherever they are", () => {
    const old = sheet({ logistics: { date: "2024-02-01", time: "10:00", place: "Zoom", length: 30 } });
    const { data, lost } = normalise({ prepSheets: [old] });
    assert.equal(lost, 0);
    assert.deepEqual(data.prepSheets[0].logistics, { date: "2024-02-01", time: "10:00", timeZone: "", place: "Zoom", length: 30 });
  });

  test("keeps a zone's name, and empties and counts a value that is not text (time-zones.js checks the name)", () => {
    const kept = normalise({ prepSheets: [sheet()] });
    assert.equal(kept.data.prepSheets[0].logistics.timeZone, "America/Halifax");
    const bad = sheet({ logistics: { date: "", time: "", timeZone: 5, place: "", length: 20 } });
    const { data, lost } = normalise({ prepSheets: [bad] });
    assert.equal(lost, 1);
    assert.equal(data.prepSheets[0].logistics.timeZone, "");
  });

  test("a stored contact without a zone keeps none, through readData", () => {
    const old = contact({ meeting: "2024-02-01" });
    delete old.meetingTime;
    delete old.timeZone;
    const { data, problem } = readData(JSON.stringify({ version: 1, contacts: [old] }));
    assert.equal(problem, null);
    assert.deepEqual([data.contacts[0].meetingTime, data.contacts[0].timeZone], ["", ""]);
  });
});

describe("readData", () => {
  test("reads nothing stored as the empty store, with no problem", () => {
    for (const text of [null, undefined, ""]) {
      assert.deepEqual(readData(text), { data: EMPTY, problem: null });
    }
  });

  test("reads a whole store with no problem", () => {
    assert.deepEqual(readData(JSON.stringify(full())), { data: full(), problem: null });
  });

  test("reports text that is not a JSON object as unreadable", () => {
    for (const text of ["{", "not json", "[]", "42", '"text"', "null", "true"]) {
      assert.deepEqual(readData(text), { data: EMPTY, problem: { kind: "unreadable" } }, text);
    }
  });

  test("reports a version that is not a whole number from 0 as unreadable", () => {
    for (const version of ["1", -1, 1.5, null]) {
      const expected = { data: EMPTY, problem: { kind: "unreadable" } };
      assert.deepEqual(readData(JSON.stringify({ version })), expected, String(version));
    }
  });

  test("reports a store written by a newer version, and reads none of it", () => {
    const text = JSON.stringify({ ...full(), version: 2 });
    assert.deepEqual(readData(text), { data: EMPTY, problem: { kind: "newer", version: 2 } });
  });

  test("migrates a store without a version", () => {
    const { version, ...old } = full();
    assert.equal(version, 1);
    assert.deepEqual(readData(JSON.stringify(old)), { data: full(), problem: null });
    assert.deepEqual(readData(JSON.stringify({ ...old, version: 0 })), { data: full(), problem: null });
  });

  test("reads what it can of a partly damaged store and says how much was lost", () => {
    const contacts = [contact(), contact({ id: "c3", status: "lost" })];
    const damaged = { ...full(), prepSheets: [sheet(), { id: 5 }], checklists: { x: "ticked" }, contacts };
    const readable = { prepSheets: [sheet()], activePrepSheet: null, checklists: {} };
    const expected = { ...full(), ...readable, contacts: [contact(), contact({ id: "c3" })] };
    assert.deepEqual(readData(JSON.stringify(damaged)), { data: expected, problem: { kind: "damaged", lost: 3 } });
  });
});

describe("readExport", () => {
  const file = (data, extra = {}) => {
    const body = { format: EXPORT_FORMAT, version: 1, exportedAt: "2024-01-05T00:00:00.000Z", data, ...extra };
    return JSON.stringify(body);
  };

  test("reads an export file with the time it was made", () => {
    assert.deepEqual(readExport(file(full())), { data: full(), exported: "2024-01-05T00:00:00.000Z", lost: 0 });
  });

  test("reads a bare store object, with no export time", () => {
    assert.deepEqual(readExport(JSON.stringify(full())), { data: full(), exported: null, lost: 0 });
    assert.deepEqual(readExport('{"prepSheets": []}'), { data: EMPTY, exported: null, lost: 0 });
  });

  test("gives no export time when the file's is not text", () => {
    assert.equal(readExport(file(full(), { exportedAt: 1700000000000 })).exported, null);
  });

  test("says what is wrong with a file it cannot import", () => {
    assert.deepEqual(readExport("{oops"), { error: "not-json" });
    assert.deepEqual(readExport("[1, 2]"), { error: "not-guide" });
    assert.deepEqual(readExport('{"name": "a recipe"}'), { error: "not-guide" });
    assert.deepEqual(readExport(file({ ...full(), version: 3 })), { error: "newer" });
    assert.deepEqual(readExport(file("a string")), { error: "unreadable" });
    assert.deepEqual(readExport('{"version": "one"}'), { error: "unreadable" });
  });

  test("imports what it can of a damaged file and says how much was lost", () => {
    const damaged = { ...full(), contacts: [contact(), contact({ id: "" })], scripts: { "cold-email": 5 } };
    assert.deepEqual(readExport(file(damaged)), {
      data: { ...full(), contacts: [contact()], scripts: {} },
      exported: "2024-01-05T00:00:00.000Z",
      lost: 2,
    });
  });
});

describe("mergeData", () => {
  const mine = () => ({
    ...EMPTY,
    prepSheets: [sheet({ id: "s1", updated: "2024-01-02" }), sheet({ id: "s2", updated: "2024-01-05" })],
    activePrepSheet: "s2",
    profile: { who: "Me", exploring: "", fields: { your_name: "Sam", your_email: "" } },
    checklists: { a: { done: true, at: "2024-01-02" }, b: { done: true, at: "2024-01-09" } },
    contacts: [contact({ id: "c1", name: "Ana", updated: "2024-01-02" })],
    scripts: { "cold-email": { fields: { x: "mine" }, updated: "2024-01-03" }, thanks: { fields: {}, updated: "" } },
  });
  const theirs = () => ({
    ...EMPTY,
    prepSheets: [
      sheet({ id: "s2", updated: "2024-01-01", pitch: { who: "old", exploring: "", why: "" } }),
      sheet({ id: "s1", updated: "2024-01-04" }),
      sheet({ id: "s3" }),
    ],
    activePrepSheet: "s3",
    profile: {
      who: "Them",
      exploring: "policy",
      visitor: "newcomer",
      fields: { your_name: "Other", your_email: "a@b.ca", your_phone: "555" },
    },
    checklists: {
      a: { done: false, at: "2024-01-08" },
      b: { done: false, at: "2024-01-01" },
      c: { done: true, at: "2024-01-01" },
    },
    contacts: [
      contact({ id: "c1", name: "Ana Silva", updated: "2024-01-03" }),
      contact({ id: "c2", name: "Bo", referredBy: "c9" }),
    ],
    scripts: {
      "cold-email": { fields: { x: "theirs" }, updated: "2024-01-01" },
      other: { fields: { y: "1" }, updated: "2024-01-01" },
    },
  });

  test("keeps every record by id, the newer copy winning, mine first in my order", () => {
    const merged = mergeData(mine(), theirs());
    assert.deepEqual(merged.prepSheets.map((item) => [item.id, item.updated]), [
      ["s1", "2024-01-04"],
      ["s2", "2024-01-05"],
      ["s3", "2024-01-02T00:00:00.000Z"],
    ]);
    const contacts = merged.contacts.map((item) => [item.id, item.name, item.referredBy]);
    assert.deepEqual(contacts, [["c1", "Ana Silva", ""], ["c2", "Bo", ""]]);
  });

  test("keeps my active sheet, or theirs when I have none", () => {
    assert.equal(mergeData(mine(), theirs()).activePrepSheet, "s2");
    assert.equal(mergeData({ ...mine(), activePrepSheet: null }, theirs()).activePrepSheet, "s3");
  });

  test("fills only my empty profile answers from theirs", () => {
    assert.deepEqual(mergeData(mine(), theirs()).profile, {
      who: "Me",
      exploring: "policy",
      visitor: "newcomer",
      fields: { your_name: "Sam", your_email: "a@b.ca", your_phone: "555" },
    });
  });

  test("keeps the later tick of each checklist item", () => {
    assert.deepEqual(mergeData(mine(), theirs()).checklists, {
      a: { done: false, at: "2024-01-08" },
      b: { done: true, at: "2024-01-09" },
      c: { done: true, at: "2024-01-01" },
    });
  });

  test("keeps the newer answers of each script", () => {
    assert.deepEqual(mergeData(mine(), theirs()).scripts, {
      "cold-email": { fields: { x: "mine" }, updated: "2024-01-03" },
      thanks: { fields: {}, updated: "" },
      other: { fields: { y: "1" }, updated: "2024-01-01" },
    });
  });

  test("changes neither side", () => {
    const a = mine();
    const b = theirs();
    mergeData(a, b);
    assert.deepEqual([a, b], [mine(), theirs()]);
  });

  test("merging a store with itself changes nothing", () => {
    assert.deepEqual(mergeData(full(), full()), full());
  });
});
