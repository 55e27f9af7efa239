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
const LONG_LIST = 500;
const FIRST_SLICE = 100;
const SLICE = 400;
const PURPOSE_GROUP = "purpose";

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
    visible: true,
    box: null,
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

export function mountPicker(slot, elements) {
  const items = elements.map(describe);
  const lists = new Map();
  for (const item of items) {
    const list = item.element.parentElement;
    if (!lists.has(list)) {
      lists.set(list, []);
    }
    lists.get(list).push(item);
  }
  const total = items.length;
  const long = total > LONG_LIST;
  for (const list of lists.keys()) {
    list.classList.toggle("guide-questions--long", long);
  }
  const categoriesHere = new Set(items.map((item) => item.category));

  // --- Controls -------------------------------------------------------------------------------------
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
  const say = liveRegion(messages);
  const controls = { search, selects: [], picked };

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

  const summary = h("p", { class: "guide-tray__summary", "aria-live": "polite" });
  const guidanceText = h("p", { class: "guide-tray__guidance", "aria-live": "polite" });
  const openLink = h("a", { class: "guide-button guide-button--primary guide-tray__link", href: pageUrl("prep-sheet/") });
  const tray = h("div", { class: "guide-tool guide-tray" }, summary, openLink, guidanceText);

  slot.replaceChildren(panel);
  slot.hidden = false;
  slot.after(tray);
  document.documentElement.classList.add("guide-has-tray");

  // --- Picking --------------------------------------------------------------------------------------
  for (const item of items) {
    if (!item.textElement) {
      continue;
    }
    if (!item.textElement.id) {
      item.textElement.id = uid("question-text");
    }
    item.box = h("input", { type: "checkbox", class: "guide-checkbox", "aria-describedby": item.textElement.id });
    item.box.addEventListener("change", () => pick(item, item.box.checked));
    item.textElement.after(h("label", { class: "guide-pick" }, item.box, h("span", { text: t("picker.pick") })));
  }

  function pick(item, on) {
    store.update((data) => {
      const sheet = ensureActiveSheet(data);
      if (on) {
        addBankQuestion(sheet, item.id, item.text);
      } else {
        removeQuestion(sheet, item.id);
      }
    }, SOURCE);
    showPicks();
  }

  function showPicks() {
    const sheet = activeSheet(store.data);
    for (const item of items) {
      const on = hasQuestion(sheet, item.id);
      if (item.box && item.box.checked !== on) {
        item.box.checked = on;
      }
      item.element.classList.toggle("guide-question--picked", on);
    }
    const questions = sheet ? sheet.questions.length : 0;
    const guidance = questionGuidance(questions, sheet ? sheet.logistics.length : undefined);
    const several = store.data.prepSheets.length > 1 && sheet;
    summary.textContent = t("tray.count", { count: questions });
    const advice = t(guidance.state === "many" ? "guidance.many" : "guidance.fit", guidance);
    if (guidanceText.textContent !== advice) {
      guidanceText.textContent = advice; // announced only when it changes, such as from 11 to 12
    }
    tray.classList.toggle("guide-tray--many", guidance.state === "many");
    openLink.textContent = several ? t("tray.openNamed", { name: sheetName(store.data, sheet) }) : t("tray.open");
  }

  // --- Filtering ------------------------------------------------------------------------------------
  const announceCount = debounce((shown) => {
    count.textContent = shown === total ? t("picker.countAll", { count: total }) : t("picker.count", { count: shown, total });
  }, 300);

  // Which questions match is worked out at once; showing and hiding them is the costly part (style
  // and layout), so in a long bank only the first changes are made at once, in page order, and the
  // rest in slices, one per frame. A new keystroke cancels the slices left and starts from where the
  // page is. Banks up to LONG_LIST questions change at once.
  let frame = 0;
  let queue = [];

  function showSlice(size) {
    const slice = queue.splice(0, size);
    for (const item of slice) {
      item.element.hidden = !item.visible;
    }
    frame = queue.length ? window.requestAnimationFrame(() => showSlice(long ? SLICE : queue.length)) : 0;
  }

  function applyFilters() {
    const filters = readFilters(controls);
    const sheet = filters.picked ? activeSheet(store.data) : null;
    window.cancelAnimationFrame(frame);
    queue = [];
    let shown = 0;
    for (const [list, members] of lists) {
      let visibleHere = 0;
      for (const item of members) {
        const match = matches(item, filters, sheet);
        item.visible = match;
        if (item.element.hidden === match) {
          queue.push(item);
        }
        if (match) {
          visibleHere += 1;
        }
      }
      shown += visibleHere;
      const hideList = visibleHere === 0;
      if (list.hidden !== hideList) {
        list.hidden = hideList;
        const heading = list.previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) {
          heading.hidden = hideList;
        }
      }
    }
    showSlice(long ? FIRST_SLICE : queue.length);
    empty.hidden = shown > 0;
    clear.disabled = !filters.words.length && !filters.category && !filters.tags.length && !filters.picked;
    announceCount(shown);
  }

  search.addEventListener("input", applyFilters);
  picked.addEventListener("change", applyFilters);
  clear.addEventListener("click", () => {
    search.value = "";
    for (const select of controls.selects) {
      select.value = "";
    }
    picked.checked = false;
    applyFilters();
    search.focus();
  });

  function addSelect(filter, label, options) {
    const id = uid(`picker-${filter}`);
    const select = h(
      "select",
      { id, class: "guide-select", dataset: { filter } },
      h("option", { value: "", text: t("picker.any") }),
      options.map(([value, text]) => h("option", { value, text })),
    );
    select.addEventListener("change", applyFilters);
    controls.selects.push(select);
    selectsBox.append(h("div", { class: "guide-field" }, h("label", { for: id, text: label }), select));
    return select;
  }

  // --- Starter set ----------------------------------------------------------------------------------
  function mountSuggestion(bank, purposeSelect) {
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
    function describePurpose() {
      const chosen = purposeSelect && purposeSelect.value ? purposeSelect.selectedOptions[0].textContent : "";
      hint.textContent = chosen ? t("picker.suggestHintFor", { count: limit, purpose: chosen }) : t("picker.suggestHint", { count: limit });
    }
    if (purposeSelect) {
      purposeSelect.addEventListener("change", describePurpose);
    }
    describePurpose();
    button.addEventListener("click", () => {
      const purpose = purposeSelect && purposeSelect.value ? purposeSelect.value : null;
      const set = sets.find((entry) => entry.purpose === purpose) || sets[0];
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
      showPicks();
      applyFilters();
      say(added ? t("picker.suggested", { count: added, total: size }) : t("picker.suggestedNone", { total: size }));
    });
    suggestBox.append(button, hint);
    suggestBox.hidden = false;
  }

  // --- Start ----------------------------------------------------------------------------------------
  let alive = true;
  busyUntil(slot, loadBank()).then((bank) => {
    if (!alive || !bank) {
      return;
    }
    if (categoriesHere.size > 1) {
      const categories = (bank.categories ? Array.from(bank.categories.values()) : []).filter((c) => categoriesHere.has(c.id));
      addSelect("category", t("picker.category"), categories.map((c) => [c.id, c.title]));
    }
    let purposeSelect = null;
    for (const group of bank.tag_groups || []) {
      const present = group.values.filter((value) => items.some((item) => item.tags.has(`${group.id}:${value.id}`)));
      if (present.length) {
        const select = addSelect(group.id, group.label, present.map((value) => [value.id, value.label]));
        if (group.id === PURPOSE_GROUP) {
          purposeSelect = select;
        }
      }
    }
    mountSuggestion(bank, purposeSelect);
    applyFilters();
  });

  function onChange(event) {
    if (event.detail.source !== SOURCE) {
      showPicks();
      if (picked.checked) {
        applyFilters();
      }
    }
  }
  store.addEventListener("change", onChange);
  const stopNotice = mountStoreNotice(noticeSlot, () => showPicks());
  showPicks();
  applyFilters();
  announceCount.flush();

  return () => {
    alive = false;
    window.cancelAnimationFrame(frame);
    announceCount.cancel();
    store.removeEventListener("change", onChange);
    stopNotice();
    document.documentElement.classList.remove("guide-has-tray");
  };
}
