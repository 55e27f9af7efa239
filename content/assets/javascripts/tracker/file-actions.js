// What the tracker's "Spreadsheet and calendar" buttons do: download the contacts as a spreadsheet (CSV),
// import one back after showing what it changes, and download the meetings to come and the next
// follow-up dates as a calendar (.ics). files.js loads this module, and with it the file formats (csv.js, rows.js, ics.js) and their
// words, only when the visitor first makes or reads a file.
//
// Each action reports in the section's status through `show(lines, kind)`, kind "error" for a problem.

import { CHANNELS, PERMISSIONS, STATUSES, todayIso } from "./contacts.js";
import { readCsv, writeCsv } from "./csv.js";
import { ask } from "../core/dialog.js";
import { downloadText } from "../core/dom.js";
import { contactEvents, writeCalendar } from "./ics.js";
import { choiceWord, columnLetters, contactsToRows, rowsToContacts } from "./rows.js";
import { store } from "../core/store.js";
import { locale, t } from "../core/strings.js";
import { SOURCE, contactName } from "./shared.js";
import "../core/messages.js";
import "./messages-files.js";

/** Download every contact as a spreadsheet. */
export function exportCsv(show) {
  const contacts = store.data.contacts;
  if (!contacts.length) {
    show([t("tracker.csvNothing")]);
    return;
  }
  downloadText(t("tracker.csvFile", { date: todayIso() }), writeCsv(contactsToRows(contacts)), "text/csv;charset=utf-8");
  show([t("tracker.csvExported", { count: contacts.length })]);
}

/** Download a calendar of every meeting from today on and every next follow-up date. */
export function exportCalendar(show) {
  const today = todayIso();
  const { meetings, followUps } = contactEvents(store.data.contacts, { today, nameOf: contactName });
  if (!meetings.length && !followUps.length) {
    show([t("tracker.icsNothing")]);
    return;
  }
  const events = [...meetings, ...followUps];
  downloadText(t("tracker.icsFile", { date: today }), writeCalendar(events, Date.now()), "text/calendar;charset=utf-8");
  const counts = { meetings: t("tracker.icsMeetings", { count: meetings.length }), followUps: t("tracker.icsFollowUps", { count: followUps.length }) };
  show([meetings.length ? t("tracker.icsExportedMeetings", counts) : t("tracker.icsExported", { count: followUps.length })]);
}

// A contact list of a few hundred people is a file of well under 1 MB; these bounds keep a wrong or
// hostile file from freezing the page, and are far above any real list.
export const IMPORT_LIMITS = { bytes: 5_000_000, rows: 5_000 };

/** Import the spreadsheet chosen in `input` once the visitor confirms what it changes; `say` announces a problem. */
export async function importChosen(input, show, say) {
  const chosen = input.files && input.files[0];
  input.value = "";
  if (!chosen) {
    return;
  }
  const refuse = (problem) => {
    const lines = [t("tracker.csvNotImported", { file: chosen.name }), problem];
    show(lines, "error");
    say(lines.join(" "));
  };
  if (chosen.size > IMPORT_LIMITS.bytes) {
    const megabytes = (chosen.size / 1_000_000).toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    refuse(t("tracker.csvTooLarge", { megabytes, limit: (IMPORT_LIMITS.bytes / 1_000_000).toLocaleString(locale()) }));
    return;
  }
  const parsed = readCsv(await chosen.text());
  if (!parsed.error && parsed.rows.length - 1 > IMPORT_LIMITS.rows) {
    refuse(t("tracker.csvTooMany", { count: parsed.rows.length - 1, limit: IMPORT_LIMITS.rows }));
    return;
  }
  const result = parsed.error ? parsed : rowsToContacts(parsed.rows, store.data.contacts);
  if (result.error) {
    refuse(csvProblem(result.error));
    return;
  }
  const { added, updated, unchanged } = result;
  if (!added && !updated) {
    show([t("tracker.csvNothingNew", { count: unchanged, file: chosen.name })]);
    return;
  }
  const counts = { added: t("tracker.csvAdded", { count: added }), updated: t("tracker.csvUpdated", { count: updated }) };
  if (!(await confirmImport(chosen.name, counts, unchanged))) {
    show([t("tracker.csvCancelled")]);
    return;
  }
  store.update((data) => {
    data.contacts = result.contacts;
  }, SOURCE);
  const summary = { file: chosen.name, added: t("tracker.csvImportedAdded", { count: added }), updated: counts.updated };
  show([t("tracker.csvImported", summary)]);
}

/** What is wrong in a spreadsheet, and where: "Row 3, column B (Status): …", the choices in the page's words. */
function csvProblem(error) {
  const column = error.column
    ? t("tracker.csvWhere", { row: error.row, column: columnLetters(error.column) })
    : t("tracker.csvRow", { row: error.row });
  const where = error.heading ? t("tracker.csvWhereHeading", { where: column, heading: error.heading }) : column;
  const choices = ({ channel: CHANNELS, status: STATUSES, permission: PERMISSIONS }[error.key] || []).map((value) => choiceWord(error.key, value));
  const problem = t(`tracker.csvError.${error.kind}`, { value: error.value, choices: choices.join(", ") });
  return t("tracker.csvProblem", { where, problem });
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
