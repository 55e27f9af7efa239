// "Your data": export everything to a file, import a file (merging or replacing, after asking), clear
// everything. For any page whose tools keep data; nothing ever leaves the browser.

import { ask } from "./dialog.js";
import { downloadText, h, liveRegion, uid } from "./dom.js";
import { readExport, store } from "./store.js";
import { t } from "./strings.js";
import "./messages.js";
import "./messages-data.js";

function today() {
  return new Date().toISOString().slice(0, 10);
}

function formatDay(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return "";
  }
  return date.toLocaleDateString(document.documentElement.lang || "en", { year: "numeric", month: "long", day: "numeric" });
}

/** What a store holds, in words: "2 prep sheets, 14 ticked items and 35 contacts" (or "nothing yet"). */
export function describeData(data) {
  const parts = [
    ["data.partSheets", data.prepSheets.length],
    ["data.partTicks", Object.values(data.checklists).filter((tick) => tick && tick.done).length],
    ["data.partContacts", data.contacts.length],
    ["data.partScripts", Object.keys(data.scripts).length],
  ]
    .filter(([, count]) => count > 0)
    .map(([id, count]) => t(id, { count }));
  if (!parts.length) {
    return t("data.partNothing");
  }
  const list = new Intl.ListFormat(document.documentElement.lang || "en", { style: "long", type: "conjunction" });
  return list.format(parts);
}

/** The section. An import or a clear changes the store, whose "change" event tells the page. */
export function dataPanel() {
  const headingId = uid("data-heading");
  const status = h("p", { class: "guide-data__status", "aria-live": "polite" });
  const say = liveRegion(status);
  const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, tabindex: "-1" });
  const button = (key, text, extra = "") =>
    h("button", { type: "button", class: `guide-button${extra}`, "data-focus-key": key, text });
  const exportButton = button("data-export", t("data.export"));
  const importButton = button("data-import", t("data.import"));
  const clearButton = button("data-clear", t("data.clear"), " guide-button--danger");

  exportButton.addEventListener("click", () => {
    downloadText(`informational-interviews-${today()}.json`, store.exportText());
    say(t("data.exported"));
  });
  importButton.addEventListener("click", () => file.click());
  file.addEventListener("change", async () => {
    const chosen = file.files && file.files[0];
    file.value = "";
    if (!chosen) {
      return;
    }
    const result = readExport(await chosen.text());
    if (result.error) {
      say(t(`data.importError.${result.error}`, { file: chosen.name }));
      return;
    }
    const message = [t("data.importHas", { file: chosen.name, what: describeData(result.data) })];
    if (result.exported) {
      message[0] += ` ${t("data.importExported", { date: formatDay(result.exported) })}`;
    }
    if (result.lost) {
      message.push(t("data.importLost", { count: result.lost }));
    }
    message.push(t("data.importHow", { what: describeData(store.data) }));
    const mode = await ask({
      title: t("data.importTitle"),
      message,
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
    store.importData(result.data, mode);
    say(t(mode === "merge" ? "data.merged" : "data.replaced", { what: describeData(store.data) }));
  });
  clearButton.addEventListener("click", async () => {
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
  });

  return h(
    "section",
    { class: "guide-prep__section guide-data guide-screen-only", "aria-labelledby": headingId, id: "prep-data" },
    h("h2", { id: headingId, text: t("data.heading") }),
    h("p", { text: t("data.privacy") }),
    h("div", { class: "guide-actions" }, exportButton, importButton, clearButton),
    file,
    status,
  );
}
