// A share link received on the prep sheet: the questions it carries go onto the sheet shown, or, when
// that sheet has questions already, the visitor chooses a new sheet, this one, or neither. Loaded by
// share.js only when the address carries a link.

import { h, uid } from "../core/dom.js";
import { activeSheet, addBankQuestion, hasQuestion, sheetName, touch } from "../core/sheets.js";
import { emptySheet, store } from "../core/store.js";
import { t } from "../core/strings.js";
import { SOURCE, changeSheet, shownSheet } from "./edit.js";
import "./messages-incoming.js";
import { readShareLink } from "./share.js";

/** Add the link's questions (`known`: ids the bank holds) to a stored sheet; returns how many were new. */
function putQuestions(sheet, known, bank) {
  let added = 0;
  for (const id of known) {
    if (addBankQuestion(sheet, id, bank ? bank.byId.get(id).text : "")) {
      added += 1;
    }
  }
  return added;
}

/** The name of the sheet a change has just made active. */
const activeName = () => sheetName(store.data, activeSheet(store.data));

/** The link's three choices for a sheet that has questions already: a new sheet, this sheet, or neither. */
function incomingChoices({ sheet, known, bank, slot, finish }) {
  const startNew = () => {
    store.update((data) => {
      const fresh = emptySheet(data.profile);
      data.prepSheets.push(fresh);
      data.activePrepSheet = fresh.id;
      putQuestions(fresh, known, bank);
    }, SOURCE);
    finish(t("incoming.done", { count: known.length, name: activeName() }));
  };
  const add = () => {
    const added = known.filter((id) => !hasQuestion(sheet, id)).length;
    changeSheet(sheet, (stored) => {
      putQuestions(stored, known, bank);
      touch(stored);
    });
    finish(t("incoming.added", { count: added, name: activeName() }));
  };
  const ignore = () => {
    slot.replaceChildren();
    slot.hidden = true;
  };
  const button = (text, click, extra = "") =>
    h("button", { type: "button", class: `guide-button${extra}`, text, on: { click } });
  return h(
    "div",
    { class: "guide-actions" },
    button(t("incoming.new"), startNew, " guide-button--primary"),
    button(t("incoming.add", { name: sheetName(store.data, sheet) }), add),
    button(t("incoming.ignore"), ignore),
  );
}

/**
 * Offer the questions of the share link in the address, once, in `slot`: straight onto a sheet without
 * questions, else after asking. `render()` draws the sheet again once they are on it.
 */
export function receiveShareLink({ bank, slot, render }) {
  const ids = readShareLink(window.location.hash);
  if (ids === null) {
    return;
  }
  history.replaceState(null, "", window.location.pathname + window.location.search);
  const known = bank ? ids.filter((id) => bank.byId.has(id)) : ids;
  const unknown = ids.length - known.length;
  const headingId = uid("incoming");
  const heading = h("h2", { id: headingId, tabindex: "-1", text: t("incoming.title", { count: known.length }) });
  const box = h("section", { class: "guide-notice", "aria-labelledby": headingId }, heading);
  const notes = unknown ? [h("p", { text: t("incoming.unknown", { count: unknown }) })] : [];
  const finish = (message) => {
    const done = h("h2", { id: headingId, tabindex: "-1", text: message });
    slot.replaceChildren(h("section", { class: "guide-notice", "aria-labelledby": headingId }, done));
    render();
    done.focus();
  };
  slot.hidden = false;
  if (!known.length) {
    box.append(...notes, h("p", { text: t("incoming.none") }));
    slot.replaceChildren(box);
    return;
  }
  const sheet = shownSheet(store.data);
  if (!sheet.questions.length) {
    changeSheet(sheet, (stored) => putQuestions(stored, known, bank));
    finish(t("incoming.done", { count: known.length, name: activeName() }));
    return;
  }
  box.append(...notes, h("p", { text: t("incoming.explain") }), incomingChoices({ sheet, known, bank, slot, finish }));
  slot.replaceChildren(box);
  heading.focus();
}
