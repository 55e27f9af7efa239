// studio/studio-text.js and core/words.js: filling a script's parts, measuring it, and the mailto: link.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { WORDS_PER_MINUTE, countWords, speakingSeconds } from "../../content/assets/javascripts/core/words.js";
import {
  ALWAYS_SHARED,
  LINKEDIN_NOTE_LIMITS,
  countCharacters,
  LEFT_OUT,
  expandPhrases,
  settleOptional,
  kindFieldIds,
  usesPhrases,
  visitorKind,
  fillParts,
  joinPieces,
  linkedinFit,
  mailtoHref,
  measure,
  sharedFieldIds,
  textSeconds,
} from "../../content/assets/javascripts/studio/studio-text.js";

describe("words.js", () => {
  test("counts runs of non-space characters as words", () => {
    assert.equal(countWords(""), 0);
    assert.equal(countWords("   \n\t "), 0);
    assert.equal(countWords("one"), 1);
    assert.equal(countWords("  Hello,   I'm\nSam —  a student.  "), 6);
    assert.equal(countWords("e-mail co-op 2024/25"), 3);
  });

  test("says words at 150 a minute, rounded to the second", () => {
    assert.equal(WORDS_PER_MINUTE, 150);
    assert.deepEqual([0, 1, 2, 3, 5, 75, 150, 151, 375].map(speakingSeconds), [0, 0, 1, 1, 2, 30, 60, 60, 150]);
  });
});

describe("sharedFieldIds", () => {
  test("shares the always-shared ids and any id two scripts use", () => {
    const scripts = [
      { id: "a", fields: [{ id: "your_name" }, { id: "topic" }, { id: "topic" }, { id: "only_a" }] },
      { id: "b", fields: [{ id: "topic" }, { id: "meeting_date" }] },
      { id: "c", fields: [{ id: "meeting_date" }] },
      { id: "d" },
    ];
    assert.deepEqual([...sharedFieldIds(scripts)].sort(), [...ALWAYS_SHARED, "meeting_date", "topic"].sort());
  });

  test("does not count one script's repeated field as two scripts", () => {
    assert.equal(sharedFieldIds([{ fields: [{ id: "x" }, { id: "x" }] }]).has("x"), false);
    assert.deepEqual([...sharedFieldIds([])], ALWAYS_SHARED);
  });
});

describe("fillParts and joinPieces", () => {
  const blank = (field) => `[${field}]`;
  const parts = [
    { text: "Hello " },
    { field: "contact_name" },
    { text: ",\n\nI am " },
    { field: "your_name" },
    { text: "." },
  ];

  test("fills fields with trimmed answers and leaves blanks where there are none", () => {
    const pieces = fillParts(parts, { contact_name: "  Ana  ", your_name: "   " }, blank);
    assert.deepEqual(pieces, [
      { text: "Hello " },
      { text: "Ana", field: "contact_name", blank: false },
      { text: ",\n\nI am " },
      { text: "[your_name]", field: "your_name", blank: true },
      { text: "." },
    ]);
    assert.equal(joinPieces(pieces), "Hello Ana,\n\nI am [your_name].");
  });

  test("takes only text answers", () => {
    const pieces = fillParts([{ field: "n" }], { n: 42 }, blank);
    assert.deepEqual(pieces, [{ text: "[n]", field: "n", blank: true }]);
  });

  test("puts a multi-line answer and the script's words on one line when inline", () => {
    const subject = [{ text: "Question\n about " }, { field: "topic" }];
    const pieces = fillParts(subject, { topic: "data\n  and\r\npolicy" }, blank, true);
    assert.equal(joinPieces(pieces), "Question about data and policy");
    assert.equal(joinPieces(fillParts(subject, { topic: "a\nb" }, blank)), "Question\n about a\nb");
  });

  test("gives no pieces for no parts", () => {
    assert.deepEqual(fillParts(undefined, {}, blank), []);
    assert.equal(joinPieces([]), "");
  });
});

describe("measuring", () => {
  test("counts characters as a person does: an accent or an emoji is one", () => {
    assert.equal(countCharacters(""), 0);
    assert.equal(countCharacters("Zoë"), 3);
    assert.equal(countCharacters("🙂🙂"), 2);
    assert.equal("🙂🙂".length, 4);
  });

  test("measures words by default and characters when the budget says so", () => {
    const words = { unit: "words", limit: 2 };
    assert.deepEqual(measure("one two three", words), { count: 3, limit: 2, unit: "words", over: true });
    assert.deepEqual(measure("one two", words), { count: 2, limit: 2, unit: "words", over: false });
    const characters = { unit: "characters", limit: 7 };
    assert.deepEqual(measure("héllo 🙂", characters), { count: 7, limit: 7, unit: "characters", over: false });
    assert.deepEqual(measure("a b", undefined), { count: 2, limit: Infinity, unit: "words", over: false });
    const odd = { unit: "pages", limit: "3" };
    assert.deepEqual(measure("a b", odd), { count: 2, limit: Infinity, unit: "words", over: false });
  });

  test("fits a LinkedIn note to the free limit of 200, Premium's 300, or neither", () => {
    assert.deepEqual(LINKEDIN_NOTE_LIMITS, { free: 200, premium: 300 });
    assert.deepEqual(linkedinFit(""), { count: 0, fits: "free" });
    assert.deepEqual(linkedinFit("x".repeat(200)), { count: 200, fits: "free" });
    assert.deepEqual(linkedinFit("x".repeat(201)), { count: 201, fits: "premium" });
    assert.deepEqual(linkedinFit("x".repeat(300)), { count: 300, fits: "premium" });
    assert.deepEqual(linkedinFit("x".repeat(301)), { count: 301, fits: "neither" });
    assert.deepEqual(linkedinFit("🙂".repeat(200)), { count: 200, fits: "free" });
  });

  test("gives a text's speaking time", () => {
    assert.equal(textSeconds(""), 0);
    assert.equal(textSeconds("word ".repeat(75)), 30);
    assert.equal(textSeconds("word ".repeat(80)), 32);
  });
});

describe("mailtoHref", () => {
  test("encodes the subject and the body, with line breaks as CRLF", () => {
    assert.equal(
      mailtoHref("Coffee & a chat?", "Hi Ana,\nThanks!\r\n— Sam\r"),
      "mailto:?subject=Coffee%20%26%20a%20chat%3F&body=Hi%20Ana%2C%0D%0AThanks!%0D%0A%E2%80%94%20Sam%0D%0A",
    );
  });

  test("leaves out an empty subject but always has a body", () => {
    assert.equal(mailtoHref("", "Hello"), "mailto:?body=Hello");
    assert.equal(mailtoHref("", ""), "mailto:?body=");
  });

  test("encodes what would break the link: #, %, = and +", () => {
    assert.equal(mailtoHref("50% #1", "a=b+c"), "mailto:?subject=50%25%20%231&body=a%3Db%2Bc");
  });
});

describe("who the visitor is", () => {
  const visitors = {
    fields: [{ id: "your_school" }, { id: "current_role" }],
    kinds: [
      { id: "student", label: "A student", phrases: { introduction: [{ text: "a student at " }, { field: "your_school" }], short: [{ text: "a student" }] } },
      { id: "changer", label: "Changing careers", phrases: { introduction: [{ field: "current_role" }, { text: " changing careers" }], short: [{ field: "current_role" }] } },
    ],
  };
  const body = [{ text: "I am Sam, " }, { phrase: "introduction" }, { text: "." }];

  test("a phrase becomes the chosen kind's parts, and nothing without a kind", () => {
    assert.deepEqual(expandPhrases(body, visitors.kinds[1]), [{ text: "I am Sam, " }, { field: "current_role" }, { text: " changing careers" }, { text: "." }]);
    assert.deepEqual(expandPhrases([{ phrase: "short" }], visitors.kinds[0]), [{ text: "a student" }]);
    assert.deepEqual(expandPhrases(body, null), [{ text: "I am Sam, " }, { text: "." }]);
    assert.deepEqual(expandPhrases([{ phrase: "unknown" }], visitors.kinds[0]), []);
  });

  test("the kept kind, or the first when the kept one is gone or none was chosen", () => {
    assert.equal(visitorKind(visitors, "changer").id, "changer");
    assert.equal(visitorKind(visitors, "retired-kind").id, "student");
    assert.equal(visitorKind(visitors, "").id, "student");
    assert.equal(visitorKind({ kinds: [] }, "student"), null);
    assert.equal(visitorKind(undefined, "student"), null);
  });

  test("a kind asks for the fields of its phrases, once each, in order", () => {
    assert.deepEqual(kindFieldIds(visitors.kinds[1]), ["current_role"]);
    assert.deepEqual(kindFieldIds(visitors.kinds[0]), ["your_school"]);
    assert.deepEqual(kindFieldIds(null), []);
  });

  test("a script says who the visitor is when a part of its subject or body is a phrase", () => {
    assert.equal(usesPhrases({ body_parts: body }), true);
    assert.equal(usesPhrases({ subject_parts: [{ phrase: "short" }], body_parts: [] }), true);
    assert.equal(usesPhrases({ body_parts: [{ text: "Hello" }, { field: "x" }] }), false);
  });

  test("the visitor's own details are shared by every script", () => {
    const shared = sharedFieldIds([{ fields: [{ id: "topic" }] }], visitors.fields);
    assert.ok(shared.has("current_role") && shared.has("your_school") && !shared.has("topic"));
  });
});

describe("settleOptional", () => {
  const fields = [{ id: "name", example: "Sam" }, { id: "no_job", example: "I am not asking for a job.", optional: true }];
  const parts = [{ text: "Twenty minutes? " }, { field: "no_job" }, { text: "\n\nThanks, " }, { field: "name" }];

  test("a kept optional part reads as its own words, whatever else was typed", () => {
    const settled = settleOptional(parts, fields, { name: "Ana", no_job: "" });
    assert.deepEqual(settled.parts, parts);
    assert.deepEqual(settled.values, { name: "Ana", no_job: "I am not asking for a job." });
    assert.equal(settleOptional(parts, fields, { name: "", no_job: "yes" }).values.no_job, "I am not asking for a job.");
  });

  test("a part left out is gone, with no space left at the end of its line", () => {
    const settled = settleOptional(parts, fields, { name: "Ana", no_job: LEFT_OUT });
    assert.deepEqual(settled.parts, [{ text: "Twenty minutes?" }, { text: "\n\nThanks, " }, { field: "name" }]);
    const filled = joinPieces(fillParts(settled.parts, settled.values, (id) => `[${id}]`));
    assert.equal(filled, "Twenty minutes?\n\nThanks, Ana");
  });

  test("in the middle of a line, one space stays between the sentences around it", () => {
    const middle = [{ text: "Hello. " }, { field: "no_job" }, { text: " Bye." }];
    const settled = settleOptional(middle, fields, { no_job: LEFT_OUT });
    assert.equal(joinPieces(fillParts(settled.parts, settled.values, (id) => id)), "Hello. Bye.");
  });
});
