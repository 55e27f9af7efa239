// The tracker's "Spreadsheet and calendar" section: the contacts as a spreadsheet (CSV) to download and
// import back, and their next follow-up dates as a calendar file (.ics). The file formats (csv.js,
// rows.js, ics.js) are loaded only when the visitor makes or reads a file, not with the page.

import { CHANNELS, PERMISSIONS, STATUSES, todayIso } from "./contacts.js";
import { ask } from "../core/dialog.js";
import { downloadText, h, uid } from "../core/dom.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import { SOURCE, contactName } from "./shared.js";
import "../core/messages.js";
import "./messages.js";

/** What writes and reads the spreadsheet: {readCsv, writeCsv, columnLetters, contactsToRows, rowsToContacts}. */
async function spreadsheet() {
  const [csv, rows] = await Promise.all([import("./csv.js"), import("./rows.js")]);
  return { ...csv, ...rows };
}

/** The section: {section}. `say(message)` announces what an import could not read. */
export function filesSection(say) {
  const headingId = uid("tracker-files");
  const status = h("div", { class: "guide-tracker__file-status", "aria-live": "polite" });
  const csvInput = h("input", { type: "file", accept: ".csv,text/csv", hidden: true, tabindex: "-1" });
  const button = (key, text, click) =>
    h("button", { type: "button", class: "guide-button", "data-focus-key": key, text, on: { click } });
  // The file chooser opens from the click itself; the formats load once a file is chosen.
  csvInput.addEventListener("change", () => importChosen(csvInput, status, say));
  const section = h(
    "section",
    { class: "guide-tracker__section guide-tracker__files guide-screen-only", "aria-labelledby": headingId },
    h("h2", { id: headingId, text: t("tracker.filesHeading") }),
    h("p", { text: t("tracker.filesIntro") }),
    h(
      "div",
      { class: "guide-actions" },
      button("csv-export", t("tracker.csvExport"), () => exportCsv(status)),
      button("csv-import", t("tracker.csvImport"), () => csvInput.click()),
      button("ics", t("tracker.icsExport"), () => exportCalendar(status)),
    ),
    csvInput,
    status,
  );
  return { section };
}

/** Show lines of text in the section's status; `kind` "error" shows them as a note. */
function showStatus(status, lines, kind = "") {
  status.replaceChildren(...lines.map((text) => h("p", { text })));
  status.className = `guide-tracker__file-status${kind ? ` guide-note` : ""}`;
}

/** Download every contact as a spreadsheet, its format loaded first in the same click's work. */
async function exportCsv(status) {
  if (!store.data.contacts.length) {
    showStatus(status, [t("tracker.csvNothing")]);
    return;
  }
  const { writeCsv, contactsToRows } = await spreadsheet();
  const contacts = store.data.contacts;
  downloadText(`contacts-${todayIso()}.csv`, writeCsv(contactsToRows(contacts)), "text/csv;charset=utf-8");
  showStatus(status, [t("tracker.csvExported", { count: contacts.length })]);
}

/** Download a calendar of every next follow-up date. */
async function exportCalendar(status) {
  if (!store.data.contacts.some((contact) => contact.nextFollowUp)) {
    showStatus(status, [t("tracker.icsNothing")]);
    return;
  }
  const { writeCalendar } = await import("./ics.js");
  const events = store.data.contacts
    .filter((contact) => contact.nextFollowUp)
    .map((contact) => ({
      uid: `${contact.id}-${contact.nextFollowUp}@informational-interviews.guide`,
      date: contact.nextFollowUp,
      summary: t("tracker.icsSummary", { name: contactName(contact) }),
      description: [[contact.role, contact.organization].filter(Boolean).join(", "), contact.actions.trim()]
        .filter(Boolean)
        .join("\n"),
    }));
  downloadText(`contact-follow-ups-${todayIso()}.ics`, writeCalendar(events, Date.now()), "text/calendar;charset=utf-8");
  showStatus(status, [t("tracker.icsExported", { count: events.length })]);
}

/** Import the spreadsheet chosen in `input`, after showing what it would change and asking. */
async function importChosen(input, status, say) {
  const chosen = input.files && input.files[0];
  input.value = "";
  if (!chosen) {
    return;
  }
  const text = await chosen.text();
  const { readCsv, rowsToContacts, columnLetters } = await spreadsheet();
  const parsed = readCsv(text);
  const result = parsed.error ? parsed : rowsToContacts(parsed.rows, store.data.contacts);
  if (result.error) {
    showStatus(status, [t("tracker.csvNotImported", { file: chosen.name }), csvProblem(result.error, columnLetters)], "error");
    say(status.textContent);
    return;
  }
  const { added, updated, unchanged } = result;
  if (!added && !updated) {
    showStatus(status, [t("tracker.csvNothingNew", { count: unchanged, file: chosen.name })]);
    return;
  }
  const counts = { added: t("tracker.csvAdded", { count: added }), updated: t("tracker.csvUpdated", { count: updated }) };
  if (!(await confirmImport(chosen.name, counts, unchanged))) {
    showStatus(status, [t("tracker.csvCancelled")]);
    return;
  }
  store.update((data) => {
    data.contacts = result.contacts;
  }, SOURCE);
  const summary = { file: chosen.name, added: t("tracker.csvImportedAdded", { count: added }), updated: counts.updated };
  showStatus(status, [t("tracker.csvImported", summary)]);
}

/** What is wrong in a spreadsheet, and where: "Row 3, column B (Status): …". */
function csvProblem(error, columnLetters) {
  const column = error.column
    ? t("tracker.csvWhere", { row: error.row, column: columnLetters(error.column) })
    : t("tracker.csvRow", { row: error.row });
  const where = error.heading ? `${column} (${error.heading})` : column;
  const choices = { Channel: CHANNELS, Status: STATUSES, "May use their name": PERMISSIONS }[error.heading] || [];
  return `${where}: ${t(`tracker.csvError.${error.kind}`, { value: error.value, choices: choices.join(", ") })}`;
}

/** Ask whether to import what the file adds and changes; resolves to true to import. */
async function confirmImport(file, counts, unchanged) {
  const message = [t("tracker.csvPreview", counts)];
  if (unchanged) {
    message.push(t("tracker.csvUnchanged", { count: unchanged }));
  }
  message.push(t("tracker.csvKeeps"));
  const answer = await ask({
    title: t("tracker.csvTitle", { file }),
    message,
    choices: [{ value: "import", label: t("tracker.csvConfirm") }],
    cancel: t("dialog.cancel"),
  });
  return answer === "import";
}
