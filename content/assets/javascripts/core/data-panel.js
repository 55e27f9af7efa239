// "Your data": export everything to a file, import a file (merging or replacing, after asking), clear
// everything. For any page whose tools keep data; nothing ever leaves the browser. The section is built
// with the page; what its buttons do (data-actions.js, with its words) loads at the first use of one.

import { h, liveRegion, uid } from "./dom.js";
import { onDemand } from "./on-demand.js";
import { locale, t } from "./strings.js";
import "./messages-data.js";

const actions = onDemand(() => import("./data-actions.js"));

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
  return new Intl.ListFormat(locale(), { style: "long", type: "conjunction" }).format(parts);
}

/** The section. An import or a clear changes the store, whose "change" event tells the page. */
export function dataPanel() {
  const headingId = uid("data-heading");
  const status = h("p", { class: "guide-data__status", "aria-live": "polite" });
  const say = liveRegion(status);
  const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, tabindex: "-1" });
  const run = (work) => withActions(say, work);
  const button = (key, text, click, extra = "") =>
    h("button", { type: "button", class: `guide-button${extra}`, "data-focus-key": key, text, on: { click } });
  // The file chooser opens in the click itself (browsers ask for that); the actions load meanwhile.
  const chooseFile = () => {
    file.click();
    actions.prefetch();
  };
  file.addEventListener("change", () => {
    const chosen = file.files && file.files[0];
    file.value = "";
    if (chosen) {
      run((module) => module.importFile(chosen, say));
    }
  });
  return h(
    "section",
    { class: "guide-prep__section guide-data guide-screen-only", "aria-labelledby": headingId, id: "prep-data" },
    h("h2", { id: headingId, text: t("data.heading") }),
    h("p", { text: t("data.privacy") }),
    h(
      "div",
      { class: "guide-actions" },
      button("data-export", t("data.export"), () => run((module) => module.exportAll(say))),
      button("data-import", t("data.import"), chooseFile),
      button("data-clear", t("data.clear"), () => run((module) => module.clearAll(say)), " guide-button--danger"),
    ),
    file,
    status,
  );
}

/**
 * Run `work(module)` with data-actions.js: in the click itself once it is loaded, so an export downloads
 * from the visitor's click. Says so in the status when it cannot be loaded (as when offline).
 */
function withActions(say, work) {
  actions.use(work).catch((error) => {
    console.error(error);
    if (!actions.loaded) {
      say(t("data.unavailable"));
    }
  });
}
