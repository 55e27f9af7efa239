// The question picker on the question bank pages: a checkbox on every question to put it on the
// active prep sheet, filters and a search that narrow the list as you type, a suggested starter set,
// and a bar that keeps count and links to the prep sheet. Without JavaScript the pages stay as they are.

import { debounce, foldText, h, liveRegion, uid } from "../core/dom.js";
import { mountStoreNotice } from "../core/notice.js";
import { busyUntil, loadBank, onPage, pageUrl } from "../core/page.js";
import {
  activeSheet,
  addBankQuestion,
  ensureActiveSheet,
  hasQuestion,
  questionGuidance,
  removeQuestion,
  sheetName,
} from "../core/sheets.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import "./messages.js";
import "../core/messages-sheets.js";

const SOURCE = "picker";
const LONG_CLASS = "guide-questions--long";
const FIRST_SLICE = 100;
const SLICE = 400;

onPage(() => {
  const slot = document.querySelector("[data-question-picker]");
  const elements = document.querySelectorAll("[data-question-id]");
  if (!slot || !elements.length) {
    return null;
  }
  return mountPicker(slot, Array.from(elements));
});

/** What the filters need to know about one question element. */
function describe(element) {
  const textElement = element.querySelector(".guide-question__text");
  const text = (textElement ? textElement.textContent : element.textContent).trim();
  const extra = [];
  for (const part of element.querySelectorAll(".guide-question__why, .guide-question__follow-ups li")) {
    const label = part.querySelector("strong");
    extra.push(label ? part.textContent.replace(label.textContent, "") : part.textContent);
  }
  return {
    element,
    textElement,
    id: element.dataset.questionId,
    category: element.dataset.category || "",
    tags: new Set((element.dataset.tags || "").split(/\s+/).filter(Boolean)),
    text,
    haystack: foldText(`${text} ${extra.join(" ")}`),
  };
}

/** The filters in effect: {words, category, tags: ["group:value"], picked}. */
function readFilters(controls) {
  const words = foldText(controls.search.value).split(/\s+/).filter(Boolean);
  const tags = [];
  let category = "";
  for (const select of controls.selects) {
    if (!select.value) {
      continue;
    }
    if (select.dataset.filter === "category") {
      category = select.value;
    } else {
      tags.push(`${select.dataset.filter}:${select.value}`);
    }
  }
  return { words, category, tags, picked: controls.picked.checked };
}

/** Whether a question passes the filters (`sheet`: the active sheet, needed only for "picked"). */
function matches(item, filters, sheet) {
  if (filters.category && item.category !== filters.category) {
    return false;
  }
  for (const tag of filters.tags) {
    if (!item.tags.has(tag)) {
      return false;
    }
  }
  for (const word of filters.words) {
    if (!item.haystack.includes(word)) {
      return false;
    }
  }
  return !filters.picked || hasQuestion(sheet, item.id);
}

/** Build the picker in `slot` for the question `elements` of the page; returns its cleanup. */
export function mountPicker(slot, elements) {
  const items = elements.map(describe);
  const lists = byList(items);
  const total = items.length;
  // Until the bank's threshold is known (questions.json `long_bank`), the lists are as the page was made.
  const long = Array.from(lists.keys()).some((list) => list.classList.contains(LONG_CLASS));
  const view = pickerPanel();
  const tray = pickerTray();
  slot.replaceChildren(view.panel);
  slot.hidden = false;
  slot.after(tray.element);
  document.documentElement.classList.add("guide-has-tray");

  const boxes = addPickBoxes(items);
  const showPicks = () => showPicksOn(items, boxes, tray);
  const work = { frame: 0, queue: [], long };
  const announceCount = countAnnouncer(view.count, total);
  const applyFilters = () => showMatches({ lists, view, work, announceCount });
  const ending = new AbortController();
  const { signal } = ending;
  for (const [item, box] of boxes) {
    box.addEventListener("change", () => {
      pick(item, box.checked);
      showPicks();
    });
  }
  view.search.addEventListener("input", applyFilters);
  view.picked.addEventListener("change", applyFilters);
  view.clear.addEventListener("click", () => clearFilters(view, applyFilters));
  busyUntil(slot, loadBank()).then((bank) => {
    if (!signal.aborted && bank) {
      markLong(lists, work, total > bank.long_bank);
      startWithBank(bank, items, view, { applyFilters, showPicks });
    }
  });
  store.addEventListener("change", (event) => showChange(event, view, showPicks, applyFilters), { signal });
  const stopNotice = mountStoreNotice(view.noticeSlot, () => showPicks());
  showPicks();
  applyFilters();
  announceCount.flush();

  return () => {
    ending.abort();
    window.cancelAnimationFrame(work.frame);
    announceCount.cancel();
    stopNotice();
    document.documentElement.classList.remove("guide-has-tray");
  };
}

/** Mark the lists long (the browser then lays out only the questions in view: guide.css) or not. */
function markLong(lists, work, long) {
  work.long = long;
  for (const list of lists.keys()) {
    list.classList.toggle(LONG_CLASS, long);
  }
}

/** The question elements grouped by the list they are in, in page order. */
function byList(items) {
  const lists = new Map();
  for (const item of items) {
    const list = item.element.parentElement;
    if (!lists.has(list)) {
      lists.set(list, []);
    }
    lists.get(list).push(item);
  }
  return lists;
}

// --- Controls ---------------------------------------------------------------------------------------

/** The picker's panel: heading, store notice, the filters form, the count and the starter set's place. */
function pickerPanel() {
  const headingId = uid("picker-heading");
  const noticeSlot = h("div", { class: "guide-picker__notice", hidden: true });
  const searchId = uid("picker-search");
  const search = h("input", {
    id: searchId,
    type: "search",
    class: "guide-input",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": null,
  });
  const selectsBox = h("div", { class: "guide-picker__selects" });
  const picked = h("input", { type: "checkbox", class: "guide-checkbox" });
  const clear = h("button", { type: "button", class: "guide-button guide-button--small", text: t("picker.clearFilters") });
  const count = h("p", { class: "guide-picker__count", role: "status" });
  const empty = h("p", { class: "guide-picker__empty", hidden: true, text: t("picker.noMatch") });
  const suggestBox = h("div", { class: "guide-picker__suggest", hidden: true });
  const messages = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const panel = h(
    "section",
    { class: "guide-tool guide-picker", "aria-labelledby": headingId },
    h("h2", { id: headingId, class: "guide-picker__heading", text: t("picker.heading") }),
    noticeSlot,
    h(
      "form",
      { class: "guide-picker__filters", role: "search", "aria-label": t("picker.filtersLabel"), on: { submit: (e) => e.preventDefault() } },
      h("div", { class: "guide-field guide-picker__search" }, h("label", { for: searchId, text: t("picker.search") }), search),
      selectsBox,
      h(
        "div",
        { class: "guide-picker__row" },
        h("label", { class: "guide-check" }, picked, h("span", { text: t("picker.onlyPicked") })),
        clear,
      ),
    ),
    count,
    empty,
    suggestBox,
    messages,
  );
  const controls = { search, selects: [], picked };
  const say = liveRegion(messages);
  return { panel, noticeSlot, search, selectsBox, picked, clear, count, empty, suggestBox, say, controls };
}

/** The tray that keeps count of the picks and links to the prep sheet. */
function pickerTray() {
  const summary = h("p", { class: "guide-tray__summary", "aria-live": "polite" });
  const guidanceText = h("p", { class: "guide-tray__guidance", "aria-live": "polite" });
  const openLink = h("a", { class: "guide-button guide-button--primary guide-tray__link", href: pageUrl("prep-sheet/") });
  const element = h("div", { class: "guide-tool guide-tray" }, summary, openLink, guidanceText);
  return { element, summary, guidanceText, openLink };
}

// --- Picking ----------------------------------------------------------------------------------------

/** Put an "On my prep sheet" checkbox after each question's text; returns {item: box}. */
function addPickBoxes(items) {
  const boxes = new Map();
  for (const item of items) {
    if (!item.textElement) {
      continue;
    }
    if (!item.textElement.id) {
      item.textElement.id = uid("question-text");
    }
    const box = h("input", { type: "checkbox", class: "guide-checkbox", "aria-describedby": item.textElement.id });
    item.textElement.after(h("label", { class: "guide-pick" }, box, h("span", { text: t("picker.pick") })));
    boxes.set(item, box);
  }
  return boxes;
}

/** Put a question on the active prep sheet (making one if needed), or take it off. */
function pick(item, on) {
  store.update((data) => {
    const sheet = ensureActiveSheet(data);
    if (on) {
      addBankQuestion(sheet, item.id, item.text);
    } else {
      removeQuestion(sheet, item.id);
    }
  }, SOURCE);
}

/** Show what is on the active sheet: the boxes, the picked questions and the tray. */
function showPicksOn(items, boxes, tray) {
  const sheet = activeSheet(store.data);
  for (const item of items) {
    const on = hasQuestion(sheet, item.id);
    const box = boxes.get(item);
    if (box && box.checked !== on) {
      box.checked = on;
    }
    item.element.classList.toggle("guide-question--picked", on);
  }
  const questions = sheet ? sheet.questions.length : 0;
  const guidance = questionGuidance(questions, sheet ? sheet.logistics.length : undefined);
  const several = store.data.prepSheets.length > 1 && sheet;
  tray.summary.textContent = t("tray.count", { count: questions });
  const advice = t(guidance.state === "many" ? "guidance.many" : "guidance.fit", guidance);
  if (tray.guidanceText.textContent !== advice) {
    tray.guidanceText.textContent = advice; // announced only when it changes, such as from 11 to 12
  }
  tray.element.classList.toggle("guide-tray--many", guidance.state === "many");
  tray.openLink.textContent = several ? t("tray.openNamed", { name: sheetName(store.data, sheet) }) : t("tray.open");
}

/** After another tool, tab, import or reset changed the data: show the picks, and filter by them again. */
function showChange(event, view, showPicks, applyFilters) {
  if (event.detail.source === SOURCE) {
    return;
  }
  showPicks();
  if (view.picked.checked) {
    applyFilters();
  }
}

// --- Filtering --------------------------------------------------------------------------------------

/** The count of questions shown, written (and so announced) once the filters rest for a moment. */
function countAnnouncer(count, total) {
  return debounce((shown) => {
    count.textContent = shown === total ? t("picker.countAll", { count: total }) : t("picker.count", { count: shown, total });
  }, 300);
}

// Which questions match is worked out at once; showing and hiding them is the costly part (style
// and layout), so in a long bank only the first changes are made at once, in page order, and the
// rest in slices, one per frame. A new keystroke cancels the slices left and starts from where the
// page is. Banks up to `long_bank` questions (questions.json) change at once. `work` holds {frame,
// queue, long}: the frame asked for, and the [element, hidden] changes still to make.

/** Make `size` of the queued changes now and ask for a frame for the next slice. */
function showSlice(work, size) {
  const slice = work.queue.splice(0, size);
  for (const [element, hidden] of slice) {
    element.hidden = hidden;
  }
  work.frame = work.queue.length
    ? window.requestAnimationFrame(() => showSlice(work, work.long ? SLICE : work.queue.length))
    : 0;
}

/** Apply the filters in effect: {lists, view, work, announceCount} are the picker's lists and parts. */
function showMatches({ lists, view, work, announceCount }) {
  const filters = readFilters(view.controls);
  const sheet = filters.picked ? activeSheet(store.data) : null;
  window.cancelAnimationFrame(work.frame);
  work.queue = [];
  let shown = 0;
  for (const [list, members] of lists) {
    shown += filterList(list, members, filters, sheet, work.queue);
  }
  showSlice(work, work.long ? FIRST_SLICE : work.queue.length);
  view.empty.hidden = shown > 0;
  view.clear.disabled = !filters.words.length && !filters.category && !filters.tags.length && !filters.picked;
  announceCount(shown);
}

/** Queue the changes one list needs, hide it and its heading when nothing in it matches; returns the matches. */
function filterList(list, members, filters, sheet, queue) {
  let visibleHere = 0;
  for (const item of members) {
    const match = matches(item, filters, sheet);
    if (item.element.hidden === match) {
      queue.push([item.element, !match]);
    }
    if (match) {
      visibleHere += 1;
    }
  }
  const hideList = visibleHere === 0;
  if (list.hidden !== hideList) {
    list.hidden = hideList;
    const heading = list.previousElementSibling;
    if (heading && /^H[2-6]$/.test(heading.tagName)) {
      heading.hidden = hideList;
    }
  }
  return visibleHere;
}

/** Clear the search and every filter, and go back to the search box. */
function clearFilters(view, applyFilters) {
  view.search.value = "";
  for (const select of view.controls.selects) {
    select.value = "";
  }
  view.picked.checked = false;
  applyFilters();
  view.search.focus();
}

/** Add a filter's select to the form; returns it. */
function addSelect(view, filter, label, options, onChange) {
  const id = uid(`picker-${filter}`);
  const select = h(
    "select",
    { id, class: "guide-select", dataset: { filter } },
    h("option", { value: "", text: t("picker.any") }),
    options.map(([value, text]) => h("option", { value, text })),
  );
  select.addEventListener("change", onChange);
  view.controls.selects.push(select);
  view.selectsBox.append(h("div", { class: "guide-field" }, h("label", { for: id, text: label }), select));
  return select;
}

/** Once the bank is read: the topic and tag filters for what this page holds, and the starter set. */
function startWithBank(bank, items, view, { applyFilters, showPicks }) {
  const categoriesHere = new Set(items.map((item) => item.category));
  if (categoriesHere.size > 1) {
    const categories = (bank.categories ? Array.from(bank.categories.values()) : []).filter((c) => categoriesHere.has(c.id));
    addSelect(view, "category", t("picker.category"), categories.map((c) => [c.id, c.title]), applyFilters);
  }
  let purposeSelect = null;
  for (const group of bank.tag_groups || []) {
    const present = group.values.filter((value) => items.some((item) => item.tags.has(`${group.id}:${value.id}`)));
    if (present.length) {
      const options = present.map((value) => [value.id, value.label]);
      const select = addSelect(view, group.id, group.label, options, applyFilters);
      if (group.id === bank.purpose_group) {
        purposeSelect = select;
      }
    }
  }
  mountSuggestion(bank, purposeSelect, view, () => {
    showPicks();
    applyFilters();
  });
  applyFilters();
}

// --- Starter set ------------------------------------------------------------------------------------

/** The "Suggest a starter set" button and its hint, when the bank recommends sets; `onAdded` redraws. */
function mountSuggestion(bank, purposeSelect, view, onAdded) {
  const sets = bank.recommended && Array.isArray(bank.recommended.sets) ? bank.recommended.sets : [];
  if (!sets.length) {
    return;
  }
  const limit = bank.recommended.count || 10;
  const hintId = uid("suggest-hint");
  const button = h("button", {
    type: "button",
    class: "guide-button guide-button--primary",
    "aria-describedby": hintId,
    text: t("picker.suggest"),
  });
  const hint = h("p", { id: hintId, class: "guide-hint" });
  if (purposeSelect) {
    purposeSelect.addEventListener("change", () => describePurpose(hint, purposeSelect, limit));
  }
  describePurpose(hint, purposeSelect, limit);
  button.addEventListener("click", () => {
    const purpose = purposeSelect && purposeSelect.value ? purposeSelect.value : null;
    const { added, size } = addStarterSet(bank, sets.find((entry) => entry.purpose === purpose) || sets[0], limit);
    onAdded();
    view.say(added ? t("picker.suggested", { count: added, total: size }) : t("picker.suggestedNone", { total: size }));
  });
  view.suggestBox.append(button, hint);
  view.suggestBox.hidden = false;
}

/** Say what the starter set adds, for the purpose chosen (if any). */
function describePurpose(hint, purposeSelect, limit) {
  const chosen = purposeSelect && purposeSelect.value ? purposeSelect.selectedOptions[0].textContent : "";
  hint.textContent = chosen ? t("picker.suggestHintFor", { count: limit, purpose: chosen }) : t("picker.suggestHint", { count: limit });
}

/** Top the active sheet up from `set` to `limit` questions; returns {added, size}. */
function addStarterSet(bank, set, limit) {
  let added = 0;
  let size = 0;
  store.update((data) => {
    const sheet = ensureActiveSheet(data);
    for (const id of set.question_ids) {
      if (sheet.questions.length >= limit) {
        break;
      }
      const question = bank.byId.get(id);
      if (question && addBankQuestion(sheet, id, question.text)) {
        added += 1;
      }
    }
    size = sheet.questions.length;
  }, SOURCE);
  return { added, size };
}
