// Checklist ticks that last: on any page with checklist items (`[data-checklist-item]`, made by the
// build from `- [ ] text {#id step=page}`), each tick is saved under the item's id, so a tick stays when
// an advisor rewords the item. Each list shows its progress and can be reset; a page with several lists
// (the checklists page) also shows the overall progress and the "Your data" section.
//
// Without JavaScript the boxes are still real checkboxes that work for the visit. Printed pages show
// empty boxes (checklists.css).

import { dataPanel } from "../core/data-panel.js";
import { ask } from "../core/dialog.js";
import { h, liveRegion, uid } from "../core/dom.js";
import { mountStoreNotice } from "../core/notice.js";
import { onPage } from "../core/page.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import "../core/messages.js";
import "./messages.js";

const SOURCE = "checklists";
const ITEM = "[data-checklist-item]";

onPage(() => {
  const elements = Array.from(document.querySelectorAll("ul.guide-checklist")).filter((list) =>
    list.querySelector(`:scope > ${ITEM}`),
  );
  return elements.length ? mountChecklists(elements) : null;
});

/** The nearest heading above a list (skipping paragraphs), or null when another list comes first. */
function headingOf(list) {
  for (let element = list.previousElementSibling; element; element = element.previousElementSibling) {
    if (/^H[1-6]$/.test(element.tagName)) {
      return element;
    }
    if (element.matches("ul.guide-checklist")) {
      return null;
    }
  }
  return null;
}

/** A heading's words, without the permalink sign the theme adds. */
function headingText(heading) {
  return Array.from(heading.childNodes)
    .filter((node) => !(node.nodeType === Node.ELEMENT_NODE && node.classList.contains("headerlink")))
    .map((node) => node.textContent)
    .join("")
    .trim();
}

/** What the page needs to know about one list: its items, its name, and its progress bar. */
function describe(list, number) {
  const heading = headingOf(list);
  const items = Array.from(list.querySelectorAll(`:scope > ${ITEM}`)).map((element) => ({
    id: element.dataset.checklistItem,
    box: element.querySelector(":scope > label input[type=checkbox], :scope > p > label input[type=checkbox]"),
  })).filter((item) => item.id && item.box);
  const name = (heading && headingText(heading)) || t("checklist.untitled", { number });
  return { list, heading, items, name, block: null, bar: null, text: null, meter: null, reset: null };
}

/** How many of a list's items are ticked. */
function doneCount(checklist) {
  return checklist.items.filter((item) => item.box.checked).length;
}

function progressText(done, total) {
  return done === total ? t("checklist.allDone", { total }) : t("checklist.progress", { count: done, total });
}

function mountChecklists(elements) {
  const checklists = elements.map((list, index) => describe(list, index + 1)).filter((c) => c.items.length);
  if (!checklists.length) {
    return null;
  }
  const byBox = new Map();
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      byBox.set(item.box, { checklist, item });
    }
  }
  const live = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const say = liveRegion(live);
  const several = checklists.length > 1;
  const noticeSlot = h("div", { class: "guide-checklist-notice guide-screen-only", hidden: true });
  const overallText = h("p", { class: "guide-checklist-overall__text" });
  const overall = several
    ? h(
        "div",
        { class: "guide-checklist-overall guide-screen-only" },
        overallText,
        h("p", { class: "guide-hint", text: t("checklist.savedHere") }),
      )
    : null;
  const first = checklists[0];
  const top = first.heading || first.list;
  top.before(...[noticeSlot, overall].filter(Boolean));
  top.parentElement.append(live);
  let panel = null;
  if (several) {
    panel = dataPanel();
    panel.classList.add("guide-checklist-data");
    const article = first.list.closest(".md-content__inner") || first.list.parentElement;
    article.append(panel);
  }

  for (const checklist of checklists) {
    checklist.text = h("p", { class: "guide-checklist-progress__text" });
    checklist.meter = h("progress", { class: "guide-checklist-progress__meter", max: checklist.items.length, "aria-hidden": "true" });
    checklist.reset = h("button", {
      type: "button",
      class: "guide-button guide-checklist-progress__reset",
      "aria-label": t("checklist.resetLabel", { list: checklist.name }),
      text: t("checklist.reset"),
      on: { click: () => resetList(checklist) },
    });
    checklist.bar = h(
      "div",
      { class: "guide-checklist-progress guide-screen-only" },
      h("div", { class: "guide-checklist-progress__count" }, checklist.text, checklist.meter),
      checklist.reset,
    );
    // The bar and the list, as one group named by the list's heading.
    if (checklist.heading && !checklist.heading.id) {
      checklist.heading.id = uid("checklist-heading");
    }
    checklist.block = h("div", {
      class: "guide-checklist-block",
      role: "group",
      "aria-labelledby": checklist.heading ? checklist.heading.id : null,
      "aria-label": checklist.heading ? null : checklist.name,
    });
    checklist.list.before(checklist.block);
    checklist.block.append(checklist.bar, checklist.list);
  }

  // --- Showing --------------------------------------------------------------------------------------
  function showProgress() {
    let done = 0;
    let total = 0;
    for (const checklist of checklists) {
      const count = doneCount(checklist);
      checklist.text.textContent = progressText(count, checklist.items.length);
      checklist.meter.value = count;
      checklist.bar.classList.toggle("guide-checklist-progress--done", count === checklist.items.length);
      done += count;
      total += checklist.items.length;
    }
    if (overall) {
      overallText.textContent = t("checklist.overall", { count: done, total, lists: checklists.length });
    }
  }

  /** Set every box from the saved ticks; a box with no saved tick keeps what the page says. */
  function showTicks() {
    const ticks = store.data.checklists;
    for (const checklist of checklists) {
      for (const item of checklist.items) {
        const tick = ticks[item.id];
        item.box.checked = tick ? tick.done === true : item.box.defaultChecked;
      }
    }
    showProgress();
  }

  // --- Changing -------------------------------------------------------------------------------------
  function onBoxChange(event) {
    const found = byBox.get(event.target);
    if (!found) {
      return;
    }
    const { checklist, item } = found;
    const done = item.box.checked;
    store.update((data) => {
      data.checklists[item.id] = { done, at: new Date().toISOString() };
    }, SOURCE);
    showProgress();
    const count = doneCount(checklist);
    const total = checklist.items.length;
    say(t(done ? "checklist.ticked" : "checklist.unticked", { list: checklist.name, progress: progressText(count, total) }));
  }

  async function resetList(checklist) {
    const count = doneCount(checklist);
    if (!count) {
      say(t("checklist.resetNothing", { list: checklist.name }));
      return;
    }
    const answer = await ask({
      title: t("checklist.resetTitle", { list: checklist.name }),
      message: [t("checklist.resetMessage", { count }), t("checklist.resetOthers")],
      choices: [{ value: "reset", label: t("checklist.resetConfirm"), danger: true }],
      cancel: t("dialog.cancel"),
    });
    if (answer !== "reset") {
      say(t("checklist.resetCancelled", { list: checklist.name }));
      return;
    }
    const at = new Date().toISOString();
    store.update((data) => {
      for (const item of checklist.items) {
        // An item the page itself shows ticked needs an untick on record; the others just forget it.
        if (item.box.defaultChecked) {
          data.checklists[item.id] = { done: false, at };
        } else {
          delete data.checklists[item.id];
        }
      }
    }, SOURCE);
    showTicks();
    say(t("checklist.resetDone", { list: checklist.name, total: checklist.items.length }));
  }

  function onStoreChange(event) {
    if (event.detail.source !== SOURCE) {
      showTicks();
    }
  }

  const container = first.list.closest(".md-content") || document.body;
  container.addEventListener("change", onBoxChange);
  store.addEventListener("change", onStoreChange);
  const stopNotice = mountStoreNotice(noticeSlot, showTicks);
  showTicks();

  return () => {
    container.removeEventListener("change", onBoxChange);
    store.removeEventListener("change", onStoreChange);
    stopNotice();
    for (const checklist of checklists) {
      checklist.block.before(checklist.list);
      checklist.block.remove();
    }
    for (const element of [noticeSlot, overall, panel, live]) {
      element?.remove();
    }
  };
}
