// The tracker's "Spreadsheet and calendar" section: its buttons download the contacts as a spreadsheet
// (CSV), import one back, and download the meetings and follow-up dates as a calendar (.ics). What they do
// (file-actions.js, with the file formats and their words) loads at the first use, not with the page.

import { h, uid } from "../core/dom.js";
import { t } from "../core/strings.js";
import "./messages.js";

/** The section: {section}. `say(message)` announces what an import could not read. */
export function filesSection(say) {
  const headingId = uid("tracker-files");
  const status = h("div", { class: "guide-tracker__file-status", "aria-live": "polite" });
  const csvInput = h("input", { type: "file", accept: ".csv,text/csv", hidden: true, tabindex: "-1" });
  const show = (lines, kind) => showStatus(status, lines, kind);
  const run = (work) => () => withActions(show, work);
  const button = (key, text, click) =>
    h("button", { type: "button", class: "guide-button", "data-focus-key": key, text, on: { click } });
  // The file chooser opens in the click itself (browsers ask for that); the file is read once chosen.
  csvInput.addEventListener("change", run((actions) => actions.importChosen(csvInput, show, say)));
  const section = h(
    "section",
    { class: "guide-tracker__section guide-tracker__files guide-screen-only", "aria-labelledby": headingId },
    h("h2", { id: headingId, text: t("tracker.filesHeading") }),
    h("p", { text: t("tracker.filesIntro") }),
    h(
      "div",
      { class: "guide-actions" },
      button("csv-export", t("tracker.csvExport"), run((actions) => actions.exportCsv(show))),
      button("csv-import", t("tracker.csvImport"), () => csvInput.click()),
      button("ics", t("tracker.icsExport"), run((actions) => actions.exportCalendar(show))),
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

/**
 * Run `work(actions)` with file-actions.js, loaded at the first use; a download it starts still comes
 * from the visitor's click. Says so in the status when the module cannot be loaded (as when offline).
 */
async function withActions(show, work) {
  let actions;
  try {
    actions = await import("./file-actions.js");
  } catch (error) {
    console.error(error);
    show([t("tracker.filesUnavailable")], "error");
    return;
  }
  await work(actions);
}
