// Reading an export file and combining it with what this browser holds. Only an import needs this, so it
// loads with the data panel's actions, not with every page (core/store.js loads it for `importData`).

import { relink } from "./contact-records.js";
import { EXPORT_FORMAT, PROFILE, isObject, readData } from "./store-data.js";

/** Read an export file (or a bare store object): {data, exported} or {error: "not-guide" | ...}. */
export function readExport(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: "not-json" };
  }
  let body = parsed;
  let exported = null;
  if (isObject(parsed) && parsed.format === EXPORT_FORMAT) {
    body = parsed.data;
    exported = typeof parsed.exportedAt === "string" ? parsed.exportedAt : null;
  } else if (!isObject(parsed) || !("prepSheets" in parsed || "version" in parsed)) {
    return { error: "not-guide" };
  }
  const { data, problem } = readData(JSON.stringify(body));
  if (problem && problem.kind !== "damaged") {
    return { error: problem.kind };
  }
  return { data, exported, lost: problem ? problem.lost : 0 };
}

// --- Combining ---------------------------------------------------------------------------------------

function newer(a, b) {
  return String(b.updated || "") > String(a.updated || "") ? b : a;
}

/** Both lists' records by id, the newer copy winning; copies, since relink() then edits them in place. */
function mergeRecords(mine, theirs) {
  const result = mine.map((record) => ({ ...record }));
  const index = new Map(result.map((record, position) => [record.id, position]));
  for (const record of theirs) {
    if (index.has(record.id)) {
      const position = index.get(record.id);
      result[position] = newer(result[position], { ...record });
    } else {
      index.set(record.id, result.length);
      result.push({ ...record });
    }
  }
  return result;
}

/** Everything in both: records by id (the newer copy wins), empty profile fields filled in. */
export function mergeData(mine, theirs) {
  const merged = { ...mine };
  merged.prepSheets = mergeRecords(mine.prepSheets, theirs.prepSheets);
  merged.contacts = relink(mergeRecords(mine.contacts, theirs.contacts)); // by id, newer `updated` wins
  merged.activePrepSheet = mine.activePrepSheet || theirs.activePrepSheet;
  merged.profile = { ...mine.profile };
  for (const key of PROFILE) {
    merged.profile[key] = mine.profile[key] || theirs.profile[key] || "";
  }
  merged.checklists = { ...theirs.checklists, ...mine.checklists };
  for (const [id, tick] of Object.entries(theirs.checklists)) {
    const local = mine.checklists[id];
    if (isObject(local) && isObject(tick) && String(tick.at || "") > String(local.at || "")) {
      merged.checklists[id] = tick;
    }
  }
  merged.profile.fields = { ...theirs.profile.fields };
  for (const [id, text] of Object.entries(mine.profile.fields)) {
    merged.profile.fields[id] = text || merged.profile.fields[id] || "";
  }
  merged.scripts = { ...theirs.scripts, ...mine.scripts };
  for (const [id, record] of Object.entries(theirs.scripts)) {
    if (mine.scripts[id]) {
      merged.scripts[id] = newer(mine.scripts[id], record);
    }
  }
  return merged;
}
