// tracker/csv.js: reading and writing the contact tracker's spreadsheet files (RFC 4180).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { BOM, guardCell, readCsv, unguardCell, writeCsv } from "../../content/assets/javascripts/tracker/csv.js";

describe("readCsv", () => {
  test("splits fields at commas and rows at CRLF, LF or CR", () => {
    assert.deepEqual(readCsv("a,b\r\nc,d\r\n"), { rows: [["a", "b"], ["c", "d"]] });
    assert.deepEqual(readCsv("a,b\nc,d\n"), { rows: [["a", "b"], ["c", "d"]] });
    assert.deepEqual(readCsv("a,b\rc,d\r"), { rows: [["a", "b"], ["c", "d"]] });
    assert.deepEqual(readCsv("a\r\nb\nc\rd"), { rows: [["a"], ["b"], ["c"], ["d"]] });
  });

  test("reads a last line that has no line ending", () => {
    assert.deepEqual(readCsv("a,b\r\nc,d"), { rows: [["a", "b"], ["c", "d"]] });
    assert.deepEqual(readCsv("only"), { rows: [["only"]] });
  });

  test("drops a UTF-8 byte order mark at the start, and only there", () => {
    assert.deepEqual(readCsv(`${BOM}Name,Role\r\n`), { rows: [["Name", "Role"]] });
    assert.deepEqual(readCsv(`a,${BOM}b`), { rows: [["a", `${BOM}b`]] });
  });

  test("keeps commas, line breaks and doubled quotes inside quoted fields", () => {
    assert.deepEqual(readCsv('"x,y","he said ""hi"""\r\n'), { rows: [["x,y", 'he said "hi"']] });
    assert.deepEqual(readCsv('"line one\r\nline two",next\n'), { rows: [["line one\r\nline two", "next"]] });
    assert.deepEqual(readCsv('"a\nb","c\rd"'), { rows: [["a\nb", "c\rd"]] });
    assert.deepEqual(readCsv('""""'), { rows: [['"']] });
  });

  test("keeps empty fields, quoted or not, and blank lines between rows", () => {
    assert.deepEqual(readCsv(",,\r\n"), { rows: [["", "", ""]] });
    assert.deepEqual(readCsv('a,"",c'), { rows: [["a", "", "c"]] });
    assert.deepEqual(readCsv('""'), { rows: [[""]] });
    assert.deepEqual(readCsv("a,\r\n,b"), { rows: [["a", ""], ["", "b"]] });
    assert.deepEqual(readCsv("a\n\nb"), { rows: [["a"], [""], ["b"]] });
  });

  test("reads nothing as no rows, and a lone line break as one empty field", () => {
    assert.deepEqual(readCsv(""), { rows: [] });
    assert.deepEqual(readCsv(BOM), { rows: [] });
    assert.deepEqual(readCsv("\r\n"), { rows: [[""]] });
  });

  test("keeps accents, emoji and spaces as they are", () => {
    assert.deepEqual(readCsv(" Zoë Tremblay , 🙂 \r\n"), { rows: [[" Zoë Tremblay ", " 🙂 "]] });
  });

  test("reports a quote inside an unquoted field as stray, at its row and column", () => {
    assert.deepEqual(readCsv('a,b"c'), { error: { kind: "stray", row: 1, column: 2 } });
    assert.deepEqual(readCsv('a,b\r\nc,d,e"f\r\n'), { error: { kind: "stray", row: 2, column: 3 } });
    assert.deepEqual(readCsv(' "a"'), { error: { kind: "stray", row: 1, column: 1 } });
  });

  test("reports text after a closing quote as stray", () => {
    assert.deepEqual(readCsv('a,"b"c'), { error: { kind: "stray", row: 1, column: 2 } });
    assert.deepEqual(readCsv('"a" ,b'), { error: { kind: "stray", row: 1, column: 1 } });
  });

  test("reports an unclosed quote at the row and column where its field starts", () => {
    assert.deepEqual(readCsv('a,"bc'), { error: { kind: "unclosed", row: 1, column: 2 } });
    assert.deepEqual(readCsv('x\ny,"z'), { error: { kind: "unclosed", row: 2, column: 2 } });
    // A quoted line break does not start a new row, so the field's own row is reported.
    assert.deepEqual(readCsv('h\r\n"one\r\ntwo\r\nthree'), { error: { kind: "unclosed", row: 2, column: 1 } });
  });

  test("counts rows after quoted line breaks as a spreadsheet does", () => {
    assert.deepEqual(readCsv('"a\nb"\nc,d"'), { error: { kind: "stray", row: 2, column: 2 } });
  });
});

describe("writeCsv", () => {
  test("starts with a byte order mark and ends every row with CRLF", () => {
    assert.equal(writeCsv([["a", "b"], ["c", "d"]]), `${BOM}a,b\r\nc,d\r\n`);
  });

  test("quotes only the fields that need it, doubling their quotes", () => {
    const rows = [["plain", "with,comma", 'say "hi"', "two\nlines", "cr\ronly", "crlf\r\nend", "é 🙂"]];
    const expected = `${BOM}plain,"with,comma","say ""hi""","two\nlines","cr\ronly","crlf\r\nend",é 🙂\r\n`;
    assert.equal(writeCsv(rows), expected);
  });

  test("writes null and undefined as empty fields and numbers as text", () => {
    assert.equal(writeCsv([[null, undefined, 3, "", 0]]), `${BOM},,3,,0\r\n`);
  });

  test("writes no rows as a single line ending", () => {
    assert.equal(writeCsv([]), `${BOM}\r\n`);
  });
});

/** A small seeded generator, so the round trip covers many texts and fails the same way every time. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("write then read", () => {
  test("gives back the rows for every tricky character", () => {
    const rows = [
      ["Name", "Notes"],
      ["Ana, PhD", 'She said "call me"'],
      ["", ""],
      ["multi\r\nline", "cr\r"],
      ["\n", '"'],
      ["Zoë", "🙂👍🏽"],
      [" leading", "trailing "],
    ];
    assert.deepEqual(readCsv(writeCsv(rows)), { rows });
  });

  test("gives back 300 generated tables", () => {
    const next = random(20240115);
    const alphabet = ["a", "Z", " ", ",", '"', "\r", "\n", "\r\n", "é", "🙂", ";", "\t"];
    for (let round = 0; round < 300; round += 1) {
      const rows = [];
      const count = 1 + Math.floor(next() * 5);
      for (let r = 0; r < count; r += 1) {
        const row = [];
        const width = 1 + Math.floor(next() * 4);
        for (let c = 0; c < width; c += 1) {
          let text = "";
          const length = Math.floor(next() * 6);
          for (let k = 0; k < length; k += 1) {
            text += alphabet[Math.floor(next() * alphabet.length)];
          }
          row.push(text);
        }
        rows.push(row);
      }
      assert.deepEqual(readCsv(writeCsv(rows)), { rows }, JSON.stringify(rows));
    }
  });
});

describe("cells a spreadsheet would run as formulas", () => {
  const hostile = ["=HYPERLINK(\"http://x.example\",\"Click\")", "+1 306 555 0142", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "'quoted", "''twice", "'=already"];

  test("are written with an apostrophe in front, and nothing else is", () => {
    assert.equal(guardCell("=1+1"), "'=1+1");
    assert.equal(guardCell("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(guardCell("'note"), "''note");
    for (const safe of ["Adaeze Okafor", "a-b", "Email = good", "", "1+1", "é=mc²"]) {
      assert.equal(guardCell(safe), safe);
    }
    const file = writeCsv([["Name", "Notes"], ["=cmd|'/C calc'!A0", "-10"]]);
    assert.equal(file, `${BOM}Name,Notes\r\n'=cmd|'/C calc'!A0,'-10\r\n`);
    for (const line of file.slice(1).split("\r\n").slice(1)) {
      for (const cell of line.split(",")) {
        assert.doesNotMatch(cell.replace(/^"/, ""), /^[=+\-@\t\r]/, `a cell starts as a formula: ${cell}`);
      }
    }
  });

  test("come back exactly as they went out", () => {
    const rows = [["Name", "Notes"], ...hostile.map((text, index) => [`Person ${index}`, text])];
    assert.deepEqual(readCsv(writeCsv(rows)).rows, rows);
    for (const text of hostile) {
      assert.equal(unguardCell(guardCell(text)), text);
    }
  });

  test("an apostrophe that guards nothing is the visitor's own and stays", () => {
    assert.equal(unguardCell("'tis the season"), "'tis the season");
    assert.deepEqual(readCsv("Notes\r\n'tis\r\n").rows, [["Notes"], ["'tis"]]);
  });
});
