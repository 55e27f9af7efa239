// The visitor's data, kept in this browser's localStorage under one key and never sent anywhere.
//
// Shared by every browser tool of the guide (prep sheets now; outreach scripts, checklist ticks and the
// contact tracker next), so a visitor exports, imports and clears everything in one place.
//
// localStorage["ii-guide:v1"] holds one JSON object:
//   {
//     version: 1,                     schema version; MIGRATIONS upgrade older objects step by step
//     prepSheets: [PrepSheet],        one per contact, in the order they were made
//     activePrepSheet: id | null,     the sheet the question picker adds to
//     profile: {who, exploring,       the visitor's own details, reused by new sheets (and later tools);
//       visitor,                      the kind of visitor they said they are (an id of visitors.yaml)
//       fields: {fieldId: text}},     script-studio answers shared by every script (your_name, contact_name...)
//     settings: {timerSound},         preferences of the tools
//     checklists: {itemId: {done, at}},  checklist ticks (checklists.js): done true/false, at an ISO time
//     contacts: [Contact],               the contact tracker's contacts (fields in contact-records.js)
//     scripts: {scriptId: {fields: {fieldId: text}, updated}},  the studio's answers kept for one script
//   }
//   PrepSheet: {id, created, updated,
//     questions: [{kind: "bank" | "own", id, text, notes, starred}],   text: a copy of a bank question's
//                                                                     words, shown if the bank drops it
//     research: {field, organization, name, role, found, notes},
//     logistics: {date, time, timeZone, place, length},                length in minutes (default 20);
//                                                                     timeZone an IANA name, or "" (so
//                                                                     older sheets): the visitor's own
//     pitch: {who, exploring, why},
//     timer: {startedAt: ms since 1970 | null (paused), elapsed: ms before startedAt}}
//
// The key's ":v1" changes only if the storage format itself ever changes (a new key, read once from the
// old one); ordinary schema changes raise `version` and add a migration. A store that cannot be read,
// was written by a newer version, or is partly damaged is never overwritten behind the visitor's back:
// the page reports the problem (store.problem) and saves nothing until the visitor resolves it.
//
// This module is the data alone, with no window and no localStorage, so that Node's tests import it;
// store.js keeps it in the browser and is the one module that writes it.

import { normaliseContacts } from "./contact-records.js";

export const STORAGE_KEY = "ii-guide:v1";
export const SCHEMA_VERSION = 1;
export const EXPORT_FORMAT = "ii-guide-export";
export const DEFAULT_LENGTH = 20;

/** Upgrades from version n to n + 1, each on a plain object. */
export const MIGRATIONS = {
  // Objects without a version number (hand-made, or saved before versions existed) have the same
  // fields as version 1; normalising fills in whatever is missing.
  0: (data) => ({ ...data, version: 1 }),
};

const RESEARCH = ["field", "organization", "name", "role", "found", "notes"];
const LOGISTICS = ["date", "time", "timeZone", "place"]; // timeZone: checked where it is used (time-zones.js)
const PITCH = ["who", "exploring", "why"];
export const PROFILE = ["who", "exploring", "visitor"];

export function emptyData() {
  return {
    version: SCHEMA_VERSION,
    prepSheets: [],
    activePrepSheet: null,
    profile: { who: "", exploring: "", visitor: "", fields: {} },
    settings: { timerSound: false },
    checklists: {},
    contacts: [],
    scripts: {},
  };
}

export function newId(prefix) {
  const random =
    globalThis.crypto && typeof globalThis.crypto.randomUUID === "function"
      ? globalThis.crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${random}`;
}

export function emptySheet(profile = {}) {
  const now = new Date().toISOString();
  return {
    id: newId("sheet"),
    created: now,
    updated: now,
    questions: [],
    research: Object.fromEntries(RESEARCH.map((key) => [key, ""])),
    logistics: { date: "", time: "", timeZone: "", place: "", length: DEFAULT_LENGTH },
    pitch: { who: profile.who || "", exploring: profile.exploring || "", why: "" },
    timer: { startedAt: null, elapsed: 0 },
  };
}

// --- Reading -----------------------------------------------------------------------------------------

export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Copy the string fields `keys` of `source`, counting each that is there but is not text. */
function strings(source, keys, lost) {
  const result = {};
  for (const key of keys) {
    const value = isObject(source) ? source[key] : undefined;
    if (typeof value === "string") {
      result[key] = value;
    } else {
      result[key] = "";
      if (value !== undefined && value !== null) {
        lost.count += 1;
      }
    }
  }
  return result;
}

function normaliseQuestion(item, lost) {
  if (!isObject(item) || typeof item.id !== "string" || !item.id) {
    lost.count += 1;
    return null;
  }
  const kind = item.kind === "own" ? "own" : "bank";
  const text = typeof item.text === "string" ? item.text : "";
  if (kind === "own" && !text.trim()) {
    lost.count += 1;
    return null;
  }
  return {
    kind,
    id: item.id,
    text,
    notes: typeof item.notes === "string" ? item.notes : "",
    starred: item.starred === true,
  };
}

function normaliseSheet(sheet, lost) {
  if (!isObject(sheet) || typeof sheet.id !== "string" || !sheet.id) {
    lost.count += 1;
    return null;
  }
  const fresh = emptySheet();
  const questions = Array.isArray(sheet.questions) ? sheet.questions : [];
  if (sheet.questions !== undefined && !Array.isArray(sheet.questions)) {
    lost.count += 1;
  }
  const seen = new Set();
  const kept = [];
  for (const item of questions) {
    const question = normaliseQuestion(item, lost);
    if (question && !seen.has(question.id)) {
      seen.add(question.id);
      kept.push(question);
    }
  }
  const logistics = { ...strings(sheet.logistics, LOGISTICS, lost), length: DEFAULT_LENGTH }; // no timeZone: ""
  const length = isObject(sheet.logistics) ? sheet.logistics.length : undefined;
  if (Number.isFinite(length) && length >= 1 && length <= 600) {
    logistics.length = Math.round(length);
  }
  const timer = isObject(sheet.timer) ? sheet.timer : {};
  return {
    id: sheet.id,
    created: typeof sheet.created === "string" ? sheet.created : fresh.created,
    updated: typeof sheet.updated === "string" ? sheet.updated : fresh.updated,
    questions: kept,
    research: strings(sheet.research, RESEARCH, lost),
    logistics,
    pitch: strings(sheet.pitch, PITCH, lost),
    timer: {
      startedAt: Number.isFinite(timer.startedAt) ? timer.startedAt : null,
      elapsed: Number.isFinite(timer.elapsed) && timer.elapsed >= 0 ? timer.elapsed : 0,
    },
  };
}

const FIELD_ID = /^[a-z][a-z0-9_]*$/;
const SCRIPT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The entries of a map-shaped part ({} when it is missing); a part that is not an object counts as lost. */
function entriesOf(source, lost) {
  if (source === undefined) {
    return [];
  }
  if (!isObject(source)) {
    lost.count += 1;
    return [];
  }
  return Object.entries(source);
}

/** The studio's answers {fieldId: text}: only text under a field-like id is kept, the rest counted. */
function fieldTexts(source, lost) {
  const result = {};
  for (const [id, text] of entriesOf(source, lost)) {
    if (FIELD_ID.test(id) && typeof text === "string") {
      result[id] = text;
    } else {
      lost.count += 1;
    }
  }
  return result;
}

/** The studio's per-script answers: {scriptId: {fields, updated}}. */
function normaliseScripts(source, lost) {
  const result = {};
  for (const [id, record] of entriesOf(source, lost)) {
    if (!SCRIPT_ID.test(id) || !isObject(record)) {
      lost.count += 1;
      continue;
    }
    result[id] = {
      fields: fieldTexts(record.fields, lost),
      updated: typeof record.updated === "string" ? record.updated : "",
    };
  }
  return result;
}

/** Checklist ticks, {itemId: {done, at}}: a tick that is not a boolean and an ISO time is left out. */
function normaliseTicks(input, lost) {
  const ticks = {};
  for (const [id, tick] of entriesOf(input, lost)) {
    if (isObject(tick) && typeof tick.done === "boolean" && typeof tick.at === "string" && id) {
      ticks[id] = { done: tick.done, at: tick.at };
    } else {
      lost.count += 1;
    }
  }
  return ticks;
}

/** Fit a (migrated) object to the current schema; `lost` counts the values that had to be left out. */
export function normalise(input) {
  const lost = { count: 0 };
  const data = emptyData();
  if (input.prepSheets !== undefined && !Array.isArray(input.prepSheets)) {
    lost.count += 1;
  }
  const ids = new Set();
  for (const sheet of Array.isArray(input.prepSheets) ? input.prepSheets : []) {
    const kept = normaliseSheet(sheet, lost);
    if (kept && !ids.has(kept.id)) {
      ids.add(kept.id);
      data.prepSheets.push(kept);
    }
  }
  data.activePrepSheet = ids.has(input.activePrepSheet) ? input.activePrepSheet : null;
  data.profile = { ...strings(input.profile, PROFILE, lost), fields: fieldTexts(isObject(input.profile) ? input.profile.fields : undefined, lost) };
  data.settings.timerSound = isObject(input.settings) && input.settings.timerSound === true;
  data.scripts = normaliseScripts(input.scripts, lost);
  data.checklists = normaliseTicks(input.checklists, lost);
  data.contacts = normaliseContacts(input.contacts, lost); // contact-records.js: each contact checked
  return { data, lost: lost.count };
}

/**
 * Read a stored or imported text into current data: {data, problem}. `problem` is null, or
 * {kind: "unreadable"} (not a JSON object), {kind: "newer", version}, or {kind: "damaged", lost}.
 */
export function readData(text) {
  if (text === null || text === undefined || text === "") {
    return { data: emptyData(), problem: null };
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { data: emptyData(), problem: { kind: "unreadable" } };
  }
  if (!isObject(parsed)) {
    return { data: emptyData(), problem: { kind: "unreadable" } };
  }
  let version = parsed.version === undefined ? 0 : parsed.version;
  if (!Number.isInteger(version) || version < 0) {
    return { data: emptyData(), problem: { kind: "unreadable" } };
  }
  if (version > SCHEMA_VERSION) {
    return { data: emptyData(), problem: { kind: "newer", version } };
  }
  let data = parsed;
  while (version < SCHEMA_VERSION) {
    data = MIGRATIONS[version](data);
    version += 1;
  }
  const result = normalise(data);
  return { data: result.data, problem: result.lost ? { kind: "damaged", lost: result.lost } : null };
}
