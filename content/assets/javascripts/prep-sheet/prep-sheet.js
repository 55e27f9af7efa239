// The prep sheet page: one sheet per contact (switch, add, duplicate, delete), the picked questions in
// the student's order (move by keyboard or by dragging, star, remove, add their own, notes under each),
// research notes, meeting details, the pitch builder, the meeting timer, a share link carrying question
// ids only, and export, import and clear. Without JavaScript the page is a blank sheet to print.
//
// This module builds the page and wires its sections together; each section is its own function, in
// sections.js, questions.js, pitch.js, timer.js and share.js, and changes the sheet through edit.js.

import { dataPanel } from "../core/data-panel.js";
import { ask } from "../core/dialog.js";
import { h, liveRegion, uid } from "../core/dom.js";
import { mountStoreNotice } from "../core/notice.js";
import { busyUntil, loadBank, onPage } from "../core/page.js";
import { activeSheet, deleteSheet, duplicateSheet, sheetName } from "../core/sheets.js";
import { emptySheet, store } from "../core/store.js";
import { t } from "../core/strings.js";
import "../core/messages.js";
import "../core/messages-data.js";
import "../core/messages-sheets.js";
import "./messages.js";
import { SOURCE, changeSheet, listedName, listedSheets, shownSheet, typeIntoSheet } from "./edit.js";
import { mountPitch } from "./pitch.js";
import { questionsSection } from "./questions.js";
import { closingSection, meetingSection, navigation, researchSection } from "./sections.js";
import { readShareLink, receiveShareLink, shareSection } from "./share.js";
import { mountTimer } from "./timer.js";

onPage(() => {
  const root = document.querySelector("[data-prep-sheet]");
  return root ? mountPrepSheet(root) : null;
});

/** Start the prep sheet in `root`; returns the cleanup that runs before the next page starts. */
function mountPrepSheet(root) {
  const frame = toolFrame(root);
  const view = sheetView(frame);
  const receive = () => receiveShareLink({ bank: view.bank(), slot: frame.incomingSlot, render: view.render });
  const onChange = (event) => {
    if (event.detail.source !== SOURCE) {
      view.render();
    }
  };
  const onHashChange = () => {
    if (view.started() && readShareLink(window.location.hash) !== null) {
      receive();
    }
  };
  store.addEventListener("change", onChange);
  window.addEventListener("hashchange", onHashChange);
  const stopNotice = mountStoreNotice(frame.noticeSlot, view.render);
  let alive = true;
  busyUntil(frame.app, loadBank()).then((bank) => {
    if (alive) {
      view.start(bank);
      receive();
    }
  });

  return () => {
    alive = false;
    store.flush(); // instant navigation leaves the page without hiding it: what typing held back, now
    view.destroy();
    store.removeEventListener("change", onChange);
    window.removeEventListener("hashchange", onHashChange);
    stopNotice();
  };
}

/** The tool's frame in `root`: the notices, the sheet bar, the sections' place and the live region. */
function toolFrame(root) {
  const blank = root.querySelector(".guide-prep__blank");
  const noticeSlot = h("div", { class: "guide-prep__notice", hidden: true });
  const incomingSlot = h("div", { class: "guide-prep__notice guide-prep__incoming", hidden: true });
  const live = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const bar = h("div", { class: "guide-prep__bar guide-screen-only" });
  const body = h("div", { class: "guide-prep__body" });
  const app = h("div", { class: "guide-tool guide-prep__app", hidden: true }, noticeSlot, incomingSlot, bar, body, live);
  root.append(app);
  return { app, blank, noticeSlot, incomingSlot, bar, body, say: liveRegion(live) };
}

/**
 * The sheet shown in `frame`, drawn afresh by `render()` (the focus stays on the control that had it):
 * {render(), start(bank), started(), bank(), destroy()}. `start` draws it once the bank is loaded.
 */
function sheetView(frame) {
  const dataSection = dataPanel();
  let bank = null;
  let started = false;
  let parts = [];
  function destroy() {
    for (const part of parts) {
      part.destroy?.();
    }
  }
  function render() {
    const active = document.activeElement;
    const focused = active && frame.app.contains(active) ? active.dataset.focusKey : null;
    destroy();
    parts = showSheet({ frame, bank, dataSection, render });
    frame.blank.hidden = true;
    frame.app.hidden = false;
    if (focused) {
      frame.app.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
    }
  }
  const start = (loaded) => {
    bank = loaded;
    started = true;
    render();
  };
  return { render, start, started: () => started, bank: () => bank, destroy };
}

/** Build the bar and the sections for the sheet shown, wired to each other; returns the parts to destroy. */
function showSheet({ frame, bank, dataSection, render }) {
  const { bar, body, say } = frame;
  const sheet = shownSheet(store.data);
  const names = sheetBar({ bar, sheet, say, render });
  const pitch = mountPitch({ sheet, onChange: (key, value) => pitchChanged(sheet, key, value), profile: store.data.profile });
  const timer = mountTimer({ sheet, say });
  const questions = questionsSection({ sheet, bank, say });
  const lengthChanged = () => {
    timer.refresh();
    questions.refreshGuidance();
  };
  body.replaceChildren(
    navigation(),
    meetingSection({ sheet, onLength: lengthChanged }),
    researchSection({ sheet, onName: names.refresh }),
    pitch.section,
    timer.section,
    questions.section,
    closingSection(),
    shareSection(sheet),
    dataSection,
  );
  return [pitch, timer];
}

/** Keep a pitch answer; the visitor's own details also go to the profile, for their next sheets. */
function pitchChanged(sheet, key, value) {
  typeIntoSheet(sheet, (stored, data) => {
    stored.pitch[key] = value;
    if (key in data.profile) {
      data.profile[key] = value;
    }
  });
}

/** The sheet bar in `bar`: switch sheets, add, duplicate, delete, print. Returns {refresh()} for the names. */
function sheetBar({ bar, sheet, say, render }) {
  const selectId = uid("sheet-select");
  const select = h("select", { id: selectId, class: "guide-select", "data-focus-key": "sheet-select" });
  for (const candidate of listedSheets(store.data, sheet)) {
    const text = listedName(store.data, sheet, candidate);
    select.append(h("option", { value: candidate.id, text, selected: candidate === sheet }));
  }
  select.value = sheet.id;
  select.addEventListener("change", () => {
    store.update((data) => {
      data.activePrepSheet = select.value;
    }, SOURCE);
    render();
    say(t("sheet.switched", { name: sheetName(store.data, activeSheet(store.data)) }));
  });
  // After a sheet is added or removed, the focus goes back to the list of sheets.
  const redrawn = (message) => {
    render();
    say(message);
    bar.querySelector("select").focus();
  };
  const button = (key, text, handler, extra = "") =>
    h("button", { type: "button", class: `guide-button${extra}`, "data-focus-key": key, text, on: { click: handler } });
  bar.replaceChildren(
    h("div", { class: "guide-field guide-prep__switch" }, h("label", { for: selectId, text: t("sheet.select") }), select),
    h(
      "div",
      { class: "guide-actions" },
      button("sheet-new", t("sheet.new"), () => redrawn(newSheet(sheet))),
      button("sheet-duplicate", t("sheet.duplicate"), () => redrawn(duplicate(sheet))),
      button("sheet-delete", t("sheet.delete"), () => confirmDelete(sheet).then((message) => message && redrawn(message))),
      button("sheet-print", t("sheet.print"), () => window.print(), " guide-button--primary"),
    ),
  );
  const refresh = () => {
    listedSheets(store.data, sheet).forEach((candidate, index) => {
      if (select.options[index]) {
        select.options[index].textContent = listedName(store.data, sheet, candidate);
      }
    });
  };
  return { refresh };
}

/** Add a blank sheet after the others and make it the active one; returns what to announce. */
function newSheet(shown) {
  changeSheet(shown, (_, data) => {
    const sheet = emptySheet(data.profile);
    data.prepSheets.push(sheet);
    data.activePrepSheet = sheet.id;
  });
  return t("sheet.created", { name: sheetName(store.data, activeSheet(store.data)) });
}

/** Copy the shown sheet (the copy becomes the active one); returns what to announce. */
function duplicate(shown) {
  const original = listedName(store.data, shown, shown);
  changeSheet(shown, (sheet, data) => duplicateSheet(data, sheet));
  return t("sheet.duplicated", { name: original });
}

/** Delete the shown sheet once the visitor confirms; resolves to what to announce, or null. */
async function confirmDelete(shown) {
  const name = listedName(store.data, shown, shown);
  const answer = await ask({
    title: t("sheet.deleteTitle", { name }),
    message: t("sheet.deleteMessage"),
    choices: [{ value: "delete", label: t("sheet.deleteConfirm"), danger: true }],
    cancel: t("dialog.cancel"),
  });
  if (answer !== "delete") {
    return null;
  }
  store.update((data) => deleteSheet(data, shown.id), SOURCE);
  return t("sheet.deleted", { name });
}
