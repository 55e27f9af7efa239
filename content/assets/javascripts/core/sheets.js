// Prep sheets in the store's data: which one is active, and the changes the tools make to them.

import { emptySheet, newId } from "./store-data.js";
import { t } from "./strings.js";
import "./messages-sheets.js";

/** The active prep sheet, or null when there is none. */
export function activeSheet(data) {
  return data.prepSheets.find((sheet) => sheet.id === data.activePrepSheet) || data.prepSheets[0] || null;
}

/** The active prep sheet, made (and made active) if there is none. */
export function ensureActiveSheet(data) {
  let sheet = activeSheet(data);
  if (!sheet) {
    sheet = emptySheet(data.profile);
    data.prepSheets.push(sheet);
  }
  data.activePrepSheet = sheet.id;
  return sheet;
}

export function touch(sheet) {
  sheet.updated = new Date().toISOString();
}

/** Whether a sheet holds a question of the bank. */
export function hasQuestion(sheet, id) {
  return Boolean(sheet) && sheet.questions.some((item) => item.kind === "bank" && item.id === id);
}

/** Add a bank question (with a copy of its words) unless it is there; returns whether it was added. */
export function addBankQuestion(sheet, id, text) {
  if (hasQuestion(sheet, id)) {
    return false;
  }
  sheet.questions.push({ kind: "bank", id, text: text || "", notes: "", starred: false });
  touch(sheet);
  return true;
}

export function addOwnQuestion(sheet, text) {
  const item = { kind: "own", id: newId("own"), text, notes: "", starred: false };
  sheet.questions.push(item);
  touch(sheet);
  return item;
}

export function removeQuestion(sheet, id) {
  const before = sheet.questions.length;
  sheet.questions = sheet.questions.filter((item) => item.id !== id);
  touch(sheet);
  return sheet.questions.length !== before;
}

/** Move a question to a new position (clamped to the list). */
export function moveQuestion(sheet, id, to) {
  const from = sheet.questions.findIndex((item) => item.id === id);
  if (from < 0) {
    return -1;
  }
  const target = Math.max(0, Math.min(sheet.questions.length - 1, to));
  const [item] = sheet.questions.splice(from, 1);
  sheet.questions.splice(target, 0, item);
  touch(sheet);
  return target;
}

/** A full copy of a sheet under a new id, without the notes taken in its meeting or its timer. */
export function duplicateSheet(data, sheet) {
  const copy = JSON.parse(JSON.stringify(sheet));
  const fresh = emptySheet();
  copy.id = fresh.id;
  copy.created = fresh.created;
  copy.updated = fresh.updated;
  copy.timer = fresh.timer;
  for (const item of copy.questions) {
    item.notes = "";
  }
  const at = data.prepSheets.indexOf(sheet);
  data.prepSheets.splice(at + 1, 0, copy);
  data.activePrepSheet = copy.id;
  return copy;
}

/** Delete a sheet; the next one (or the previous) becomes active. */
export function deleteSheet(data, id) {
  const at = data.prepSheets.findIndex((sheet) => sheet.id === id);
  if (at < 0) {
    return;
  }
  data.prepSheets.splice(at, 1);
  const next = data.prepSheets[at] || data.prepSheets[at - 1] || null;
  data.activePrepSheet = next ? next.id : null;
}

/**
 * How many questions suit the agreed length: five to ten for twenty minutes, in proportion for
 * longer or shorter meetings; from twelve (for twenty minutes) a gentle note says there are too many.
 */
export function questionGuidance(count, length) {
  const minutes = Number.isFinite(length) && length > 0 ? length : 20;
  const low = Math.max(1, Math.round((minutes * 5) / 20));
  const high = Math.max(low, Math.round((minutes * 10) / 20));
  const tooMany = Math.max(high + 2, Math.round((minutes * 12) / 20));
  return { low, high, minutes, state: count === 0 ? "none" : count < low ? "few" : count >= tooMany ? "many" : "fine" };
}

/** The ids a share link carries: bank questions only, never the visitor's own words or notes. */
export function sharedIds(sheet) {
  return sheet ? sheet.questions.filter((item) => item.kind === "bank").map((item) => item.id) : [];
}

/** A prep sheet's name as the visitor sees it: the person, else the organization, else its number. */
export function sheetName(data, sheet) {
  if (!sheet) {
    return "";
  }
  const { name, organization } = sheet.research;
  if (name.trim() && organization.trim()) {
    return t("sheet.nameAt", { name: name.trim(), organization: organization.trim() });
  }
  if (name.trim() || organization.trim()) {
    return name.trim() || organization.trim();
  }
  const index = data.prepSheets.indexOf(sheet);
  return t("sheet.untitled", { number: index + 1 });
}
