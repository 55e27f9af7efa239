// Sharing a prep sheet's questions: a link that carries the bank questions' ids only (never the visitor's
// own words, notes or research), and, on the device that opens it, the choice of where they go.

import { h, uid } from "../core/dom.js";
import { field } from "../core/fields.js";
import { pageUrl } from "../core/page.js";
import { activeSheet, addBankQuestion, hasQuestion, sharedIds, sheetName, touch } from "../core/sheets.js";
import { emptySheet, store } from "../core/store.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports
import { SOURCE, changeSheet, shownSheet } from "./edit.js";

const SHARE_PARAMETER = "q";
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The question ids a share link carries (`#q=id,id,...`), or null when the address has none. */
export function readShareLink(hash) {
  const parameters = new URLSearchParams(hash.replace(/^#/, ""));
  if (!parameters.has(SHARE_PARAMETER)) {
    return null;
  }
  const ids = parameters.get(SHARE_PARAMETER).split(",").map((id) => id.trim()).filter((id) => QUESTION_ID.test(id));
  return Array.from(new Set(ids));
}

export function shareLink(sheet) {
  return `${pageUrl("prep-sheet/")}#${SHARE_PARAMETER}=${sharedIds(sheet).join(",")}`;
}

/** The share section: the link to the sheet's bank questions, with buttons to copy or share it. */
export function shareSection(sheet) {
  const ids = sharedIds(sheet);
  const status = h("p", { class: "guide-share__status", "aria-live": "polite" });
  const content = [h("p", { text: t("share.intro") })];
  if (!ids.length) {
    content.push(h("p", { class: "guide-hint", text: t("share.nothing") }));
  } else {
    const link = field({
      label: t("share.label"),
      value: shareLink(sheet),
      focusKey: "share-link",
      class: "guide-field--wide",
      attrs: { readonly: "" },
    });
    link.control.addEventListener("focus", () => link.control.select());
    const copy = h("button", { type: "button", class: "guide-button guide-button--primary", text: t("share.copy") });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(link.control.value);
        status.textContent = t("share.copied", { count: ids.length });
      } catch {
        link.control.focus();
        link.control.select();
        status.textContent = t("share.copyByHand");
      }
    });
    const actions = h("div", { class: "guide-actions" }, copy);
    if (typeof navigator.share === "function") {
      actions.append(
        h("button", {
          type: "button",
          class: "guide-button",
          text: t("share.share"),
          on: {
            click: () => navigator.share({ title: t("share.title"), url: link.control.value }).catch(() => {}),
          },
        }),
      );
    }
    content.push(link.wrapper, actions, status);
  }
  return h(
    "section",
    { class: "guide-prep__section guide-share guide-screen-only", id: "prep-share", "aria-labelledby": "prep-share-heading" },
    h("h2", { id: "prep-share-heading", text: t("share.heading") }),
    ...content,
  );
}

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
 * Offer the questions of a share link in the address, once, in `slot`: straight onto a sheet without
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
