// CSV as RFC 4180 describes it, for the contact tracker's spreadsheet export and import.
//
// Written by hand rather than taken from a library such as Papa Parse: the site's own JavaScript has a
// 30 KB (gzipped) budget, this is about 60 lines, and the browser tests round-trip every tricky case
// (commas, quotes, line breaks, accents, emoji) through it. Files are UTF-8 with a byte order mark, so
// that Excel reads accents correctly, with CRLF line endings.

export const BOM = "\uFEFF";

function quote(value) {
  const text = String(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of text as the text of a CSV file. */
export function writeCsv(rows) {
  return BOM + rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

/**
 * The rows of a CSV file's text: {rows} or {error: {kind: "unclosed" | "stray", row, column}}, rows and
 * columns counted from 1 as a spreadsheet shows them (a quoted line break does not start a new row).
 * Line endings may be CRLF, LF or CR; a blank last line is not a row.
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
    row.push(field);
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
