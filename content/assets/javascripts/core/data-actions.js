// What the data panel's buttons do: export everything to a file, read and describe a chosen file and
// import it (merging or replacing, after asking), clear everything. data-panel.js loads this module at
// the first use of a button. Each action reports in the panel's live status through `say(message)`.

import { describeData } from "./data-panel.js";
import { ask } from "./dialog.js";
import { downloadText } from "./dom.js";
import { store } from "./store.js";
import { readExport } from "./store-import.js";
import { locale, t } from "./strings.js";
import "./messages.js";
import "./messages-data-actions.js";

function today() {
  return new Date().toISOString().slice(0, 10);
}

function formatDay(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return "";
  }
  return date.toLocaleDateString(locale(), { year: "numeric", month: "long", day: "numeric" });
}

/** Download everything as an export file. */
export function exportAll(say) {
  downloadText(t("data.exportFile", { date: today() }), store.exportText());
  say(t("data.exported"));
}

/** Read the file `chosen`, say what it holds and, once the visitor says how, merge or replace with it. */
export async function importFile(chosen, say) {
  const result = readExport(await chosen.text());
  if (result.error) {
    say(t(`data.importError.${result.error}`, { file: chosen.name }));
    return;
  }
  const mode = await ask({
    title: t("data.importTitle"),
    message: importMessage(chosen.name, result),
    choices: [
      { value: "merge", label: t("data.merge") },
      { value: "replace", label: t("data.replace"), danger: true },
    ],
    cancel: t("dialog.cancel"),
  });
  if (!mode) {
    say(t("data.importCancelled"));
    return;
  }
  await store.importData(result.data, mode);
  say(t(mode === "merge" ? "data.merged" : "data.replaced", { what: describeData(store.data) }));
}

/** The import dialog's paragraphs: what the file holds (and when it was exported), what it lacks, what is here. */
function importMessage(name, result) {
  const message = [t("data.importHas", { file: name, what: describeData(result.data) })];
  if (result.exported) {
    message[0] += ` ${t("data.importExported", { date: formatDay(result.exported) })}`;
  }
  if (result.lost) {
    message.push(t("data.importLost", { count: result.lost }));
  }
  message.push(t("data.importHow", { what: describeData(store.data) }));
  return message;
}

/** Clear everything, once the visitor confirms. */
export async function clearAll(say) {
  const answer = await ask({
    title: t("data.clearTitle"),
    message: t("data.clearMessage"),
    choices: [{ value: "clear", label: t("data.clearConfirm"), danger: true }],
    cancel: t("dialog.cancel"),
  });
  if (answer === "clear") {
    store.clear();
    say(t("data.cleared"));
  }
}
