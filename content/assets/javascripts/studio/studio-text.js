// The script studio's text work, without the page: fill a script's parts with the visitor's answers,
// measure the result against its budget, and build the mailto: link. Pure functions, easy to test.

import { countWords, speakingSeconds } from "../core/words.js";

/** LinkedIn's limits on the note sent with a connection request: free accounts, then Premium. */
export const LINKEDIN_NOTE_LIMITS = { free: 200, premium: 300 };

/**
 * Field ids remembered once (in store.data.profile.fields) and filled in on every script: these, and
 * any field id that two or more scripts use. The rest are kept with their own script only.
 */
export const ALWAYS_SHARED = ["your_name", "your_program", "your_school", "your_email", "your_phone", "contact_name"];

/** The ids of the fields shared across scripts, given scripts.json's scripts and its visitors' details. */
export function sharedFieldIds(scripts, visitorFields = []) {
  const uses = new Map();
  for (const script of scripts) {
    for (const id of new Set((script.fields || []).map((field) => field.id))) {
      uses.set(id, (uses.get(id) || 0) + 1);
    }
  }
  const shared = new Set([...ALWAYS_SHARED, ...visitorFields.map((field) => field.id)]);
  for (const [id, count] of uses) {
    if (count >= 2) {
      shared.add(id);
    }
  }
  return shared;
}

/** The answer that leaves an optional part of a script out (any other keeps it). */
export const LEFT_OUT = "no";

/**
 * The parts and answers with each optional part settled: kept, its answer is its own words; left out
 * (its answer is LEFT_OUT), it is gone, with the space it leaves closed up. `fields`: the script's.
 */
export function settleOptional(parts, fields, answers) {
  const optional = new Map((fields || []).filter((item) => item && item.optional === true).map((item) => [item.id, item]));
  const values = { ...answers };
  const kept = [];
  for (const part of parts || []) {
    const item = optional.get(part.field);
    if (!item) {
      kept.push(part);
    } else if (answers[item.id] === LEFT_OUT) {
      closeUp(kept);
    } else {
      values[item.id] = item.example || "";
      kept.push(part);
    }
  }
  return { parts: kept, values };
}

/** After a part is left out: no space before the end of a line, or before the text that follows. */
function closeUp(parts) {
  const last = parts[parts.length - 1];
  if (last && typeof last.text === "string" && !last.field) {
    parts[parts.length - 1] = { text: last.text.replace(/[ \t]+$/, "") };
  }
}

/** Whether a script's parts say who the visitor is ({{ you.introduction }} and the like). */
export function usesPhrases(script) {
  return [...(script.subject_parts || []), ...(script.body_parts || [])].some((part) => typeof part.phrase === "string");
}

/** The kind of visitor with id `id` in scripts.json's `visitors`, or the first kind; null when there are none. */
export function visitorKind(visitors, id) {
  const kinds = (visitors && Array.isArray(visitors.kinds) ? visitors.kinds : []).filter((kind) => kind && typeof kind.id === "string");
  return kinds.find((kind) => kind.id === id) || kinds[0] || null;
}

/** The ids of the fields a kind of visitor's phrases ask for, in order. */
export function kindFieldIds(kind) {
  const parts = Object.values((kind && kind.phrases) || {}).flat();
  return [...new Set(parts.filter((part) => part && typeof part.field === "string").map((part) => part.field))];
}

/** The parts with each phrase ({phrase: "introduction"}) replaced by the kind's own parts (by none without a kind). */
export function expandPhrases(parts, kind) {
  return (parts || []).flatMap((part) => {
    if (typeof part.phrase !== "string") {
      return [part];
    }
    const own = kind && kind.phrases && kind.phrases[part.phrase];
    return Array.isArray(own) ? own : [];
  });
}

/**
 * A script's parts as pieces to show: {text} for the script's own words, {text, field, blank} for a
 * field, its answer trimmed, or `blank(field)` (a placeholder such as "[Contact's name]") when empty.
 * `inline` puts a multi-line answer on one line (for a subject).
 */
export function fillParts(parts, values, blank, inline = false) {
  return (parts || []).map((part) => {
    if (!part.field) {
      return { text: inline ? part.text.replace(/\s*\n\s*/g, " ") : part.text };
    }
    let answer = typeof values[part.field] === "string" ? values[part.field].trim() : "";
    if (inline) {
      answer = answer.replace(/\s*\n\s*/g, " ");
    }
    return answer ? { text: answer, field: part.field, blank: false } : { text: blank(part.field), field: part.field, blank: true };
  });
}

/** The pieces as one text. */
export function joinPieces(pieces) {
  return pieces.map((piece) => piece.text).join("");
}

/** Characters as a person counts them (an accented letter or an emoji is one). */
export function countCharacters(text) {
  return Array.from(text).length;
}

/** The length of a text in the budget's unit: {count, limit, unit, over}. */
export function measure(text, budget) {
  const unit = budget && budget.unit === "characters" ? "characters" : "words";
  const limit = budget && Number.isFinite(budget.limit) ? budget.limit : Infinity;
  const count = unit === "words" ? countWords(text) : countCharacters(text);
  return { count, limit, unit, over: count > limit };
}

/** Which LinkedIn connection-note limit a text fits: "free" (200), "premium" (300) or "neither". */
export function linkedinFit(text) {
  const count = countCharacters(text);
  if (count <= LINKEDIN_NOTE_LIMITS.free) {
    return { count, fits: "free" };
  }
  return { count, fits: count <= LINKEDIN_NOTE_LIMITS.premium ? "premium" : "neither" };
}

/** Seconds a text takes to say at an unhurried 150 words a minute. */
export function textSeconds(text) {
  return speakingSeconds(countWords(text));
}

/**
 * A mailto: link that opens a new email with this subject and body (RFC 6068): each value encoded
 * with encodeURIComponent, line breaks as CRLF (%0D%0A).
 */
export function mailtoHref(subject, body) {
  const crlf = (text) => text.replace(/\r\n|\r|\n/g, "\r\n");
  const fields = [];
  if (subject) {
    fields.push(`subject=${encodeURIComponent(crlf(subject))}`);
  }
  fields.push(`body=${encodeURIComponent(crlf(body))}`);
  return `mailto:?${fields.join("&")}`;
}
