// CSV as RFC 4180 describes it, for the contact tracker's spreadsheet export and import.
//
// Written by hand rather than taken from a library such as Papa Parse: the site's own JavaScript has a
// 30 KB (gzipped) budget, this is about 60 lines, and the browser tests round-trip every tricky case
// (commas, quotes, line breaks, accents, emoji) through it. Files are UTF-8 with a byte order mark, so
// that Excel reads accents correctly, with CRLF line endings.

//
// A cell that starts as a formula does (=, +, -, @, a tab or a carriage return) would run as one when
// the file is opened in Excel or LibreOffice (OWASP's "CSV injection"): it is written with an apostrophe
// in front, as OWASP advises, and so is a cell that starts with an apostrophe, so that reading takes
// exactly one off again and a file of ours comes back as it went out.

export const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as text: an apostrophe before a formula's first character (or an apostrophe). */
export function guardCell(text) {
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/** The text `guardCell` was given: one apostrophe off a guarded cell, any other cell as it is. */
export function unguardCell(text) {
  return text.startsWith("'") && (FORMULA_START.test(text.slice(1)) || text[1] === "'") ? text.slice(1) : text;
}

function quote(value) {
  const text = guardCell(String(value ?? ""));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of text as the text of a CSV file, each cell guarded against running as a formula. */
export function writeCsv(rows) {
  return BOM + rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

/**
 * The rows of a CSV file's text: {rows} or {error: {kind: "unclosed" | "stray", row, column}}, rows and
 * columns counted from 1 as a spreadsheet shows them (a quoted line break does not start a new row).
 * Line endings may be CRLF, LF or CR; a blank last line is not a row. Guarded cells come back unguarded.
 */
export function readCsv(text) {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let closed = false; // just after a quoted field's closing quote
  let fieldStart = 0;
  const fail = (kind) => ({ error: { kind, row: rows.length + 1, column: row.length + 1 } });
  const endField = () => {
    row.push(unguardCell(field));
    field = "";
    closed = false;
  };
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char !== '"') {
        field += char;
      } else if (source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else {
        quoted = false;
        closed = true;
      }
    } else if (char === ",") {
      endField();
      fieldStart = index + 1;
    } else if (char === "\r" || char === "\n") {
      endField();
      rows.push(row);
      row = [];
      if (char === "\r" && source[index + 1] === "\n") {
        index += 1;
      }
      fieldStart = index + 1;
    } else if (char === '"' && index === fieldStart) {
      quoted = true;
    } else if (char === '"' || closed) {
      return fail("stray");
    } else {
      field += char;
    }
  }
  if (quoted) {
    return fail("unclosed");
  }
  if (field !== "" || closed || row.length) {
    endField();
    rows.push(row);
  }
  return { rows };
}
