// Dragging a question of the prep sheet by its handle, loaded at the first drag (questions.js `startDrag`).

import { touch } from "../core/sheets.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports
import { changeSheet } from "./edit.js";

/** Where the dragged `element` goes as the pointer moves to `y`: before the item under it, else last. */
function dragTo(list, element, y) {
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
  // Near the window's edges the page scrolls, so that a question can be dragged beyond what is shown.
  if (y < 80) {
    window.scrollBy(0, -12);
  } else if (y > window.innerHeight - 60) {
    window.scrollBy(0, 12);
  }
}

/** Keep the order the drag left in `list`, and announce where the dragged question now is. */
function keepDraggedOrder({ list, element, sheet, say, renderList }) {
  const order = Array.from(list.children).map((child) => child.dataset.id);
  const from = sheet.questions.findIndex((item) => item.id === element.dataset.id);
  const to = order.indexOf(element.dataset.id);
  if (from === to) {
    return;
  }
  changeSheet(sheet, (stored) => {
    const byId = new Map(stored.questions.map((item) => [item.id, item]));
    stored.questions = order.map((id) => byId.get(id)).filter(Boolean);
    touch(stored);
  });
  renderList(null);
  say(t("questions.moved", { position: to + 1, total: order.length }));
}

/** Drag a question while the pointer that pressed its handle is down; Escape or a cancelled pointer undoes it. */
export function dragToReorder({ element, sheet, say, renderList }) {
  const list = element.parentElement;
  const before = Array.from(list.children);
  element.classList.add("guide-prep__item--dragging");
  list.classList.add("guide-prep__list--dragging");
  const onMove = (moveEvent) => dragTo(list, element, moveEvent.clientY);
  const onUp = () => finish(false);
  const onCancel = () => finish(true);
  const onKey = (keyEvent) => {
    if (keyEvent.key === "Escape") {
      finish(true);
    }
  };
  function finish(cancelled) {
    document.removeEventListener("pointermove", onMove);
    document.removeEventListener("pointerup", onUp);
    document.removeEventListener("pointercancel", onCancel);
    document.removeEventListener("keydown", onKey);
    element.classList.remove("guide-prep__item--dragging");
    list.classList.remove("guide-prep__list--dragging");
    if (cancelled) {
      list.replaceChildren(...before);
    } else {
      keepDraggedOrder({ list, element, sheet, say, renderList });
    }
  }
  document.addEventListener("pointermove", onMove);
  document.addEventListener("pointerup", onUp);
  document.addEventListener("pointercancel", onCancel);
  document.addEventListener("keydown", onKey);
}
