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

/** What the page needs to know about one list: its items and its name. */
function describe(list, number) {
  const heading = headingOf(list);
  const items = Array.from(list.querySelectorAll(`:scope > ${ITEM}`)).map((element) => ({
    id: element.dataset.checklistItem,
    box: element.querySelector(":scope > label input[type=checkbox], :scope > p > label input[type=checkbox]"),
  })).filter((item) => item.id && item.box);
  const name = (heading && headingText(heading)) || t("checklist.untitled", { number });
  return { list, heading, items, name };
}

/** How many of a list's items are ticked. */
function doneCount(checklist) {
  return checklist.items.filter((item) => item.box.checked).length;
}

/** A list's progress in words: "3 of 8 done", or all done. */
function progressText(done, total) {
  return done === total ? t("checklist.allDone", { total }) : t("checklist.progress", { count: done, total });
}

/** Make the checklist `elements` of the page keep their ticks; returns the cleanup (null with no items). */
function mountChecklists(elements) {
  const found = elements.map((list, index) => describe(list, index + 1)).filter((c) => c.items.length);
  if (!found.length) {
    return null;
  }
  const live = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const say = liveRegion(live);
  const page = pageParts(found, live);
  const checklists = found.map((checklist) => ({ ...checklist, ...progressBar(checklist) }));
  const byBox = boxIndex(checklists);
  const showAll = () => showTicks(checklists, page.overallText);
  const showAllProgress = () => showProgress(checklists, page.overallText);
  for (const checklist of checklists) {
    checklist.reset.addEventListener("click", () => resetList(checklist, say, showAll));
  }
  const onBoxChange = (event) => saveTick(byBox.get(event.target), say, showAllProgress);
  const container = found[0].list.closest(".md-content") || document.body;
  const ending = new AbortController();
  container.addEventListener("change", onBoxChange, { signal: ending.signal });
  store.addEventListener("change", (event) => event.detail.source !== SOURCE && showAll(), { signal: ending.signal });
  const stopNotice = mountStoreNotice(page.noticeSlot, showAll);
  showAll();

  return () => {
    ending.abort();
    stopNotice();
    unmount(checklists, [page.noticeSlot, page.overall, page.panel, live]);
  };
}

/** Each checkbox of the lists, with its {checklist, item}. */
function boxIndex(checklists) {
  const byBox = new Map();
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      byBox.set(item.box, { checklist, item });
    }
  }
  return byBox;
}

// --- Building ---------------------------------------------------------------------------------------

/**
 * The parts for the whole page, put in place: the store notice and, with several lists, the overall
 * progress above the first list and the "Your data" section at the end. Returns {noticeSlot, overall,
 * overallText, panel} (overallText is null with one list, panel too).
 */
function pageParts(checklists, live) {
  const several = checklists.length > 1;
  const noticeSlot = h("div", { class: "guide-checklist-notice guide-screen-only", hidden: true });
  const overallText = several ? h("p", { class: "guide-checklist-overall__text" }) : null;
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
  return { noticeSlot, overall, overallText, panel };
}

/** A list's progress bar and reset button, grouped with the list: {block, bar, text, meter, reset}. */
function progressBar(checklist) {
  const text = h("p", { class: "guide-checklist-progress__text" });
  const meter = h("progress", { class: "guide-checklist-progress__meter", max: checklist.items.length, "aria-hidden": "true" });
  const reset = h("button", {
    type: "button",
    class: "guide-button guide-checklist-progress__reset",
    "aria-label": t("checklist.resetLabel", { list: checklist.name }),
    text: t("checklist.reset"),
  });
  const bar = h(
    "div",
    { class: "guide-checklist-progress guide-screen-only" },
    h("div", { class: "guide-checklist-progress__count" }, text, meter),
    reset,
  );
  // The bar and the list, as one group named by the list's heading.
  if (checklist.heading && !checklist.heading.id) {
    checklist.heading.id = uid("checklist-heading");
  }
  const block = h("div", {
    class: "guide-checklist-block",
    role: "group",
    "aria-labelledby": checklist.heading ? checklist.heading.id : null,
    "aria-label": checklist.heading ? null : checklist.name,
  });
  checklist.list.before(block);
  block.append(bar, checklist.list);
  return { block, bar, text, meter, reset };
}

/** Put the page back as it was: each list out of its group, the parts added removed. */
function unmount(checklists, parts) {
  for (const checklist of checklists) {
    checklist.block.before(checklist.list);
    checklist.block.remove();
  }
  for (const element of parts) {
    element?.remove();
  }
}

// --- Showing ----------------------------------------------------------------------------------------

/** Each list's progress and, with several lists, the overall progress in `overallText`. */
function showProgress(checklists, overallText) {
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
  if (overallText) {
    overallText.textContent = t("checklist.overall", { count: done, total, lists: checklists.length });
  }
}

/** Set every box from the saved ticks; a box with no saved tick keeps what the page says. */
function showTicks(checklists, overallText) {
  const ticks = store.data.checklists;
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      const tick = ticks[item.id];
      item.box.checked = tick ? tick.done === true : item.box.defaultChecked;
    }
  }
  showProgress(checklists, overallText);
}

// --- Changing ---------------------------------------------------------------------------------------

/** Save the tick of a box that changed (`found`: its {checklist, item}, if it is a checklist's), and say it. */
function saveTick(found, say, showAllProgress) {
  if (!found) {
    return;
  }
  const { checklist, item } = found;
  const done = item.box.checked;
  store.update((data) => {
    data.checklists[item.id] = { done, at: new Date().toISOString() };
  }, SOURCE);
  showAllProgress();
  const count = doneCount(checklist);
  const total = checklist.items.length;
  say(t(done ? "checklist.ticked" : "checklist.unticked", { list: checklist.name, progress: progressText(count, total) }));
}

/** Ask, then untick every item of one list; `showAll` shows the ticks again. */
async function resetList(checklist, say, showAll) {
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
  showAll();
  say(t("checklist.resetDone", { list: checklist.name, total: checklist.items.length }));
}
