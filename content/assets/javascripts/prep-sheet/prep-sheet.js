// The prep sheet page: one sheet per contact (switch, add, duplicate, delete), the picked questions in
// the student's order (move by keyboard or by dragging, star, remove, add their own, notes under each),
// research notes, meeting details, the pitch builder, the meeting timer, a share link carrying question
// ids only, and export, import and clear. Without JavaScript the page is a blank sheet to print.

import { dataPanel } from "../core/data-panel.js";
import { ask } from "../core/dialog.js";
import { debounce, h, icon, liveRegion, uid } from "../core/dom.js";
import { field, formatDate, formatTime } from "../core/fields.js";
import { mountStoreNotice } from "../core/notice.js";
import { busyUntil, loadBank, onPage, pageUrl } from "../core/page.js";
import { mountPitch } from "./pitch.js";
import {
  activeSheet,
  addBankQuestion,
  addOwnQuestion,
  deleteSheet,
  duplicateSheet,
  ensureActiveSheet,
  moveQuestion,
  questionGuidance,
  removeQuestion,
  sharedIds,
  sheetName,
  touch,
} from "../core/sheets.js";
import { emptySheet, store } from "../core/store.js";
import { t } from "../core/strings.js";
import "../core/messages.js";
import "../core/messages-data.js";
import "../core/messages-sheets.js";
import "./messages.js";
import { mountTimer } from "./timer.js";

const SOURCE = "prep-sheet";
const SHARE_PARAMETER = "q";
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

onPage(() => {
  const root = document.querySelector("[data-prep-sheet]");
  return root ? mountPrepSheet(root) : null;
});

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

/** Inches of ruled space under each printed question, so that the sheet fits on two Letter pages. */
export function noteSpace(count) {
  const inches = 12.5 / Math.max(1, count) - 0.4;
  return Math.round(Math.min(1, Math.max(0.3, inches)) * 100) / 100;
}

function mountPrepSheet(root) {
  const blank = root.querySelector(".guide-prep__blank");
  const noticeSlot = h("div", { class: "guide-prep__notice", hidden: true });
  const incomingSlot = h("div", { class: "guide-prep__notice guide-prep__incoming", hidden: true });
  const live = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const say = liveRegion(live);
  const bar = h("div", { class: "guide-prep__bar guide-screen-only" });
  const body = h("div", { class: "guide-prep__body" });
  const app = h("div", { class: "guide-tool guide-prep__app", hidden: true }, noticeSlot, incomingSlot, bar, body, live);
  root.append(app);

  let bank = null;
  let alive = true;
  let started = false;
  let parts = [];
  const dataSection = dataPanel();
  const saveSoon = debounce(() => store.update(() => {}, SOURCE), 400);

  const current = () => activeSheet(store.data);
  function save() {
    saveSoon.cancel();
    store.update(() => {}, SOURCE);
  }
  function edited(sheet) {
    touch(sheet);
    saveSoon();
  }

  // --- Rendering ------------------------------------------------------------------------------------
  function render() {
    const focusKey = document.activeElement && app.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    for (const part of parts) {
      part.destroy?.();
    }
    parts = [];
    const sheet = ensureActiveSheet(store.data);
    renderBar(sheet);
    body.replaceChildren(
      navigation(),
      meetingSection(sheet),
      researchSection(sheet),
      keep(mountPitch({ sheet, onChange: (key, value) => pitchChanged(sheet, key, value) })).section,
      keep(mountTimer({ sheetId: sheet.id, save, say })).section,
      questionsSection(sheet),
      closingSection(),
      shareSection(sheet),
      dataSection,
    );
    blank.hidden = true;
    app.hidden = false;
    if (focusKey) {
      const target = app.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      target?.focus();
    }
  }

  function keep(part) {
    parts.push(part);
    return part;
  }

  function renderBar(sheet) {
    const selectId = uid("sheet-select");
    const select = h("select", { id: selectId, class: "guide-select", "data-focus-key": "sheet-select" });
    store.data.prepSheets.forEach((candidate) => {
      select.append(h("option", { value: candidate.id, text: sheetName(store.data, candidate), selected: candidate === sheet }));
    });
    select.value = sheet.id;
    select.addEventListener("change", () => {
      saveSoon.flush();
      store.update((data) => {
        data.activePrepSheet = select.value;
      }, SOURCE);
      render();
      say(t("sheet.switched", { name: sheetName(store.data, current()) }));
    });
    const button = (key, text, handler, extra = "") =>
      h("button", { type: "button", class: `guide-button${extra}`, "data-focus-key": key, text, on: { click: handler } });
    bar.replaceChildren(
      h("div", { class: "guide-field guide-prep__switch" }, h("label", { for: selectId, text: t("sheet.select") }), select),
      h(
        "div",
        { class: "guide-actions" },
        button("sheet-new", t("sheet.new"), newSheet),
        button("sheet-duplicate", t("sheet.duplicate"), duplicate),
        button("sheet-delete", t("sheet.delete"), remove, " guide-button--danger"),
        button("sheet-print", t("sheet.print"), () => window.print(), " guide-button--primary"),
      ),
    );
  }

  function refreshNames() {
    const select = bar.querySelector("select");
    if (!select) {
      return;
    }
    store.data.prepSheets.forEach((sheet, index) => {
      if (select.options[index]) {
        select.options[index].textContent = sheetName(store.data, sheet);
      }
    });
  }

  function newSheet() {
    saveSoon.flush();
    store.update((data) => {
      const sheet = emptySheet(data.profile);
      data.prepSheets.push(sheet);
      data.activePrepSheet = sheet.id;
    }, SOURCE);
    render();
    say(t("sheet.created", { name: sheetName(store.data, current()) }));
    bar.querySelector("select").focus();
  }

  function duplicate() {
    saveSoon.flush();
    const original = sheetName(store.data, current());
    store.update((data) => duplicateSheet(data, activeSheet(data)), SOURCE);
    render();
    say(t("sheet.duplicated", { name: original }));
    bar.querySelector("select").focus();
  }

  async function remove() {
    const sheet = current();
    const name = sheetName(store.data, sheet);
    const answer = await ask({
      title: t("sheet.deleteTitle", { name }),
      message: t("sheet.deleteMessage"),
      choices: [{ value: "delete", label: t("sheet.deleteConfirm"), danger: true }],
      cancel: t("dialog.cancel"),
    });
    if (answer !== "delete") {
      return;
    }
    saveSoon.cancel();
    store.update((data) => deleteSheet(data, sheet.id), SOURCE);
    render();
    say(t("sheet.deleted", { name }));
    bar.querySelector("select").focus();
  }

  function navigation() {
    const links = [
      ["prep-meeting", t("meeting.heading")],
      ["prep-research", t("research.heading")],
      ["prep-pitch", t("pitch.heading")],
      ["prep-timer", t("timer.heading")],
      ["prep-questions", t("questions.heading")],
      ["prep-share", t("share.heading")],
      ["prep-data", t("data.heading")],
    ];
    return h(
      "nav",
      { class: "guide-prep__jump guide-screen-only", "aria-label": t("sheet.jumpLabel") },
      h("ul", {}, links.map(([id, text]) => h("li", {}, h("a", { href: `#${id}`, text })))),
    );
  }

  function section(id, heading, ...children) {
    const headingId = uid("heading");
    return h(
      "section",
      { class: `guide-prep__section guide-prep__section--${id}`, id: `prep-${id}`, "aria-labelledby": headingId },
      h("h2", { id: headingId, text: heading }),
      ...children,
    );
  }

  function meetingSection(sheet) {
    const logistics = sheet.logistics;
    const text = (key, label, extra = {}) =>
      field({
        label,
        value: logistics[key],
        focusKey: `meeting-${key}`,
        onInput: (value) => {
          logistics[key] = value;
          edited(sheet);
        },
        ...extra,
      }).wrapper;
    const unitId = uid("unit");
    const length = field({
      label: t("meeting.length"),
      describedBy: unitId,
      value: String(logistics.length),
      type: "number",
      focusKey: "meeting-length",
      class: "guide-field--length",
      format: (value) => (value ? t("meeting.minutes", { count: Number(value) }) : ""),
      attrs: { min: "5", max: "240", step: "5", inputmode: "numeric" },
      onInput: (value) => {
        const minutes = Number(value);
        if (Number.isFinite(minutes) && minutes >= 1 && minutes <= 600) {
          logistics.length = Math.round(minutes);
          edited(sheet);
          for (const part of parts) {
            part.refresh?.();
          }
          refreshGuidance?.();
        }
      },
    });
    length.control.after(h("span", { id: unitId, class: "guide-field__unit guide-screen-only", text: t("meeting.minutesUnit") }));
    return section(
      "meeting",
      t("meeting.heading"),
      h(
        "div",
        { class: "guide-grid" },
        text("date", t("meeting.date"), { type: "date", format: formatDate }),
        text("time", t("meeting.time"), { type: "time", format: formatTime }),
        text("place", t("meeting.place"), { class: "guide-field--wide" }),
        length.wrapper,
      ),
      h("p", { class: "guide-note" }, h("strong", { text: t("meeting.reminderLead") }), " ", t("meeting.reminder")),
    );
  }

  function researchSection(sheet) {
    const research = sheet.research;
    const text = (key, extra = {}) =>
      field({
        label: t(`research.${key}`),
        value: research[key],
        focusKey: `research-${key}`,
        onInput: (value) => {
          research[key] = value;
          edited(sheet);
          if (key === "name" || key === "organization") {
            refreshNames();
          }
        },
        ...extra,
      }).wrapper;
    return section(
      "research",
      t("research.heading"),
      h(
        "div",
        { class: "guide-grid" },
        text("field"),
        text("organization", { autocomplete: "organization" }),
        text("name"),
        text("role"),
        text("found", { class: "guide-field--wide" }),
        text("notes", { multiline: true, rows: 3, class: "guide-field--wide", hint: t("research.notesHint") }),
      ),
    );
  }

  function pitchChanged(sheet, key, value) {
    sheet.pitch[key] = value;
    if (key in store.data.profile) {
      store.data.profile[key] = value;
    }
    edited(sheet);
  }

  // --- Questions ------------------------------------------------------------------------------------
  let refreshGuidance = null;

  function questionText(item) {
    if (item.kind === "bank" && bank && bank.byId.has(item.id)) {
      return bank.byId.get(item.id).text;
    }
    return item.text || item.id;
  }

  function questionsSection(sheet) {
    const list = h("ol", { class: "guide-prep__list" });
    const guidance = h("p", { class: "guide-prep__guidance guide-screen-only" });
    const emptyBox = h("div", { class: "guide-prep__empty guide-screen-only" });
    const bankLink = () => h("a", { href: pageUrl("questions/"), text: t("questions.bankLink") });

    refreshGuidance = () => {
      const count = sheet.questions.length;
      const advice = questionGuidance(count, sheet.logistics.length);
      const words = [t("questions.count", { count })];
      words.push(t(advice.state === "many" ? "guidance.many" : "guidance.fit", advice));
      if (advice.state === "many") {
        words.push(t("guidance.manyAdvice"));
      }
      guidance.textContent = words.join(" ");
      guidance.classList.toggle("guide-note", advice.state === "many");
      guidance.hidden = count === 0;
    };

    function renderList(focus) {
      list.replaceChildren(...sheet.questions.map((item, index) => questionItem(sheet, item, index, renderList)));
      list.style.setProperty("--guide-note-space", `${noteSpace(sheet.questions.length)}in`);
      emptyBox.hidden = sheet.questions.length > 0;
      list.hidden = sheet.questions.length === 0;
      refreshGuidance();
      if (focus) {
        const target = list.querySelector(`[data-focus-key="${CSS.escape(focus)}"]`) || app.querySelector(`[data-focus-key="${CSS.escape(focus)}"]`);
        target?.focus();
      }
    }

    const recommended = bank && bank.recommended && bank.recommended.sets ? bank.recommended.sets[0] : null;
    if (recommended) {
      emptyBox.append(
        h("p", { text: t("questions.empty") }),
        h(
          "div",
          { class: "guide-actions" },
          h("button", {
            type: "button",
            class: "guide-button guide-button--primary",
            "data-focus-key": "add-recommended",
            text: t("questions.addRecommended", { count: recommended.question_ids.length }),
            on: {
              click: () => {
                for (const id of recommended.question_ids) {
                  const question = bank.byId.get(id);
                  if (question) {
                    addBankQuestion(sheet, id, question.text);
                  }
                }
                save();
                renderList(null);
                list.querySelector("button")?.focus();
                say(t("questions.addedRecommended", { count: sheet.questions.length }));
              },
            },
          }),
          bankLink(),
        ),
      );
    } else {
      emptyBox.append(h("p", {}, t("questions.empty"), " ", bankLink()));
    }

    const own = field({ label: t("questions.ownLabel"), focusKey: "own-question", class: "guide-field--grow" });
    const addForm = h(
      "form",
      { class: "guide-prep__add guide-screen-only" },
      own.wrapper,
      h("button", { type: "submit", class: "guide-button", text: t("questions.add") }),
    );
    addForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const words = own.control.value.trim();
      if (!words) {
        say(t("questions.ownEmpty"));
        own.control.focus();
        return;
      }
      addOwnQuestion(sheet, words);
      save();
      own.control.value = "";
      own.refresh();
      renderList(null);
      own.control.focus();
      say(t("questions.ownAdded", { position: sheet.questions.length }));
    });

    renderList(null);
    return section(
      "questions",
      t("questions.heading"),
      guidance,
      h("p", { class: "guide-hint guide-screen-only", text: t("questions.hint") }),
      emptyBox,
      list,
      addForm,
      h("p", { class: "guide-screen-only" }, bankLink()),
    );
  }

  function questionItem(sheet, item, index, renderList) {
    const number = index + 1;
    const total = sheet.questions.length;
    const textId = uid("question");
    const words = questionText(item);
    const iconButton = (key, label, name, handler, extra = {}) =>
      h(
        "button",
        {
          type: "button",
          class: "guide-icon-button",
          "aria-label": label,
          title: label,
          "data-focus-key": `${key}:${item.id}`,
          on: { click: handler },
          ...extra,
        },
        icon(name),
      );
    function move(by, key) {
      const target = index + by;
      if (target < 0 || target >= total) {
        say(t(by < 0 ? "questions.alreadyFirst" : "questions.alreadyLast"));
        return;
      }
      moveQuestion(sheet, item.id, target);
      save();
      renderList(`${key}:${item.id}`);
      say(t("questions.moved", { position: target + 1, total }));
    }
    const notes = field({
      label: t("questions.notes"),
      value: item.notes,
      multiline: true,
      rows: 2,
      describedBy: textId,
      focusKey: `notes:${item.id}`,
      class: "guide-prep__notes",
      onInput: (value) => {
        item.notes = value;
        edited(sheet);
      },
    });
    const handle = h("span", { class: "guide-prep__handle guide-screen-only", "aria-hidden": "true", title: t("questions.drag") }, icon("drag"));
    const element = h(
      "li",
      { class: `guide-prep__item${item.starred ? " guide-prep__item--starred" : ""}`, dataset: { id: item.id } },
      h(
        "div",
        { class: "guide-prep__item-main" },
        handle,
        h(
          "p",
          { class: "guide-prep__item-text", id: textId },
          item.starred ? h("span", { class: "guide-prep__star-mark", "aria-hidden": "true", text: "★ " }) : null,
          words,
          item.kind === "own" ? h("span", { class: "guide-badge guide-badge--own", text: t("questions.ownBadge") }) : null,
        ),
        h(
          "div",
          { class: "guide-prep__item-actions guide-screen-only" },
          iconButton("star", t("questions.star", { number }), item.starred ? "star" : "starOutline", () => {
            item.starred = !item.starred;
            edited(sheet);
            saveSoon.flush();
            renderList(`star:${item.id}`);
            say(t(item.starred ? "questions.starred" : "questions.unstarred", { number }));
          }, { "aria-pressed": item.starred ? "true" : "false" }),
          iconButton("up", t("questions.up", { number }), "up", () => move(-1, "up"), { "aria-disabled": index === 0 ? "true" : null }),
          iconButton("down", t("questions.down", { number }), "down", () => move(1, "down"), {
            "aria-disabled": index === total - 1 ? "true" : null,
          }),
          iconButton("remove", t("questions.remove", { number }), "remove", () => {
            removeQuestion(sheet, item.id);
            save();
            const next = sheet.questions[index] || sheet.questions[index - 1];
            renderList(next ? `remove:${next.id}` : "own-question");
            say(t("questions.removed", { text: words }));
          }),
        ),
      ),
      notes.wrapper,
      h("div", { class: "guide-prep__note-lines", "aria-hidden": "true" }),
    );
    handle.addEventListener("pointerdown", (event) => drag(event, element, sheet, renderList));
    return element;
  }

  function drag(event, element, sheet, renderList) {
    if (event.button !== 0) {
      return;
    }
    event.preventDefault();
    const list = element.parentElement;
    const before = Array.from(list.children);
    element.classList.add("guide-prep__item--dragging");
    list.classList.add("guide-prep__list--dragging");
    function onMove(moveEvent) {
      const y = moveEvent.clientY;
      const next = Array.from(list.children).find((other) => {
        if (other === element) {
          return false;
        }
        const box = other.getBoundingClientRect();
        return y < box.top + box.height / 2;
      });
      if (next) {
        if (element.nextElementSibling !== next) {
          list.insertBefore(element, next);
        }
      } else if (list.lastElementChild !== element) {
        list.append(element);
      }
      if (y < 80) {
        window.scrollBy(0, -12);
      } else if (y > window.innerHeight - 60) {
        window.scrollBy(0, 12);
      }
    }
    function finish(cancelled) {
      document.removeEventListener("pointermove", onMove);
      document.removeEventListener("pointerup", onUp);
      document.removeEventListener("pointercancel", onCancel);
      document.removeEventListener("keydown", onKey);
      element.classList.remove("guide-prep__item--dragging");
      list.classList.remove("guide-prep__list--dragging");
      if (cancelled) {
        list.replaceChildren(...before);
        return;
      }
      const order = Array.from(list.children).map((child) => child.dataset.id);
      const from = sheet.questions.findIndex((item) => item.id === element.dataset.id);
      const to = order.indexOf(element.dataset.id);
      if (from === to) {
        return;
      }
      const byId = new Map(sheet.questions.map((item) => [item.id, item]));
      sheet.questions = order.map((id) => byId.get(id)).filter(Boolean);
      touch(sheet);
      save();
      renderList(null);
      say(t("questions.moved", { position: to + 1, total: order.length }));
    }
    const onUp = () => finish(false);
    const onCancel = () => finish(true);
    const onKey = (keyEvent) => {
      if (keyEvent.key === "Escape") {
        finish(true);
      }
    };
    document.addEventListener("pointermove", onMove);
    document.addEventListener("pointerup", onUp);
    document.addEventListener("pointercancel", onCancel);
    document.addEventListener("keydown", onKey);
  }

  function closingSection() {
    return section(
      "close",
      t("close.heading"),
      h("ul", {}, ["close.time", "close.referrals", "close.cards"].map((key) => h("li", { text: t(key) }))),
    );
  }

  // --- Sharing --------------------------------------------------------------------------------------
  function shareSection(sheet) {
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

  /** Offer the questions of a share link in the address, once. */
  function receiveShareLink() {
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
    const notes = [];
    if (unknown) {
      notes.push(h("p", { text: t("incoming.unknown", { count: unknown }) }));
    }
    function put(sheet) {
      let added = 0;
      for (const id of known) {
        if (addBankQuestion(sheet, id, bank ? bank.byId.get(id).text : "")) {
          added += 1;
        }
      }
      return added;
    }
    function finish(message) {
      incomingSlot.replaceChildren(h("section", { class: "guide-notice", "aria-labelledby": headingId }, h("h2", { id: headingId, tabindex: "-1", text: message })));
      render();
      incomingSlot.querySelector("h2").focus();
    }
    if (!known.length) {
      box.append(...notes, h("p", { text: t("incoming.none") }));
      incomingSlot.replaceChildren(box);
      incomingSlot.hidden = false;
      return;
    }
    const sheet = ensureActiveSheet(store.data);
    if (!sheet.questions.length) {
      put(sheet);
      save();
      incomingSlot.hidden = false;
      finish(t("incoming.done", { count: known.length, name: sheetName(store.data, sheet) }));
      return;
    }
    const choose = (value) => () => {
      if (value === "new") {
        const fresh = emptySheet(store.data.profile);
        store.data.prepSheets.push(fresh);
        store.data.activePrepSheet = fresh.id;
        put(fresh);
        save();
        finish(t("incoming.done", { count: known.length, name: sheetName(store.data, fresh) }));
      } else if (value === "add") {
        const added = put(sheet);
        touch(sheet);
        save();
        finish(t("incoming.added", { count: added, name: sheetName(store.data, sheet) }));
      } else {
        incomingSlot.replaceChildren();
        incomingSlot.hidden = true;
      }
    };
    box.append(
      ...notes,
      h("p", { text: t("incoming.explain") }),
      h(
        "div",
        { class: "guide-actions" },
        h("button", { type: "button", class: "guide-button guide-button--primary", text: t("incoming.new"), on: { click: choose("new") } }),
        h("button", { type: "button", class: "guide-button", text: t("incoming.add", { name: sheetName(store.data, sheet) }), on: { click: choose("add") } }),
        h("button", { type: "button", class: "guide-button", text: t("incoming.ignore"), on: { click: choose("ignore") } }),
      ),
    );
    incomingSlot.replaceChildren(box);
    incomingSlot.hidden = false;
    heading.focus();
  }

  // --- Start ----------------------------------------------------------------------------------------
  function onChange(event) {
    if (event.detail.source !== SOURCE) {
      render();
    }
  }
  function flush() {
    saveSoon.flush();
  }
  function onHidden() {
    if (document.visibilityState === "hidden") {
      saveSoon.flush();
    }
  }
  function onHashChange() {
    if (started && readShareLink(window.location.hash) !== null) {
      receiveShareLink();
    }
  }
  store.addEventListener("change", onChange);
  window.addEventListener("hashchange", onHashChange);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", onHidden);
  const stopNotice = mountStoreNotice(noticeSlot, render);
  busyUntil(app, loadBank()).then((loaded) => {
    if (!alive) {
      return;
    }
    bank = loaded;
    started = true;
    render();
    receiveShareLink();
  });

  return () => {
    alive = false;
    saveSoon.flush();
    for (const part of parts) {
      part.destroy?.();
    }
    store.removeEventListener("change", onChange);
    window.removeEventListener("hashchange", onHashChange);
    window.removeEventListener("pagehide", flush);
    document.removeEventListener("visibilitychange", onHidden);
    stopNotice();
  };
}
