// The prep sheet's questions, in the visitor's order: each with its notes, moved by keyboard (up and down
// buttons) or by dragging its handle, starred or removed; the recommended set when the list is empty, the
// visitor's own questions, and how many questions suit the agreed length.

import { h, icon, uid } from "../core/dom.js";
import { field } from "../core/fields.js";
import { pageUrl } from "../core/page.js";
import { addBankQuestion, addOwnQuestion, moveQuestion, questionGuidance, removeQuestion, touch } from "../core/sheets.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports
import { changeSheet, typeIntoSheet } from "./edit.js";
import { section } from "./sections.js";

/** Inches of ruled space under each printed question, so that the sheet fits on two Letter pages. */
export function noteSpace(count) {
  const inches = 12.5 / Math.max(1, count) - 0.4;
  return Math.round(Math.min(1, Math.max(0.3, inches)) * 100) / 100;
}

/** The words of a question: the bank's current words, else the copy kept on the sheet. */
function questionText(bank, item) {
  if (item.kind === "bank" && bank && bank.byId.has(item.id)) {
    return bank.byId.get(item.id).text;
  }
  return item.text || item.id;
}

/** The question `id` of a stored sheet (null if it is gone). */
function questionIn(sheet, id) {
  return sheet.questions.find((candidate) => candidate.id === id) || null;
}

const bankLink = () => h("a", { href: pageUrl("questions/"), text: t("questions.bankLink") });

/** Show in `element` how many questions the sheet has, against what suits the agreed length. */
function showGuidance(element, sheet) {
  const count = sheet.questions.length;
  const advice = questionGuidance(count, sheet.logistics.length);
  const words = [t("questions.count", { count })];
  words.push(t(advice.state === "many" ? "guidance.many" : "guidance.fit", advice));
  if (advice.state === "many") {
    words.push(t("guidance.manyAdvice"));
  }
  element.textContent = words.join(" ");
  element.classList.toggle("guide-note", advice.state === "many");
  element.hidden = count === 0;
}

/** The questions section: {section, refreshGuidance()} (the guidance follows the agreed length). */
export function questionsSection({ sheet, bank, say }) {
  const list = h("ol", { class: "guide-prep__list" });
  const guidance = h("p", { class: "guide-prep__guidance guide-screen-only" });
  const addedRecommended = () => {
    renderList(null);
    list.querySelector("button")?.focus();
  };
  const emptyBox = emptyList({ sheet, bank, say, onAdded: addedRecommended });
  const element = section(
    "questions",
    t("questions.heading"),
    guidance,
    h("p", { class: "guide-hint guide-screen-only", text: t("questions.hint") }),
    emptyBox,
    list,
    ownQuestionForm({ sheet, say, onAdded: () => renderList(null) }),
    h("p", { class: "guide-screen-only" }, bankLink()),
  );

  /** Draw the list again; the focus goes to the control `focus` names (a data-focus-key), if any. */
  function renderList(focus) {
    const items = sheet.questions.map((item, index) => questionItem({ sheet, item, index, bank, say, renderList }));
    list.replaceChildren(...items);
    list.style.setProperty("--guide-note-space", `${noteSpace(sheet.questions.length)}in`);
    emptyBox.hidden = sheet.questions.length > 0;
    list.hidden = sheet.questions.length === 0;
    showGuidance(guidance, sheet);
    if (focus) {
      element.querySelector(`[data-focus-key="${CSS.escape(focus)}"]`)?.focus();
    }
  }

  renderList(null);
  return { section: element, refreshGuidance: () => showGuidance(guidance, sheet) };
}

/** What an empty list shows: the recommended set to add in one go (if the bank has one), and the bank. */
function emptyList({ sheet, bank, say, onAdded }) {
  const box = h("div", { class: "guide-prep__empty guide-screen-only" });
  const recommended = bank && bank.recommended && bank.recommended.sets ? bank.recommended.sets[0] : null;
  if (!recommended) {
    box.append(h("p", {}, t("questions.empty"), " ", bankLink()));
    return box;
  }
  const add = () => {
    changeSheet(sheet, (stored) => {
      for (const id of recommended.question_ids) {
        const question = bank.byId.get(id);
        if (question) {
          addBankQuestion(stored, id, question.text);
        }
      }
    });
    onAdded();
    say(t("questions.addedRecommended", { count: sheet.questions.length }));
  };
  box.append(
    h("p", { text: t("questions.empty") }),
    h(
      "div",
      { class: "guide-actions" },
      h("button", {
        type: "button",
        class: "guide-button guide-button--primary",
        "data-focus-key": "add-recommended",
        text: t("questions.addRecommended", { count: recommended.question_ids.length }),
        on: { click: add },
      }),
      bankLink(),
    ),
  );
  return box;
}

/** The form that adds a question in the visitor's own words; `onAdded()` runs once it is on the sheet. */
function ownQuestionForm({ sheet, say, onAdded }) {
  const own = field({ label: t("questions.ownLabel"), focusKey: "own-question", class: "guide-field--grow" });
  const form = h(
    "form",
    { class: "guide-prep__add guide-screen-only" },
    own.wrapper,
    h("button", { type: "submit", class: "guide-button", text: t("questions.add") }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = own.control.value.trim();
    if (!words) {
      say(t("questions.ownEmpty"));
      own.control.focus();
      return;
    }
    changeSheet(sheet, (stored) => addOwnQuestion(stored, words));
    own.control.value = "";
    own.refresh();
    onAdded();
    own.control.focus();
    say(t("questions.ownAdded", { position: sheet.questions.length }));
  });
  return form;
}

/** One question of the list, with its actions, its notes and (for print) lines to write on. */
function questionItem({ sheet, item, index, bank, say, renderList }) {
  const textId = uid("question");
  const words = questionText(bank, item);
  const notes = field({
    label: t("questions.notes"),
    value: item.notes,
    multiline: true,
    rows: 2,
    describedBy: textId,
    focusKey: `notes:${item.id}`,
    class: "guide-prep__notes",
    onInput: (value) =>
      typeIntoSheet(sheet, (stored) => {
        const question = questionIn(stored, item.id);
        if (question) {
          question.notes = value;
        }
      }),
  });
  const handle = h(
    "span",
    { class: "guide-prep__handle guide-screen-only", "aria-hidden": "true", title: t("questions.drag") },
    icon("drag"),
  );
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
      itemActions({ sheet, item, index, words, say, renderList }),
    ),
    notes.wrapper,
    h("div", { class: "guide-prep__note-lines", "aria-hidden": "true" }),
  );
  handle.addEventListener("pointerdown", (event) => startDrag({ event, element, sheet, say, renderList }));
  return element;
}

/** An icon button of a question; its focus key names the action and the question. */
function iconButton(item, key, label, name, handler, extra = {}) {
  return h(
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
}

/** A question's star, up, down and remove buttons. */
function itemActions({ sheet, item, index, words, say, renderList }) {
  const number = index + 1;
  const total = sheet.questions.length;
  const move = (by, key) => {
    const target = index + by;
    if (target < 0 || target >= total) {
      say(t(by < 0 ? "questions.alreadyFirst" : "questions.alreadyLast"));
      return;
    }
    changeSheet(sheet, (stored) => moveQuestion(stored, item.id, target));
    renderList(`${key}:${item.id}`);
    say(t("questions.moved", { position: target + 1, total }));
  };
  const star = () => {
    const starred = !item.starred;
    changeSheet(sheet, (stored) => {
      const question = questionIn(stored, item.id);
      if (question) {
        question.starred = starred;
        touch(stored);
      }
    });
    renderList(`star:${item.id}`);
    say(t(starred ? "questions.starred" : "questions.unstarred", { number }));
  };
  const remove = () => {
    changeSheet(sheet, (stored) => removeQuestion(stored, item.id));
    const next = sheet.questions[index] || sheet.questions[index - 1];
    renderList(next ? `remove:${next.id}` : "own-question");
    say(t("questions.removed", { text: words }));
  };
  return h(
    "div",
    { class: "guide-prep__item-actions guide-screen-only" },
    iconButton(item, "star", t("questions.star", { number }), item.starred ? "star" : "starOutline", star, {
      "aria-pressed": item.starred ? "true" : "false",
    }),
    iconButton(item, "up", t("questions.up", { number }), "up", () => move(-1, "up"), {
      "aria-disabled": index === 0 ? "true" : null,
    }),
    iconButton(item, "down", t("questions.down", { number }), "down", () => move(1, "down"), {
      "aria-disabled": index === total - 1 ? "true" : null,
    }),
    iconButton(item, "remove", t("questions.remove", { number }), "remove", remove),
  );
}

let dragging = null;

/**
 * Start dragging a question by its handle. Dragging is the mouse's way to do what the up and down buttons
 * do, so its code (drag.js) loads at the first drag; a pointer released before it has loaded drags nothing.
 */
function startDrag(options) {
  if (options.event.button !== 0) {
    return;
  }
  options.event.preventDefault();
  let released = false;
  const release = () => (released = true);
  document.addEventListener("pointerup", release, { once: true });
  dragging ||= import("./drag.js");
  dragging.then(({ dragToReorder }) => {
    document.removeEventListener("pointerup", release);
    if (!released) {
      dragToReorder(options);
    }
  });
}
