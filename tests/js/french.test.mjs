// The tools on a French page: with a stub document whose <html lang> is "fr" and French messages
// registered as the French build registers them (addMessages("fr", ...)), plurals, dates, lists and
// numbers follow fr-CA, the spreadsheet and the calendar are written in French, and a spreadsheet made in
// one language imports in the other with identical records, even on a page that has only its own words.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, test } from "node:test";

import { MESSAGES, addMessages, language, locale, pluralForm, t } from "../../content/assets/javascripts/core/strings.js";
import { describeData } from "../../content/assets/javascripts/core/data-panel.js";
import { formatDate, formatTime } from "../../content/assets/javascripts/core/fields.js";
import { shortDate, shortTime } from "../../content/assets/javascripts/tracker/shared.js";
import { compareText, emptyContact, sortContacts } from "../../content/assets/javascripts/tracker/contacts.js";
import { readCsv, writeCsv } from "../../content/assets/javascripts/tracker/csv.js";
import { CSV_LANGUAGES } from "../../content/assets/javascripts/tracker/csv-languages.js";
import { COLUMNS, choiceWord, contactsToRows, heading, rowsToContacts } from "../../content/assets/javascripts/tracker/rows.js";
import { contactEvents, writeCalendar } from "../../content/assets/javascripts/tracker/ics.js";
import { CHANNELS, PERMISSIONS, STATUSES } from "../../content/assets/javascripts/core/contact-records.js";

const ENGLISH_CSV = Object.fromEntries(Object.entries(MESSAGES.en).filter(([id]) => id.startsWith("tracker.csv.")));

// The French words as the build would register them: the spreadsheet's from csv-languages.js (the words
// the lead merges into interface.fr.yaml), and a few of the tracker's.
const FRENCH = {
  ...Object.fromEntries(Object.entries(CSV_LANGUAGES.fr).map(([id, [words]]) => [id, words])),
  "tracker.icsMeeting": "Entrevue d'information avec {name}",
  "tracker.icsSummary": "Faire un suivi auprès de {name}",
  "tracker.count": { one: "{count} contact.", other: "{count} contacts." },
  "data.partSheets": { one: "{count} fiche de préparation", other: "{count} fiches de préparation" },
  "data.partTicks": { one: "{count} point coché", other: "{count} points cochés" },
  "data.partContacts": { one: "{count} contact", other: "{count} contacts" },
};
addMessages("fr", FRENCH);
addMessages("en", { "test.englishOnly": { one: "1 thing", other: "{count} things" } });

/** Be on a page whose <html lang> is `lang` (no document at all for null). */
function onPage(lang) {
  if (lang === null) {
    delete globalThis.document;
  } else {
    globalThis.document = { documentElement: { lang } };
  }
}

/**
 * Run `work` on a page with only one language's words, as the site serves them: the French build replaces
 * each English messages module with French, so a French page has no English words for these ids, and an
 * English page has no French at all.
 */
function withOnly(lang, work) {
  const saved = { en: { ...MESSAGES.en }, fr: { ...MESSAGES.fr } };
  onPage(lang);
  if (lang === "fr") {
    for (const id of Object.keys(FRENCH)) {
      delete MESSAGES.en[id];
    }
  } else {
    delete MESSAGES.fr;
  }
  try {
    return work();
  } finally {
    Object.assign(MESSAGES.en, saved.en);
    MESSAGES.fr = saved.fr;
  }
}

afterEach(() => onPage(null));

const CREATED = "2026-01-05T14:00:00.000Z";
const NOW = "2026-03-01T10:00:00.000Z";

/** Contacts with every choice and every field filled, and text a spreadsheet can trip on. */
function contacts() {
  const base = (overrides) => ({ ...emptyContact(CREATED), ...overrides });
  return [
    base({
      id: "c-zoe",
      name: 'Zoë Côté-Ng, "Jo"',
      role: "Analyste, ressources en eau",
      organization: "Hydro-Québec",
      found: "Recherche de diplômées et diplômés",
      channel: "in person",
      status: "meeting booked",
      permission: "yes",
      contacted: "2026-02-02",
      meeting: "2026-03-12",
      meetingTime: "14:30",
      timeZone: "America/Toronto",
      notes: "Ligne 1\nLigne 2, « guillemets »",
      actions: "=Postuler avant le 1er mai",
    }),
    base({ id: "c-ben", name: "Benoît Roy", referredBy: "c-zoe", channel: "linkedin", status: "contacted", permission: "no" }),
    ...STATUSES.map((status, index) =>
      base({ id: `c-${index}`, name: `Personne ${index}`, status, channel: CHANNELS[index % CHANNELS.length], permission: PERMISSIONS[index % 3] }),
    ),
  ];
}

describe("the page's language and locale", () => {
  test("come from <html lang>: French pages are fr-CA, every other page en-CA", () => {
    for (const [lang, expected] of [["fr", "fr"], ["fr-CA", "fr"], ["FR", "fr"], ["en", "en"], ["en-CA", "en"], ["", "en"], ["de", "en"]]) {
      onPage(lang);
      assert.equal(language(), expected, lang);
      assert.equal(locale(), `${expected}-CA`, lang);
    }
    onPage(null);
    assert.deepEqual([language(), locale()], ["en", "en-CA"]);
  });

  test("French plurals: 0 and 1 are 'one', 2 is 'other'; English: only 1 is 'one'", () => {
    assert.deepEqual([0, 1, 2].map((count) => pluralForm(count, "fr")), ["one", "one", "other"]);
    assert.deepEqual([0, 1, 2].map((count) => pluralForm(count, "en")), ["other", "one", "other"]);
    onPage("fr");
    assert.deepEqual([0, 1, 2].map((count) => t("tracker.count", { count })), ["0 contact.", "1 contact.", "2 contacts."]);
    onPage("en");
    assert.deepEqual([0, 1, 2].map((count) => t("tracker.count", { count })), ["0 contacts.", "1 contact.", "2 contacts."]);
  });

  test("an id missing in French falls back to English, counted as English counts", () => {
    onPage("fr");
    assert.deepEqual([0, 1, 2].map((count) => t("test.englishOnly", { count })), ["0 things", "1 thing", "2 things"]);
    assert.equal(t("tracker.csv.status", {}, "fr"), "Statut");
    assert.equal(t("tracker.csv.status", {}, "en"), "Status");
  });

  test("dates and times are written as fr-CA writes them, on the prep sheet and in the tracker", () => {
    onPage("fr");
    assert.equal(formatDate("2026-03-12"), "jeudi 12 mars 2026");
    assert.equal(formatTime("14:30"), "14 h 30");
    assert.equal(shortDate("2026-03-12"), "12 mars 2026");
    assert.equal(shortTime("09:05"), "9 h 05");
    onPage("en");
    assert.equal(formatDate("2026-03-12"), "Thursday, March 12, 2026");
    assert.equal(formatTime("14:30"), "2:30 p.m.");
    assert.equal(shortDate("2026-03-12"), "Mar 12, 2026");
  });

  test("lists and sorting follow the page's language", () => {
    const data = { prepSheets: [{}, {}], checklists: { a: { done: true } }, contacts: [{}, {}, {}], scripts: {} };
    onPage("fr");
    assert.equal(describeData(data), "2 fiches de préparation, 1 point coché et 3 contacts");
    assert.ok(compareText("Émilie", "emilie") === 0 && compareText("Élise", "Eva") < 0 && compareText("Personne 2", "Personne 10") < 0);
    const names = ["Zoé", "élodie", "Éric", "Amélie"].map((name, index) => ({ ...emptyContact(CREATED), id: `c${index}`, name }));
    assert.deepEqual(sortContacts(names, "name", "2026-03-01").map((contact) => contact.name), ["Amélie", "élodie", "Éric", "Zoé"]);
    onPage("en");
    assert.equal(describeData(data), "2 prep sheets, 1 ticked checklist item and 3 contacts");
  });
});

describe("the spreadsheet on a French page", () => {
  test("has French headings and choices; dates, times, zones and ids stay as the file format writes them", () => {
    onPage("fr");
    const rows = contactsToRows(contacts());
    assert.deepEqual(rows[0], [
      "Nom", "Poste", "Organisation", "Source du contact", "Recommandation de", "Moyen de contact", "Statut", "Premier contact",
      "Relance", "Rencontre", "Heure de la rencontre", "Fuseau horaire", "Remerciement envoyé", "Suivi de la recommandation",
      "Dernières nouvelles envoyées", "Prochain suivi", "Permission de mentionner son nom", "Notes", "Étapes à suivre",
      "Date de création", "Date de modification", "Identifiant", "Recommandation de (identifiant)",
    ]);
    const zoe = Object.fromEntries(COLUMNS.map((key, index) => [key, rows[1][index]]));
    assert.deepEqual(
      [zoe.channel, zoe.status, zoe.permission, zoe.meeting, zoe.meetingTime, zoe.timeZone, zoe.created, zoe.id],
      ["en personne", "rencontre prévue", "oui", "2026-03-12", "14:30", "America/Toronto", CREATED, "c-zoe"],
    );
    assert.deepEqual(rows.slice(3).map((row) => row[COLUMNS.indexOf("status")]), [
      "à contacter", "premier contact fait", "rencontre prévue", "rencontre tenue", "remerciement envoyé", "contact maintenu",
    ]);
    const text = writeCsv(rows);
    assert.ok(text.startsWith("\uFEFFNom,Poste,Organisation,"));
    assert.ok(text.includes(",'=Postuler avant le 1er mai,"), "a formula is guarded in French too");
  });

  test("an English page still writes the English file, its choices as the tracker keeps them", () => {
    onPage("en");
    const rows = contactsToRows(contacts());
    assert.deepEqual(rows[0].slice(0, 3), ["Name", "Role", "Organization"]);
    assert.deepEqual(rows[0], COLUMNS.map(heading));
    assert.equal(rows[1][COLUMNS.indexOf("status")], "meeting booked");
    assert.equal(rows[1][COLUMNS.indexOf("channel")], "in person");
  });

  for (const [from, to] of [["fr", "en"], ["en", "fr"], ["fr", "fr"], ["en", "en"]]) {
    test(`a file downloaded on a page in ${from} imports on a page in ${to} with identical records`, () => {
      const original = contacts();
      const text = withOnly(from, () => writeCsv(contactsToRows(original)));
      const result = withOnly(to, () => rowsToContacts(readCsv(text).rows, [], NOW));
      assert.deepEqual([result.added, result.updated, result.unchanged], [original.length, 0, 0]);
      assert.deepEqual(result.contacts, original);
      const again = withOnly(to, () => rowsToContacts(readCsv(text).rows, result.contacts, NOW));
      assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, original.length]);
    });
  }

  test("reads headings and choices in any case, without accents, or with the English words on a French page", () => {
    const rows = [
      ["NOM", "statut", "Moyen de contact", "permission de mentionner son nom", "Date de creation", "Status"],
      ["Ana", "Rencontre prevue", "TELEPHONE", "pas encore demande", CREATED, ""],
    ];
    withOnly("en", () => {
      assert.equal(rowsToContacts(rows, [], NOW).error.kind, "headingTwice"); // Statut and Status are one column
      const [ana] = rowsToContacts(rows.map((row) => row.slice(0, 5)), [], NOW).contacts;
      assert.deepEqual([ana.name, ana.status, ana.channel, ana.permission, ana.created], ["Ana", "meeting booked", "phone", "not asked", CREATED]);
    });
    withOnly("fr", () => {
      const [bo] = rowsToContacts([["Name", "Statut"], ["Bo", "met"]], [], NOW).contacts;
      assert.equal(bo.status, "met");
    });
  });

  test("a wrong choice names its column's field, and the page's words list the choices", () => {
    const error = withOnly("fr", () => rowsToContacts([["Nom", "Statut"], ["Ana", "en attente"]], [], NOW).error);
    assert.deepEqual(error, { kind: "choice", row: 2, column: 2, heading: "Statut", key: "status", value: "en attente" });
    onPage("fr");
    assert.deepEqual(PERMISSIONS.map((value) => choiceWord("permission", value)), ["pas encore demandé", "oui", "non"]);
  });
});

describe("the spreadsheet's words in every language", () => {
  test("English: every heading and choice of messages-csv.js, and csv-languages.js keeps each heading", () => {
    const ids = [...COLUMNS.map((key) => `tracker.csv.${key}`)];
    for (const [key, values] of Object.entries({ channel: CHANNELS, status: STATUSES, permission: PERMISSIONS })) {
      ids.push(...values.map((value) => `tracker.csv.${key}.${value}`));
    }
    assert.deepEqual(Object.keys(ENGLISH_CSV).sort(), [...ids].sort());
    for (const [key, values] of Object.entries({ channel: CHANNELS, status: STATUSES, permission: PERMISSIONS })) {
      assert.deepEqual(values.map((value) => ENGLISH_CSV[`tracker.csv.${key}.${value}`]), values, "English writes the kept value");
    }
    for (const key of COLUMNS) {
      assert.ok(CSV_LANGUAGES.en[`tracker.csv.${key}`].includes(ENGLISH_CSV[`tracker.csv.${key}`]), key);
    }
    assert.deepEqual(Object.keys(CSV_LANGUAGES.fr).sort(), [...ids].sort(), "French has words for every id");
  });

  test("no word is read as two columns, or as two choices of one column", () => {
    const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    const groups = { headings: COLUMNS.map((key) => `tracker.csv.${key}`) };
    for (const [key, values] of Object.entries({ channel: CHANNELS, status: STATUSES, permission: PERMISSIONS })) {
      groups[key] = values.map((value) => `tracker.csv.${key}.${value}`);
    }
    for (const [group, ids] of Object.entries(groups)) {
      const owner = new Map();
      for (const id of ids) {
        const words = [ENGLISH_CSV[id], ...CSV_LANGUAGES.en[id] || [], ...CSV_LANGUAGES.fr[id], ...(group === "headings" ? [] : [id.split(".").pop()])];
        for (const word of words.map(fold)) {
          assert.ok(!owner.has(word) || owner.get(word) === id, `${group}: "${word}" is ${owner.get(word)} and ${id}`);
          owner.set(word, id);
        }
      }
    }
  });

  const INTERFACE = new URL("../../interface.fr.yaml", import.meta.url);
  test("interface.fr.yaml's French for the spreadsheet is among the words an import reads", { skip: !existsSync(INTERFACE) && "no interface.fr.yaml yet" }, () => {
    // Entries are `id:` then `  text: words` (quoted or not); only the spreadsheet's plain messages are read.
    const text = readFileSync(INTERFACE, "utf8");
    const found = [...text.matchAll(/^"?(tracker\.csv\.[^":\n]+)"?:\s*\n\s+text:\s*(.+)$/gm)];
    for (const [, id, value] of found) {
      const words = /^".*"$/.test(value.trim()) ? JSON.parse(value.trim()) : value.trim().replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      assert.ok((CSV_LANGUAGES.fr[id] || []).includes(words), `${id}: "${words}" is in interface.fr.yaml; add it to csv-languages.js`);
    }
  });
});

describe("the calendar on a French page", () => {
  test("names meetings and follow-ups in French, and says its language in PRODID", () => {
    onPage("fr");
    const people = [
      { ...contacts()[0], nextFollowUp: "2026-04-01" },
      { ...emptyContact(CREATED), id: "c-old", name: "Pat", meeting: "2026-02-01" },
    ];
    const { meetings, followUps } = contactEvents(people, { today: "2026-03-01", visitor: "America/Winnipeg" });
    assert.deepEqual(meetings.map((event) => event.summary), ['Entrevue d\'information avec Zoë Côté-Ng, "Jo"']);
    assert.deepEqual(followUps.map((event) => [event.summary, event.description]), [
      ['Faire un suivi auprès de Zoë Côté-Ng, "Jo"', "Analyste, ressources en eau, Hydro-Québec\n=Postuler avant le 1er mai"],
    ]);
    const text = writeCalendar([...meetings, ...followUps], Date.UTC(2026, 2, 1));
    const lines = text.replace(/\r\n /g, "").split("\r\n");
    assert.ok(lines.includes("PRODID:-//Career Centre//Informational interviews guide//FR"));
    assert.ok(lines.includes("SUMMARY:Entrevue d'information avec Zoë Côté-Ng\\, \"Jo\""));
    assert.ok(lines.includes("DTSTART:20260312T183000Z"), "14 h 30 in Toronto is 18:30 UTC in March");
    assert.ok(lines.includes("SUMMARY:Faire un suivi auprès de Zoë Côté-Ng\\, \"Jo\""));
  });

  test("an English page names them in English", () => {
    onPage("en");
    const { meetings, followUps } = contactEvents([{ ...contacts()[0], nextFollowUp: "2026-04-01" }], { today: "2026-03-01" });
    assert.equal(meetings[0].summary, 'Informational interview with Zoë Côté-Ng, "Jo"');
    assert.equal(followUps[0].summary, 'Follow up with Zoë Côté-Ng, "Jo"');
    assert.ok(writeCalendar(meetings, 0).includes("PRODID:-//Career Centre//Informational interviews guide//EN\r\n"));
  });
});
