// core/sheets.js: prep sheets in the store's data: the active one, and the changes the tools make.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  activeSheet,
  addBankQuestion,
  addOwnQuestion,
  deleteSheet,
  duplicateSheet,
  ensureActiveSheet,
  hasQuestion,
  moveQuestion,
  questionGuidance,
  removeQuestion,
  sharedIds,
  sheetName,
  touch,
} from "../../content/assets/javascripts/core/sheets.js";
import { emptyData, emptySheet } from "../../content/assets/javascripts/core/store-data.js";

const NOW = Date.UTC(2024, 0, 15, 9, 30);
const NOW_ISO = "2024-01-15T09:30:00.000Z";
const EARLIER = "2024-01-01T00:00:00.000Z";

/** A sheet made earlier, with `overrides`. */
function sheet(id, overrides = {}) {
  return { ...emptySheet(), id, created: EARLIER, updated: EARLIER, ...overrides };
}

const question = (id, kind = "bank", notes = "") => ({ kind, id, text: `Text of ${id}`, notes, starred: false });
const ids = (list) => list.map((item) => item.id);

describe("the active sheet", () => {
  test("is the one named, else the first, else none", () => {
    const data = { ...emptyData(), prepSheets: [sheet("a"), sheet("b")], activePrepSheet: "b" };
    assert.equal(activeSheet(data).id, "b");
    assert.equal(activeSheet({ ...data, activePrepSheet: "gone" }).id, "a");
    assert.equal(activeSheet(emptyData()), null);
  });

  test("is made, with the profile's pitch, when there is none", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const data = { ...emptyData(), profile: { who: "A student", exploring: "policy", fields: {} } };
    const made = ensureActiveSheet(data);
    assert.deepEqual(data.prepSheets, [made]);
    assert.equal(data.activePrepSheet, made.id);
    assert.deepEqual([made.created, made.pitch], [NOW_ISO, { who: "A student", exploring: "policy", why: "" }]);
  });

  test("is the first sheet, made active, when none is named", () => {
    const data = { ...emptyData(), prepSheets: [sheet("a"), sheet("b")] };
    assert.equal(ensureActiveSheet(data).id, "a");
    assert.deepEqual([data.activePrepSheet, ids(data.prepSheets)], ["a", ["a", "b"]]);
  });
});

describe("questions", () => {
  test("a bank question is added once, with a copy of its words, and the sheet stamped", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const one = sheet("a");
    assert.equal(addBankQuestion(one, "q1", "How did you start?"), true);
    assert.equal(addBankQuestion(one, "q1", "Again"), false);
    assert.equal(addBankQuestion(one, "q2"), true);
    assert.deepEqual(one.questions, [
      { kind: "bank", id: "q1", text: "How did you start?", notes: "", starred: false },
      { kind: "bank", id: "q2", text: "", notes: "", starred: false },
    ]);
    assert.equal(one.updated, NOW_ISO);
  });

  test("hasQuestion looks for bank questions only", () => {
    const one = sheet("a", { questions: [question("q1"), question("own-1", "own")] });
    const found = [hasQuestion(one, "q1"), hasQuestion(one, "own-1"), hasQuestion(one, "q9"), hasQuestion(null, "q1")];
    assert.deepEqual(found, [true, false, false, false]);
  });

  test("an own question gets an own- id and the visitor's words", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const one = sheet("a");
    const item = addOwnQuestion(one, "What surprised you?");
    assert.match(item.id, new RegExp(`^own-${NOW.toString(36)}-[0-9a-f]{8}$`));
    assert.deepEqual(one.questions, [
      { kind: "own", id: item.id, text: "What surprised you?", notes: "", starred: false },
    ]);
    assert.equal(one.updated, NOW_ISO);
  });

  test("removing says whether the question was there", () => {
    const one = sheet("a", { questions: [question("q1"), question("q2")] });
    assert.equal(removeQuestion(one, "q1"), true);
    assert.equal(removeQuestion(one, "q1"), false);
    assert.deepEqual(ids(one.questions), ["q2"]);
  });

  test("moving puts a question at a position kept within the list", () => {
    const one = sheet("a", { questions: ["q1", "q2", "q3", "q4"].map((id) => question(id)) });
    assert.equal(moveQuestion(one, "q1", 2), 2);
    assert.deepEqual(ids(one.questions), ["q2", "q3", "q1", "q4"]);
    assert.equal(moveQuestion(one, "q4", -3), 0);
    assert.deepEqual(ids(one.questions), ["q4", "q2", "q3", "q1"]);
    assert.equal(moveQuestion(one, "q2", 99), 3);
    assert.deepEqual(ids(one.questions), ["q4", "q3", "q1", "q2"]);
    assert.equal(moveQuestion(one, "q9", 0), -1);
  });

  test("touch stamps the sheet with the clock", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const one = sheet("a");
    touch(one);
    assert.deepEqual([one.created, one.updated], [EARLIER, NOW_ISO]);
  });
});

describe("duplicating and deleting sheets", () => {
  test("a copy goes after the original, active, with a new id and time, no notes and a fresh timer", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: NOW });
    const original = sheet("a", {
      questions: [question("q1", "bank", "She said yes"), question("own-1", "own", "Follow up")],
      research: { field: "Data", organization: "CRA", name: "Ana", role: "", found: "", notes: "Research notes" },
      timer: { startedAt: null, elapsed: 60000 },
    });
    const data = { ...emptyData(), prepSheets: [original, sheet("b")], activePrepSheet: "a" };
    const copy = duplicateSheet(data, original);
    assert.deepEqual(ids(data.prepSheets), ["a", copy.id, "b"]);
    assert.equal(data.activePrepSheet, copy.id);
    assert.notEqual(copy.id, "a");
    assert.deepEqual(copy, {
      ...original,
      id: copy.id,
      created: NOW_ISO,
      updated: NOW_ISO,
      questions: [question("q1"), question("own-1", "own")],
      timer: { startedAt: null, elapsed: 0 },
    });
    assert.equal(original.questions[0].notes, "She said yes");
  });

  test("deleting makes the next sheet active, or the one before the last", () => {
    const data = { ...emptyData(), prepSheets: [sheet("a"), sheet("b"), sheet("c")], activePrepSheet: "b" };
    deleteSheet(data, "b");
    assert.deepEqual([ids(data.prepSheets), data.activePrepSheet], [["a", "c"], "c"]);
    deleteSheet(data, "c");
    assert.deepEqual([ids(data.prepSheets), data.activePrepSheet], [["a"], "a"]);
    deleteSheet(data, "gone");
    assert.deepEqual([ids(data.prepSheets), data.activePrepSheet], [["a"], "a"]);
    deleteSheet(data, "a");
    assert.deepEqual([data.prepSheets, data.activePrepSheet], [[], null]);
  });
});

describe("questionGuidance", () => {
  test("five to ten questions fit twenty minutes; twelve are too many", () => {
    const at20 = (count) => questionGuidance(count, 20);
    assert.deepEqual(at20(0), { low: 5, high: 10, minutes: 20, state: "none" });
    const states = [1, 4, 5, 10, 11, 12, 30].map((count) => at20(count).state);
    assert.deepEqual(states, ["few", "few", "fine", "fine", "fine", "many", "many"]);
  });

  test("scales with the meeting's length", () => {
    assert.deepEqual(questionGuidance(10, 60), { low: 15, high: 30, minutes: 60, state: "few" });
    assert.deepEqual(questionGuidance(36, 60).state, "many");
    assert.deepEqual(questionGuidance(35, 60).state, "fine");
    assert.deepEqual(questionGuidance(1, 5), { low: 1, high: 3, minutes: 5, state: "fine" });
    assert.deepEqual(questionGuidance(5, 5).state, "many");
  });

  test("takes twenty minutes when the length is not a positive number", () => {
    for (const length of [0, -10, Number.NaN, undefined, "30"]) {
      assert.deepEqual(questionGuidance(3, length), { low: 5, high: 10, minutes: 20, state: "few" }, String(length));
    }
  });
});

describe("sharing and naming", () => {
  test("a share link carries only bank questions", () => {
    const one = sheet("a", { questions: [question("q1"), question("own-1", "own"), question("q2")] });
    assert.deepEqual(sharedIds(one), ["q1", "q2"]);
    assert.deepEqual(sharedIds(null), []);
  });

  test("a sheet is named by its person and organization, either one, or its number", () => {
    const research = (name, organization) => ({ field: "", organization, name, role: "", found: "", notes: "" });
    const sheets = [
      sheet("a", { research: research(" Ana ", " CRA ") }),
      sheet("b", { research: research("Bo", "") }),
      sheet("c", { research: research(" ", " StatCan ") }),
      sheet("d"),
    ];
    const data = { ...emptyData(), prepSheets: sheets };
    assert.deepEqual(sheets.map((item) => sheetName(data, item)), ["Ana, CRA", "Bo", "StatCan", "Prep sheet 4"]);
    assert.equal(sheetName(data, null), "");
  });
});
